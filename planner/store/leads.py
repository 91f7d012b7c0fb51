"""Reading leads and the board: the lead rows, their column history, and column summaries."""

import json
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from planner.clock import Clock
from planner.domain import (
    LEAD_TEXT_FIELDS,
    Column,
    ColumnChange,
    Lead,
    LeadDraft,
    Outcome,
    Temperature,
    TouchKind,
)
from planner.errors import NotFoundError
from planner.money import Money
from planner.planning import PlanningSettings
from planner.read_models import BoardCard, BoardSearch, ColumnMatches, ColumnSummary, LeadFilter
from planner.store.settings import SettingKey, SettingsStore
from planner.store.text_search import SEARCHABLE_TEXT_SQL, search_pattern, searchable_text
from planner.valuation import PipelineSettings


def draft_to_row(draft: LeadDraft) -> dict[str, Any]:
    """The stored columns for the editable fields of a lead."""
    row: dict[str, Any] = {name: getattr(draft, name).strip() for name in LEAD_TEXT_FIELDS}
    row["notes"] = draft.notes
    row["temperature"] = draft.temperature.value
    row["value_minor"] = draft.value.minor if draft.value is not None else None
    if draft.value is not None:
        row["currency"] = draft.value.currency
    row["referred_by"] = draft.referred_by
    row["search_text"] = searchable_text(row)
    return row


