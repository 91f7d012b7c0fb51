"""The playbook bar above the board: proposals after drags, keyboard moves and editor changes."""

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.domain import Column, Temperature
from planner.read_models import TouchFilter
from planner.services.board import delete_lead, edit_lead
from planner.services.playbooks import (
    load_planning_settings,
    plan_playbook,
    save_planning_settings,
)
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import drop_cards
from ui.main_window import MainWindow


def _first(workspace: Workspace, column: Column) -> tuple[int, str]:
    card = workspace.leads.cards(column, limit=1)[0]
    return card.id, card.name


def _move(window: MainWindow, lead_id: int, step: int) -> None:
    assert window.board.select_lead(lead_id)
    (window.lead_actions.move_right if step > 0 else window.lead_actions.move_left).trigger()


def _planned(workspace: Workspace, lead_id: int) -> list[Temperature | None]:
    touches = workspace.touches.find(TouchFilter(lead_id=lead_id, planned_only=True))
    return [touch.from_playbook for touch in touches]


def test_a_keyboard_move_offers_the_playbook_and_plan_is_one_undoable_step(
    main_window: MainWindow,
) -> None:
    workspace = main_window.workspace
    bar = main_window.playbook_bar
    lead_id, name = _first(workspace, Column.COLD)
    assert bar.isHidden()
    _move(main_window, lead_id, +1)
    before_plan = dump_database(workspace)
    assert bar.isVisible()
    assert bar.plan_question.label.text() == f"Plan 3 touches for '{name}'?"
    assert bar.drop_question.isHidden()
    bar.plan_question.accept_button.click()
    assert _planned(workspace, lead_id) == [Temperature.WARM] * 3
    assert bar.isHidden()
    assert main_window.undo_action.text() == f"Undo Plan 3 touches for '{name}'"
    assert main_window.statusBar().currentMessage().startswith(f"Plan 3 touches for '{name}'")
    main_window.undo_action.trigger()
    assert dump_database(workspace) == before_plan
    assert workspace.leads.get(lead_id).column is Column.WARM


def test_not_now_plans_nothing(main_window: MainWindow) -> None:
    workspace = main_window.workspace
    lead_id, _name = _first(workspace, Column.WARM)
    _move(main_window, lead_id, +1)
    bar = main_window.playbook_bar
    assert bar.plan_question.label.text().startswith("Plan 3 touches")
    steps = main_window.undo_stack.count()
    bar.plan_question.decline_button.click()
    assert bar.isHidden()
    assert _planned(workspace, lead_id) == []
    assert main_window.undo_stack.count() == steps


def test_a_drag_on_the_board_offers_the_playbook_too(main_window: MainWindow) -> None:
    lead_id = _drop_first_card(main_window, Column.COLD, Column.HOT)
    assert main_window.workspace.leads.get(lead_id).column is Column.HOT
    bar = main_window.playbook_bar
    assert bar.isVisible()
    assert bar.offer is not None
    assert bar.offer.lead_id == lead_id
    bar.plan()
    assert _planned(main_window.workspace, lead_id) == [Temperature.HOT] * 3


def _drop_first_card(window: MainWindow, source_column: Column, target_column: Column) -> int:
    (lead_id,) = drop_cards(window, source_column, [0], target_column, 0)
    return lead_id


