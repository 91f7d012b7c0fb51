"""Touch actions on a real file: plan, log, mark done, reschedule, delete, and their undo."""

from datetime import date, time
from typing import Any

import pytest

from planner.domain import LeadDraft, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError, ValidationError
from planner.services import board, touches
from planner.services.history import redo_change, undo_change
from planner.store.changes import Change, Table
from planner.store.touches import TouchStore
from planner.workspace import Workspace
from tests.conftest import dump_database

MONDAY = date(2026, 3, 16)


def _lead(workspace: Workspace, name: str = "Acme Bakery") -> int:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name=name)).lead_ids()
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
    assert len(change.keys(Table.TOUCHES)) == 2
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
