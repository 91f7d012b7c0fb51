"""Case- and accent-tolerant search over lead text, in SQL.

SQLite's own ``LIKE`` folds case for ASCII only, so "łódź" would not find "Łódź". Each lead row
keeps its searchable fields folded the way Python folds text, in ``search_text``, written with the
row; a search is then a plain ``instr`` in C, fast enough for 100,000 leads on every keystroke. A
Python function registered on each connection folds other columns where a query needs it.
"""

import unicodedata

from sqlite_utils import Database

FOLD_FUNCTION = "planner_fold"

SEARCHABLE_TEXT_SQL = "search_text"
"""The column holding the folded text a search looks in: name, company, email, city and notes."""

SEARCHABLE_FIELDS = ("name", "company", "email", "city", "notes")

FIELD_SEPARATOR = "\x1f"
"""Keeps a search from matching across the end of one field and the start of the next."""


def fold(text: str | None) -> str:
    """Text lower-cased with accents removed: "Łódź" and "lodz" fold alike."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return decomposed.translate(_WITHOUT_COMBINING_MARKS)


class _CombiningMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, learning each character once.

    Folding runs on every field of every imported lead; a table lookup per character is several
    times quicker than asking ``unicodedata`` about each one.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_COMBINING_MARKS = _CombiningMarks()


def searchable_text(fields: dict[str, str]) -> str:
    """The ``search_text`` of a lead row with these field values."""
    return fold(FIELD_SEPARATOR.join(fields.get(name) or "" for name in SEARCHABLE_FIELDS))


def search_pattern(text: str) -> str:
    """The folded form of what the user typed."""
    return fold(text.strip())


def register_text_functions(db: Database) -> None:
    """Makes ``planner_fold`` available to queries on this connection."""
    db.conn.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)