def lead_from_row(row: Mapping[str, Any]) -> Lead:
    """A Lead from a row of the ``leads`` table."""
    value_minor = row["value_minor"]
    return Lead(
        id=row["id"],
        name=row["name"],
        company=row["company"],
        title=row["title"],
        email=row["email"],
        phone=row["phone"],
        street=row["street"],
        city=row["city"],
        region=row["region"],
        postal_code=row["postal_code"],
        country=row["country"],
        temperature=Temperature(row["temperature"]),
        outcome=Outcome(row["outcome"]),
        lost_reason=row["lost_reason"],
        value=Money(value_minor, row["currency"]) if value_minor is not None else None,
        source=row["source"],
        referred_by=row["referred_by"],
        notes=row["notes"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        rank=row["rank"],
        deleted_at=row["deleted_at"],
    )


class LeadStore:
    """Queries over leads; writes go through the services' change recorder.

    The clock decides what "today" is for the cards' overdue, quiet and stale marks.
    """

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or Clock()

    def get(self, lead_id: int, *, include_deleted: bool = False) -> Lead:
        """The lead with this id; NotFoundError if there is none (or it is deleted)."""
        rows = list(self._db.query("SELECT * FROM leads WHERE id = ?", [lead_id]))
        if not rows or (rows[0]["deleted_at"] is not None and not include_deleted):
            raise NotFoundError(f"There is no lead with id {lead_id}")
        return lead_from_row(rows[0])

    def find(self, lead_filter: LeadFilter = LeadFilter()) -> list[Lead]:
        """Leads matching the filter, in board order (column, then position)."""
        where, params = _where(lead_filter)
        sql = f"SELECT * FROM leads WHERE {where} ORDER BY {_BOARD_ORDER}, rank"
        return [lead_from_row(row) for row in self._db.query(sql, params)]

    def cards(
        self,
        column: Column,
        search: str = "",
        today: date | None = None,
        *,
        ids: frozenset[int] | None = None,
        after_rank: str | None = None,
        limit: int | None = None,
    ) -> list[BoardCard]:
        """The cards of one column in their order, narrowed by a search text.

        ``today`` (default: the clock's) decides which touches are overdue and who is quiet.
        ``ids`` narrows to those leads (to refresh them after a change); ``after_rank`` and
        ``limit`` read the column a page at a time, so a board of 100,000 leads opens at once.
        """
        where, params = _where(LeadFilter(column=column, search=search, ids=ids))
        if after_rank is not None:
            where += " AND rank > ?"
            params.append(after_rank)
        return self._cards(where, params, today, limit)

    def card(self, lead_id: int, today: date | None = None) -> BoardCard:
        """One card, to refresh it after a change."""
        found = self._cards(*_where(LeadFilter(ids=frozenset({lead_id}))), today)
        if not found:
            raise NotFoundError(f"There is no lead with id {lead_id}")
        return found[0]

    def _cards(
        self, where: str, params: list[Any], today: date | None, limit: int | None = None
    ) -> list[BoardCard]:
        day = today or self._clock.today()
        settings = SettingsStore(self._db)
        planning = PlanningSettings.from_json(settings.get(SettingKey.PLANNING))
        pipeline = PipelineSettings.from_json(settings.get(SettingKey.PIPELINE))
        quiet_before = (day - timedelta(days=planning.quiet_after_days)).isoformat()
        stale_before = {
            column.value: (day - timedelta(days=limit)).isoformat()
            for column in Column
            if (limit := pipeline.stale_limit(column)) is not None
        }
        limits = {column.value: pipeline.stale_limit(column) for column in Column}
        today_text = day.isoformat()
        sql = f"SELECT {_CARD_COLUMNS} FROM leads WHERE {where} ORDER BY rank"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        cards = []
        for row in self._db.execute(sql, params):
            column_value = row[5]
            next_on, next_kind = _next_touch(row[10])
            last_done, entered = row[11], row[12]
            untouched_since = max(last_done or "", entered)
            stale_from = stale_before.get(column_value)
            cards.append(
                BoardCard(
                    id=row[0],
                    name=row[1],
                    company=row[2],
                    value=Money(row[3], row[4]) if row[3] is not None else None,
                    column=Column(column_value),
                    rank=row[6],
                    updated_at=row[7],
                    touches_done=row[8],
                    touch_target=planning.touch_target,
                    next_touch_on=next_on,
                    overdue=next_on is not None and next_on < today_text,
                    quiet=column_value in _OPEN_COLUMNS
                    and next_on is None
                    and untouched_since <= quiet_before,
                    touches_planned=row[9],
                    next_touch_kind=next_kind,
                    last_touch_on=last_done,
                    untouched_since=untouched_since,
                    stale_limit=limits[column_value],
                    stale=stale_from is not None and untouched_since < stale_from,
                )
            )
        return cards

    def summaries(self, search: str = "") -> dict[Column, ColumnSummary]:
        """Card count and value totals per currency of every column, narrowed by a search text.

        Without a search they come from ``column_totals``, which triggers keep as leads change:
        a handful of rows however many leads there are.
        """
        if search.strip():
            return dict(self.search(search).summaries)
        return _summaries(
            self._db.execute(
                "SELECT board_column, currency, leads, value_minor, valued FROM column_totals "
                "WHERE leads > 0"
            )
        )

    def search(self, text: str) -> BoardSearch:
        """Every lead matching ``text``, found in one pass over the leads: each column's matches
        in board order and the column figures.

        ``NOT INDEXED``: every row is read anyway, and reading them in table order is quicker
        than through the board index SQLite would otherwise pick for ``deleted_at IS NULL``.
        """
        rows = self._db.execute(
            "SELECT board_column, rank, id, currency, value_minor FROM leads NOT INDEXED "
            f"WHERE deleted_at IS NULL AND instr({SEARCHABLE_TEXT_SQL}, ?) > 0",
            [search_pattern(text)],
        ).fetchall()
        rows.sort()
        by_column: dict[str, list[tuple[str, int]]] = {}
        figures: dict[tuple[str, str], list[int]] = {}
        for column_name, rank, lead_id, currency, value_minor in rows:
            by_column.setdefault(column_name, []).append((rank, lead_id))
            figure = figures.setdefault((column_name, currency), [0, 0, 0])
            figure[0] += 1
            figure[1] += value_minor or 0
            figure[2] += value_minor is not None
        return BoardSearch(
            text,
            {
                column: ColumnMatches(
                    tuple(lead_id for _rank, lead_id in by_column.get(column.value, ())),
                    tuple(rank for rank, _lead_id in by_column.get(column.value, ())),
                )
                for column in Column
            },
            _summaries(
                (column, currency, count, total, valued)
                for (column, currency), (count, total, valued) in figures.items()
            ),
        )

    def ranks_around(
        self, column: Column, position: int, moving: Collection[int] = ()
    ) -> tuple[str | None, str | None]:
        """The ranks cards placed at ``position`` in ``column`` would sit between.

        The ``moving`` cards are left out, so moving cards within their own column counts
        positions as the user sees them with the cards lifted.
        """
        params: list[Any] = [column.value, _id_list(moving)]
        sql = (
            "SELECT rank FROM leads WHERE board_column = ? AND deleted_at IS NULL "
            f"AND {_NOT_LISTED} ORDER BY rank LIMIT 2 OFFSET ?"
        )
        before_offset = max(position - 1, 0)
        found = [row[0] for row in self._db.execute(sql, [*params, before_offset])]
        if position <= 0:
            return None, found[0] if found else None
        before = found[0] if found else None
        after = found[1] if len(found) > 1 else None
        if before is None:
            before = self.last_rank(column, moving)
        return before, after

    def ranks_below(
        self, column: Column, lead_id: int, moving: Collection[int] = ()
    ) -> tuple[str, str | None] | None:
        """The rank of the lead ``lead_id`` and of the card after it in ``column`` (leaving out
        the ``moving`` cards), or ``None`` when that lead is no longer in the column."""
        found = self._db.execute(
            "SELECT rank FROM leads WHERE id = ? AND board_column = ? AND deleted_at IS NULL",
            [lead_id, column.value],
        ).fetchone()
        if found is None:
            return None
        rank = str(found[0])
        following = self._db.execute(
            "SELECT min(rank) FROM leads WHERE board_column = ? AND deleted_at IS NULL "
            f"AND rank > ? AND {_NOT_LISTED}",
            [column.value, rank, _id_list(moving)],
        ).fetchone()
        return rank, following[0] if following else None

    def last_rank(self, column: Column, excluding: Collection[int] = ()) -> str | None:
        """The rank of the last card of a column, or ``None`` when it is empty."""
        rows = self._db.execute(
            "SELECT max(rank) FROM leads WHERE board_column = ? AND deleted_at IS NULL "
            f"AND {_NOT_LISTED}",
            [column.value, _id_list(excluding)],
        ).fetchone()
        return rows[0] if rows else None

    def positions(self) -> dict[int, int]:
        """Every lead's position in its column (0 is the top), by lead id."""
        sql = (
            "SELECT id, row_number() OVER (PARTITION BY board_column ORDER BY rank) - 1 "
            "FROM leads WHERE deleted_at IS NULL"
        )
        return dict(self._db.execute(sql).fetchall())

    def position(self, lead_id: int) -> int:
        """The lead's position in its column (0 is the top), as ``lead show`` reports it."""
        row = self._db.execute(
            "SELECT count(*) FROM leads AS other JOIN leads AS this ON this.id = ? "
            "WHERE other.board_column = this.board_column AND other.deleted_at IS NULL "
            "AND other.rank < this.rank",
            [lead_id],
        ).fetchone()
        return int(row[0])

    def count(self) -> int:
        """How many leads are on the board (deleted ones not counted), from ``column_totals``."""
        return int(self._db.execute("SELECT total(leads) FROM column_totals").fetchone()[0])

    def column_changes(self, lead_id: int) -> list[ColumnChange]:
        """The lead's moves between columns, oldest first."""
        rows = self._db.query(
            "SELECT * FROM column_changes WHERE lead_id = ? ORDER BY changed_at, id", [lead_id]
        )
        return [
            ColumnChange(
                id=row["id"],
                lead_id=row["lead_id"],
                from_column=Column(row["from_column"]) if row["from_column"] else None,
                to_column=Column(row["to_column"]),
                changed_at=row["changed_at"],
            )
            for row in rows
        ]

    def names(self, lead_ids: Iterable[int]) -> dict[int, str]:
        """Lead names by id, for messages and reports."""
        wanted = list(lead_ids)
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        return dict(self._db.execute(f"SELECT id, name FROM leads WHERE id IN ({marks})", wanted))


_CARD_COLUMNS = (
    "leads.id, leads.name, leads.company, leads.value_minor, leads.currency, "
    "leads.board_column, leads.rank, leads.updated_at, "
    "(SELECT count(*) FROM touches "
    " WHERE touches.lead_id = leads.id AND touches.done_on IS NOT NULL), "
    "(SELECT count(*) FROM touches "
    " WHERE touches.lead_id = leads.id AND touches.done_on IS NULL), "
    "(SELECT touches.planned_on || ' ' || touches.kind FROM touches "
    " WHERE touches.lead_id = leads.id AND touches.done_on IS NULL "
    " ORDER BY touches.planned_on, touches.planned_at IS NOT NULL, touches.planned_at, touches.id"
    " LIMIT 1), "
    "(SELECT max(touches.done_on) FROM touches "
    " WHERE touches.lead_id = leads.id AND touches.done_on IS NOT NULL), "
    "coalesce((SELECT substr(max(column_changes.changed_at), 1, 10) FROM column_changes"
    " WHERE column_changes.lead_id = leads.id), substr(leads.created_at, 1, 10))"
)
"""A card's fields, then its touch figures: touches done, touches planned, the next planned
touch's day and kind (``2026-03-20 phone_call``), the day of the last done touch, and the day
the lead entered its column (its last change of column)."""

_OPEN_COLUMNS = frozenset(column.value for column in Column if not column.is_outcome)

_BOARD_ORDER = (
    "CASE board_column WHEN 'cold' THEN 0 WHEN 'warm' THEN 1 WHEN 'hot' THEN 2 "
    "WHEN 'won' THEN 3 ELSE 4 END"
)

_NOT_LISTED = "id NOT IN (SELECT value FROM json_each(?))"
"""Leaves out the leads whose ids are in one parameter, a JSON list (see ``_id_list``): one
placeholder however many cards move."""


def _summaries(rows: Iterable[tuple[str, str, int, int, int]]) -> dict[Column, ColumnSummary]:
    """Column figures from (column, currency, leads, total, leads with a value) rows; zero
    totals are left out."""
    counts: dict[Column, int] = {}
    totals: dict[Column, dict[str, int]] = {}
    valued: dict[Column, dict[str, int]] = {}
    for column_name, currency, count, total, with_value in rows:
        column = Column(column_name)
        counts[column] = counts.get(column, 0) + count
        if total:
            totals.setdefault(column, {})[currency] = int(total)
            valued.setdefault(column, {})[currency] = with_value
    return {
        column: ColumnSummary(counts.get(column, 0), totals.get(column, {}), valued.get(column, {}))
        for column in Column
    }


def _next_touch(text: str | None) -> tuple[str | None, TouchKind | None]:
    """The day and kind of ``_CARD_COLUMNS``' next-touch field, or two ``None``s."""
    if not text:
        return None, None
    day, _, kind = text.partition(" ")
    return day, _TOUCH_KINDS.get(kind)


_TOUCH_KINDS = {kind.value: kind for kind in TouchKind}


def _id_list(lead_ids: Collection[int]) -> str:
    return json.dumps([int(lead_id) for lead_id in lead_ids])


def _where(lead_filter: LeadFilter) -> tuple[str, list[Any]]:
    clauses = ["deleted_at IS NULL"]
    params: list[Any] = []
    if lead_filter.temperature is not None:
        clauses.append("temperature = ?")
        params.append(lead_filter.temperature.value)
    if lead_filter.outcome is not None:
        clauses.append("outcome = ?")
        params.append(lead_filter.outcome.value)
    if lead_filter.column is not None:
        clauses.append("board_column = ?")
        params.append(lead_filter.column.value)
    if lead_filter.search.strip():
        clauses.append(f"instr({SEARCHABLE_TEXT_SQL}, ?) > 0")
        params.append(search_pattern(lead_filter.search))
    if lead_filter.ids is not None:
        wanted = sorted(lead_filter.ids)
        clauses.append(f"id IN ({','.join('?' * len(wanted))})" if wanted else "0")
        params.extend(wanted)
    return " AND ".join(clauses), params
