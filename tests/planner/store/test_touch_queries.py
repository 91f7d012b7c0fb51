"""Touch queries: the cards' meter, overdue and quiet marks across dates, calendar and agenda."""

import time as stopwatch
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from planner.changes import Kind
from planner.clock import Clock
from planner.domain import (
    CampaignDraft,
    Channel,
    Column,
    LeadDraft,
    Temperature,
    TouchDraft,
    TouchKind,
)
from planner.services import board, campaigns, touches
from planner.store.touches import TouchStore
from planner.workspace import Workspace

CREATED = date(2026, 3, 16)


def _lead(workspace: Workspace, name: str = "Acme Bakery", **fields: object) -> int:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name=name, **fields)).lead_ids  # type: ignore[arg-type]
    return lead_id


def _plan(workspace: Workspace, lead_id: int, day: date, **fields: object) -> int:
    draft = TouchDraft(lead_id, TouchKind.PHONE_CALL, day, **fields)  # type: ignore[arg-type]
    (touch_id,) = touches.plan_touches(workspace, [draft], "Plan").ids(Kind.TOUCH)
    return int(touch_id)


def test_card_counts_done_touches_and_shows_the_next_one(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    touches.log_touches(workspace, [TouchDraft(lead_id, TouchKind.EMAIL, CREATED)] * 3, "Log three")
    _plan(workspace, lead_id, date(2026, 3, 25))
    _plan(workspace, lead_id, date(2026, 3, 20))
    card = workspace.leads.card(lead_id)
    assert (card.touches_done, card.touch_target, card.next_touch_on) == (3, 8, "2026-03-20")
    assert (card.overdue, card.quiet) == (False, False)
    assert workspace.leads.cards(Column.COLD) == [card]


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2026, 3, 19), False), (date(2026, 3, 20), False), (date(2026, 3, 21), True)],
)
def test_a_planned_touch_is_overdue_the_day_after(
    workspace: Workspace, today: date, overdue: bool
) -> None:
    lead_id = _lead(workspace)
    _plan(workspace, lead_id, date(2026, 3, 20))
    card = workspace.leads.card(lead_id, today=today)
    assert (card.overdue, card.quiet) == (overdue, False)


def test_done_touches_are_never_overdue(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    touch_id = _plan(workspace, lead_id, date(2026, 3, 10))
    assert workspace.leads.card(lead_id).overdue
    touches.mark_touch_done(workspace, touch_id)
    card = workspace.leads.card(lead_id)
    assert (card.overdue, card.next_touch_on, card.touches_done) == (False, None, 1)


@pytest.mark.parametrize(
    ("today", "quiet"),
    [(date(2026, 4, 14), False), (date(2026, 4, 15), True), (date(2026, 6, 1), True)],
)
def test_an_open_lead_goes_quiet_after_thirty_days_without_touches(
    workspace: Workspace, today: date, quiet: bool
) -> None:
    lead_id = _lead(workspace)
    assert workspace.leads.card(lead_id, today=today).quiet is quiet


def test_a_done_touch_or_a_move_wakes_a_lead_up(workspace: Workspace, database_path: Path) -> None:
    lead_id = _lead(workspace)
    assert workspace.leads.card(lead_id, today=date(2026, 4, 20)).quiet
    touches.log_touches(workspace, [TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 4, 1))], "Log")
    assert not workspace.leads.card(lead_id, today=date(2026, 4, 20)).quiet
    assert workspace.leads.card(lead_id, today=date(2026, 5, 1)).quiet
    later = Workspace.open(database_path, Clock.fixed(datetime(2026, 4, 25, 9, tzinfo=UTC)))
    board.move_lead(later, lead_id, Column.WARM)
    assert not later.leads.card(lead_id, today=date(2026, 5, 1)).quiet
    later.close()


