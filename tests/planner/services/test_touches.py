"""Touch actions on a real file: plan, log, mark done, reschedule, delete, and their undo."""

from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest

from planner.changes import Change, Kind
from planner.domain import LeadDraft, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError, ValidationError
from planner.services import board, touches
from planner.services.history import redo_change, undo_change
from planner.store.touches import TouchStore
from planner.workspace import Workspace
from tests.conftest import dump_database

MONDAY = date(2026, 3, 16)


def _lead(workspace: Workspace, name: str = "Acme Bakery") -> int:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name=name)).lead_ids
    return lead_id


def _assert_undo_and_redo_exact(
    workspace: Workspace, before: dict[str, list[tuple[Any, ...]]], change: Change
) -> None:
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after


def test_log_touches_records_done_letters_in_one_undoable_step(workspace: Workspace) -> None:
    first, second = _lead(workspace), _lead(workspace, "Becker Joinery")
    before = dump_database(workspace)
    drafts = [
        TouchDraft(first, TouchKind.SALES_LETTER, MONDAY, document="/letters/acme.pdf"),
        TouchDraft(second, TouchKind.SALES_LETTER, MONDAY, done_on=date(2026, 3, 13)),
    ]
    change = touches.log_touches(workspace, drafts, "Record 2 letters")
    assert change.description == "Record 2 letters"
    assert len(change.ids(Kind.TOUCH)) == 2
    (acme,) = TouchStore(workspace.db).for_lead(first)
    (becker,) = TouchStore(workspace.db).for_lead(second)
    assert (acme.done_on, acme.document) == (MONDAY, "/letters/acme.pdf")
    assert becker.done_on == date(2026, 3, 13)
    _assert_undo_and_redo_exact(workspace, before, change)


def test_plan_touches_keeps_them_planned(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    drafts = [TouchDraft(lead_id, TouchKind.PHONE_CALL, date(2026, 3, 18), time(9, 15))]
    touches.plan_touches(workspace, drafts, "Plan calls")
    (planned,) = TouchStore(workspace.db).for_lead(lead_id)
    assert (planned.done_on, planned.planned_at, planned.is_done) == (None, time(9, 15), False)


@pytest.mark.parametrize(
    ("draft", "error"),
    [
        (TouchDraft(999, TouchKind.EMAIL, MONDAY), NotFoundError),
        (TouchDraft(1, TouchKind.EMAIL, MONDAY, campaign_id=5), NotFoundError),
        (TouchDraft(1, TouchKind.EMAIL, MONDAY, outcome=TouchOutcome.REACHED), ValidationError),
    ],
)
def test_bad_drafts_write_nothing(
    workspace: Workspace, draft: TouchDraft, error: type[Exception]
) -> None:
    _lead(workspace)
    before = dump_database(workspace)
    with pytest.raises(error):
        touches.plan_touches(workspace, [TouchDraft(1, TouchKind.EMAIL, MONDAY), draft], "Plan")
    assert dump_database(workspace) == before


def _planned(workspace: Workspace, lead_id: int, day: date, at: time | None = None) -> int:
    change = touches.add_touch(workspace, TouchDraft(lead_id, TouchKind.PHONE_CALL, day, at))
    (touch_id,) = change.ids(Kind.TOUCH)
    return int(touch_id)


def test_add_touch_names_the_action(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    planned = touches.add_touch(workspace, TouchDraft(lead_id, TouchKind.PHONE_CALL, MONDAY))
    logged = touches.add_touch(
        workspace, TouchDraft(lead_id, TouchKind.DIRECT_MAIL_LETTER, MONDAY, done_on=MONDAY)
    )
    assert planned.description == "Plan phone call for 'Acme Bakery'"
    assert logged.description == "Log direct-mail letter for 'Acme Bakery'"
    with pytest.raises(NotFoundError):
        touches.add_touch(workspace, TouchDraft(42, TouchKind.EMAIL, MONDAY))


def test_mark_done_today_or_on_a_day_with_an_outcome(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), date(2026, 3, 12))
    before = dump_database(workspace)
    change = touches.mark_touch_done(workspace, touch_id, TouchOutcome.CALL_BACK)
    assert change.description == "Mark phone call for 'Acme Bakery' done"
    done = TouchStore(workspace.db).get(touch_id)
    assert (done.done_on, done.outcome) == (MONDAY, TouchOutcome.CALL_BACK)
    _assert_undo_and_redo_exact(workspace, before, change)
    undo_change(workspace, change)
    touches.mark_touch_done(workspace, touch_id, done_on=date(2026, 3, 13))
    assert TouchStore(workspace.db).get(touch_id).done_on == date(2026, 3, 13)


def test_a_done_touch_is_not_marked_done_again(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), date(2026, 3, 12))
    touches.mark_touch_done(workspace, touch_id, TouchOutcome.INTERESTED, date(2026, 3, 13))
    before = dump_database(workspace)
    with pytest.raises(ValidationError) as refused:
        touches.mark_touch_done(workspace, touch_id, TouchOutcome.NO_ANSWER)
    assert str(refused.value) == (
        "That phone call for 'Acme Bakery' was already done on Fri 13 Mar 2026; "
        "use 'planner touch edit' (or open the touch) to change it"
    )
    assert dump_database(workspace) == before


