"""The undo record of a bulk insert: the ids of the rows, not their images.

Adding 100,000 leads must not keep 200,000 row images on the undo stack. A bulk insert remembers
its rows' ids and a 64-bit fingerprint of each row as the action left it: enough for undo to
check that nothing else changed the rows since (and refuse if something did), then delete them by
id. Undo parks the rows it deletes as plain tuples, so redo puts back exactly those rows, with
their ids; redo drops them again. The rows are in memory only while the step is undone.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from sqlite_utils import Database

from planner.errors import StaleUndoError

if TYPE_CHECKING:
    from planner.store.changes import Table

T = TypeVar("T")

_CHUNK = 50_000
"""Ids per statement when the ids are not one contiguous run (``json_each`` keeps it to one
placeholder, the chunks keep each JSON text small)."""

STALE_MESSAGE = (
    "This step cannot be undone or redone: the records it changed were changed again by "
    "something else."
)


def _fingerprint(row: Sequence[Any]) -> int:
    """One row's fingerprint; the undo stack lives in one process, so Python's hash will do."""
    return hash(tuple(row))


@dataclass(frozen=True)
class InsertedRows:
    """Rows one action inserted in bulk: their table, ids and fingerprints.

    ``parked`` holds the rows (column names first) between an undo and the redo that re-inserts
    them; it is empty while the rows are in the table.
    """

    table: Table
    ids: array[int]
    fingerprints: array[int]
    parked: list[Sequence[Any]] = field(default_factory=list)

    @classmethod
    def capture(cls, db: Database, table: Table, ids: Sequence[int]) -> InsertedRows:
        """The record of rows just inserted, read as they stand at the end of the action."""
        found: dict[int, int] = {}
        key_index = 0
        for names, rows in _read(db, table, ids):
            key_index = names.index(table.primary_key)
            for row in rows:
                found[row[key_index]] = _fingerprint(row)
        kept = [key for key in ids if key in found]
        return cls(table, array("q", kept), array("q", (found[key] for key in kept)))

    def column_values(self, db: Database, column: str) -> set[Any]:
        """Every distinct value of one column among the rows (the leads of inserted touches)."""
        values: set[Any] = set()
        for names, rows in _read(db, self.table, self.ids):
            position = names.index(column)
            values.update(row[position] for row in rows)
        return values

    def revert(self, db: Database) -> None:
        """Deletes the rows after checking they are as the action left them; parks them."""
        chunks = list(_read(db, self.table, self.ids))
        names = chunks[0][0] if chunks else []
        current = [row for _names, rows in chunks for row in rows]
        key_index = names.index(self.table.primary_key) if names else 0
        expected = dict(zip(self.ids, self.fingerprints, strict=True))
        if len(current) != len(expected) or any(
            expected.get(row[key_index]) != _fingerprint(row) for row in current
        ):
            raise StaleUndoError(STALE_MESSAGE)
        for where, params in _id_clauses(self.table, self.ids):
            db.execute(f"DELETE FROM [{self.table.value}] WHERE {where}", params)
        current.sort(key=lambda row: row[key_index])
        self.parked[:] = [tuple(names), *current]

    def reapply(self, db: Database) -> None:
        """Re-inserts the parked rows exactly, after checking that none of their ids is taken
        and (for leads) that no other card took one of their places meanwhile."""
        if not self.parked:
            return
        names, *rows = self.parked
        if self._taken(db) or (self.table.value == "leads" and self._places_taken(db, names, rows)):
            raise StaleUndoError(STALE_MESSAGE)
        columns = ", ".join(f"[{name}]" for name in names)
        marks = ", ".join("?" * len(names))
        db.conn.executemany(f"INSERT INTO [{self.table.value}] ({columns}) VALUES ({marks})", rows)
        self.parked.clear()

    def _taken(self, db: Database) -> bool:
        for where, params in _id_clauses(self.table, self.ids):
            sql = f"SELECT 1 FROM [{self.table.value}] WHERE {where} LIMIT 1"
            if db.execute(sql, params).fetchone() is not None:
                return True
        return False

    @staticmethod
    def _places_taken(db: Database, names: Sequence[str], rows: list[Sequence[Any]]) -> bool:
        column, rank, deleted = (
            list(names).index(name) for name in ("board_column", "rank", "deleted_at")
        )
        places = [(row[column], row[rank]) for row in rows if row[deleted] is None]
        sql = (
            "SELECT 1 FROM json_each(?) AS place JOIN leads "
            "ON leads.board_column = json_extract(place.value, '$[0]') "
            "AND leads.rank = json_extract(place.value, '$[1]') "
            "AND leads.deleted_at IS NULL LIMIT 1"
        )
        return any(
            db.execute(sql, [json.dumps(chunk)]).fetchone() is not None
            for chunk in batched(places, _CHUNK)
        )


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """``items`` in tuples of ``size`` (the last one shorter): ``itertools.batched`` of 3.12."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def _read(
    db: Database, table: Table, ids: Sequence[int]
) -> Iterator[tuple[list[str], list[Sequence[Any]]]]:
    """The rows with these ids, a statement at a time, with their column names."""
    for where, params in _id_clauses(table, ids):
        cursor = db.execute(f"SELECT * FROM [{table.value}] WHERE {where}", params)
        yield [column[0] for column in cursor.description], cursor.fetchall()


def _id_clauses(table: Table, ids: Sequence[int]) -> Iterator[tuple[str, list[Any]]]:
    """WHERE clauses selecting these ids: one range when they are contiguous (a bulk insert's
    usually are), else chunks of a JSON list."""
    if not ids:
        return
    key = f"[{table.primary_key}]"
    first, last = min(ids), max(ids)
    if last - first + 1 == len(ids):
        yield f"{key} BETWEEN ? AND ?", [first, last]
        return
    for chunk in batched(ids, _CHUNK):
        yield f"{key} IN (SELECT value FROM json_each(?))", [json.dumps(list(chunk))]
