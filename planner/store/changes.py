"""Recording what a user action wrote, row by row, so it can be undone and redone exactly.

Every write of a service goes through a ``ChangeRecorder``: it keeps the image of each row before
and after the action. Those images stay here, inside the ``Change`` as an opaque undo record;
front ends read the ids per kind and the facts that ``finish`` derives from them. Undo writes the
before-images back, redo the after-images; both first check that the rows still look the way the
action left them, so an undo never overwrites later work.
"""

import json
import sqlite3
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from fractional_indexing import generate_key_between
from sqlite_utils import Database

from planner.changes import Change, Key, Kind, LeadMove, UndoRecord
from planner.domain import Column
from planner.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    ReadOnlyDatabaseError,
    StaleUndoError,
)

Row = dict[str, Any]


class Table(StrEnum):
    """The tables whose rows user actions change; the value is the SQL table name."""

    LEADS = "leads"
    COLUMN_CHANGES = "column_changes"
    SETTINGS = "settings"
    TOUCHES = "touches"
    CAMPAIGNS = "campaigns"
    TEMPLATES = "letter_templates"

    @property
    def primary_key(self) -> str:
        """The column that identifies a row."""
        return "key" if self is Table.SETTINGS else "id"

    @property
    def kind(self) -> Kind | None:
        """The kind of record a row of this table is; column changes are a lead's history and
        reach front ends as ``LeadMove`` facts instead."""
        return _KINDS.get(self)


_KINDS = {
    Table.LEADS: Kind.LEAD,
    Table.SETTINGS: Kind.SETTING,
    Table.TOUCHES: Kind.TOUCH,
    Table.CAMPAIGNS: Kind.CAMPAIGN,
    Table.TEMPLATES: Kind.TEMPLATE,
}


@dataclass(frozen=True)
class RowChange:
    """One row's image before and after an action; ``None`` means the row did not exist."""

    table: Table
    key: Key
    before: Row | None
    after: Row | None


@dataclass(frozen=True)
class RowImages(UndoRecord):
    """The store's undo record: every changed row's image before and after, oldest first.

    ``placed`` remembers, by row index and side (``True`` for the after-image), an image that an
    undo or redo wrote in place of the recorded one because another card had taken its place in
    the column meanwhile; the next redo or undo expects that image instead.
    """

    rows: tuple[RowChange, ...]
    placed: dict[tuple[int, bool], Row] = field(default_factory=dict)


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """Runs a user action in one ``BEGIN IMMEDIATE`` transaction, its reads included.

    Taking the write lock before the first read means the CLI and the window, sharing one WAL
    file, queue up (``busy_timeout``) instead of one failing with "database is locked" when a
    deferred transaction that read tries to write. An action called inside another joins it.
    """
    connection = db.conn
    if connection.in_transaction:
        yield
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            refusal = refusal_for(error)
            if refusal is error:
                raise
            raise refusal from None
        raise DatabaseBusyError(
            "The planner file is busy: another program is writing to it. "
            "Nothing was changed; try again in a moment."
        ) from None
    try:
        yield
    except sqlite3.DatabaseError as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        refusal = refusal_for(error)
        if refusal is error:
            raise
        raise refusal from None
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    try:
        connection.execute("COMMIT")
    except sqlite3.Error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def refusal_for(error: sqlite3.DatabaseError) -> Exception:
    """The sentence for a write the file refused: read-only, damaged, or (a bug) the error."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            "The planner file is read-only (you may not change it); nothing was changed"
        )
    if "malformed" in text or "not a database" in text or "disk I/O" in text:
        return DatabaseDamagedError(
            f"The planner file is damaged ({text}); nothing was changed. Close the planner and "
            "open the file again to restore the newest backup, or run 'planner check'"
        )
    return error


def fetch_row(db: Database, table: Table, key: Key) -> Row | None:
    """The current image of one row, or ``None``."""
    rows = db.execute(f"SELECT * FROM [{table.value}] WHERE [{table.primary_key}] = ?", [key])
    names = [column[0] for column in rows.description]
    found = rows.fetchone()
    return dict(zip(names, found, strict=True)) if found is not None else None


@dataclass
class ChangeRecorder:
    """Performs the writes of one action inside its transaction and remembers the row images."""

    db: Database
    description: str
    _before: dict[tuple[Table, Key], Row | None] = field(default_factory=dict)
    _order: list[tuple[Table, Key]] = field(default_factory=list)
    _moves: list[LeadMove] = field(default_factory=list)

    def insert(self, table: Table, values: Mapping[str, Any]) -> int:
        """Inserts a row and returns its id."""
        if table is Table.SETTINGS:
            raise TypeError("settings rows are written with put_setting")
        table_api = self.db.table(table.value)
        table_api.insert(dict(values))
        key = int(table_api.last_pk or 0)
        self._remember(table, key, None)
        return key

    def update(self, table: Table, key: Key, values: Mapping[str, Any]) -> None:
        """Changes some columns of an existing row."""
        self._remember(table, key, fetch_row(self.db, table, key))
        self.db.table(table.value).update(key, dict(values))

    def delete(self, table: Table, key: Key) -> None:
        """Removes a row.

        Rows that other rows depend on through ``ON DELETE CASCADE`` must have those dependants
        deleted through the recorder first, or undo could not bring them back.
        """
        self._remember(table, key, fetch_row(self.db, table, key))
        self.db.table(table.value).delete(key)

    def put_setting(self, key: str, value: str) -> None:
        """Stores one setting, replacing its previous value."""
        self._remember(Table.SETTINGS, key, fetch_row(self.db, Table.SETTINGS, key))
        self.db.table(Table.SETTINGS.value).upsert({"key": key, "value": value}, pk="key")

    def record_move(self, lead_id: int, source: Column | None, target: Column, at: str) -> None:
        """Writes the lead's column history row and reports the move as a ``LeadMove``."""
        self.insert(
            Table.COLUMN_CHANGES,
            {
                "lead_id": lead_id,
                "from_column": source.value if source else None,
                "to_column": target.value,
                "changed_at": at,
            },
        )
        self._moves.append(LeadMove(lead_id, source, target))

    def _remember(self, table: Table, key: Key, before: Row | None) -> None:
        if (table, key) not in self._before:
            self._before[(table, key)] = before
            self._order.append((table, key))

    def finish(self) -> Change:
        """The change, with after-images read now; rows that ended as they began are left out."""
        rows = []
        for table, key in self._order:
            before = self._before[(table, key)]
            after = fetch_row(self.db, table, key)
            if before != after:
                rows.append(RowChange(table, key, before, after))
        return _described(self.description, tuple(rows), tuple(self._moves))