def test_a_touch_cannot_be_done_in_the_future(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY)
    before = dump_database(workspace)
    with pytest.raises(ValidationError, match="still to come"):
        touches.mark_touch_done(workspace, touch_id, done_on=date(2026, 3, 17))
    assert dump_database(workspace) == before


def test_reschedule_keeps_sets_or_clears_the_time(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY, time(9, 30))
    store = TouchStore(workspace.db)
    before = dump_database(workspace)
    change = touches.reschedule_touch(workspace, touch_id, date(2026, 3, 23))
    assert change.description == "Reschedule phone call for 'Acme Bakery' to 2026-03-23"
    moved = store.get(touch_id)
    assert (moved.planned_on, moved.planned_at) == (date(2026, 3, 23), time(9, 30))
    _assert_undo_and_redo_exact(workspace, before, change)
    touches.reschedule_touch(workspace, touch_id, date(2026, 3, 24), time(14, 0))
    assert store.get(touch_id).planned_at == time(14, 0)
    touches.reschedule_touch(workspace, touch_id, date(2026, 3, 24), None)
    assert store.get(touch_id).planned_at is None


def test_done_touches_do_not_move(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY)
    touches.mark_touch_done(workspace, touch_id)
    with pytest.raises(ValidationError, match="already done"):
        touches.reschedule_touch(workspace, touch_id, date(2026, 3, 20))


def test_delete_touch_and_undo(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY)
    before = dump_database(workspace)
    change = touches.delete_touch(workspace, touch_id)
    assert change.description == "Delete phone call for 'Acme Bakery'"
    with pytest.raises(NotFoundError):
        TouchStore(workspace.db).get(touch_id)
    _assert_undo_and_redo_exact(workspace, before, change)


def test_touches_of_deleted_leads_are_hidden_until_restored(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    touch_id = _planned(workspace, lead_id, MONDAY)
    board.delete_lead(workspace, lead_id)
    store = TouchStore(workspace.db)
    assert store.find() == []
    assert store.agenda(MONDAY) == []
    with pytest.raises(NotFoundError):
        touches.mark_touch_done(workspace, touch_id)
    board.restore_lead(workspace, lead_id)
    assert [touch.id for touch in store.find()] == [touch_id]


def test_drop_touches_of_several_leads(workspace: Workspace) -> None:
    first = _planned(workspace, _lead(workspace), MONDAY)
    second = _planned(workspace, _lead(workspace, "Becker Joinery"), MONDAY)
    change = touches.drop_touches(workspace, [first, second, first])
    assert change.description == "Drop 2 touches"
    assert TouchStore(workspace.db).find() == []


def test_changes_name_the_leads_whose_touches_changed(workspace: Workspace) -> None:
    first, second = _lead(workspace), _lead(workspace, "Becker Joinery")
    change = touches.plan_touches(
        workspace,
        [TouchDraft(first, TouchKind.EMAIL, MONDAY), TouchDraft(second, TouchKind.EMAIL, MONDAY)],
        "Plan",
    )
    assert change.touched_leads == {first, second}
    assert change.lead_ids == set(), "the leads' own records did not change"
    (touch_id, _other) = change.created_ids(Kind.TOUCH)
    assert touches.delete_touch(workspace, touch_id).touched_leads == {first}


def test_edit_touch_changes_kind_day_time_and_notes_in_one_step(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY, time(9, 30))
    store = TouchStore(workspace.db)
    before = dump_database(workspace)
    edit = touches.TouchEdit.of(store.get(touch_id))
    change = touches.edit_touch(
        workspace,
        touch_id,
        replace(
            edit,
            kind=TouchKind.MEETING,
            planned_on=date(2026, 3, 19),
            planned_at=None,
            notes="  Bring the samples, ask about Łódź  ",
        ),
    )
    assert change.description == "Edit phone call for 'Acme Bakery'"
    assert change.ids(Kind.TOUCH) == {touch_id}
    edited = store.get(touch_id)
    assert (edited.kind, edited.planned_on, edited.planned_at, edited.notes) == (
        TouchKind.MEETING,
        date(2026, 3, 19),
        None,
        "Bring the samples, ask about Łódź",
    )
    assert (edited.done_on, edited.outcome, edited.created_at) == (
        None,
        None,
        "2026-03-16T09:30:00+00:00",
    )
    _assert_undo_and_redo_exact(workspace, before, change)


def test_an_edit_that_marks_done_is_named_so(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), date(2026, 3, 12))
    before = dump_database(workspace)
    edit = touches.TouchEdit.of(TouchStore(workspace.db).get(touch_id))
    change = touches.edit_touch(
        workspace,
        touch_id,
        replace(edit, notes="Call back Friday", done_on=MONDAY, outcome=TouchOutcome.CALL_BACK),
    )
    assert change.description == "Mark phone call for 'Acme Bakery' done"
    done = TouchStore(workspace.db).get(touch_id)
    assert (done.notes, done.done_on, done.outcome) == (
        "Call back Friday",
        MONDAY,
        TouchOutcome.CALL_BACK,
    )
    _assert_undo_and_redo_exact(workspace, before, change)


