"""Recording what a user action changed, row by row, so it can be undone and redone exactly.

Every write of a service goes through a ``ChangeRecorder``: it keeps the image of each row before
and after the action. Undo writes the before-images back, redo the after-images; both first check
that the rows still look the way the action left them, so an undo never overwrites later work.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from planner.errors import StaleUndoError

Row = dict[str, Any]
Key = int | str


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


@dataclass(frozen=True)
class RowChange:
    """One row's image before and after an action; ``None`` means the row did not exist."""

    table: Table
    key: Key
    before: Row | None
    after: Row | None


@dataclass(frozen=True)
class Change:
    """What one user action changed: its description for the Edit menu and the row images.

    Front ends use ``keys(table)`` to refresh only what changed.
    """

    description: str
    rows: tuple[RowChange, ...] = ()

    def keys(self, table: Table) -> frozenset[Key]:
        """The keys of the rows of ``table`` this action inserted, updated or deleted."""
        return frozenset(row.key for row in self.rows if row.table is table)

    def lead_ids(self) -> frozenset[int]:
        """The leads whose card may look different after this action.

        That is the leads whose row changed and the leads whose touches changed (a touch moves
        a card's meter, next date and overdue mark).
        """
        ids = {int(key) for key in self.keys(Table.LEADS)}
        for row in self.rows:
            if row.table is Table.TOUCHES:
                ids.update(image["lead_id"] for image in (row.before, row.after) if image)
        return frozenset(ids)

    @property
    def is_empty(self) -> bool:
        """True when the action turned out to change nothing."""
        return not self.rows


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
        return Change(self.description, tuple(rows))


@contextmanager
def recording(db: Database, description: str) -> Iterator[ChangeRecorder]:
    """Runs one user action in one transaction; the recorder holds its change afterwards."""
    with db.atomic():
        recorder = ChangeRecorder(db, description)
        yield recorder


def revert(db: Database, change: Change) -> None:
    """Undoes ``change``: restores every before-image, newest first, in one transaction."""
    with db.atomic():
        for row in reversed(change.rows):
            _restore(db, row, expected=row.after, wanted=row.before)


def reapply(db: Database, change: Change) -> None:
    """Redoes ``change``: restores every after-image, oldest first, in one transaction."""
    with db.atomic():
        for row in change.rows:
            _restore(db, row, expected=row.before, wanted=row.after)


def _restore(db: Database, row: RowChange, *, expected: Row | None, wanted: Row | None) -> None:
    current = fetch_row(db, row.table, row.key)
    if current != expected:
        raise StaleUndoError(
            "This step cannot be undone or redone: the records it changed "
            "were changed again by something else."
        )
    table_api = db.table(row.table.value)
    if wanted is None:
        table_api.delete(row.key)
    elif current is None:
        table_api.insert(wanted)
    else:
        table_api.update(row.key, wanted)
