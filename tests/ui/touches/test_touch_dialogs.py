"""The touch dialog (edit, mark done, delete) and the new-touch dialog, each undoable."""

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.domain import Column, TouchKind, TouchOutcome
from planner.services.history import redo_change, undo_change
from planner.services.touches import TouchEdit, edit_touch
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.touches.conftest import TODAY, ChangeCatcher
from ui.common.form_parts import chosen_outcome, to_qdate
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog


def _dialog(
    qtbot: QtBot, workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> TouchDialog:
    dialog = TouchDialog(workspace, touch_id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    return dialog


def test_save_changes_kind_day_time_and_notes_in_one_undoable_step(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
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
    (change,) = caught.changes
    assert change.description.startswith("Edit phone call for")
    assert dialog.result() == TouchDialog.DialogCode.Accepted
    after = dump_database(demo_workspace)
    undo_change(demo_workspace, change)
    assert dump_database(demo_workspace) == before
    redo_change(demo_workspace, change)
    assert dump_database(demo_workspace) == after


def test_save_without_changes_closes_without_a_step(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.show()
    assert dialog.save_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == TouchDialog.DialogCode.Accepted
    assert caught.changes == []


def test_an_overdue_touch_says_how_late_it_is(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    on_time = _dialog(qtbot, demo_workspace, touch_id, caught)
    assert on_time.findChild(QLabel, "touch-overdue") is None
    edit = replace(TouchEdit.of(on_time.touch), planned_on=date(2026, 3, 13))
    edit_touch(demo_workspace, touch_id, edit)
    late = _dialog(qtbot, demo_workspace, touch_id, caught)
    label = late.findChild(QLabel, "touch-overdue")
    assert label is not None
    assert label.text() == "3 days late"


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


def test_mark_done_keeps_edited_notes_in_the_same_step(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.notes_field.setPlainText("Ordered 40 loaves")
    dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData(TouchOutcome.INTERESTED))
    dialog.done_button.click()
    touch = demo_workspace.touches.get(touch_id)
    assert (touch.notes, touch.done_on, touch.outcome) == (
        "Ordered 40 loaves",
        TODAY,
        TouchOutcome.INTERESTED,
    )
    (change,) = caught.changes
    assert change.description.endswith("done")
    undo_change(demo_workspace, change)
    assert dump_database(demo_workspace) == before


def test_a_done_touch_edits_notes_and_outcome_but_not_its_planned_day(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    first = _dialog(qtbot, demo_workspace, touch_id, caught)
    first.mark_done()
    before = dump_database(demo_workspace)
    done = _dialog(qtbot, demo_workspace, touch_id, caught)
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
    assert caught.changes[-1].description.startswith("Edit phone call for")
    undo_change(demo_workspace, caught.changes[-1])
    assert dump_database(demo_workspace) == before
    reopened = _dialog(qtbot, demo_workspace, touch_id, caught)
    assert reopened.done_date_edit.date() == to_qdate(TODAY)


def test_delete_removes_the_touch_and_undo_brings_it_back(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.delete_now()
    assert demo_workspace.touches.for_lead(dialog.touch.lead_id) == []
    undo_change(demo_workspace, caught.changes[0])
    assert dump_database(demo_workspace) == before


def test_a_failed_action_says_why_and_stays_open(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
    dialog.show()
    other = _dialog(qtbot, demo_workspace, touch_id, caught)
    other.delete_now()
    dialog.save_button.click()
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
    dialog.lead_field.setText("Marta")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Pick a lead from the suggestions first"
    assert caught.changes == []
    dialog.lead_field.look_up()
    lead_id, _label = dialog.lead_field.suggestions()[0]
    dialog.lead_field.set_lead(lead_id)
    dialog.accept()
    assert len(demo_workspace.touches.for_lead(lead_id)) == 1


def test_days_show_weekday_month_name_and_full_year(
    qtbot: QtBot, demo_workspace: Workspace, touch_id: int, caught: ChangeCatcher
) -> None:
    """A day like 03/04/26 reads differently in every country; "Tue 24 Mar 2026" does not."""
    dialog = _dialog(qtbot, demo_workspace, touch_id, caught)
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