def test_a_done_touch_edits_its_notes_outcome_and_done_day(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), date(2026, 3, 12), time(15, 0))
    touches.mark_touch_done(workspace, touch_id, TouchOutcome.NO_ANSWER)
    store = TouchStore(workspace.db)
    before = dump_database(workspace)
    edit = touches.TouchEdit.of(store.get(touch_id))
    change = touches.edit_touch(
        workspace,
        touch_id,
        replace(
            edit,
            notes="Spoke to the owner",
            outcome=TouchOutcome.INTERESTED,
            done_on=date(2026, 3, 13),
        ),
    )
    assert change.description == "Edit phone call for 'Acme Bakery'"
    done = store.get(touch_id)
    assert (done.notes, done.outcome, done.done_on) == (
        "Spoke to the owner",
        TouchOutcome.INTERESTED,
        date(2026, 3, 13),
    )
    assert (done.planned_on, done.planned_at) == (date(2026, 3, 12), time(15, 0))
    _assert_undo_and_redo_exact(workspace, before, change)


def test_an_edit_that_changes_nothing_records_nothing(workspace: Workspace) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY)
    before = dump_database(workspace)
    edit = touches.TouchEdit.of(TouchStore(workspace.db).get(touch_id))
    assert touches.edit_touch(workspace, touch_id, edit).is_empty
    assert dump_database(workspace) == before


@pytest.mark.parametrize(
    ("planned", "changes", "message"),
    [
        (True, {"outcome": TouchOutcome.REACHED}, "Only a done touch has an outcome"),
        (True, {"done_on": date(2026, 3, 17)}, "still to come"),
        (False, {"planned_on": date(2026, 3, 20)}, "already done; only planned touches move"),
        (False, {"planned_at": time(8, 0)}, "already done; only planned touches move"),
        (False, {"done_on": None, "outcome": None}, "is done and stays done"),
    ],
)
def test_edits_that_cannot_be_stored_write_nothing(
    workspace: Workspace, planned: bool, changes: dict[str, Any], message: str
) -> None:
    touch_id = _planned(workspace, _lead(workspace), MONDAY)
    if not planned:
        touches.mark_touch_done(workspace, touch_id)
    before = dump_database(workspace)
    edit = replace(touches.TouchEdit.of(TouchStore(workspace.db).get(touch_id)), **changes)
    with pytest.raises(ValidationError, match=message):
        touches.edit_touch(workspace, touch_id, edit)
    assert dump_database(workspace) == before


def test_editing_a_missing_touch_is_refused(workspace: Workspace) -> None:
    edit = touches.TouchEdit(TouchKind.EMAIL, MONDAY, None, "", None, None)
    with pytest.raises(NotFoundError, match="no touch with id 9"):
        touches.edit_touch(workspace, 9, edit)
