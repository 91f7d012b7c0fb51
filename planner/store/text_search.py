"""Case- and accent-tolerant search over lead text, in SQL.

SQLite's own ``LIKE`` folds case for ASCII only, so "łódź" would not find "Łódź". A small Python
function registered on each connection folds text the way Python does.
"""

import unicodedata

from sqlite_utils import Database

FOLD_FUNCTION = "planner_fold"

SEARCHABLE_TEXT_SQL = (
    f"{FOLD_FUNCTION}(name || char(31) || company || char(31) || email || char(31) || city "
    "|| char(31) || notes)"
)
"""The folded text a search looks in: name, company, email, city and notes."""


def fold(text: str | None) -> str:
    """Text lower-cased with accents removed: "Łódź" and "lodz" fold alike."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_pattern(text: str) -> str:
    """The folded form of what the user typed."""
    return fold(text.strip())


def register_text_functions(db: Database) -> None:
    """Makes ``planner_fold`` available to queries on this connection."""
    db.conn.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)
