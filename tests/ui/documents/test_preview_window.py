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
from ui.documents.preview_window import DocumentPreview
from ui.documents.printing import pages_to_print, print_document

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
