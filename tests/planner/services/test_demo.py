"""The demo business: six months of history ending today, deterministic, undone in one step."""

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from planner.clock import Clock
from planner.domain import Column, Outcome, TouchOutcome
from planner.services.demo import add_demo_data, demo_summary
from planner.services.history import undo_change
from planner.services.sender import set_sender_field
from planner.services.valuation import board_worth, load_pipeline_settings
from planner.workspace import Workspace
from tests.conftest import FIXED_MOMENT, dump_database

TODAY = FIXED_MOMENT.date()
HISTORY_TABLES = ("leads", "column_changes", "touches", "campaigns")


@pytest.fixture
def demo(workspace: Workspace) -> Workspace:
    add_demo_data(workspace)
    return workspace


def _moves(workspace: Workspace) -> dict[int, list[tuple[str | None, str, str]]]:
    rows = workspace.db.execute(
        "SELECT lead_id, from_column, to_column, changed_at FROM column_changes "
        "ORDER BY lead_id, changed_at, id"
    )
    moves: dict[int, list[tuple[str | None, str, str]]] = {}
    for lead_id, source, target, changed_at in rows:
        moves.setdefault(lead_id, []).append((source, target, changed_at))
    return moves


def test_every_lead_entered_cold_and_walked_to_its_column(demo: Workspace) -> None:
    moves = _moves(demo)
    leads = demo.leads.find()
    assert len(leads) == 62
    for lead in leads:
        path = moves[lead.id]
        assert path[0][:2] == (None, "cold"), lead.name
        assert path[-1][1] == lead.column.value, lead.name
        assert all(before[1] == after[0] for before, after in pairwise(path))
        assert [move[2] for move in path] == sorted(move[2] for move in path), lead.name
        assert lead.created_at == path[0][2]
        first_day = date.fromisoformat(path[0][2][:10])
        assert TODAY - timedelta(days=183) <= first_day < TODAY
    warmed = [lead for lead in leads if len(moves[lead.id]) > 1]
    assert {lead.column for lead in warmed} == {Column.WARM, Column.HOT, Column.WON, Column.LOST}


def test_won_deals_are_spread_over_the_months_and_one_customer_bought_twice(
    demo: Workspace,
) -> None:
    wins = demo.db.execute(
        "SELECT lead_id, substr(changed_at, 1, 7) FROM column_changes WHERE to_column = 'won'"
    ).fetchall()
    assert len({month for _lead, month in wins}) >= 4
    repeat = [lead_id for lead_id, count in Counter(lead for lead, _ in wins).items() if count > 1]
    assert len(repeat) == 1
    customer = demo.leads.get(repeat[0])
    assert customer.outcome is Outcome.WON
    referred = [lead for lead in demo.leads.find() if lead.referred_by == customer.id]
    assert any(lead.outcome is Outcome.WON for lead in referred)
    assert all(lead.value is not None for lead in demo.leads.find() if lead.column is Column.WON)


def test_touches_are_done_with_outcomes_planned_ahead_and_a_few_overdue(demo: Workspace) -> None:
    touches = [touch for lead in demo.leads.find() for touch in demo.touches.for_lead(lead.id)]
    done = [touch for touch in touches if touch.done_on is not None]
    planned = [touch for touch in touches if touch.done_on is None]
    assert all(touch.done_on is not None and touch.done_on < TODAY for touch in done)
    assert {touch.outcome for touch in done} >= {TouchOutcome.INTERESTED, TouchOutcome.NO_ANSWER}
    overdue = [touch for touch in planned if touch.planned_on < TODAY]
    assert 2 <= len(overdue) <= 8
    assert len(planned) - len(overdue) > 20
    cards = [card for column in Column for card in demo.leads.cards(column)]
    stale = [card for card in cards if card.stale]
    assert 3 <= len(stale) <= 15, "some leads need attention, not all"
    assert not any(card.stale for card in cards if card.column.is_outcome)


