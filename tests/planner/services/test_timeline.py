"""A lead's timeline mixes touches and column changes in date order."""

import time as clock_time
from collections.abc import Iterator
from datetime import date, time

import pytest

from planner.domain import Column, LeadDraft, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError
from planner.services import board, touches
from planner.services.timeline import lead_timeline
from planner.workspace import Workspace


def test_timeline_orders_done_and_planned_touches_with_moves(workspace: Workspace) -> None:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name="Acme Bakery")).lead_ids
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


@pytest.fixture
def local_time_is_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Column changes show in local time; pin it so the fixed clock's 09:30 UTC stays 09:30."""
    monkeypatch.setenv("TZ", "UTC")
    clock_time.tzset()
    yield
    monkeypatch.undo()
    clock_time.tzset()


@pytest.mark.usefixtures("local_time_is_utc")
def test_a_days_timed_events_come_before_its_all_day_touches(workspace: Workspace) -> None:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name="Acme Bakery")).lead_ids
    board.move_lead(workspace, lead_id, Column.WARM)
    monday = date(2026, 3, 16)
    touches.plan_touches(
        workspace,
        [
            TouchDraft(lead_id, TouchKind.SALES_LETTER, monday),
            TouchDraft(lead_id, TouchKind.MEETING, monday, time(8, 0)),
            TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 3, 12), time(15, 0)),
            TouchDraft(lead_id, TouchKind.PHONE_CALL, monday, done_on=monday),
        ],
        "Plan",
    )
    late_email = next(
        touch.id for touch in workspace.touches.for_lead(lead_id) if touch.kind is TouchKind.EMAIL
    )
    touches.mark_touch_done(workspace, late_email, TouchOutcome.REACHED)
    entries = lead_timeline(workspace, lead_id)
    assert [(entry.at, entry.text) for entry in entries] == [
        (time(8, 0), "Planned: Meeting"),
        (time(9, 30), "Added to Cold"),
        (time(9, 30), "Moved from Cold to Warm"),
        (None, "Email (reached)"),
        (None, "Phone call"),
        (None, "Planned: Sales letter"),
    ]
    assert {entry.day for entry in entries} == {monday}
