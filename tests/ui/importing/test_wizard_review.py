"""What a new user saw in the wizard: a whole address shown split, pages that name their
columns and fields readably, and keys for every field."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.importing.test_import_wizard import next_page, open_wizard, read_file
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
