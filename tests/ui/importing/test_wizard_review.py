"""What a new user saw in the wizard: a whole address shown split, pages that name their
columns and fields readably, and keys for every field."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWizard
from pytestqt.qtbot import QtBot

from planner.interop.mapping import Target
from planner.locale import format_day
from tests.planner.interop.sample_files import GOOGLE
from tests.ui.importing.test_import_wizard import import_file, next_page, open_wizard, read_file
from ui.importing.import_history_dialog import ImportHistoryDialog
from ui.importing.import_wizard import ImportWizard
from ui.main_window import MainWindow


def preview_of(qtbot: QtBot, window: MainWindow, path: Path) -> ImportWizard:
    """The wizard on its preview page for ``path``, mapped as proposed."""
    wizard = open_wizard(window)
    read_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.session.plan is not None, timeout=10_000)
    return wizard


def headings(wizard: ImportWizard) -> list[str]:
    view = wizard.preview_page.view
    return [view.horizontalHeaderItem(column).text() for column in range(view.columnCount())]


def test_a_whole_address_is_previewed_in_its_parts(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text('Name,Address\nEwa,"ul. Kwiatowa 3\n31-000 Kraków\nPoland"\n', "utf-8")
    wizard = preview_of(qtbot, empty_window, path)
    shown = headings(wizard)
    assert shown[:2] == ["Name", "Street"]
    cells = {
        heading: wizard.preview_page.view.item(0, column).text()
        for column, heading in enumerate(shown)
    }
    assert cells["Postal code"] == "31-000"
    assert cells["City"] == "Kraków"
    assert cells["Country"] == "Poland"
    wizard.reject()


def test_every_page_explains_itself_and_every_field_has_a_key(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    wizard = open_wizard(empty_window)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        assert page.subTitle(), page.title()
    for page in (wizard.reading_page, wizard.run_page):
        layout = page.findChild(QFormLayout)
        assert layout is not None
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            assert isinstance(label, QLabel)
            assert "&" in label.text(), label.text()
            assert label.buddy() is not None
    labels = wizard.duplicates_page.findChildren(QLabel)
    assert any(label.text() == "For &every duplicate:" for label in labels)
    wizard.reject()


def test_the_raw_preview_shows_whole_headings_and_counts_in_words(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "one.csv"
    path.write_text("Phonetic Middle Name of the contact,Name\n,Anna\n", "utf-8")
    wizard = open_wizard(empty_window)
    wizard.show()
    read_file(qtbot, wizard, path)
    view = wizard.reading_page.preview
    heading = view.horizontalHeaderItem(0).text()
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(heading)
    assert wizard.reading_page.detected.text().endswith(": 1 row, 2 columns.")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page.view
    assert [mapping.verticalHeaderItem(row).text() for row in range(2)] == ["A", "B"]
    wizard.reject()


def test_a_row_with_a_problem_is_marked_and_the_list_leads_to_its_cell(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Name,Email\nAnna,anna@x.example\nBob,bob@\n", "utf-8")
    wizard = preview_of(qtbot, empty_window, path)
    page = wizard.preview_page
    header = page.view.verticalHeaderItem(1)
    assert header.text() == "⚠ 3"
    assert header.toolTip() == "'bob@' is not an email address"
    assert page.view.verticalHeaderItem(0).text() == "2"
    page.problems.setCurrentRow(0)
    assert (page.view.currentRow(), page.view.currentColumn()) == (1, 1)
    wizard.reject()


def test_without_duplicates_the_page_says_so_and_hides_the_choices(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Name,Email\nAnna,anna@x.example\n", "utf-8")
    wizard = preview_of(qtbot, empty_window, path)
    wizard.show()
    next_page(qtbot, wizard)
    page = wizard.duplicates_page
    assert wizard.currentPage() is page
    assert page.summary.text() == "No duplicates: every row is a new lead."
    assert not page.view.isVisible()
    assert not page.batch.isVisible()
    assert not page.only_update.isVisible()
    wizard.reject()


def test_the_wizard_is_roomy_but_fits_the_screen(qtbot: QtBot, empty_window: MainWindow) -> None:
    wizard = open_wizard(empty_window)
    screen = wizard.screen().availableGeometry()
    assert wizard.width() <= screen.width()
    assert wizard.height() <= screen.height()
    line = wizard.fontMetrics().height()
    assert wizard.height() >= min(line * 40, screen.height() * 0.8)
    wizard.reject()


def test_the_import_history_shows_days_and_times_where_the_user_lives(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    import_file(qtbot, window, GOOGLE.write(tmp_path))
    dialog = window.import_actions.open_history()
    assert isinstance(dialog, ImportHistoryDialog)
    (record,) = dialog.records
    moment = datetime.fromisoformat(record.imported_at).astimezone()
    assert dialog.view.item(0, 0).text() == f"{format_day(moment.date())} {moment:%H:%M}"
    assert dialog.view.item(0, 2).textAlignment() & Qt.AlignmentFlag.AlignRight
    assert dialog.view.verticalHeader().isHidden()
    dialog.revert_selected()
    assert dialog.view.item(0, 7).text().startswith(f"Reverted {format_day(moment.date())} ")
    assert "T" not in dialog.view.item(0, 7).text().removeprefix("Reverted ")
    dialog.reject()


def test_a_workbook_opens_on_the_sheet_that_holds_the_rows(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.create_sheet("Leads").append(["Name", "Email"])
    book["Leads"].append(["Ewa", "ewa@kwiaty.example"])
    path = tmp_path / "leads.xlsx"
    book.save(path)
    wizard = open_wizard(empty_window)
    read_file(qtbot, wizard, path)
    assert wizard.reading_page.sheet.currentText() == "Leads"
    assert wizard.reading_page.preview.item(0, 0).text() == "Ewa"
    wizard.reject()


def test_while_checking_only_the_progress_and_its_stop_button_show(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    rows = "".join(f"Person {n},p{n}@example.com\n" for n in range(20_000))
    path.write_text("Name,Email\n" + rows, "utf-8")
    wizard = open_wizard(empty_window)
    wizard.show()
    read_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.preview_page
    assert page.step.is_running
    stop = page.step.cancel_button
    assert stop.text() == "Sto&p"
    assert not stop.autoDefault()
    assert not page.skip_invalid.isVisible()
    assert not page.save_report.isVisible()
    assert not page.problems.isVisible()
    wizard.reject()


def test_no_two_keys_on_a_page_share_a_letter(qtbot: QtBot, empty_window: MainWindow) -> None:
    wizard = open_wizard(empty_window)
    first, *_others, last = wizard.pageIds()
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        texts = [label.text() for label in page.findChildren(QLabel)]
        texts += [button.text() for button in page.findChildren(QAbstractButton)]
        if page_id != first:
            texts.append(page.buttonText(QWizard.WizardButton.BackButton))
        if page_id == last:
            texts.append(page.buttonText(QWizard.WizardButton.FinishButton))
        else:
            texts.append(page.buttonText(QWizard.WizardButton.NextButton))
        letters = [
            text[text.index("&") + 1].casefold() for text in texts if "&" in text.rstrip("&")
        ]
        assert len(letters) == len(set(letters)), (page.title(), sorted(letters))
    wizard.reject()


def test_the_reading_page_advises_what_fits_the_kind_of_file(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    cards = tmp_path / "phone.vcf"
    cards.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ewa\r\nEND:VCARD\r\n", "utf-8")
    wizard = open_wizard(empty_window)
    read_file(qtbot, wizard, cards)
    assert "separator" not in wizard.reading_page.subTitle()
    assert "card" in wizard.reading_page.subTitle()
    wizard.reject()


def test_the_empty_board_offers_to_import_contacts(qtbot: QtBot, empty_window: MainWindow) -> None:
    panel = empty_window.board.empty_panel
    assert panel.import_button.isVisible()
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    wizard = empty_window.import_actions.dialog
    assert isinstance(wizard, ImportWizard)
    assert wizard.isVisible()
    wizard.reject()


def test_the_mapping_is_changed_with_the_keyboard_and_tab_leaves_the_table(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Name,Mail,Remarks\nAnna,anna@x.example,hello\n", "utf-8")
    wizard = open_wizard(empty_window)
    wizard.show()
    qtbot.waitExposed(wizard)
    read_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    view = page.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentRow() == 1
    combo = page.combos[1]
    assert combo.currentData() == Target.EMAIL
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(combo.view().isVisible)
    popup = combo.view()
    popup.setCurrentIndex(combo.model().index(combo.findData(Target.NOTES), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert wizard.session.mapping is not None
    assert wizard.session.mapping.targets()[1] is Target.NOTES
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert page.save.hasFocus()
    wizard.reject()


def test_an_empty_import_history_says_how_to_import(qtbot: QtBot, empty_window: MainWindow) -> None:
    dialog = empty_window.import_actions.open_history()
    assert isinstance(dialog, ImportHistoryDialog)
    qtbot.waitExposed(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("No imports yet" in label.text() for label in labels)
    assert not dialog.view.isVisible()
    assert not dialog.revert_button.isEnabled()
    dialog.reject()
