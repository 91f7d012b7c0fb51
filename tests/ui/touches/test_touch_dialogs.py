"""The touch dialog (reschedule, mark done, delete) and the new-touch dialog, each undoable."""

from datetime import date, time

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from planner.domain import Column, TouchKind, TouchOutcome
from planner.services.history import undo_change
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.touches.conftest import TODAY, ChangeCatcher
from ui.touches.form_parts import to_qdate
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog


def _dialog(
    qtbot: QtBot, workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> TouchDialog:
    dialog = TouchDialog(workspace, touch_id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    return dialog


def test_reschedule_moves_the_touch_and_sets_its_time(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.date_edit.setDate(to_qdate(date(2026, 3, 24)))
    dialog.time_field.enabled_box.setChecked(True)
    dialog.time_field.time_edit.setTime(QTime(14, 15))
    dialog.reschedule_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.planned_on, touch.planned_at) == (date(2026, 3, 24), time(14, 15))
    assert len(caught.changes) == 1
    assert caught.changes[0].description.startswith("Reschedule phone call for")
    assert dialog.result() == TouchDialog.DialogCode.Accepted
    undo_change(demo_workspace, caught.changes[0])
    assert dump_database(demo_workspace) == before


def test_mark_done_records_the_day_and_the_outcome(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    assert dialog.done_date_edit.maximumDate() == to_qdate(TODAY)
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.CALL_BACK))
    dialog.done_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.done_on, touch.outcome) == (TODAY, TouchOutcome.CALL_BACK)
    assert caught.changes[0].description.startswith("Mark phone call for")


def test_delete_removes_the_touch_and_undo_brings_it_back(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.delete_now()
    assert demo_workspace.touches.for_lead(dialog.touch.lead_id) == []
    undo_change(demo_workspace, caught.changes[0])
    assert dump_database(demo_workspace) == before


def test_a_done_touch_only_offers_delete(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    first = _dialog(qtbot, demo_workspace, touch_id, caught)
    first.mark_done()
    done = _dialog(qtbot, demo_workspace, touch_id, caught)
    done.show()
    assert not done.reschedule_button.isVisible()
    assert not done.done_button.isVisible()
    assert done.delete_button.isVisible()


def test_a_failed_action_says_why_and_stays_open(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.show()
    other = _dialog(qtbot, demo_workspace, touch_id, caught)
    other.delete_now()
    dialog.reschedule_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "no touch" in dialog.error_label.text()
    assert len(caught.changes) == 1


def test_a_new_touch_for_a_given_lead_is_planned(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    lead = demo_workspace.leads.cards(Column.HOT, limit=1)[0]
    dialog = NewTouchDialog(demo_workspace, date(2026, 3, 20), lead.id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    assert not dialog.lead_field.isEnabled()
    assert dialog.lead_field.text() == lead.name
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(TouchKind.PRESENTATION))
    dialog.notes_field.setText("Bring samples")
    dialog.accept()
    (touch,) = demo_workspace.touches.for_lead(lead.id)
    assert (touch.kind, touch.planned_on, touch.notes) == (
        TouchKind.PRESENTATION,
        date(2026, 3, 20),
        "Bring samples",
    )
    assert touch.done_on is None
    assert caught.changes[0].description == f"Plan presentation for '{lead.name}'"


def test_a_new_touch_can_be_logged_as_done_with_its_outcome(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    lead = demo_workspace.leads.cards(Column.WARM, limit=1)[0]
    dialog = NewTouchDialog(demo_workspace, TODAY, lead.id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    dialog.done_box.setChecked(True)
    assert dialog.ok_button.text() == "Log touch"
    assert dialog.date_edit.maximumDate() == to_qdate(TODAY)
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.INTERESTED))
    dialog.accept()
    (touch,) = demo_workspace.touches.for_lead(lead.id)
    assert (touch.done_on, touch.outcome) == (TODAY, TouchOutcome.INTERESTED)
    assert caught.changes[0].description.startswith("Log phone call")


def test_a_new_touch_needs_a_picked_lead(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = NewTouchDialog(demo_workspace, TODAY)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    dialog.show()
    dialog.lead_field.setText("Maria")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Pick a lead from the suggestions first"
    assert caught.changes == []
    dialog.lead_field.look_up()
    lead_id, _label = dialog.lead_field.suggestions()[0]
    dialog.lead_field.set_lead(lead_id)
    dialog.accept()
    assert len(demo_workspace.touches.for_lead(lead_id)) == 1
