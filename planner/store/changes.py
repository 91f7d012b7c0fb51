"""Recording what a user action wrote, row by row, so it can be undone and redone exactly.

Every write of a service goes through a ``ChangeRecorder``: it keeps the image of each row before
and after the action. Those images stay here, inside the ``Change`` as an opaque undo record;
front ends read the ids per kind and the facts that ``finish`` derives from them. Undo writes the
before-images back, redo the after-images; both first check that the rows still look the way the
action left them, so an undo never overwrites later work.
"""

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby
from operator import itemgetter
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
from planner.store.inserted_rows import InsertedRows

Row = dict[str, Any]


class Table(StrEnum):
    """The tables whose rows user actions change; the value is the SQL table name."""

    LEADS = "leads"
    COLUMN_CHANGES = "column_changes"
    SETTINGS = "settings"
    TOUCHES = "touches"
    CAMPAIGNS = "campaigns"
    TEMPLATES = "letter_templates"
    CATALOGUE = "catalogue_items"
    DOCUMENTS = "documents"
    DOCUMENT_LINES = "document_lines"
    IMPORTS = "imports"
    IMPORTED_LEADS = "imported_leads"
    LEAD_TAGS = "lead_tags"

    @property
    def primary_key(self) -> str:
        """The column that identifies a row."""
        return "key" if self is Table.SETTINGS else "id"

    @property
    def kind(self) -> Kind | None:
        """The kind of record a row of this table is; column changes are a lead's history and
        reach front ends as ``LeadMove`` facts instead, and a document's lines change with
        their document's row."""
        return _KINDS.get(self)


