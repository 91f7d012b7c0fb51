"""Taking document numbers so that none is ever given out twice.

Numbers are taken inside the action's transaction (its ``BEGIN IMMEDIATE`` lock means two
programs sharing the file queue up instead of both taking 7), but deliberately **not** through
the change recorder: the counter and the register of taken numbers are left out of the undo
record, so undoing or deleting a document leaves its number taken. Tax offices read a gap as
a cancelled document; they read a number used twice as a problem. The register explains gaps
(``NumberRegister.unused``).
"""

from sqlite_utils import Database

from planner.sales.numbering import DocumentKind, NumberPattern
from planner.sales.summaries import UnusedNumber


def take_number(
    db: Database, kind: DocumentKind, pattern: NumberPattern, year: int, now: str
) -> str:
    """The next number of ``pattern``'s series for ``year``, registered as taken.

    A number already in the register (a pattern changed back and forth) is skipped.
    """
    _require_transaction(db)
    series = pattern.series(year)
    row = db.execute(
        "SELECT last_sequence FROM document_counters WHERE kind = ? AND series = ?",
        [kind.value, series],
    ).fetchone()
    sequence = row[0] if row else 0
    while True:
        sequence += 1
        number = pattern.number(year, sequence)
        if not _is_registered(db, number):
            break
    db.execute(
        "INSERT INTO document_counters (kind, series, last_sequence) VALUES (?, ?, ?) "
        "ON CONFLICT (kind, series) DO UPDATE SET last_sequence = excluded.last_sequence",
        [kind.value, series, sequence],
    )
    _register(db, number, kind, now)
    return number


def take_revision_number(db: Database, kind: DocumentKind, base: str, now: str) -> tuple[str, int]:
    """``(P-2026-0007-3, 3)``: the next revision number of ``base`` never taken before."""
    _require_transaction(db)
    revision = 2
    while _is_registered(db, f"{base}-{revision}"):
        revision += 1
    number = f"{base}-{revision}"
    _register(db, number, kind, now)
    return number, revision


class NumberRegister:
    """Reads which numbers were taken and which of them no document carries any more."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def unused(self, kind: DocumentKind | None = None) -> list[UnusedNumber]:
        """Taken numbers without a live document, oldest first: the gaps of the sequence.

        A document deleted keeps its row (``deleted_at``); a creation that was undone leaves
        no row at all.
        """
        sql = (
            "SELECT n.number, n.kind, n.allocated_at, d.deleted_at FROM document_numbers n "
            "LEFT JOIN documents d ON d.number = n.number "
            "WHERE (d.id IS NULL OR d.deleted_at IS NOT NULL)"
        )
        params: list[str] = []
        if kind is not None:
            sql += " AND n.kind = ?"
            params.append(kind.value)
        sql += " ORDER BY n.allocated_at, n.number"
        return [
            UnusedNumber(
                number=number,
                kind=DocumentKind(kind_text),
                taken_at=taken_at,
                reason="its document was deleted"
                if deleted_at is not None
                else "its document was undone",
            )
            for number, kind_text, taken_at, deleted_at in self._db.execute(sql, params)
        ]


def _is_registered(db: Database, number: str) -> bool:
    found = db.execute("SELECT 1 FROM document_numbers WHERE number = ?", [number]).fetchone()
    return found is not None


def _register(db: Database, number: str, kind: DocumentKind, now: str) -> None:
    db.execute(
        "INSERT INTO document_numbers (number, kind, allocated_at) VALUES (?, ?, ?)",
        [number, kind.value, now],
    )


def _require_transaction(db: Database) -> None:
    if not db.conn.in_transaction:
        raise RuntimeError("numbers are taken inside a user action's transaction")
