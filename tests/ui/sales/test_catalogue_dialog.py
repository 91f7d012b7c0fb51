"""The catalogue dialog: add, edit and delete entries, CSV out and back in, all undoable."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.money import Money
from ui.operations import Operations
from ui.sales.catalogue_dialog import CatalogueDialog


@pytest.fixture
def dialog(qtbot: QtBot, operations: Operations) -> CatalogueDialog:
    shown = CatalogueDialog(operations)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _fill(qtbot: QtBot, dialog: CatalogueDialog, name: str, price: str, tax: str) -> None:
    dialog.name_field.setText("")
    qtbot.keyClicks(dialog.name_field, name)
    dialog.price_field.setText("")
    qtbot.keyClicks(dialog.price_field, price)
    dialog.tax_field.setText("")
    qtbot.keyClicks(dialog.tax_field, tax)


def test_entries_are_added_edited_deleted_and_undone(
    qtbot: QtBot, dialog: CatalogueDialog, operations: Operations
) -> None:
    _fill(qtbot, dialog, "Consulting", "120", "19")
    dialog.unit_field.setText("hour")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [(item.name, item.unit_price) for item in dialog.items] == [
        ("Consulting", Money(12000, "EUR"))
    ]
    assert dialog.selected() is not None
    _fill(qtbot, dialog, "Consulting (senior)", "150.50", "19")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [item.name for item in operations.workspace.catalogue.items()] == ["Consulting (senior)"]
    assert dialog.table.item(0, 0) is not None
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.items == []
    operations.undo_stack.undo()
    assert [item.name for item in dialog.items] == ["Consulting (senior)"]


def test_a_bad_price_or_rate_is_shown_and_nothing_is_saved(
    qtbot: QtBot, dialog: CatalogueDialog, operations: Operations
) -> None:
    _fill(qtbot, dialog, "Thing", "twelve", "19")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "twelve" in dialog.error_label.text()
    _fill(qtbot, dialog, "Thing", "12", "120")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "120" in dialog.error_label.text()
    assert operations.workspace.catalogue.items() == []


def test_csv_goes_out_and_comes_back_as_one_step(
    qtbot: QtBot, dialog: CatalogueDialog, operations: Operations, tmp_path: Path
) -> None:
    _fill(qtbot, dialog, "Hosting", "19.99", "7")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "catalogue.csv"
    assert dialog.export_file(path)
    assert "Hosting,,,19.99,EUR,7" in path.read_text(encoding="utf-8")
    change = dialog.import_file(path)
    assert change is not None
    assert [item.name for item in dialog.items] == ["Hosting", "Hosting"]
    operations.undo_stack.undo()
    assert [item.name for item in dialog.items] == ["Hosting"]
    broken = tmp_path / "broken.csv"
    broken.write_text("name,unit_price\nWidget,abc\n", encoding="utf-8")
    assert dialog.import_file(broken) is None
    assert "Line 2" in dialog.error_label.text()
