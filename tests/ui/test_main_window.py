"""The main window: new leads, demo data, the empty board, databases, settings and screens."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.services.board import add_lead
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import open_window
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


def test_an_ampersand_in_a_name_shows_as_itself_in_the_edit_menu(main_window: MainWindow) -> None:
    """Qt reads ``&`` as a shortcut marker: "Smith & Jones" must not become "Smith _Jones"."""
    main_window.operations.run(
        lambda workspace: add_lead(workspace, LeadDraft(name="Smith & Jones"))
    )
    action = main_window.undo_action
    assert action.text() == "Undo Add 'Smith && Jones'"
    assert action.iconText() == "Undo Add 'Smith & Jones'"


def test_ctrl_n_adds_a_lead_that_undo_removes(qtbot: QtBot, main_window: MainWindow) -> None:
    workspace = main_window.workspace
    before = dump_database(workspace)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.lead_actions.editor
    assert editor is not None
    assert editor.isVisible()
    assert editor.lead is None
    qtbot.keyClicks(editor.fields["name"], "Nina Berg")
    qtbot.keyClicks(editor.value_field, "750")
    editor.accept()
    card = workspace.leads.cards(Column.COLD)[-1]
    assert card.name == "Nina Berg"
    assert main_window.board.models[Column.COLD].row_of(card.id) is not None
    assert main_window.undo_action.text() == "Undo Add 'Nina Berg'"
    main_window.undo_action.trigger()
    assert dump_database(workspace) == before
    assert main_window.board.models[Column.COLD].row_of(card.id) is None


def test_a_new_lead_takes_the_temperature_of_the_selected_column(
    main_window: MainWindow,
) -> None:
    board = main_window.board
    board.select_lead(board.models[Column.HOT].card(0).id)
    editor = main_window.lead_actions.open_new_lead_editor()
    assert editor.temperature_box.currentText() == "Hot"
    editor.reject()


def test_an_empty_database_shows_how_to_begin(qtbot: QtBot, empty_window: MainWindow) -> None:
    board = empty_window.board
    assert board.is_showing_empty_state
    assert board.empty_panel.isVisible()
    assert not board.search_field.isVisible()
    labels = [label.text() for label in board.empty_panel.findChildren(QLabel)]
    assert "No leads yet" in labels
    qtbot.mouseClick(board.empty_panel.demo_button, Qt.MouseButton.LeftButton)
    assert not board.is_showing_empty_state
    assert board.panels[Column.COLD].header.summary.count == 26
    assert empty_window.undo_action.text() == "Undo Add demo data"
    empty_window.undo_action.trigger()
    assert board.is_showing_empty_state
    assert empty_window.workspace.leads.count() == 0


def test_the_empty_panel_offers_a_new_lead(qtbot: QtBot, empty_window: MainWindow) -> None:
    qtbot.mouseClick(empty_window.board.empty_panel.new_lead_button, Qt.MouseButton.LeftButton)
    editor = empty_window.lead_actions.editor
    assert editor is not None
    assert editor.isVisible()
    editor.fields["name"].setText("Erste Kundin")
    editor.accept()
    assert not empty_window.board.is_showing_empty_state
    assert empty_window.board.models[Column.COLD].card(0).name == "Erste Kundin"


def test_the_status_bar_and_title_name_the_database(main_window: MainWindow) -> None:
    path = main_window.workspace.path
    assert main_window.database_label.text() == str(path)
    assert main_window.windowTitle() == f"{path.name} — Planner"


def test_opening_another_database_switches_the_board_and_clears_undo(
    main_window: MainWindow, tmp_path: Path, window_settings: WindowSettings
) -> None:
    other_path = tmp_path / "other.db"
    other = Workspace.open(other_path)
    add_lead(other, LeadDraft(name="Only One"))
    other.close()
    assert main_window.undo_stack.count() == 0
    main_window.lead_actions.add_demo_data()
    assert main_window.open_database(other_path)
    assert main_window.workspace.path == other_path
    assert main_window.undo_stack.count() == 0
    assert main_window.board.models[Column.COLD].card(0).name == "Only One"
    assert main_window.board.panels[Column.COLD].header.summary.count == 1
    assert main_window.database_label.text() == str(other_path)
    assert window_settings.last_database() == other_path.resolve()
    assert window_settings.recent_databases()[:2] == [
        other_path.resolve(),
        (tmp_path / "planner.db").resolve(),
    ]


def test_a_file_that_is_not_a_database_is_refused_and_the_board_stays(
    main_window: MainWindow, tmp_path: Path
) -> None:
    stranger = tmp_path / "notes.db"
    stranger.write_text("shopping list")
    original = main_window.workspace.path
    assert not main_window.open_database(stranger)
    assert main_window.workspace.path == original
    assert stranger.read_text() == "shopping list"
    message = main_window.findChild(QMessageBox, "error-message")
    assert message is not None
    assert "not a planner database" in message.text()
    message.close()


def test_file_new_creates_and_opens_a_database(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = tmp_path / "fresh.db"
    monkeypatch.setattr(main_window_module, "ask_new_database", lambda _parent, _near: fresh)
    main_window.choose_new_database()
    assert fresh.is_file()
    assert main_window.workspace.path == fresh
    assert main_window.board.is_showing_empty_state


def test_the_recent_menu_lists_databases_that_still_exist(
    main_window: MainWindow, tmp_path: Path
) -> None:
    second = tmp_path / "second.db"
    main_window.open_database(second)
    main_window.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in main_window.recent_menu.actions()]
    assert texts[:2] == [str(second.resolve()), str((tmp_path / "planner.db").resolve())]
    first = main_window.recent_menu.actions()[1]
    first.trigger()
    assert main_window.workspace.path.resolve() == (tmp_path / "planner.db").resolve()


def test_layout_and_database_are_remembered_across_windows(
    qtbot: QtBot, demo_workspace: Workspace, window_settings: WindowSettings
) -> None:
    path = demo_workspace.path
    window = open_window(qtbot, demo_workspace, window_settings)
    chosen = window.minimum_size() + QSize(8, 30)  # the offscreen screen is 800 wide
    window.resize(chosen)
    window.close()
    assert window_settings.last_database() == path.resolve()
    again = MainWindow(Workspace.open(path), window_settings)
    qtbot.addWidget(again)
    assert again.size() == chosen


def test_screens_are_switched_from_the_toolbar_and_the_view_menu(main_window: MainWindow) -> None:
    extra = QLabel("Extra")
    index = main_window.add_screen("Extra", extra)
    assert main_window.screens.widget(index) is extra
    assert main_window.screens.widget(0).isAncestorOf(main_window.board)
    assert not main_window.screens.tabBar().isVisible()
    switches = main_window.view_actions.screen_actions
    assert [action.text() for action in switches] == ["&Board", "&Calendar", "&Dashboard", "&Extra"]
    toolbar_actions = main_window.view_actions.toolbar.actions()
    assert all(action in toolbar_actions for action in switches)
    switches[3].trigger()
    assert main_window.screens.currentWidget() is extra
    main_window.screens.setCurrentIndex(0)
    assert switches[0].isChecked()
    assert not switches[3].isChecked()
