"""The touch dialog (edit, mark done, delete) and the new-touch dialog, each undoable."""

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.changes import Origin
from planner.domain import Column, TouchKind, TouchOutcome
from planner.services.board import delete_lead
from planner.services.touches import TouchEdit, edit_touch
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges
from tests.ui.touches.conftest import TODAY
from ui.common.form_parts import chosen_outcome, to_qdate
from ui.operations import Operations
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog


def _dialog(qtbot: QtBot, operations: Operations, touch_id: int) -> TouchDialog:
    dialog = TouchDialog(operations, touch_id)
    qtbot.addWidget(dialog)
    return dialog


def test_save_changes_kind_day_time_and_notes_in_one_undoable_step(
    qtbot: QtBot,
    demo_workspace: Workspace,
    operations: Operations,
    touch_id: int,
    applied: AppliedChanges,
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, operations, touch_id)
    assert dialog.notes_field.toPlainText() == "Ask about the order"
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(TouchKind.MEETING))
    dialog.date_edit.setDate(to_qdate(date(2026, 3, 24)))
    dialog.time_field.enabled_box.setChecked(True)
    dialog.time_field.time_edit.setTime(QTime(14, 15))
    dialog.notes_field.setPlainText("Bring <b>samples</b> & the price list")
    dialog.save_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.kind, touch.planned_on, touch.planned_at, touch.notes) == (
        TouchKind.MEETING,
        date(2026, 3, 24),
        time(14, 15),
        "Bring <b>samples</b> & the price list",
    )
    (change,) = applied.changes
    assert change.description.startswith("Edit phone call for")
    assert applied.initiators == [dialog]
    assert dialog.result() == TouchDialog.DialogCode.Accepted
    after = dump_database(demo_workspace)
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before
    operations.undo_stack.redo()
    assert dump_database(demo_workspace) == after
    assert [change.origin for change in applied.changes] == [
        Origin.ACTION,
        Origin.UNDO,
        Origin.REDO,
    ]


def test_save_without_changes_closes_without_a_step(
    qtbot: QtBot, operations: Operations, touch_id: int, applied: AppliedChanges
) -> None:
    dialog = _dialog(qtbot, operations, touch_id)
    dialog.show()
    assert dialog.save_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == TouchDialog.DialogCode.Accepted
    assert applied.changes == []


def test_an_overdue_touch_says_how_late_it_is(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, touch_id: int
) -> None:
    on_time = _dialog(qtbot, operations, touch_id)
    assert on_time.findChild(QLabel, "touch-overdue") is None
    edit = replace(TouchEdit.of(on_time.touch), planned_on=date(2026, 3, 13))
    edit_touch(demo_workspace, touch_id, edit)
    late = _dialog(qtbot, operations, touch_id)
    label = late.findChild(QLabel, "touch-overdue")
    assert label is not None
    assert label.text() == "3 days late"


def test_mark_done_records_the_day_and_the_outcome(
    qtbot: QtBot,
    demo_workspace: Workspace,
    operations: Operations,
    touch_id: int,
    applied: AppliedChanges,
) -> None:
    dialog = _dialog(qtbot, operations, touch_id)
    assert dialog.done_date_edit.maximumDate() == to_qdate(TODAY)
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.CALL_BACK))
    dialog.done_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.done_on, touch.outcome) == (TODAY, TouchOutcome.CALL_BACK)
    assert applied.changes[0].description.startswith("Mark phone call for")


def test_mark_done_keeps_edited_notes_in_the_same_step(
    qtbot: QtBot,
    demo_workspace: Workspace,
    operations: Operations,
    touch_id: int,
    applied: AppliedChanges,
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, operations, touch_id)
    dialog.notes_field.setPlainText("Ordered 40 loaves")
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.INTERESTED))
    dialog.done_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.notes, touch.done_on, touch.outcome) == (
        "Ordered 40 loaves",
        TODAY,
        TouchOutcome.INTERESTED,
    )
    (change,) = applied.changes
    assert change.description.endswith("done")
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before


