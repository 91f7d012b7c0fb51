"""The import wizard driven like a user: file, detection, mapping, preview, duplicates, import;
then Edit ▸ Undo; the import history's revert; export from the File menu."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.interop.csv_reading import Delimiter
from planner.interop.mapping import Target
from planner.services.board import add_lead, edit_lead
from tests.conftest import dump_database
from tests.planner.interop.sample_files import FRENCH, GOOGLE, OUTLOOK
from ui.importing.import_history_dialog import ImportHistoryDialog
from ui.importing.import_wizard import ImportWizard
from ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def open_wizard(window: MainWindow) -> ImportWizard:
    wizard = window.import_actions.open_import()
    assert isinstance(wizard, ImportWizard)
    return wizard


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)


def read_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    """Names the file and goes on once it was read (off the GUI thread)."""
    wizard.file_page.path_field.setText(str(path))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.reading_page, timeout=10_000)


def import_file(qtbot: QtBot, window: MainWindow, path: Path, tag: str = "") -> ImportWizard:
    """Runs the wizard through every page without changing a proposal."""
    wizard = open_wizard(window)
    read_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete(), timeout=10_000)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.duplicates_page
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.run_page
    wizard.run_page.tag.setText(tag)
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    return wizard


def test_a_google_export_imports_into_cold_and_undo_takes_it_back(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    before = dump_database(window.workspace)
    wizard = import_file(qtbot, window, GOOGLE.write(tmp_path), tag="fair")
    assert wizard.result() == QWizard.DialogCode.Accepted
    leads = window.workspace.leads.find()
    assert [(lead.name, lead.column) for lead in leads] == [
        ("Anna Nowak", Column.COLD),
        ("Jürgen Müller", Column.COLD),
    ]
    qtbot.waitUntil(lambda: window.board.view(Column.COLD).model().rowCount() == 2)
    assert window.undo_action.text() == "Undo Import of 2 leads"
    window.undo_action.trigger()
    assert dump_database(window.workspace) == before
    qtbot.waitUntil(lambda: window.board.view(Column.COLD).model().rowCount() == 0)


def test_the_reading_page_shows_and_corrects_what_was_detected(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    wizard = open_wizard(empty_window)
    read_file(qtbot, wizard, FRENCH.write(tmp_path))
    page = wizard.reading_page
    assert page.detected.text() == (
        "Read as Western European (Windows-1252), Semicolon (;): 2 rows, 12 columns."
    )
    page.delimiter.setCurrentIndex(page.delimiter.findData(Delimiter.COMMA))
    page.reread()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "Comma (,)" in page.detected.text()
    assert page.preview.columnCount() < 12
    page.delimiter.setCurrentIndex(page.delimiter.findData(Delimiter.SEMICOLON))
    page.encoding.setCurrentIndex(page.encoding.findData("utf-16"))
    page.reread()
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=10_000)
    assert "contacts-fr.csv cannot be read as Unicode (UTF-16" in page.error.text()
    assert not page.isComplete()
    page.encoding.setCurrentIndex(page.encoding.findData("cp1252"))
    page.reread()
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.preview.item(0, 3).text() == "Boulangerie Dorée"
    wizard.reject()


def test_a_file_that_cannot_be_read_stays_on_the_first_page(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    wizard = open_wizard(empty_window)
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 40)
    wizard.file_page.path_field.setText(str(path))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(wizard.file_page.error.text()), timeout=10_000)
    assert wizard.currentPage() is wizard.file_page
    assert "photo.csv is not a text file" in wizard.file_page.error.text()
    wizard.reject()


def test_mapping_change_and_problems_marked_per_cell(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Wer,Mail\nAnna,anna@x.example\nBob,bob@\n", encoding="utf-8")
    wizard = open_wizard(empty_window)
    read_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    assert "name" in wizard.mapping_page.error.text()
    wizard.mapping_page.choose("Wer", Target.NAME)
    wizard.mapping_page.save.setChecked(True)
    next_page(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.session.plan is not None, timeout=10_000)
    assert not preview.isComplete()
    bad = preview.view.item(1, 1)
    assert bad.toolTip() == "'bob@' is not an email address"
    assert preview.problems.item(0).text() == (
        "Row 3, 'Mail' (column B): 'bob@' is not an email address"
    )
    report = preview.save_report_to(tmp_path / "problems.csv")
    assert report is not None
    assert report.read_text(encoding="utf-8-sig").splitlines() == [
        "Row,Problem,Wer,Mail",
        "3,'Mail' (column B): 'bob@' is not an email address,Bob,bob@",
    ]
    preview.skip_invalid.setChecked(True)
    assert preview.isComplete()
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert [lead.name for lead in empty_window.workspace.leads.find()] == ["Anna"]
    again = open_wizard(empty_window)
    other = tmp_path / "next-week.csv"
    other.write_text("Mail,Wer\ncleo@x.example,Cleo\n", encoding="utf-8")
    read_file(qtbot, again, other)
    next_page(qtbot, again)
    assert again.session.mapping is not None
    assert again.session.mapping.targets() == (Target.EMAIL, Target.NAME)
    again.reject()


def test_duplicates_answered_per_row(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    add_lead(window.workspace, LeadDraft("Anna N.", email="anna@zlota.example", city="Łódź"))
    wizard = open_wizard(window)
    read_file(qtbot, wizard, OUTLOOK.write(tmp_path))
    for _page in range(2):
        next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete(), timeout=10_000)
    next_page(qtbot, wizard)
    page = wizard.duplicates_page
    assert page.view.rowCount() == 1
    assert page.view.item(0, 2).text() == "same email as 'Anna N.' (lead 1)"
    combo = page.view.cellWidget(0, 3)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    next_page(qtbot, wizard)
    assert wizard.run_page.summary.text().startswith("1 new lead, 1 updated.")
    with qtbot.waitSignal(wizard.finished, timeout=20_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    anna = window.workspace.leads.get(1)
    assert (anna.name, anna.title, anna.city) == ("Anna Nowak", "Owner", "Łódź")


def test_cancel_during_the_import_leaves_nothing(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    rows = "".join(f"Lead {number},lead{number}@x.example\n" for number in range(20_000))
    path.write_text("Name,Email\n" + rows, encoding="utf-8")
    window = empty_window
    before = dump_database(window.workspace)
    wizard = open_wizard(window)
    read_file(qtbot, wizard, path)
    for _page in range(2):
        next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete(), timeout=30_000)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    step = wizard.run_page.step
    with qtbot.waitSignal(step.cancelled, timeout=30_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
        qtbot.mouseClick(step.cancel_button, LEFT)
    assert step.status.text() == "Cancelled; nothing was imported."
    assert dump_database(window.workspace) == before
    assert window.undo_stack.count() == 0
    wizard.reject()


def test_import_history_reverts_and_refuses_a_changed_lead(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    import_file(qtbot, window, GOOGLE.write(tmp_path))
    dialog = window.import_actions.open_history()
    assert isinstance(dialog, ImportHistoryDialog)
    assert dialog.view.item(0, 1).text() == "contacts.csv"
    assert dialog.view.item(0, 2).text() == "2"
    add_lead(window.workspace, LeadDraft("Typed later"))
    dialog.revert_selected()
    assert [lead.name for lead in window.workspace.leads.find()] == ["Typed later"]
    assert dialog.view.item(0, 7).text().startswith("Reverted")
    assert not dialog.revert_button.isEnabled()
    window.undo_action.trigger()
    assert len(window.workspace.leads.find()) == 3
    anna = window.workspace.leads.find()[0]
    window.operations.run(lambda workspace: edit_lead(workspace, anna.id, LeadDraft("Anna Maria")))
    dialog.view.selectRow(0)
    assert dialog.revert_button.isEnabled()
    dialog.revert_selected()
    assert "'Anna Maria' (lead 1)" in dialog.error.text()
    dialog.reject()


def test_export_writes_csv_and_vcard(qtbot: QtBot, main_window: MainWindow, tmp_path: Path) -> None:
    csv_path = main_window.import_actions.export_to(tmp_path / "leads.csv")
    vcf_path = main_window.import_actions.export_to(tmp_path / "leads.vcf")
    count = len(main_window.workspace.leads.find())
    assert csv_path is not None
    assert vcf_path is not None
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert vcf_path.read_text(encoding="utf-8").count("BEGIN:VCARD") == count


def test_export_selected_cards_and_the_boards_search(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[Path] = []

    def save_as(*_arguments: object, **_options: object) -> tuple[str, str]:
        return str(chosen[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    leads = main_window.workspace.leads.find()
    assert main_window.board.select_leads([leads[0].id, leads[1].id], focus=True)
    chosen.append(tmp_path / "two.vcf")
    written = main_window.import_actions.choose_export_file_for_selection()
    assert written == chosen[-1]
    assert written.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    main_window.board.search_field.setText(leads[2].name)
    chosen.append(tmp_path / "found")
    written = main_window.import_actions.choose_export_file()
    assert written == tmp_path / "found.csv"
    assert leads[2].name in written.read_text(encoding="utf-8-sig")