def _described(
    description: str, rows: tuple[RowChange, ...], moves: tuple[LeadMove, ...]
) -> Change:
    changed: dict[Kind, set[Key]] = {}
    created: dict[Kind, list[Key]] = {}
    touched_leads: set[int] = set()
    for row in rows:
        kind = row.table.kind
        if kind is None:
            continue
        changed.setdefault(kind, set()).add(row.key)
        if row.before is None:
            created.setdefault(kind, []).append(row.key)
        if kind is Kind.TOUCH:
            touched_leads.update(image["lead_id"] for image in (row.before, row.after) if image)
    return Change(
        description,
        changed={kind: frozenset(keys) for kind, keys in changed.items()},
        created={kind: tuple(keys) for kind, keys in created.items()},
        moves=moves if rows else (),
        touched_leads=frozenset(touched_leads),
        undo_record=RowImages(rows) if rows else None,
    )


@contextmanager
def recording(db: Database, description: str) -> Iterator[ChangeRecorder]:
    """The writes of one user action, in its transaction; the recorder holds its change after.

    The action's ``write_transaction`` is normally open already (its reads came first); the
    writes run in a savepoint inside it, so a failure leaves the rows as they were.
    """
    with write_transaction(db), db.atomic():
        yield ChangeRecorder(db, description)


def revert(db: Database, change: Change) -> None:
    """Undoes ``change``: restores every before-image, newest first, in one transaction."""
    with write_transaction(db):
        record = _record(change)
        for index in reversed(range(len(record.rows))):
            _restore(db, record, index, to_after=False)


def reapply(db: Database, change: Change) -> None:
    """Redoes ``change``: restores every after-image, oldest first, in one transaction."""
    with write_transaction(db):
        record = _record(change)
        for index in range(len(record.rows)):
            _restore(db, record, index, to_after=True)


def _record(change: Change) -> RowImages:
    record = change.undo_record
    if record is None:
        return RowImages(())
    if not isinstance(record, RowImages):
        raise TypeError(f"{change.description!r} was not recorded by this store")
    return record


def _restore(db: Database, record: RowImages, index: int, *, to_after: bool) -> None:
    """Writes one row's recorded image for this direction, after checking that the row still
    looks the way the other direction left it."""
    row = record.rows[index]
    recorded = (row.before, row.after)
    expected = record.placed.get((index, not to_after), recorded[not to_after])
    current = fetch_row(db, row.table, row.key)
    if current != expected:
        raise StaleUndoError(
            "This step cannot be undone or redone: the records it changed "
            "were changed again by something else."
        )
    wanted = recorded[to_after]
    restoring = {other.key for other in record.rows if other.table is Table.LEADS}
    written = _free_place(db, row.table, wanted, restoring)
    if written != wanted and written is not None:
        record.placed[(index, to_after)] = written
    else:
        record.placed.pop((index, to_after), None)
    table_api = db.table(row.table.value)
    if written is None:
        table_api.delete(row.key)
    elif current is None:
        table_api.insert(written)
    else:
        table_api.update(row.key, written)


def _free_place(
    db: Database, table: Table, image: Row | None, restoring: Collection[Key] = ()
) -> Row | None:
    """``image`` as it can be written: a card whose rank another card of its column took
    meanwhile (a drop below its old neighbour) goes just after that card instead, so no two
    cards ever share a place. Cards of the same change (``restoring``) go back to their own
    places in the same step, so the places they hold for a moment do not count: a move that
    swapped two cards' ranks undoes exactly."""
    if table is not Table.LEADS or image is None or image["deleted_at"] is not None:
        return image
    column, rank, lead_id = image["board_column"], image["rank"], image["id"]
    others = [key for key in restoring if key != lead_id]
    live = (
        "board_column = ? AND deleted_at IS NULL AND id != ? "
        "AND id NOT IN (SELECT value FROM json_each(?))"
    )
    arguments = [column, lead_id, json.dumps(others)]
    taken = db.execute(
        f"SELECT 1 FROM leads WHERE {live} AND rank = ?", [*arguments, rank]
    ).fetchone()
    if taken is None:
        return image
    following = db.execute(
        f"SELECT min(rank) FROM leads WHERE {live} AND rank > ?", [*arguments, rank]
    ).fetchone()[0]
    return {**image, "rank": generate_key_between(rank, following)}
