"""Opening a planner file: refuse what is not ours, recover what is damaged, set the pragmas,
bring the schema up to date."""

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from sqlite_utils import Database

from planner.errors import (
    DatabaseDamagedError,
    DatabaseOpenError,
    EmptyDatabaseError,
    PlannerError,
)
from planner.store.backups import (
    Backup,
    BackupReason,
    integrity_problems,
    make_backup,
    newest_sound_backup,
    put_back,
    restore_into,
    set_aside,
)
from planner.store.migrations import MIGRATIONS
from planner.store.text_search import register_text_functions

_SQLITE_HEADER = b"SQLite format 3\x00"

BUSY_TIMEOUT_MS = 5000
"""How long an action waits for another program's write to finish before it is refused."""


class IntegrityCheck(Enum):
    """When opening a file verifies that SQLite finds nothing wrong in it."""

    AT_OPEN = auto()
    """Before the file is used: ``quick_check`` runs first and a damaged file is replaced by its
    newest sound backup before the open returns. The command line, the jobs and the tests."""

    DEFERRED = auto()
    """After the open returns: the caller runs ``find_damage`` on a thread of its own and
    ``replace_damaged`` when it finds any. ``quick_check`` reads every page of the file (75 ms at
    100,000 leads), so the window paints the board first and checks while the user looks at it.
    A file that needs a schema migration is still checked at open: it is backed up first."""


@dataclass(frozen=True)
class OpenedDatabase:
    """The writer connection and what the user should hear about opening the file."""

    db: Database
    read_only: bool = False
    notices: tuple[str, ...] = ()
    created: bool = False
    """True when this open made the file (there is nothing to back up yet)."""
    integrity: IntegrityCheck = IntegrityCheck.AT_OPEN
    """``DEFERRED`` when the file has not been checked yet and the caller must check it."""


@dataclass(frozen=True)
class Damage:
    """What SQLite's integrity check found wrong in a file, and the newest backup that passes
    the check (``None`` when there is none) to put in its place."""

    path: Path
    problems: tuple[str, ...]
    backup: Backup | None


def open_database(path: Path, *, create: bool = False, create_folder: bool = False) -> Database:
    """Opens (creating if needed) the planner file at ``path`` as the one writer connection.

    No sqlite-utils plugins run on the planner's connections: a plugin installed beside it must
    not change how the file behaves, and looking for plugins scans every installed package's
    metadata, a noticeable part of start-up.

    Raises DatabaseOpenError, leaving the file untouched, when the file is not a SQLite database
    or was written by a newer version of the planner. See ``open_planner_file`` for the rest.
    """
    return open_planner_file(path, create=create, create_folder=create_folder).db


def open_planner_file(
    path: Path,
    *,
    create: bool = False,
    create_folder: bool = False,
    integrity: IntegrityCheck = IntegrityCheck.AT_OPEN,
) -> OpenedDatabase:
    """Opens the planner file at ``path`` with every check a customer list deserves.

    Only a path that does not exist becomes a new file, and only in a folder that exists (or
    with ``create_folder``, for the default file); an empty file needs ``create``. A file the
    user may not write is opened read-only. ``quick_check`` runs first (or, with
    ``IntegrityCheck.DEFERRED``, when the caller asks ``find_damage``): a damaged file is set
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
    if has_content and integrity is IntegrityCheck.DEFERRED:
        # Damage where opening reads (the schema), a file that is not ours, or an upgrade
        # (backed up first, and only a sound file is copied): check now, as the CLI does,
        # with this connection closed first, since the check may set the file aside.
        try:
            db = _connect(path, read_only)
        except PlannerError:
            return open_planner_file(path, create=create, create_folder=create_folder)
        try:
            _prepare(db, path, read_only, integrity)
        except (PlannerError, sqlite3.DatabaseError, _CheckFirstError):
            db.close()
            return open_planner_file(path, create=create, create_folder=create_folder)
        except BaseException:
            db.close()
            raise
        return OpenedDatabase(db, read_only, integrity=IntegrityCheck.DEFERRED)
    notices = _recover_if_damaged(path, read_only) if has_content else []
    db = _connect(path, read_only)
    _prepare(db, path, read_only, integrity)
    return OpenedDatabase(db, read_only, tuple(notices), created=not has_content)


class _CheckFirstError(Exception):
    """A file opened unchecked needs a schema migration, which must wait for the check."""


def _prepare(db: Database, path: Path, read_only: bool, integrity: IntegrityCheck) -> None:
    """Refuses a file of another program or a newer planner, sets the pragmas and brings the
    schema up to date (backing the file up first); closes ``db`` when it refuses."""
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
            if integrity is IntegrityCheck.DEFERRED:
                db.close()
                raise _CheckFirstError
            make_backup(path, BackupReason.BEFORE_MIGRATION)
        MIGRATIONS.apply(db)


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
            return Database(_read_only_connection(path), execute_plugins=False)
        connection = sqlite3.connect(str(path), check_same_thread=False)
        return Database(connection, execute_plugins=False)
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
    damage = find_damage(path)
    return [] if damage is None else [replace_damaged(damage, read_only=read_only)]


def find_damage(path: Path) -> Damage | None:
    """Runs ``quick_check`` on the planner file at ``path``; ``None`` when it is sound.

    Only reads, each check on a read-only connection of its own, so it may run on any thread
    while another connection writes. The full ``integrity_check`` confirms damage before
    anything is moved, and the newest backup that passes it is found here too.
    """
    if not integrity_problems(path, quick=True, live=True):
        return None
    problems = integrity_problems(path, live=True)
    if not problems:
        return None
    return Damage(path, tuple(problems), newest_sound_backup(path))


def damage_refusal(damage: Damage, *, read_only: bool) -> DatabaseDamagedError | None:
    """Why the damaged file cannot be replaced (no sound backup, or it is read-only), or
    ``None`` when ``replace_damaged`` can do it."""
    if damage.backup is not None and not read_only:
        return None
    return _refusal(damage)


def _refusal(damage: Damage) -> DatabaseDamagedError:
    why = "there is no sound backup to restore" if damage.backup is None else "it is read-only"
    return DatabaseDamagedError(
        f"{damage.path} is damaged ({damage.problems[0]}) and {why}. The file was left as it "
        "was; a data recovery tool (sqlite3 .recover) may save part of it"
    )


def replace_damaged(damage: Damage, *, read_only: bool) -> str:
    """Sets the damaged file aside as ``<file>.damaged-<time>`` (with its ``-wal`` and ``-shm``)
    and restores the sound backup in its place; returns the sentence that tells the user.

    Raises DatabaseDamagedError (``damage_refusal``), leaving the file as it was, when there is
    no sound backup or the file is read-only. Connections to the file must be closed first.
    """
    path, backup = damage.path, damage.backup
    if backup is None or read_only:
        raise _refusal(damage)
    aside = set_aside(path)
    try:
        restore_into(path, backup.path)
    except PlannerError:
        put_back(aside, path)  # the damaged file where it was, rather than no file at all
        raise
    except (OSError, sqlite3.Error) as error:
        put_back(aside, path)
        raise DatabaseDamagedError(
            f"{path} is damaged ({damage.problems[0]}) and the backup could not be restored "
            f"({error}). The file was left as it was"
        ) from error
    when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"{path.name} was damaged and was restored from the backup of {when} "
        f"({backup.leads} leads). The damaged file was kept as {aside.name}."
    )


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


def _configure(db: Database, read_only: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not read_only:
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
    register_text_functions(db)