_KINDS = {
    Table.LEADS: Kind.LEAD,
    Table.SETTINGS: Kind.SETTING,
    Table.TOUCHES: Kind.TOUCH,
    Table.CAMPAIGNS: Kind.CAMPAIGN,
    Table.TEMPLATES: Kind.TEMPLATE,
    Table.CATALOGUE: Kind.CATALOGUE_ITEM,
    Table.DOCUMENTS: Kind.DOCUMENT,
    Table.IMPORTS: Kind.IMPORT,
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
    """The store's undo record: every changed row's image before and after, oldest first; rows
    inserted in bulk are kept as one ``InsertedRows`` entry of ids instead.

    ``placed`` remembers, by row index and side (``True`` for the after-image), an image that an
    undo or redo wrote in place of the recorded one because another card had taken its place in
    the column meanwhile; the next redo or undo expects that image instead.
    """

    rows: tuple[RowChange | InsertedRows, ...]
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


def _column_names(row: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(row)


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
    _order: list[tuple[Table, Key] | tuple[Table, list[int]]] = field(default_factory=list)
    _moves: list[LeadMove] = field(default_factory=list)
    _bulk_keys: dict[Table, set[int]] | None = None
    """The ids inserted in bulk per table, gathered when an update or delete first asks."""

    def insert(self, table: Table, values: Mapping[str, Any]) -> int:
        """Inserts a row and returns its id."""
        if table is Table.SETTINGS:
            raise TypeError("settings rows are written with put_setting")
        table_api = self.db.table(table.value)
        table_api.insert(dict(values))
        key = int(table_api.last_pk or 0)
        self._remember(table, key, None)
        return key

    def insert_many(self, table: Table, rows: Iterable[Mapping[str, Any]]) -> list[int]:
        """Inserts rows with ``executemany`` and returns their ids, in order.

        The ids are given out here, after the table's highest (the action holds the write lock),
        unless the rows carry their own. Rows naming the same columns run in one statement. The
        undo record keeps the ids and a fingerprint per row instead of row images, so adding
        100,000 leads stays light; undo deletes them by id, redo re-inserts exactly what undo
        removed.
        """
        if table is Table.SETTINGS:
            raise TypeError("settings rows are written with put_setting")
        key_name = table.primary_key
        next_key = int(
            self.db.execute(
                f"SELECT coalesce(max([{key_name}]), 0) + 1 FROM [{table.value}]"
            ).fetchone()[0]
        )
        ids: list[int] = []

        def values(names: tuple[str, ...], group: Iterable[Mapping[str, Any]]) -> Iterator[Any]:
            # itemgetter picks a row's fields at C speed: this runs once per row of 100,000.
            # For a single name it returns the bare value, so that case builds its tuple.
            def as_tuple(row: Mapping[str, Any]) -> tuple[Any, ...]:
                return tuple(row[name] for name in names)

            pick = itemgetter(*names) if len(names) > 1 else as_tuple
            if key_name in names:
                for row in group:
                    ids.append(int(row[key_name]))
                    yield pick(row)
            else:
                for row in group:
                    ids.append(next_key + len(ids))
                    yield (ids[-1], *pick(row))

        for names, group in groupby(rows, key=_column_names):
            columns = names if key_name in names else (key_name, *names)
            column_list = ", ".join(f"[{name}]" for name in columns)
            marks = ", ".join("?" * len(columns))
            self.db.conn.executemany(
                f"INSERT INTO [{table.value}] ({column_list}) VALUES ({marks})",
                values(names, group),
            )
        if ids:
            self._order.append((table, ids))
            self._bulk_keys = None
        return ids

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

    def record_arrivals(self, arrivals: Iterable[tuple[int, Column]], at: str) -> None:
        """Writes the first history row of many leads just added, in one bulk insert, and
        reports each as a ``LeadMove`` from nowhere."""
        placed = list(arrivals)
        self.insert_many(
            Table.COLUMN_CHANGES,
            (
                {
                    "lead_id": lead_id,
                    "from_column": None,
                    "to_column": column.value,
                    "changed_at": at,
                }
                for lead_id, column in placed
            ),
        )
        self._moves.extend(LeadMove(lead_id, None, column) for lead_id, column in placed)

    def _remember(self, table: Table, key: Key, before: Row | None) -> None:
        if self._bulk_keys is None:
            self._bulk_keys = {}
            for bulk_table, keys in self._order:
                if isinstance(keys, list):
                    self._bulk_keys.setdefault(bulk_table, set()).update(keys)
        if key in self._bulk_keys.get(table, ()):
            return  # its bulk insert's record reads it as the action leaves it
        if (table, key) not in self._before:
            self._before[(table, key)] = before
            self._order.append((table, key))

    def finish(self) -> Change:
        """The change, with after-images read now; rows that ended as they began are left out."""
        rows: list[RowChange | InsertedRows] = []
        touched_leads: set[int] = set()
        for table, key in self._order:
            if isinstance(key, list):
                inserted = InsertedRows.capture(self.db, table, key)
                if inserted.ids:
                    rows.append(inserted)
                if table is Table.TOUCHES:
                    touched_leads.update(inserted.column_values(self.db, "lead_id"))
                continue
            before = self._before[(table, key)]
            after = fetch_row(self.db, table, key)
            if before != after:
                rows.append(RowChange(table, key, before, after))
        return _described(self.description, tuple(rows), tuple(self._moves), touched_leads)


def _described(
    description: str,
    rows: tuple[RowChange | InsertedRows, ...],
    moves: tuple[LeadMove, ...],
    touched_leads: set[int],
) -> Change:
    changed: dict[Kind, set[Key]] = {}
    created: dict[Kind, list[Key]] = {}
    for row in rows:
        kind = row.table.kind
        if kind is None:
            continue
        if isinstance(row, InsertedRows):
            changed.setdefault(kind, set()).update(row.ids)
            created.setdefault(kind, []).extend(row.ids)
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
        restoring = _leads_of(record)
        for index in reversed(range(len(record.rows))):
            entry = record.rows[index]
            if isinstance(entry, InsertedRows):
                entry.revert(db)
            else:
                _restore(db, record, index, restoring, to_after=False)


def reapply(db: Database, change: Change) -> None:
    """Redoes ``change``: restores every after-image, oldest first, in one transaction."""
    with write_transaction(db):
        record = _record(change)
        restoring = _leads_of(record)
        for index in range(len(record.rows)):
            entry = record.rows[index]
            if isinstance(entry, InsertedRows):
                entry.reapply(db)
            else:
                _restore(db, record, index, restoring, to_after=True)


def _leads_of(record: RowImages) -> frozenset[Key]:
    """The leads whose rows the record restores (their places are theirs to take back)."""
    return frozenset(
        row.key for row in record.rows if isinstance(row, RowChange) and row.table is Table.LEADS
    )


def _record(change: Change) -> RowImages:
    record = change.undo_record
    if record is None:
        return RowImages(())
    if not isinstance(record, RowImages):
        raise TypeError(f"{change.description!r} was not recorded by this store")
    return record


def _restore(
    db: Database, record: RowImages, index: int, restoring: Collection[Key], *, to_after: bool
) -> None:
    """Writes one row's recorded image for this direction, after checking that the row still
    looks the way the other direction left it."""
    row = record.rows[index]
    if not isinstance(row, RowChange):
        raise TypeError("bulk inserts are restored by their own record")
    recorded = (row.before, row.after)
    expected = record.placed.get((index, not to_after), recorded[not to_after])
    current = fetch_row(db, row.table, row.key)
    if current != expected:
        raise StaleUndoError(
            "This step cannot be undone or redone: the records it changed "
            "were changed again by something else."
        )
    wanted = recorded[to_after]
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
    live = "board_column = ? AND deleted_at IS NULL AND id != ?"
    holders = db.execute(
        f"SELECT id FROM leads WHERE {live} AND rank = ?", [column, lead_id, rank]
    ).fetchall()
    if all(holder in restoring for (holder,) in holders):
        return image
    following = None
    for other, other_rank in db.execute(
        f"SELECT id, rank FROM leads WHERE {live} AND rank > ? ORDER BY rank",
        [column, lead_id, rank],
    ):
        if other not in restoring:
            following = other_rank
            break
    return {**image, "rank": generate_key_between(rank, following)}
