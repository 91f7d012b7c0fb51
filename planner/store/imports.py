"""Reading what imports need: the contacts duplicates are judged against, lead rows to update,
the import history and the leads each import wrote, and lead tags."""

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from planner.domain import LEAD_TEXT_FIELDS, Column
from planner.read_models import ImportRecord

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ContactRow:
    """The fields of a live lead that tell duplicates apart."""

    lead_id: int
    name: str
    company: str
    email: str
    phone: str


@dataclass(frozen=True, slots=True)
class ImportedLeadRow:
    """A lead one import added or updated, with what revert needs."""

    lead_id: int
    added: bool
    before: dict[str, Any]
    fingerprint: str


class ImportStore:
    """Queries for imports and exports; writes go through the services' change recorder."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def contacts(self) -> list[ContactRow]:
        """Every lead on the board (not deleted), oldest first."""
        rows = self._db.execute(
            "SELECT id, name, company, email, phone FROM leads WHERE deleted_at IS NULL ORDER BY id"
        )
        return [ContactRow(*row) for row in rows]

    def lead_rows(self, lead_ids: Collection[int]) -> dict[int, Row]:
        """The full rows of these leads, by id (deleted ones included)."""
        found: dict[int, Row] = {}
        wanted = sorted(lead_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.query(f"SELECT * FROM leads WHERE id IN ({marks})", chunk):
                found[row["id"]] = row
        return found

    def history(self) -> list[ImportRecord]:
        """Every import, newest first."""
        rows = self._db.query("SELECT * FROM imports ORDER BY id DESC")
        return [_record(row) for row in rows]

    def get(self, import_id: int) -> ImportRecord | None:
        """One import, or ``None``."""
        rows = list(self._db.query("SELECT * FROM imports WHERE id = ?", [import_id]))
        return _record(rows[0]) if rows else None

    def imported_leads(self, import_id: int) -> list[ImportedLeadRow]:
        """The leads an import added or updated, in the order it wrote them."""
        rows = self._db.execute(
            "SELECT lead_id, action, before, fingerprint FROM imported_leads "
            "WHERE import_id = ? ORDER BY id",
            [import_id],
        )
        return [
            ImportedLeadRow(lead_id, action == "added", json.loads(before or "{}"), fingerprint)
            for lead_id, action, before, fingerprint in rows
        ]

    def last_touch_id(self) -> int:
        """The id of the newest touch, 0 when there is none."""
        return int(self._db.execute("SELECT coalesce(max(id), 0) FROM touches").fetchone()[0])

    def last_touch_id_of(self, import_id: int) -> int:
        """The newest touch before the import: touches after it are later work."""
        row = self._db.execute(
            "SELECT last_touch_id FROM imports WHERE id = ?", [import_id]
        ).fetchone()
        return int(row[0]) if row else 0

    def touched_after(self, lead_ids: Collection[int], touch_id: int) -> set[int]:
        """The leads among these that got a touch newer than ``touch_id``."""
        wanted = set(lead_ids)
        rows = self._db.execute("SELECT DISTINCT lead_id FROM touches WHERE id > ?", [touch_id])
        return {row[0] for row in rows if row[0] in wanted}

    def tags(self, lead_ids: Sequence[int] | None = None) -> dict[int, list[str]]:
        """The tags of these leads (all when ``None``), by lead id, alphabetically."""
        found: dict[int, list[str]] = {}
        rows = self._db.execute("SELECT lead_id, tag FROM lead_tags ORDER BY tag")
        wanted = set(lead_ids) if lead_ids is not None else None
        for lead_id, tag in rows:
            if wanted is None or lead_id in wanted:
                found.setdefault(lead_id, []).append(tag)
        return found

    def tags_added_by(self, import_id: int) -> list[int]:
        """The ids of the ``lead_tags`` rows an import added."""
        rows = self._db.execute("SELECT id FROM lead_tags WHERE import_id = ?", [import_id])
        return [row[0] for row in rows]

    def tag_pairs(self) -> set[tuple[int, str]]:
        """Every (lead id, tag) stored, so an import adds a tag only once."""
        return {(row[0], row[1]) for row in self._db.execute("SELECT lead_id, tag FROM lead_tags")}


_FINGERPRINTED = (
    *LEAD_TEXT_FIELDS,
    "temperature",
    "outcome",
    "lost_reason",
    "value_minor",
    "currency",
    "referred_by",
    "board_column",
    "rank",
    "updated_at",
    "deleted_at",
)
"""The columns of a lead a user's action can change (the derived search text aside)."""


def row_fingerprint(row: Mapping[str, Any]) -> str:
    """A short hash of a lead row's values: equal while nobody changed the lead. A row about to
    be inserted gives the same hash as when read back (absent columns read as ``None``)."""
    values = [row.get(name) for name in _FINGERPRINTED]
    text = json.dumps(values, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _record(row: Row) -> ImportRecord:
    return ImportRecord(
        id=row["id"],
        file_name=row["file_name"],
        imported_at=row["imported_at"],
        added=row["added"],
        updated=row["updated"],
        skipped_duplicates=row["skipped_duplicates"],
        invalid=row["invalid"],
        target_column=Column(row["target_column"]),
        source=row["source"],
        tag=row["tag"],
        reverted_at=row["reverted_at"],
    )
