"""Opening a planner file: refuse what is not ours, recover what is damaged, set the pragmas,
bring the schema up to date."""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from planner.errors import DatabaseDamagedError, DatabaseOpenError, EmptyDatabaseError
from planner.store.backups import (
    BackupReason,
    integrity_problems,
    make_backup,
    newest_sound_backup,
    restore_into,
    set_aside,
)
from planner.store.migrations import MIGRATIONS
from planner.store.text_search import register_text_functions

_SQLITE_HEADER = b"SQLite format 3\x00"

BUSY_TIMEOUT_MS = 5000
"""How long an action waits for another program's write to finish before it is refused."""


@dataclass(frozen=True)
class OpenedDatabase:
    """The writer connection and what the user should hear about opening the file."""

    db: Database
    read_only: bool = False
    notices: tuple[str, ...] = ()
    created: bool = False
    """True when this open made the file (there is nothing to back up yet)."""


def open_database(path: Path, *, create: bool = False, create_folder: bool = False) -> Database:
    """Opens (creating if needed) the planner file at ``path`` as the one writer connection.

    Raises DatabaseOpenError, leaving the file untouched, when the file is not a SQLite database
    or was written by a newer version of the planner. See ``open_planner_file`` for the rest.
    """
    return open_planner_file(path, create=create, create_folder=create_folder).db


def open_planner_file(
    path: Path, *, create: bool = False, create_folder: bool = False
) -> OpenedDatabase:
    """Opens the planner file at ``path`` with every check a customer list deserves.

    Only a path that does not exist becomes a new file, and only in a folder that exists (or
    with ``create_folder``, for the default file); an empty file needs ``create``. A file the
    user may not write is opened read-only. ``quick_check`` runs first: a damaged file is set
    aside as ``.damaged-<time>`` and the newest sound backup restored in its place (the notices
    say so), or, without one, DatabaseDamagedError leaves it as it was. A schema migration is
    preceded by a backup.
    """
    path = Path(path)
    _refuse_foreign_file(path)
    existed = path.exists()
    if not existed:
        _check_folder(path, create_folder)
    elif path.stat().st_size == 0 and not create:
        raise EmptyDatabaseError(
            f"{path} is an empty file, not a planner database; nothing was changed"
        )
    read_only = existed and not _writable(path)
    has_content = existed and path.stat().st_size > 0
    notices: list[str] = []
    if has_content:
        notices.extend(_recover_if_damaged(path, read_only))
    db = _connect(path, read_only)
    try:
        _refuse_newer_schema(db, path)
    except sqlite3.DatabaseError as error:
        db.close()
        raise DatabaseOpenError(f"{path} cannot be opened as a planner database: {error}") from None
    _configure(db, read_only)
    pending = MIGRATIONS.pending(db)
    if pending and read_only and MIGRATIONS.applied(db):
        db.close()
        raise DatabaseOpenError(
            f"{path} was written by an older version and needs updating, but it is read-only"
        )
    if pending and not read_only:
        if MIGRATIONS.applied(db):
            make_backup(path, BackupReason.BEFORE_MIGRATION)
        MIGRATIONS.apply(db)
    return OpenedDatabase(db, read_only, tuple(notices), created=not has_content)


def _check_folder(path: Path, create_folder: bool) -> None:
    """A new file needs a folder that exists and can be written; the default one is made."""
    folder = path.parent
    if not folder.exists():
        if not create_folder:
            raise DatabaseOpenError(
                f"The folder {folder} does not exist; check the path (nothing was created)"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(
                f"The folder {folder} cannot be created: {error.strerror}"
            ) from None
    if not folder.is_dir():
        raise DatabaseOpenError(f"{folder} is not a folder; check the path")
    if not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseOpenError(
            f"The folder {folder} is read-only; a new planner file cannot be created there"
        )


def _writable(path: Path) -> bool:
    """True when the user may write the file and create its journal beside it."""
    if not path.stat().st_mode & 0o222:  # no write permission for anyone: kept read-only on
        return False  # purpose, which the planner respects even when run by the administrator
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path, read_only: bool) -> Database:
    try:
        if read_only:
            return Database(_read_only_connection(path))
        return Database(sqlite3.connect(str(path), check_same_thread=False))
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(f"{path} cannot be opened as a planner database: {error}") from None


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection; a WAL file whose folder is read-only opens as immutable."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection = sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False)
    return connection


def _recover_if_damaged(path: Path, read_only: bool) -> list[str]:
    """Runs ``quick_check``; restores the newest sound backup over a damaged file."""
    if not integrity_problems(path, quick=True, live=True):
        return []
    problems = integrity_problems(path, live=True)  # the full check confirms before anything moves
    if not problems:
        return []
    backup = newest_sound_backup(path)
    if backup is None or read_only:
        why = "there is no sound backup to restore" if backup is None else "it is read-only"
        raise DatabaseDamagedError(
            f"{path} is damaged ({problems[0]}) and {why}. The file was left as it was; "
            "a data recovery tool (sqlite3 .recover) may save part of it"
        )
    aside = set_aside(path)
    restore_into(path, backup.path)
    when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return [
        f"{path.name} was damaged and was restored from the backup of {when} "
        f"({backup.leads} leads). The damaged file was kept as {aside.name}."
    ]


def open_reader(path: Path) -> Database:
    """A read-only connection for a worker thread; WAL lets it read while the GUI writes."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    db = Database(sqlite3.connect(uri, uri=True, check_same_thread=False))
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
    empty = Database(memory=True)
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


def _configure(db: Database, read_only: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not read_only:
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
    register_text_functions(db)
