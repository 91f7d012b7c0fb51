"""What a card knows about its touches: done and planned counts, the next touch, and staleness."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from planner.changes import Kind
from planner.clock import Clock
from planner.domain import Column, LeadDraft, TouchDraft, TouchKind
from planner.services import board, touches
from planner.services.valuation import load_pipeline_settings, save_pipeline_settings
from planner.workspace import Workspace

MONDAY = date(2026, 3, 16)


def _lead(workspace: Workspace, column: Column = Column.COLD) -> int:
    return board.add_lead(workspace, LeadDraft(name="Acme Bakery"), column).created_ids(Kind.LEAD)[
        0
    ]


def test_planned_touches_count_on_the_meter_beside_the_done_ones(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    drafts = [
        TouchDraft(lead_id, TouchKind.PHONE_CALL, MONDAY + timedelta(days=days))
        for days in (2, 7, 21)
    ]
    touches.plan_touches(workspace, drafts, "Plan 3 touches")

    card = workspace.leads.card(lead_id)
    assert (card.touches_done, card.touches_planned) == (0, 3)

    first = workspace.touches.for_lead(lead_id)[0]
    touches.mark_touch_done(workspace, first.id)
    card = workspace.leads.card(lead_id)
    assert (card.touches_done, card.touches_planned) == (1, 2)
    assert card.last_touch_on == MONDAY.isoformat()


def test_the_next_touch_is_the_earliest_planned_with_its_kind(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    assert workspace.leads.card(lead_id).next_touch_kind is None
    drafts = [
        TouchDraft(lead_id, TouchKind.PROPOSAL, MONDAY + timedelta(days=9)),
        TouchDraft(lead_id, TouchKind.MEETING, MONDAY - timedelta(days=2)),
    ]
    touches.plan_touches(workspace, drafts, "Plan 2 touches")

    card = workspace.leads.card(lead_id)
    assert (card.next_touch_on, card.next_touch_kind) == ("2026-03-14", TouchKind.MEETING)
    assert card.overdue


def _workspace_on(path: Path, day: date) -> Workspace:
    return Workspace.open(path, Clock.fixed(datetime(day.year, day.month, day.day, 9, tzinfo=UTC)))


def test_a_lead_untouched_longer_than_its_columns_limit_is_stale(
    workspace: Workspace, database_path: Path
) -> None:
    warm, hot = _lead(workspace, Column.WARM), _lead(workspace, Column.HOT)
    later = _workspace_on(database_path, MONDAY + timedelta(days=10))
    try:
        cards = {card.id: card for card in later.leads.cards(Column.WARM)}
        cards |= {card.id: card for card in later.leads.cards(Column.HOT)}
        assert cards[warm].untouched_days(MONDAY + timedelta(days=10)) == 10
        assert not cards[warm].stale, "Warm allows 14 days"
        assert cards[hot].stale, "Hot allows 7 days"
        assert cards[hot].stale_limit == 7

        touches.log_touches(
            later, [TouchDraft(hot, TouchKind.PHONE_CALL, MONDAY + timedelta(days=9))], "Log"
        )
        assert not later.leads.card(hot).stale

        settings = load_pipeline_settings(later)
        limits = {**settings.stale_after_days, Column.WARM: 5}
        save_pipeline_settings(later, replace(settings, stale_after_days=limits))
        assert later.leads.card(warm).stale
    finally:
        later.close()


def test_entering_a_column_starts_its_time_afresh(
    workspace: Workspace, database_path: Path
) -> None:
    lead_id = _lead(workspace, Column.WARM)
    later = _workspace_on(database_path, MONDAY + timedelta(days=20))
    try:
        assert later.leads.card(lead_id).stale
        board.move_lead(later, lead_id, Column.HOT)
        card = later.leads.card(lead_id)
        assert not card.stale
        assert card.untouched_since == (MONDAY + timedelta(days=20)).isoformat()
    finally:
        later.close()


def test_closed_leads_are_never_stale(workspace: Workspace, database_path: Path) -> None:
    lead_id = _lead(workspace, Column.WON)
    later = _workspace_on(database_path, MONDAY + timedelta(days=400))
    try:
        card = later.leads.card(lead_id)
        assert (card.stale, card.stale_limit) == (False, None)
    finally:
        later.close()