def test_a_drop_on_lost_asks_why_and_the_answer_is_one_undoable_step(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    workspace = main_window.workspace
    lead_id = _drop_first_card(main_window, Column.HOT, Column.LOST)
    name = workspace.leads.get(lead_id).name
    bar = main_window.playbook_bar
    question = bar.reason_question
    assert bar.isVisible()
    assert question.label.text() == f"Why was '{name}' lost?"
    after_move = dump_database(workspace)
    qtbot.keyClicks(question.field, "Chose a cheaper supplier")
    qtbot.keyClick(question.field, Qt.Key.Key_Return)
    assert workspace.leads.get(lead_id).lost_reason == "Chose a cheaper supplier"
    assert question.isHidden()
    assert main_window.undo_action.text() == f"Undo Note why '{name}' was lost"
    main_window.undo_action.trigger()
    assert dump_database(workspace) == after_move


def test_skip_leaves_the_lost_reason_empty(main_window: MainWindow) -> None:
    lead_id = _drop_first_card(main_window, Column.WARM, Column.LOST)
    bar = main_window.playbook_bar
    steps = main_window.undo_stack.count()
    bar.reason_question.decline_button.click()
    assert bar.reason_question.isHidden()
    assert main_window.workspace.leads.get(lead_id).lost_reason == ""
    assert main_window.undo_stack.count() == steps


def test_a_move_elsewhere_does_not_ask_why(main_window: MainWindow) -> None:
    _drop_first_card(main_window, Column.COLD, Column.WARM)
    assert main_window.playbook_bar.reason_question.isHidden()


def test_changing_the_temperature_in_the_editor_offers_the_playbook(
    main_window: MainWindow,
) -> None:
    lead_id, name = _first(main_window.workspace, Column.COLD)
    editor = main_window.lead_actions.open_editor(lead_id)
    assert editor is not None
    editor.temperature_box.setCurrentIndex(editor.temperature_box.findData(Temperature.HOT))
    editor.accept()
    assert main_window.playbook_bar.isVisible()
    assert main_window.playbook_bar.plan_question.label.text() == f"Plan 3 touches for '{name}'?"


def test_moving_back_offers_to_drop_the_unfinished_playbook_touches(
    main_window: MainWindow,
) -> None:
    workspace = main_window.workspace
    lead_id, name = _first(workspace, Column.WARM)
    plan_playbook(workspace, lead_id)
    _move(main_window, lead_id, -1)
    bar = main_window.playbook_bar
    assert bar.drop_question.isVisible()
    assert bar.drop_question.label.text() == (f"Drop 3 unfinished playbook touches for '{name}'?")
    assert bar.plan_question.label.text() == f"Plan 2 touches for '{name}'?"
    before_drop = dump_database(workspace)
    bar.drop_question.accept_button.click()
    assert _planned(workspace, lead_id) == []
    assert bar.isVisible()
    bar.plan_question.decline_button.click()
    assert bar.isHidden()
    main_window.undo_action.trigger()
    assert dump_database(workspace) == before_drop


def test_keep_leaves_the_touches(main_window: MainWindow) -> None:
    workspace = main_window.workspace
    lead_id, _name = _first(workspace, Column.HOT)
    plan_playbook(workspace, lead_id)
    _move(main_window, lead_id, +1)
    bar = main_window.playbook_bar
    assert bar.plan_question.isHidden()
    bar.drop_question.decline_button.click()
    assert bar.isHidden()
    assert _planned(workspace, lead_id) == [Temperature.HOT] * 3


def test_auto_plan_plans_at_once_and_says_so(qtbot: QtBot, main_window: MainWindow) -> None:
    workspace = main_window.workspace
    settings = load_planning_settings(workspace)
    save_planning_settings(workspace, replace(settings, auto_plan=True))
    lead_id, name = _first(workspace, Column.COLD)
    _move(main_window, lead_id, +1)
    assert main_window.playbook_bar.isHidden()
    qtbot.waitUntil(lambda: _planned(workspace, lead_id) == [Temperature.WARM] * 3)
    assert main_window.statusBar().currentMessage() == (
        f"Planned automatically: Plan 3 touches for '{name}' — Ctrl+Z to undo"
    )
    main_window.undo_action.trigger()
    assert _planned(workspace, lead_id) == []
    assert workspace.leads.get(lead_id).column is Column.WARM


def test_undoing_the_move_withdraws_the_offer(main_window: MainWindow) -> None:
    lead_id, _name = _first(main_window.workspace, Column.COLD)
    _move(main_window, lead_id, +1)
    assert main_window.playbook_bar.isVisible()
    main_window.undo_action.trigger()
    assert main_window.playbook_bar.isHidden()
    assert main_window.workspace.leads.get(lead_id).column is Column.COLD


def test_names_with_markup_show_as_typed(main_window: MainWindow) -> None:
    workspace = main_window.workspace
    lead_id, _name = _first(workspace, Column.COLD)
    editor = main_window.lead_actions.open_editor(lead_id)
    assert editor is not None
    editor.fields["name"].setText("<b>Bold</b> Bakery")
    editor.temperature_box.setCurrentIndex(editor.temperature_box.findData(Temperature.WARM))
    editor.accept()
    label = main_window.playbook_bar.plan_question.label
    assert label.text() == "Plan 3 touches for '<b>Bold</b> Bakery'?"
    assert label.textFormat() is Qt.TextFormat.PlainText


def _add_through_the_editor(window: MainWindow, name: str) -> int:
    window.lead_actions.new_lead.trigger()
    editor = window.lead_actions.editor
    assert editor is not None
    editor.fields["name"].setText(name)
    editor.accept()
    assert editor.change is not None
    (lead_id,) = editor.change.lead_ids
    return lead_id


def test_a_lead_added_in_the_editor_is_offered_its_columns_playbook(
    empty_window: MainWindow,
) -> None:
    workspace = empty_window.workspace
    bar = empty_window.playbook_bar
    lead_id = _add_through_the_editor(empty_window, "Zoë's Café")
    assert workspace.leads.get(lead_id).column is Column.COLD
    assert bar.isVisible()
    assert bar.plan_question.label.text() == "Plan 2 touches for 'Zoë's Café'?"
    assert bar.drop_question.isHidden()
    before_plan = dump_database(workspace)
    bar.plan_question.accept_button.click()
    assert _planned(workspace, lead_id) == [Temperature.COLD] * 2
    assert bar.isHidden()
    assert empty_window.undo_action.text() == "Undo Plan 2 touches for 'Zoë's Café'"
    after_plan = dump_database(workspace)
    empty_window.undo_action.trigger()
    assert dump_database(workspace) == before_plan
    empty_window.redo_action.trigger()
    assert dump_database(workspace) == after_plan


def test_undoing_the_add_withdraws_the_offer(empty_window: MainWindow) -> None:
    _add_through_the_editor(empty_window, "Acme Bakery")
    assert empty_window.playbook_bar.isVisible()
    empty_window.undo_action.trigger()
    assert empty_window.playbook_bar.isHidden()
    assert empty_window.workspace.leads.count() == 0


def test_demo_data_is_offered_no_playbook(empty_window: MainWindow) -> None:
    change = empty_window.lead_actions.add_demo_data()
    assert len(change.lead_ids) > 1
    assert empty_window.playbook_bar.isHidden()
    assert empty_window.playbook_bar.offer is None


def test_auto_plan_plans_a_new_leads_playbook_at_once(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    workspace = empty_window.workspace
    settings = load_planning_settings(workspace)
    save_planning_settings(workspace, replace(settings, auto_plan=True))
    lead_id = _add_through_the_editor(empty_window, "Becker Joinery")
    assert empty_window.playbook_bar.isHidden()
    qtbot.waitUntil(lambda: _planned(workspace, lead_id) == [Temperature.COLD] * 2)
    assert empty_window.statusBar().currentMessage() == (
        "Planned automatically: Plan 2 touches for 'Becker Joinery' — Ctrl+Z to undo"
    )
    empty_window.undo_action.trigger()
    assert _planned(workspace, lead_id) == []
    assert workspace.leads.get(lead_id).name == "Becker Joinery"


def test_a_reason_given_in_the_lead_editor_ends_the_question(main_window: MainWindow) -> None:
    lead_id = _drop_first_card(main_window, Column.HOT, Column.LOST)
    bar = main_window.playbook_bar
    assert not bar.reason_question.isHidden()
    editor = main_window.lead_actions.open_editor(lead_id)
    assert editor is not None
    editor.lost_reason_field.setText("Went with a bigger agency")
    editor.accept()
    assert bar.reason_question.isHidden()
    assert bar.isHidden()


def test_after_plan_the_focus_is_back_on_the_cards_and_ctrl_z_undoes_it(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    workspace = main_window.workspace
    lead_id, name = _first(workspace, Column.COLD)
    _move(main_window, lead_id, +1)
    plan_button = main_window.playbook_bar.plan_question.accept_button
    plan_button.setFocus()
    qtbot.keyClick(plan_button, Qt.Key.Key_Space)
    warm_cards = main_window.board.view(Column.WARM)
    qtbot.waitUntil(warm_cards.hasFocus)
    assert _planned(workspace, lead_id) == [Temperature.WARM] * 3
    qtbot.keyClick(warm_cards, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _planned(workspace, lead_id) == []
    assert main_window.undo_action.text() == f"Undo Move '{name}' to Warm"
    assert main_window.board.selected_lead_ids() == [lead_id], "Ctrl+Z keeps the card selected"


def test_after_saving_a_lost_reason_the_focus_is_back_on_the_cards(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    lead_id = _drop_first_card(main_window, Column.HOT, Column.LOST)
    field = main_window.playbook_bar.reason_question.field
    field.setFocus()
    qtbot.keyClicks(field, "Went with a rival")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    lost_cards = main_window.board.view(Column.LOST)
    qtbot.waitUntil(lost_cards.hasFocus)
    assert main_window.workspace.leads.get(lead_id).lost_reason == "Went with a rival"
    qtbot.keyClick(lost_cards, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert main_window.workspace.leads.get(lead_id).lost_reason == ""


def test_undoing_something_else_keeps_the_offer(main_window: MainWindow) -> None:
    workspace = main_window.workspace
    lead_id, _name = _first(workspace, Column.COLD)
    _move(main_window, lead_id, +1)
    bar = main_window.playbook_bar
    assert bar.plan_question.isVisible()
    other, _other_name = _first(workspace, Column.HOT)
    main_window.operations.run(
        lambda workspace: edit_lead(
            workspace, other, replace(workspace.leads.get(other).draft(), notes="Call back")
        )
    )
    main_window.undo_action.trigger()
    assert bar.plan_question.isVisible(), "only undoing the move itself withdraws its offer"
    main_window.undo_action.trigger()
    assert bar.isHidden()


def test_a_refused_lost_reason_keeps_the_question_and_what_was_typed(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    lead_id = _drop_first_card(main_window, Column.HOT, Column.LOST)
    question = main_window.playbook_bar.reason_question
    delete_lead(main_window.workspace, lead_id)
    qtbot.keyClicks(question.field, "Chose a cheaper supplier")
    qtbot.keyClick(question.field, Qt.Key.Key_Return)
    assert question.isVisible()
    assert question.field.text() == "Chose a cheaper supplier"


def test_not_now_gives_the_focus_back_to_the_cards(qtbot: QtBot, main_window: MainWindow) -> None:
    lead_id, _name = _first(main_window.workspace, Column.COLD)
    _move(main_window, lead_id, +1)
    not_now = main_window.playbook_bar.plan_question.decline_button
    not_now.setFocus()
    qtbot.keyClick(not_now, Qt.Key.Key_Space)
    assert main_window.board.view(Column.WARM).hasFocus()