def test_a_done_touch_edits_notes_and_outcome_but_not_its_planned_day(
    qtbot: QtBot,
    demo_workspace: Workspace,
    operations: Operations,
    touch_id: int,
    applied: AppliedChanges,
) -> None:
    first = _dialog(qtbot, operations, touch_id)
    first.mark_done()
    before = dump_database(demo_workspace)
    done = _dialog(qtbot, operations, touch_id)
    done.show()
    assert not done.date_edit.isVisible()
    assert not done.time_field.isVisible()
    assert not done.done_button.isVisible()
    assert done.delete_button.isVisible()
    assert done.outcome_box.isVisible()
    assert chosen_outcome(done.outcome_box) is None
    done.outcome_box.setCurrentIndex(done.outcome_box.findData(TouchOutcome.NOT_INTERESTED))
    done.notes_field.setPlainText("Has a supplier already")
    done.save_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.outcome, touch.notes, touch.done_on, touch.planned_on) == (
        TouchOutcome.NOT_INTERESTED,
        "Has a supplier already",
        TODAY,
        date(2026, 3, 18),
    )
    assert applied.changes[-1].description.startswith("Edit phone call for")
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before
    reopened = _dialog(qtbot, operations, touch_id)
    assert reopened.done_date_edit.date() == to_qdate(TODAY)


def test_delete_removes_the_touch_and_undo_brings_it_back(
    qtbot: QtBot,
    demo_workspace: Workspace,
    operations: Operations,
    touch_id: int,
    applied: AppliedChanges,
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, operations, touch_id)
    dialog.delete_now()
    assert demo_workspace.touches.for_lead(dialog.touch.lead_id) == []
    assert applied.initiators == [dialog]
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before


def test_a_failed_action_says_why_and_stays_open(
    qtbot: QtBot, operations: Operations, touch_id: int, applied: AppliedChanges
) -> None:
    dialog = _dialog(qtbot, operations, touch_id)
    dialog.show()
    other = _dialog(qtbot, operations, touch_id)
    other.delete_now()
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "no touch" in dialog.error_label.text()
    assert applied.initiators == [other]


def test_a_new_touch_for_a_given_lead_is_planned(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    lead = demo_workspace.leads.cards(Column.HOT, limit=1)[0]
    dialog = NewTouchDialog(operations, date(2026, 3, 20), lead.id)
    qtbot.addWidget(dialog)
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
    assert applied.changes[0].description == f"Plan presentation for '{lead.name}'"
    assert applied.initiators == [dialog]
    assert applied.changes[0].touched_leads == {lead.id}


def test_a_new_touch_can_be_logged_as_done_with_its_outcome(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    lead = demo_workspace.leads.cards(Column.WARM, limit=1)[0]
    dialog = NewTouchDialog(operations, TODAY, lead.id)
    qtbot.addWidget(dialog)
    dialog.done_box.setChecked(True)
    assert dialog.ok_button.text() == "Log touch"
    assert dialog.date_edit.maximumDate() == to_qdate(TODAY)
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.INTERESTED))
    dialog.accept()
    (touch,) = demo_workspace.touches.for_lead(lead.id)
    assert (touch.done_on, touch.outcome) == (TODAY, TouchOutcome.INTERESTED)
    assert applied.changes[0].description.startswith("Log phone call")


def test_a_new_touch_needs_a_picked_lead(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    dialog = NewTouchDialog(operations, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.lead_field.setText("Marta")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Pick a lead from the suggestions first"
    assert applied.changes == []
    dialog.lead_field.look_up()
    lead_id, _label = dialog.lead_field.suggestions()[0]
    dialog.lead_field.set_lead(lead_id)
    dialog.accept()
    assert len(demo_workspace.touches.for_lead(lead_id)) == 1


def test_a_new_touch_for_a_lead_deleted_meanwhile_is_refused(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    lead = demo_workspace.leads.cards(Column.HOT, limit=1)[0]
    dialog = NewTouchDialog(operations, TODAY, lead.id)
    qtbot.addWidget(dialog)
    dialog.show()
    delete_lead(demo_workspace, lead.id)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "no lead" in dialog.error_label.text()
    assert applied.changes == []
    assert operations.undo_stack.count() == 0


def test_days_show_weekday_month_name_and_full_year(
    qtbot: QtBot, operations: Operations, touch_id: int
) -> None:
    """A day like 03/04/26 reads differently in every country; "Tue 24 Mar 2026" does not."""
    dialog = _dialog(qtbot, operations, touch_id)
    dialog.date_edit.setDate(to_qdate(date(2026, 3, 24)))
    locale = dialog.date_edit.locale()
    assert dialog.date_edit.text() == " ".join(
        (
            locale.dayName(2, locale.FormatType.ShortFormat),
            "24",
            locale.monthName(3, locale.FormatType.ShortFormat),
            "2026",
        )
    )
