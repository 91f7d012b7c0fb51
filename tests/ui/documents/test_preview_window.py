"""The preview window: loads a PDF, prints its pages through QPrinter, saves and opens copies."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.documents.address import Recipient
from planner.documents.envelopes import write_envelopes
from planner.documents.profile import SenderProfile
from planner.documents.stationery import EnvelopeSize
from tests.ui.documents.conftest import SENDER, pdf_pages
from ui.documents.preview_window import (
    PAGES_LAID_OUT_AT_ONCE,
    PAGES_PER_STEP,
    DocumentPreview,
    page_sizes_reader,
)
from ui.documents.printing import pages_to_print, print_document
from ui.main_window import MainWindow

PRINT_DPI = 96
"""Low, so the test prints quickly; the routine is the same at any resolution."""


def _envelopes(path: Path, count: int, sender: SenderProfile = SENDER) -> Path:
    recipients = [
        Recipient(number, f"Recipient {number}", (f"Recipient {number}", "1 Main Street", "Town"))
        for number in range(1, count + 1)
    ]
    write_envelopes(str(path), EnvelopeSize.DL, recipients, sender)
    return path


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(PRINT_DPI)
    return printer


@pytest.fixture
def preview(qtbot: QtBot, tmp_path: Path) -> DocumentPreview:
    """A preview on three DL envelopes."""
    shown = DocumentPreview(_envelopes(tmp_path / "envelopes.pdf", 3), "Envelopes")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_preview_loads_the_pdf(preview: DocumentPreview) -> None:
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count == 3
    assert preview.page_label.text() == "Page 1 of 3"
    assert preview.windowTitle() == "Envelopes — envelopes.pdf"
    assert preview.print_action.isEnabled()


def test_a_file_that_is_not_a_pdf_is_said_so(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a pdf", encoding="utf-8")
    shown = DocumentPreview(broken, "Broken")
    qtbot.addWidget(shown)
    assert shown.page_label.text() == f"{broken} could not be read"
    assert not shown.print_action.isEnabled()
    assert not shown.save_action.isEnabled()


def test_printing_renders_every_page_into_the_printer(
    preview: DocumentPreview, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed)
    assert preview.print_to(printer) == 3
    reader = PdfReader(printed)
    assert len(reader.pages) == 3
    for page in reader.pages:
        (image,) = page.images
        assert image.image is not None
        assert image.image.width > image.image.height


def test_printing_keeps_to_the_page_range_and_the_paper(
    preview: DocumentPreview, tmp_path: Path
) -> None:
    from ui.documents.printing import match_printer_to_document

    printed = tmp_path / "two.pdf"
    printer = _pdf_printer(printed)
    match_printer_to_document(printer, preview.document)
    printer.setFromTo(2, 3)
    assert pages_to_print(printer, preview.document) == range(1, 3)
    assert print_document(preview.document, printer) == 2
    assert pdf_pages(printed) == 2
    box = PdfReader(printed).pages[0].mediabox
    assert float(box.width) == pytest.approx(623.6, abs=1.5)
    assert float(box.height) == pytest.approx(311.8, abs=1.5)


def test_save_as_pdf_copies_the_file(preview: DocumentPreview, tmp_path: Path) -> None:
    target = tmp_path / "kept" / "copy.pdf"
    target.parent.mkdir()
    assert preview.save_copy(target) == target
    assert target.read_bytes() == preview.path.read_bytes()
    assert preview.statusBar().currentMessage() == f"Saved {target}"


def test_open_hands_the_file_to_the_system_viewer(
    preview: DocumentPreview, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    preview.open_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(preview.path))]


@pytest.mark.parametrize("closing", ["escape", "close-key"])
def test_escape_and_the_close_key_close_the_preview(
    qtbot: QtBot, tmp_path: Path, closing: str
) -> None:
    key = (
        QKeySequence(Qt.Key.Key_Escape)
        if closing == "escape"
        else QKeySequence(QKeySequence.StandardKey.Close)  # Ctrl+W, or the platform's own
    )
    shown = DocumentPreview(_envelopes(tmp_path / "envelopes.pdf", 1), "Envelopes")
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    with qtbot.waitSignal(shown.destroyed):
        qtbot.keySequence(shown, key)


def test_a_long_document_is_laid_out_after_its_pages_are_measured_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pages = PAGES_LAID_OUT_AT_ONCE + 20
    shown = DocumentPreview(_envelopes(tmp_path / "many.pdf", pages), "Envelopes")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.page_count == pages
    assert shown.print_action.isEnabled()
    qtbot.waitUntil(lambda: shown.is_laid_out)
    assert shown.view.document() is shown.document
    assert shown.page_label.text() == f"Page 1 of {pages}"
    assert shown.statusBar().currentMessage() == ""


def test_measuring_a_long_document_reports_progress_every_few_pages(
    qapp: object, tmp_path: Path
) -> None:
    """Each report hands the interpreter lock to the GUI thread, so the steps must be short."""
    pages = PAGES_PER_STEP * 2 + 3
    document = QPdfDocument()
    document.load(str(_envelopes(tmp_path / "many.pdf", pages)))
    reports: list[tuple[int, int]] = []

    measured = page_sizes_reader(document)(
        lambda done, total: reports.append((done, total)), lambda: False
    )

    assert measured == pages
    assert reports == [(PAGES_PER_STEP, pages), (PAGES_PER_STEP * 2, pages), (pages, pages)]


def test_a_long_document_closed_while_measured_stops_cleanly(qtbot: QtBot, tmp_path: Path) -> None:
    shown = DocumentPreview(_envelopes(tmp_path / "many.pdf", PAGES_LAID_OUT_AT_ONCE + 20), "E")
    qtbot.addWidget(shown)
    shown.show()
    shown.close()
    assert not shown.is_laid_out


def test_closing_the_window_closes_a_preview_still_measuring_its_pages(
    main_window: MainWindow, tmp_path: Path
) -> None:
    path = _envelopes(tmp_path / "many.pdf", PAGES_LAID_OUT_AT_ONCE + 20)
    preview = main_window.document_actions.open_preview(path, "Envelopes")
    main_window.close()
    assert not preview.isVisible()
    assert not preview.is_laid_out
