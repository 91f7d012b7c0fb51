"""Reading what imports need: the contacts duplicates are judged against, lead rows to update,
the import history and the leads each import wrote, and lead tags."""

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from planner.domain import Column
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
    updated_at: str


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
            "SELECT lead_id, action, before, updated_at FROM imported_leads "
            "WHERE import_id = ? ORDER BY id",
            [import_id],
        )
        return [
            ImportedLeadRow(lead_id, action == "added", json.loads(before or "{}"), updated_at)
            for lead_id, action, before, updated_at in rows
        ]

    def touched_since(self, lead_ids: Collection[int], moment: str) -> set[int]:
        """The leads among these that got a touch after ``moment``."""
        wanted = sorted(lead_ids)
        found: set[int] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT DISTINCT lead_id FROM touches WHERE lead_id IN ({marks}) "
                "AND created_at > ?",
                [*chunk, moment],
            )
            found.update(row[0] for row in rows)
        return found

    def tags(self, lead_ids: Sequence[int] | None = None) -> dict[int, list[str]]:
        """The tags of these leads (all when ``None``), by lead id, alphabetically."""
        found: dict[int, list[str]] = {}
        rows = self._db.execute("SELECT lead_id, tag FROM lead_tags ORDER BY tag")
        wanted = set(lead_ids) if lead_ids is not None else None
        for lead_id, tag in rows:
            if wanted is None or lead_id in wanted:
                found.setdefault(lead_id, []).append(tag)
        return found

    def tag_pairs(self) -> set[tuple[int, str]]:
        """Every (lead id, tag) stored, so an import adds a tag only once."""
        return {(row[0], row[1]) for row in self._db.execute("SELECT lead_id, tag FROM lead_tags")}


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
