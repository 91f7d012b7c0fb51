"""Opening a planner file: refuse what is not ours, set the pragmas, bring the schema up to date."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from planner.errors import DatabaseOpenError
from planner.store.migrations import MIGRATIONS
from planner.store.text_search import register_text_functions

_SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path) -> Database:
    """Opens (creating if needed) the planner file at ``path`` as the one writer connection.

    No sqlite-utils plugins run on the planner's connections: a plugin installed beside it must
    not change how the file behaves, and looking for plugins scans every installed package's
    metadata, a noticeable part of start-up.

    Raises DatabaseOpenError, leaving the file untouched, when the file is not a SQLite database
    or was written by a newer version of the planner.
    """
    path = Path(path)
    _refuse_foreign_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Database(sqlite3.connect(str(path), check_same_thread=False), execute_plugins=False)
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(f"{path} cannot be opened as a planner database: {error}") from None
    try:
        _refuse_newer_schema(db, path)
    except sqlite3.DatabaseError as error:
        db.close()
        raise DatabaseOpenError(f"{path} cannot be opened as a planner database: {error}") from None
    _configure(db)
    MIGRATIONS.apply(db)
    return db


def open_reader(path: Path) -> Database:
    """A read-only connection for a worker thread; WAL lets it read while the GUI writes."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    db = Database(sqlite3.connect(uri, uri=True, check_same_thread=False), execute_plugins=False)
    db.execute("PRAGMA busy_timeout = 5000")
    register_text_functions(db)
    return db


def _refuse_foreign_file(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a folder, not a planner database")
    with path.open("rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    if header and header != _SQLITE_HEADER:
        raise DatabaseOpenError(f"{path} is not a planner database (it is not a SQLite file)")


def _refuse_newer_schema(db: Database, path: Path) -> None:
    applied = {migration.name for migration in MIGRATIONS.applied(db)}
    empty = Database(memory=True, execute_plugins=False)
    try:
        known = {migration.name for migration in MIGRATIONS.pending(empty)}
    finally:
        empty.close()
    unknown = applied - known
    if unknown:
        db.close()
        raise DatabaseOpenError(
            f"{path} was written by a newer version of the planner "
            f"(it has changes this version does not know: {', '.join(sorted(unknown))}). "
            "Update the planner to open it; the file was not changed."
        )
    if applied and not db["leads"].exists():
        db.close()
        raise DatabaseOpenError(f"{path} is a SQLite file but not a planner database")
    if not applied and db.table_names():
        db.close()
        raise DatabaseOpenError(
            f"{path} is a SQLite file of another program, not a planner database"
        )


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    register_text_functions(db)
