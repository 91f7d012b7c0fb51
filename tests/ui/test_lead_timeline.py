"""The Timeline tab of the lead editor: touches and moves in order, acted on and undone."""

import time
from datetime import date

import pytest
from PySide6.QtWidgets import QTabWidget

from planner.domain import Column, TouchKind, TouchOutcome
from planner.services.playbooks import plan_playbook
from ui.lead_editor import LeadEditor
from ui.lead_timeline import LeadTimeline
from ui.main_window import MainWindow
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog
from ui.touches.touch_text import full_day_text, local_day


def _open_timeline(window: MainWindow, column: Column) -> tuple[int, LeadTimeline]:
    lead_id = window.workspace.leads.cards(column, limit=1)[0].id
    editor = window.lead_actions.open_editor(lead_id)
    assert editor is not None
    assert editor.timeline is not None
    return lead_id, editor.timeline


def _texts(timeline: LeadTimeline) -> list[str]:
    tree = timeline.tree
    items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    return [item.text(1) for item in items if item is not None]


def test_the_editor_of_a_lead_has_a_timeline_tab_and_a_new_lead_has_none(
    main_window: MainWindow,
) -> None:
    lead_id = main_window.workspace.leads.cards(Column.WARM, limit=1)[0].id
    plan_playbook(main_window.workspace, lead_id)
    editor = main_window.lead_actions.open_editor(lead_id)
    assert editor is not None
    tabs = editor.findChild(QTabWidget)
    assert tabs is not None
    assert [tabs.tabText(index) for index in range(tabs.count())] == [
        "Details",
        "Timeline",
        "Documents",
    ]
    assert editor.timeline is not None
    assert _texts(editor.timeline) == [
        "Added to Warm",
        "Planned: Phone call",
        "Planned: Sales letter",
        "Planned: Seminar",
    ]
    selected = editor.timeline.selected_touch()
    assert selected is not None
    assert selected.kind is TouchKind.PHONE_CALL
    new_editor = main_window.lead_actions.open_new_lead_editor()
    assert isinstance(new_editor, LeadEditor)
    assert new_editor.timeline is None


def test_adding_a_touch_from_the_timeline_is_undoable(main_window: MainWindow) -> None:
    lead_id, timeline = _open_timeline(main_window, Column.HOT)
    dialog = timeline.add_touch()
    assert isinstance(dialog, NewTouchDialog)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(TouchKind.PROPOSAL))
    dialog.accept()
    assert "Planned: Proposal" in _texts(timeline)
    name = main_window.workspace.leads.get(lead_id).name
    assert main_window.undo_action.text() == f"Undo Plan proposal for '{name}'"
    main_window.undo_action.trigger()
    assert "Planned: Proposal" not in _texts(timeline)


def test_mark_done_edit_and_delete_act_on_the_selected_touch(
    main_window: MainWindow,
) -> None:
    lead_id, timeline = _open_timeline(main_window, Column.WARM)
    workspace = main_window.workspace
    plan_playbook(workspace, lead_id)
    timeline.reload()
    call = timeline.selected_touch()
    assert call is not None
    assert timeline.done_button.isEnabled()
    timeline.mark_done(TouchOutcome.NO_ANSWER)
    done = workspace.touches.get(call.id)
    assert (done.done_on, done.outcome) == (date(2026, 3, 16), TouchOutcome.NO_ANSWER)
    assert "✓ Phone call (no answer)" in _texts(timeline)
    assert not timeline.done_button.isEnabled()
    assert timeline.edit_button.isEnabled()
    main_window.undo_action.trigger()
    assert workspace.touches.get(call.id).done_on is None
    assert "Planned: Phone call" in _texts(timeline)
    assert timeline.select_touch(call.id)
    dialog = timeline.open_selected()
    assert isinstance(dialog, TouchDialog)
    dialog.reject()
    timeline.delete_button.click()
    assert all(touch.id != call.id for touch in workspace.touches.for_lead(lead_id))
    assert "Planned: Phone call" not in _texts(timeline)
    main_window.undo_action.trigger()
    assert "Planned: Phone call" in _texts(timeline)


def test_a_column_change_is_listed_after_a_move(main_window: MainWindow) -> None:
    lead_id, timeline = _open_timeline(main_window, Column.COLD)
    main_window.board.select_lead(lead_id)
    main_window.lead_actions.move_right.trigger()
    assert _texts(timeline)[-1] == "Moved from Cold to Warm"
    assert timeline.selected_touch() is None
    assert not timeline.delete_button.isEnabled()
    assert not timeline.edit_button.isEnabled()


def test_days_read_as_on_the_rest_of_the_screen_with_their_year(main_window: MainWindow) -> None:
    lead_id, timeline = _open_timeline(main_window, Column.COLD)
    tree = timeline.tree
    first = tree.topLevelItem(0)
    assert first is not None
    added = local_day(main_window.workspace.leads.get(lead_id).created_at)
    assert first.text(0).startswith(full_day_text(added))
    assert str(added.year) in first.text(0)


def test_a_utc_timestamp_falls_on_the_users_own_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert local_day("2026-03-17T02:30:00+00:00") == date(2026, 3, 16)
    finally:
        monkeypatch.undo()
        time.tzset()
