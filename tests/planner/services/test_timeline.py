"""A lead's timeline mixes touches and column changes in date order."""

from datetime import date, time

import pytest

from planner.domain import Column, LeadDraft, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError
from planner.services import board, touches
from planner.services.timeline import lead_timeline
from planner.workspace import Workspace


def test_timeline_orders_done_and_planned_touches_with_moves(workspace: Workspace) -> None:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name="Acme Bakery")).lead_ids()
    touches.log_touches(
        workspace,
        [
            TouchDraft(
                lead_id,
                TouchKind.PHONE_CALL,
                date(2026, 3, 20),
                done_on=date(2026, 3, 2),
                outcome=TouchOutcome.NO_ANSWER,
            )
        ],
        "Log",
    )
    touches.plan_touches(
        workspace,
        [
            TouchDraft(lead_id, TouchKind.SALES_LETTER, date(2026, 4, 1)),
            TouchDraft(lead_id, TouchKind.MEETING, date(2026, 3, 30), time(10, 0)),
        ],
        "Plan",
    )
    board.move_lead(workspace, lead_id, Column.WARM)
    assert [entry.text for entry in lead_timeline(workspace, lead_id)] == [
        "Phone call (no answer)",
        "Added to Cold",
        "Moved from Cold to Warm",
        "Planned: Meeting",
        "Planned: Sales letter",
    ]
    days = [entry.day for entry in lead_timeline(workspace, lead_id)]
    assert days == [date(2026, 3, 2), *[date(2026, 3, 16)] * 2, date(2026, 3, 30), date(2026, 4, 1)]


def test_timeline_of_a_missing_lead(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        lead_timeline(workspace, 3)
