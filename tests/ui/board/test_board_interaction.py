"""The board in the window: dragging, the keyboard, undo and redo, totals, search, painting."""

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain import Column
from planner.services.board import edit_lead
from tests.conftest import dump_database
from tests.ui.conftest import drop_cards
from ui.board.card_delegate import CardFonts
from ui.board.column_model import ColumnModel
from ui.board.column_view import ColumnView
from ui.common.colours import column_accent
from ui.documents.lead_selection import SelectionMode
from ui.main_window import MainWindow


def _names(model: ColumnModel) -> list[str]:
    return [model.card(row).name for row in range(model.rowCount())]


def _drop_on_view(window: MainWindow, source: Column, row: int, target: Column, at: int) -> None:
    drop_cards(window, source, [row], target, at)


def test_a_drop_event_on_another_column_moves_the_lead_at_once(main_window: MainWindow) -> None:
    board = main_window.board
    lead_id = board.models[Column.COLD].card(0).id
    _drop_on_view(main_window, Column.COLD, 0, Column.HOT, 2)
    lead = main_window.workspace.leads.get(lead_id)
    assert lead.column is Column.HOT
    assert main_window.workspace.leads.position(lead_id) == 2
    assert board.models[Column.HOT].row_of(lead_id) == 2
    assert board.models[Column.COLD].row_of(lead_id) is None
    assert main_window.undo_action.text() == f"Undo Move '{lead.name}' to Hot"


def test_a_drop_event_lower_in_the_same_column_reorders_it(main_window: MainWindow) -> None:
    warm = main_window.board.models[Column.WARM]
    before = _names(warm)
    _drop_on_view(main_window, Column.WARM, 0, Column.WARM, 3)
    expected = [*before[1:3], before[0], *before[3:]]
    assert _names(warm) == expected
    assert [card.name for card in main_window.workspace.leads.cards(Column.WARM)] == expected


def test_undo_and_redo_of_a_drag_restore_the_database_exactly(main_window: MainWindow) -> None:
    workspace = main_window.workspace
    before = dump_database(workspace)
    hot_before = _names(main_window.board.models[Column.HOT])
    _drop_on_view(main_window, Column.COLD, 1, Column.HOT, 0)
    after = dump_database(workspace)
    assert after != before
    main_window.undo_action.trigger()
    assert dump_database(workspace) == before
    assert _names(main_window.board.models[Column.HOT]) == hot_before
    main_window.redo_action.trigger()
    assert dump_database(workspace) == after
    assert main_window.undo_stack.undoText().startswith("Move 'Jonas Albers' to Hot")


def test_column_totals_follow_a_move_and_its_undo(main_window: MainWindow) -> None:
    board = main_window.board
    cold_header = board.panels[Column.COLD].header
    hot_header = board.panels[Column.HOT].header
    cold_before, hot_before = cold_header.summary, hot_header.summary
    card = board.models[Column.COLD].card(0)
    assert card.value is not None
    _drop_on_view(main_window, Column.COLD, 0, Column.HOT, 0)
    currency = card.value.currency
    assert cold_header.summary.count == cold_before.count - 1
    assert hot_header.summary.count == hot_before.count + 1
    assert hot_header.summary.totals[currency] == hot_before.totals[currency] + card.value.minor
    assert cold_header.summary.totals[currency] == cold_before.totals[currency] - card.value.minor
    main_window.undo_action.trigger()
    assert (cold_header.summary, hot_header.summary) == (cold_before, hot_before)


