"""Benchmark: the whole report over 100,000 leads with a year of history, against the raw SQL
aggregate queries it runs.

Run with ``make bench``. The baseline is measured in the same run on the same file: every
statement the report sent to SQLite, recorded with its parameters, executed again on the bare
connection and fetched, with no Python around it. The ratio says what the report adds on top of
the SQL: converting, rounding, building figures. Runs alternate and the best of each counts, so
other work on the machine weighs on both alike. Target: at most 2×.
"""

import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from planner.clock import Clock
from planner.metrics.period import Period
from planner.services.report import load_report
from planner.workspace import Workspace

pytestmark = pytest.mark.bench

LEADS = 100_000
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
_COLUMNS = ("cold", "warm", "hot")
_SOURCES = ("Trade fair", "Referral", "Website form", "Walk-in", "Cold call", "")
_CURRENCIES = ("EUR",) * 8 + ("USD", "GBP")


def _moment(day: date, hour: int) -> str:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).isoformat(timespec="seconds")


def _fill(workspace: Workspace) -> None:
    """A year of history written straight into the tables (services would take minutes):
    leads added over the year, moving along the columns, won or lost, touched, answering one
    of twenty campaigns."""
    chance = random.Random(13)
    db = workspace.db
    campaigns = [
        (
            index + 1,
            f"Campaign {index + 1}",
            ("direct_mail", "seminar", "email", "phone")[index % 4],
            "cold",
            (YEAR.start + timedelta(days=18 * index)).isoformat(),
            (YEAR.start + timedelta(days=18 * index + 14)).isoformat(),
            50_000 + 10_000 * index,
            f"CMP-{index:04d}",
        )
        for index in range(20)
    ]
    leads, changes, touches = [], [], []
    for lead_id in range(1, LEADS + 1):
        added = YEAR.start + timedelta(days=chance.randrange(365))
        column = "cold" if chance.random() < 0.7 else chance.choice(_COLUMNS)
        day = added
        moves = [(None, column, day)]
        while day < YEAR.end and chance.random() < 0.55:
            day += timedelta(days=chance.randrange(1, 40))
            if day > YEAR.end:
                break
            step = _COLUMNS.index(column) + chance.choice((1, 1, 2)) if column in _COLUMNS else 0
            target = chance.choice(("won", "lost")) if step >= 3 else _COLUMNS[step]
            moves.append((column, target, day))
            column = target
            if target in ("won", "lost"):
                break
        outcome = column if column in ("won", "lost") else "open"
        temperature = column if column in _COLUMNS else "hot"
        currency = chance.choice(_CURRENCIES)
        value = chance.randrange(50, 20_000) * 100 if chance.random() < 0.8 else None
        leads.append(
            (
                lead_id,
                f"Lead {lead_id}",
                temperature,
                outcome,
                "Price" if outcome == "lost" and chance.random() < 0.5 else "",
                value,
                currency,
                chance.choice(_SOURCES),
                lead_id - 1 if lead_id > 1 and chance.random() < 0.05 else None,
                _moment(added, 9),
                _moment(day, 9),
                column,
                f"r{lead_id:07d}",
            )
        )
        for hour, (source, target, moved) in enumerate(moves, start=9):
            changes.append((lead_id, source, target, _moment(moved, hour)))
        for _touch in range(chance.randrange(0, 9)):
            done = added + timedelta(days=chance.randrange(0, 60))
            campaign = chance.randrange(1, 21) if chance.random() < 0.05 else None
            touches.append(
                (
                    lead_id,
                    "phone_call",
                    done.isoformat(),
                    done.isoformat() if done <= YEAR.end else None,
                    campaign,
                    int(campaign is not None),
                    _moment(added, 9),
                )
            )
    with db.conn:
        db.conn.executemany(
            "INSERT INTO campaigns (id, name, channel, target_temperature, start_on, end_on,"
            " budget_minor, response_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
            campaigns,
        )
        db.conn.executemany(
            "INSERT INTO leads (id, name, temperature, outcome, lost_reason, value_minor,"
            " currency, source, referred_by, created_at, updated_at, board_column, rank)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            leads,
        )
        db.conn.executemany(
            "INSERT INTO column_changes (lead_id, from_column, to_column, changed_at)"
            " VALUES (?, ?, ?, ?)",
            changes,
        )
        db.conn.executemany(
            "INSERT INTO touches (lead_id, kind, planned_on, done_on, campaign_id,"
            " is_response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            touches,
        )
    db.execute("ANALYZE")


def _best_alternating(runs: int, *works: Callable[[], object]) -> list[float]:
    """The best time of each of ``works``, run in turn ``runs`` times."""
    best = [float("inf")] * len(works)
    for _run in range(runs):
        for index, work in enumerate(works):
            started = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def test_the_report_costs_at_most_twice_its_sql(workspace: Workspace) -> None:
    workspace.clock = Clock.fixed(datetime(2026, 1, 15, 12, tzinfo=UTC))
    _fill(workspace)
    connection: sqlite3.Connection = workspace.db.conn
    queries: list[tuple[str, Any]] = []
    execute = workspace.db.execute

    def recording(sql: str, parameters: Any = None) -> sqlite3.Cursor:
        queries.append((sql, parameters or []))
        return execute(sql, parameters)

    workspace.db.execute = recording  # type: ignore[method-assign]
    report = load_report(workspace, YEAR)
    workspace.db.execute = execute  # type: ignore[method-assign]
    assert report.funnel.counts.awareness > LEADS // 2
    assert report.deals > 0
    assert len(report.campaigns) == 20

    def raw_sql() -> None:
        for sql, parameters in queries:
            connection.execute(sql, parameters).fetchall()

    raw, whole = _best_alternating(4, raw_sql, lambda: load_report(workspace, YEAR))
    ratio = whole / raw
    print(
        f"\nreport over {LEADS:,} leads: {len(queries)} queries; "
        f"ratio {ratio:.2f}x the raw SQL's time"
    )
    assert ratio <= 2