def test_lost_leads_say_why(demo: Workspace) -> None:
    lost = [lead for lead in demo.leads.find() if lead.outcome is Outcome.LOST]
    assert lost
    assert all(lead.lost_reason for lead in lost)


def test_one_campaign_finished_with_responses_and_one_is_running(demo: Workspace) -> None:
    rows = demo.db.execute(
        "SELECT id, start_on, end_on, budget_minor, response_code FROM campaigns"
    )
    by_state: dict[str, tuple[int, str]] = {}
    for campaign_id, start, end, budget, code in rows:
        assert budget
        assert code
        state = "finished" if date.fromisoformat(end) < TODAY else "running"
        assert date.fromisoformat(start) <= TODAY
        by_state[state] = (campaign_id, code)
    assert set(by_state) == {"finished", "running"}
    finished, _code = by_state["finished"]
    responses = demo.db.execute(
        "SELECT count(*) FROM touches WHERE campaign_id = ? AND outcome = 'interested'",
        [finished],
    ).fetchone()[0]
    assert responses >= 3
    running, _code = by_state["running"]
    still_planned = demo.db.execute(
        "SELECT count(*) FROM touches WHERE campaign_id = ? AND done_on IS NULL", [running]
    ).fetchone()[0]
    assert still_planned >= 3


def test_most_deals_count_in_the_home_currency_and_one_has_no_rate(demo: Workspace) -> None:
    settings = load_pipeline_settings(demo)
    assert settings.rates == {"GBP": Decimal("1.17")}
    currencies = Counter(lead.value.currency for lead in demo.leads.find() if lead.value)
    assert currencies["EUR"] > currencies["GBP"] > 1
    assert currencies["CHF"] == 1
    worth = board_worth(demo, demo.leads.summaries())
    assert sum(column.total.unconverted_leads for column in worth.columns.values()) == 1


def test_another_home_currency_values_the_deals_in_it(workspace: Workspace) -> None:
    set_sender_field(workspace, "currency", "GBP")
    add_demo_data(workspace)
    currencies = Counter(lead.value.currency for lead in workspace.leads.find() if lead.value)
    assert currencies.most_common(1)[0][0] == "GBP"
    assert "EUR" in load_pipeline_settings(workspace).rates


def _history(path: Path, moment: datetime) -> dict[str, list[tuple[object, ...]]]:
    workspace = Workspace.open(path, Clock.fixed(moment))
    try:
        add_demo_data(workspace)
        dumped = dump_database(workspace)
    finally:
        workspace.close()
    return {table: dumped[table] for table in HISTORY_TABLES}


def test_the_same_day_tells_the_same_story(tmp_path: Path) -> None:
    assert _history(tmp_path / "a.db", FIXED_MOMENT) == _history(tmp_path / "b.db", FIXED_MOMENT)


def test_the_story_ends_on_the_day_it_is_loaded(tmp_path: Path) -> None:
    later = datetime(2027, 1, 20, 10, tzinfo=UTC)
    workspace = Workspace.open(tmp_path / "later.db", Clock.fixed(later))
    try:
        add_demo_data(workspace)
        newest = workspace.db.execute("SELECT max(done_on) FROM touches").fetchone()[0]
        assert date(2027, 1, 10) <= date.fromisoformat(newest) < later.date()
    finally:
        workspace.close()


def test_the_demo_is_undone_in_one_step(workspace: Workspace) -> None:
    before = dump_database(workspace)
    change = add_demo_data(workspace)
    assert demo_summary(change).startswith("Added 62 demo leads, ")
    assert demo_summary(change).endswith(" touches and 2 campaigns")
    undo_change(workspace, change)
    assert dump_database(workspace) == before


def test_loading_it_twice_keeps_response_codes_unique(workspace: Workspace) -> None:
    add_demo_data(workspace)
    add_demo_data(workspace)
    codes = [row[0] for row in workspace.db.execute("SELECT response_code FROM campaigns")]
    assert len(codes) == len(set(codes)) == 4