def test_ctrl_right_moves_the_selected_card_to_the_next_column(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    lead_id = board.models[Column.WARM].card(2).id
    assert board.select_lead(lead_id)
    view = board.view(Column.WARM)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert main_window.workspace.leads.get(lead_id).column is Column.HOT
    assert board.current_lead_id() == lead_id
    assert board.view(Column.HOT).hasFocus()
    qtbot.keyClick(board.view(Column.HOT), Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(board.view(Column.WARM), Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert main_window.workspace.leads.get(lead_id).column is Column.COLD
    assert main_window.undo_stack.count() == 3


def test_arrows_select_within_a_column_and_step_between_columns(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    cold = board.view(Column.COLD)
    cold.setFocus()
    board.select_lead(board.models[Column.COLD].card(0).id)
    qtbot.keyClick(cold, Qt.Key.Key_Down)
    qtbot.keyClick(cold, Qt.Key.Key_Down)
    assert board.current_lead_id() == board.models[Column.COLD].card(2).id
    qtbot.keyClick(cold, Qt.Key.Key_Right)
    assert board.view(Column.WARM).hasFocus()
    assert board.current_lead_id() == board.models[Column.WARM].card(2).id
    assert not cold.selectionModel().hasSelection()


def test_enter_opens_the_editor_on_the_selected_lead(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    lead_id = board.models[Column.HOT].card(1).id
    board.select_lead(lead_id)
    qtbot.keyClick(board.view(Column.HOT), Qt.Key.Key_Return)
    editor = main_window.lead_actions.editor
    assert editor is not None
    assert editor.isVisible()
    assert editor.lead is not None
    assert editor.lead.id == lead_id
    editor.reject()


def test_double_click_opens_the_editor(qtbot: QtBot, main_window: MainWindow) -> None:
    view = main_window.board.view(Column.WON)
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    editor = main_window.lead_actions.editor
    assert editor is not None
    assert editor.isVisible()
    assert editor.lead is not None
    assert editor.lead.id == main_window.board.models[Column.WON].card(0).id
    editor.reject()


def test_delete_is_undoable_and_says_so(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    workspace = main_window.workspace
    before = dump_database(workspace)
    card = board.models[Column.COLD].card(4)
    next_card = board.models[Column.COLD].card(5)
    board.select_lead(card.id)
    qtbot.keyClick(board.view(Column.COLD), Qt.Key.Key_Delete)
    assert board.models[Column.COLD].row_of(card.id) is None
    assert workspace.leads.count() == 61
    assert main_window.statusBar().currentMessage() == f"Deleted '{card.name}' — Ctrl+Z to undo"
    assert board.current_lead_id() == next_card.id
    qtbot.keyClick(board.view(Column.COLD), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump_database(workspace) == before
    assert board.models[Column.COLD].row_of(card.id) == 4


def test_a_stale_undo_is_refused_with_a_message(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    workspace = main_window.workspace
    lead_id = board.models[Column.COLD].card(0).id
    _drop_on_view(main_window, Column.COLD, 0, Column.WARM, 0)
    edit_lead(workspace, lead_id, replace(workspace.leads.get(lead_id).draft(), notes="Called"))
    after_other_edit = dump_database(workspace)
    main_window.undo_action.trigger()
    message = main_window.findChild(QMessageBox, "error-message")
    assert message is not None
    assert message.isVisible()
    assert "cannot be undone" in message.text()
    assert dump_database(workspace) == after_other_edit
    assert main_window.undo_stack.count() == 0
    message.close()


def test_search_filters_every_column_after_a_short_pause(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert board.search_field.hasFocus()
    qtbot.keyClicks(board.search_field, "lodz")
    assert board.models[Column.COLD].search == ""
    qtbot.waitUntil(lambda: board.models[Column.COLD].search == "lodz")
    shown = {column: _names(board.models[column]) for column in Column}
    assert shown == {
        Column.COLD: ["Zofia Wiśniewska", "Tomasz Nowak"],
        Column.WARM: [],
        Column.HOT: ["Agnieszka Lewandowska"],
        Column.WON: [],
        Column.LOST: [],
    }
    assert board.panels[Column.COLD].header.summary.count == 2
    assert board.match_label.text() == "3 leads match"
    board.search_field.clear()
    board.apply_search()
    assert board.models[Column.COLD].rowCount() == 26


def test_the_board_paints_cards_without_widgets(main_window: MainWindow) -> None:
    view = main_window.board.view(Column.COLD)
    first = view.model().index(0, 0)
    assert view.uniformItemSizes()
    assert view.indexWidget(first) is None
    rect = view.visualRect(first)
    fonts = CardFonts.for_font(view.font())
    stripe = QPoint(rect.left() + fonts.margin_x + fonts.stripe // 2, rect.center().y())
    image = view.viewport().grab().toImage()
    assert image.pixelColor(stripe).name() == column_accent(Column.COLD).name()


def _ctrl_click(qtbot: QtBot, view: ColumnView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )


def test_ctrl_click_selects_several_cards_that_move_and_delete_together(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    workspace = main_window.workspace
    before = dump_database(workspace)
    cold = board.models[Column.COLD]
    chosen = [cold.card(row).id for row in (1, 3, 4)]
    view = board.view(Column.COLD)
    for row in (3, 1, 4):
        _ctrl_click(qtbot, view, row)
    assert board.selected_lead_ids() == chosen
    assert board.current_lead_id() == chosen[2]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert [workspace.leads.get(lead_id).column for lead_id in chosen] == [Column.WARM] * 3
    assert [board.models[Column.WARM].card(row).id for row in range(3)] == chosen
    assert main_window.undo_action.text() == "Undo Move 3 leads to Warm"
    assert board.selected_lead_ids() == chosen
    qtbot.keyClick(board.view(Column.WARM), Qt.Key.Key_Delete)
    assert all(board.models[Column.WARM].row_of(lead_id) is None for lead_id in chosen)
    assert main_window.statusBar().currentMessage() == "Deleted 3 leads — Ctrl+Z to undo"
    main_window.undo_action.trigger()
    main_window.undo_action.trigger()
    assert dump_database(workspace) == before


def test_a_drop_of_several_selected_cards_moves_them_all(main_window: MainWindow) -> None:
    chosen = drop_cards(main_window, Column.COLD, [0, 2], Column.HOT, 1)
    assert [main_window.workspace.leads.position(lead_id) for lead_id in chosen] == [1, 2]
    assert main_window.undo_action.text() == "Undo Move 2 leads to Hot"


def test_the_mail_merge_offers_the_cards_selected_on_the_board(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    view = board.view(Column.WARM)
    for row in (0, 1):
        _ctrl_click(qtbot, view, row)
    dialog = main_window.document_actions.open_mail_merge()
    panel = dialog.selection_panel
    panel.set_mode(SelectionMode.SELECTED)
    warm = board.models[Column.WARM]
    assert panel.mode is SelectionMode.SELECTED
    assert panel.update_count() == 2
    assert panel.selected_label.text() == f"{warm.card(0).name}, {warm.card(1).name}"
    assert panel.selection().lead_ids == frozenset({warm.card(0).id, warm.card(1).id})
    dialog.reject()


def test_ctrl_z_in_an_untouched_search_box_undoes_the_last_action(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    board = main_window.board
    lead_id = main_window.workspace.leads.cards(Column.COLD, limit=1)[0].id
    assert board.select_lead(lead_id)
    main_window.lead_actions.move_right.trigger()
    assert main_window.workspace.leads.get(lead_id).column is Column.WARM
    board.focus_search()
    qtbot.keyClick(board.search_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert main_window.workspace.leads.get(lead_id).column is Column.COLD
    qtbot.keyClicks(board.search_field, "ac")
    qtbot.keyClick(board.search_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert board.search_field.text() == "", "with text typed, Ctrl+Z undoes the typing"
    assert main_window.workspace.leads.get(lead_id).column is Column.COLD