def test_planned_work_and_closed_leads_are_not_quiet(workspace: Workspace) -> None:
    planned = _lead(workspace)
    _plan(workspace, planned, date(2026, 6, 1))
    overdue = _lead(workspace, "Overdue")
    _plan(workspace, overdue, date(2026, 3, 20))
    won = _lead(workspace, "Customer")
    board.move_lead(workspace, won, Column.WON)
    june = date(2026, 5, 30)
    assert not workspace.leads.card(planned, today=june).quiet
    overdue_card = workspace.leads.card(overdue, today=june)
    assert (overdue_card.overdue, overdue_card.quiet) == (True, False)
    assert not workspace.leads.card(won, today=june).quiet


def test_today_defaults_to_the_workspace_clock(database_path: Path) -> None:
    early = Workspace.open(database_path, Clock.fixed(datetime(2026, 3, 16, 9, tzinfo=UTC)))
    lead_id = _lead(early)
    _plan(early, lead_id, date(2026, 3, 20))
    assert not early.leads.card(lead_id).overdue
    early.close()
    late = Workspace.open(database_path, Clock.fixed(datetime(2026, 3, 23, 9, tzinfo=UTC)))
    assert late.leads.card(lead_id).overdue
    assert late.leads.cards(Column.COLD)[0].overdue
    late.close()


def test_calendar_rows_between_dates_with_filters(workspace: Workspace) -> None:
    cold = _lead(workspace, "Łódź Print Works")
    hot = _lead(workspace, "Hot lead", temperature=Temperature.HOT)
    _plan(workspace, cold, date(2026, 3, 31), planned_at=time(15, 0))
    _plan(workspace, cold, date(2026, 3, 31))
    _plan(workspace, hot, date(2026, 3, 1), planned_at=time(8, 0))
    _plan(workspace, hot, date(2026, 4, 1))
    campaigns.create_campaign(
        workspace,
        CampaignDraft(
            "Seminar", Channel.SEMINAR, Temperature.COLD, date(2026, 3, 10), date(2026, 3, 12)
        ),
    )
    store = TouchStore(workspace.db)
    march = store.between(date(2026, 3, 1), date(2026, 3, 31))
    assert [(row.lead_name, row.planned_on.day, row.planned_at) for row in march] == [
        ("Hot lead", 1, time(8, 0)),
        ("Łódź Print Works", 10, None),
        ("Łódź Print Works", 31, None),
        ("Łódź Print Works", 31, time(15, 0)),
    ]
    assert march[1].campaign_id == 1
    assert (march[1].channel, march[2].channel) == (Channel.SEMINAR, Channel.PHONE)
    hot_only = store.between(date(2026, 3, 1), date(2026, 3, 31), temperatures=[Temperature.HOT])
    assert [row.lead_id for row in hot_only] == [hot]
    seminars = store.between(date(2026, 3, 1), date(2026, 3, 31), channels=[Channel.SEMINAR])
    assert [row.kind for row in seminars] == [TouchKind.SEMINAR]
    assert store.between(date(2026, 3, 1), date(2026, 3, 31), channels=[]) == []


