"""New leads land in sight and selected; "+" adds to its column; Escape clears the search;
status-bar notes give way to the database path and go stale with an undo."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.domain import Column
from ui.board.board_widget import BoardWidget
from ui.lead_editor import LeadEditor
from ui.main_window import MainWindow


def _in_sight(board: BoardWidget, column: Column, lead_id: int) -> bool:
    view = board.view(column)
    row = board.models[column].row_of(lead_id)
    assert row is not None
    index = board.models[column].index(row)
    return view.viewport().rect().contains(view.visualRect(index))


def _add_through(editor: LeadEditor, name: str) -> int:
    editor.fields["name"].setText(name)
    editor.accept()
    assert editor.change is not None
    return editor.change.lead_ids and next(iter(editor.change.lead_ids))


def test_a_new_lead_is_selected_and_scrolled_into_view(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    board.select_lead(board.models[Column.HOT].card(0).id)
    board.select_lead(board.models[Column.COLD].card(0).id)
    qtbot.keyClick(board.view(Column.COLD), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.lead_actions.editor
    assert editor is not None
    lead_id = _add_through(editor, "Zeta Newcomer")
    assert board.models[Column.COLD].row_of(lead_id) == board.models[Column.COLD].rowCount() - 1
    assert board.current_lead_id() == lead_id
    qtbot.waitUntil(lambda: _in_sight(board, Column.COLD, lead_id))
    assert board.current_column() is Column.COLD


def test_the_plus_of_a_column_adds_a_lead_there(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    qtbot.mouseClick(board.panels[Column.WARM].header.add_button, Qt.MouseButton.LeftButton)
    editor = main_window.lead_actions.editor
    assert editor is not None
    lead_id = _add_through(editor, "Warm Welcome")
    assert main_window.workspace.leads.get(lead_id).column is Column.WARM
    assert board.current_lead_id() == lead_id
    qtbot.waitUntil(lambda: _in_sight(board, Column.WARM, lead_id))

    qtbot.mouseClick(board.panels[Column.WON].header.add_button, Qt.MouseButton.LeftButton)
    editor = main_window.lead_actions.editor
    assert editor is not None
    assert editor.windowTitle() == "New lead in Won"
    lead_id = _add_through(editor, "Straight To Won")
    assert main_window.workspace.leads.get(lead_id).column is Column.WON
    assert board.current_lead_id() == lead_id


def test_a_new_lead_hidden_by_the_search_clears_it(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    board.search_field.setText("Sousa")
    board.apply_search()
    editor = main_window.lead_actions.open_new_lead_editor()
    lead_id = _add_through(editor, "Unmatched Name")
    assert board.search_field.text() == ""
    assert board.current_lead_id() == lead_id


def test_escape_clears_the_search_and_goes_back_to_the_cards(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    cold_count = board.models[Column.COLD].rowCount()
    board.focus_search()
    qtbot.keyClicks(board.search_field, "Sousa")
    board.apply_search()
    assert board.models[Column.COLD].rowCount() == 1
    assert board.match_label.text() == "1 lead matches"
    qtbot.keyClick(board.search_field, Qt.Key.Key_Escape)
    assert board.search_field.text() == ""
    assert board.models[Column.COLD].rowCount() == cold_count
    assert board.match_label.text() == ""
    qtbot.waitUntil(lambda: not board.search_field.hasFocus())


def test_undo_drops_the_note_that_offered_it(main_window: MainWindow) -> None:
    main_window.lead_actions.add_demo_data()
    status = main_window.statusBar()
    assert "Ctrl+Z removes them again" in status.currentMessage()
    main_window.undo_action.trigger()
    assert status.currentMessage() == ""


def test_the_database_path_gives_way_to_the_messages(qtbot: QtBot, main_window: MainWindow) -> None:
    label = main_window.database_label
    main_window.resize(1000, 700)
    main_window.show_message("Added 62 demo leads — Ctrl+Z removes them again")
    QApplication.processEvents()
    assert label.width() <= main_window.width() / 2
    assert label.toolTip().endswith(str(main_window.workspace.path))
    assert label.elided_text().endswith("planner.db")