def test_agenda_holds_today_and_overdue_but_not_done_or_later(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    overdue = _plan(workspace, lead_id, date(2026, 3, 2))
    today = _plan(workspace, lead_id, CREATED, planned_at=time(11, 0))
    _plan(workspace, lead_id, date(2026, 3, 17))
    done = _plan(workspace, lead_id, date(2026, 3, 3))
    touches.mark_touch_done(workspace, done)
    agenda = TouchStore(workspace.db).agenda(CREATED)
    assert [row.id for row in agenda] == [today, overdue]
    assert [row.is_overdue(CREATED) for row in agenda] == [False, True]


def test_agenda_lists_today_by_time_then_overdue_most_recent_day_first(
    workspace: Workspace,
) -> None:
    lead_id = _lead(workspace)
    weeks_late = _plan(workspace, lead_id, date(2026, 2, 20))
    afternoon = _plan(workspace, lead_id, CREATED, planned_at=time(15, 0))
    yesterday_all_day = _plan(workspace, lead_id, date(2026, 3, 15))
    all_day = _plan(workspace, lead_id, CREATED)
    morning = _plan(workspace, lead_id, CREATED, planned_at=time(8, 30))
    yesterday_at_nine = _plan(workspace, lead_id, date(2026, 3, 15), planned_at=time(9, 0))
    last_week = _plan(workspace, lead_id, date(2026, 3, 9), planned_at=time(10, 0))
    agenda = TouchStore(workspace.db).agenda(CREATED)
    assert [row.id for row in agenda] == [
        all_day,
        morning,
        afternoon,
        yesterday_all_day,
        yesterday_at_nine,
        last_week,
        weeks_late,
    ]


def _month_of_touches(workspace: Workspace, count: int) -> None:
    leads = [(LeadDraft(name=f"Lead {n}"), Column.COLD) for n in range(count // 10)]
    board.add_leads(workspace, leads, "Add")
    ids = [lead.id for lead in workspace.leads.find()]
    drafts = [
        TouchDraft(ids[n % len(ids)], TouchKind.PHONE_CALL, date(2026, 3, 1) + timedelta(n % 31))
        for n in range(count)
    ]
    touches.plan_touches(workspace, drafts, "Plan a busy month")


def test_a_busy_month_comes_back_whole_and_in_order(workspace: Workspace) -> None:
    _month_of_touches(workspace, 1_000)
    rows = TouchStore(workspace.db).between(date(2026, 3, 1), date(2026, 3, 31))
    assert len(rows) == 1_000
    assert [row.planned_on for row in rows] == sorted(row.planned_on for row in rows)


@pytest.mark.bench
def test_ten_thousand_touches_in_a_month_load_quickly(workspace: Workspace) -> None:
    _month_of_touches(workspace, 10_000)
    store = TouchStore(workspace.db)
    started = stopwatch.perf_counter()
    rows = store.between(date(2026, 3, 1), date(2026, 3, 31))
    month_seconds = stopwatch.perf_counter() - started
    started = stopwatch.perf_counter()
    agenda = store.agenda(date(2026, 3, 31))
    agenda_seconds = stopwatch.perf_counter() - started
    print(f"month: {month_seconds * 1000:.0f} ms, agenda: {agenda_seconds * 1000:.0f} ms")
    assert len(rows) == len(agenda) == 10_000
    assert month_seconds < 0.25
    assert agenda_seconds < 0.25


@pytest.mark.bench
def test_a_column_of_twenty_thousand_cards_with_touches_loads_quickly(workspace: Workspace) -> None:
    leads = [(LeadDraft(name=f"Lead {n}"), Column.COLD) for n in range(20_000)]
    board.add_leads(workspace, leads, "Add")
    ids = [card.id for card in workspace.leads.cards(Column.COLD)]
    drafts = [
        TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 3, 1) + timedelta(days=step * 5))
        for lead_id in ids
        for step in range(4)
    ]
    touches.plan_touches(workspace, drafts, "Plan four touches each")
    started = stopwatch.perf_counter()
    cards = workspace.leads.cards(Column.COLD)
    seconds = stopwatch.perf_counter() - started
    print(f"20,000 cards with 80,000 touches: {seconds * 1000:.0f} ms")
    assert sum(card.overdue for card in cards) == 20_000
    assert seconds < 0.5


def test_the_calendar_shows_a_touch_on_the_day_it_was_done(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    planned_day = CREATED + timedelta(days=10)
    touch_id = _plan(workspace, lead_id, planned_day, planned_at=time(9, 0))
    touches.mark_touch_done(workspace, touch_id, done_on=CREATED)
    (shown,) = workspace.touches.between(CREATED, CREATED)
    assert shown.id == touch_id
    assert shown.shown_on == CREATED
    assert shown.done_elsewhere
    assert workspace.touches.between(planned_day, planned_day) == []
    still_planned = _plan(workspace, lead_id, planned_day)
    assert [touch.id for touch in workspace.touches.between(planned_day, planned_day)] == [
        still_planned
    ]
