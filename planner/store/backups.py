"""Verified backups of a planner file, kept in a folder beside it and rotated.

A backup is written with ``VACUUM INTO`` from its own read-only connection (never a copy of the
live file, which could catch a write half done), turned into a single file (rollback journal,
no ``-wal``), and checked with ``PRAGMA integrity_check`` before it is given its final name: a
backup that is there is a backup that opens. Restoring writes the backup into the planner file
through SQLite's online backup API, so the window and the command line, which may hold the file
open, see one consistent switch.

The folder is ``<file>.backups`` beside the file (``planner.db.backups/``). Each name says when
the backup was made (UTC) and why: ``planner-20261130-093512-123456-at-open.db``. Rotation keeps
the ``KEEP_RECENT`` newest backups, and the newest of each of the last ``KEEP_DAILY`` days,
``KEEP_WEEKLY`` weeks and ``KEEP_MONTHLY`` months that have one; everything else is deleted, so
the folder never holds more than 29 backups.
"""

import os
import re
import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from planner.errors import DatabaseDamagedError, DatabaseOpenError

KEEP_RECENT = 5
KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12

_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.db$")
_PART_PREFIX = ".planner-backup-"


class BackupReason(StrEnum):
    """Why a backup was made; the value ends its file name."""

    AT_OPEN = "at-open"
    AT_CLOSE = "at-close"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_IMPORT = "before-import"
    BEFORE_MIGRATION = "before-migration"

    @property
    def label(self) -> str:
        """``before restore``: how the list of backups names it."""
        return self.value.replace("-", " ")


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made, why, how big it is and how many leads it holds.

    ``leads`` is ``None`` and ``verified`` false when the file cannot be read as a planner file.
    """

    path: Path
    created: datetime
    reason: BackupReason | None
    size: int
    leads: int | None
    verified: bool


def backup_folder(database: Path) -> Path:
    """Where the backups of ``database`` live: ``<file>.backups`` beside it."""
    return database.with_name(f"{database.name}.backups")


def integrity_problems(path: Path, *, quick: bool = False, live: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds wrong in the file at ``path``;
    an empty list for a sound file. A file SQLite cannot open at all is one problem.

    ``live`` is for a planner file other programs may be writing: it is read through its WAL
    and locks like any reader, where a backup is read as the unchanging file it is.
    """
    try:
        connection = _connect_read_only(path, immutable=not live)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error as error:
        return [str(error)]
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def make_backup(
    database: Path, reason: BackupReason, target: Path | None = None, now: datetime | None = None
) -> Backup:
    """Writes a verified backup of ``database`` into its backup folder (or to ``target``).

    Raises DatabaseDamagedError when the copy does not pass ``integrity_check`` (nothing is
    left behind), DatabaseOpenError when the folder cannot be written.
    """
    moment = now or datetime.now(UTC)
    if target is None:
        folder = backup_folder(database)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(
                f"The backup folder {folder} cannot be created: {error.strerror}"
            ) from None
        target = folder / f"{database.stem}-{moment.strftime(_STAMP)}-{reason.value}.db"
    partial = target.with_name(f"{_PART_PREFIX}{os.getpid()}-{target.name}")
    partial.unlink(missing_ok=True)
    try:
        _vacuum_into(database, partial)
        problems = integrity_problems(partial)
        if problems:
            raise DatabaseDamagedError(
                f"The backup of {database} did not pass its check ({problems[0]}); "
                "the file may be damaged: run 'planner check'"
            )
        os.replace(partial, target)
    except OSError as error:
        raise DatabaseOpenError(f"The backup {target} cannot be written: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return describe(target, created=moment, reason=reason, verified=True)


def _vacuum_into(database: Path, partial: Path) -> None:
    source = _connect_read_only(database, immutable=False)
    try:
        source.execute("VACUUM INTO ?", [str(partial)])
    except sqlite3.DatabaseError as error:
        raise DatabaseDamagedError(
            f"{database} cannot be backed up: {error}; run 'planner check'"
        ) from None
    finally:
        source.close()
    copy = sqlite3.connect(partial, isolation_level=None)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def describe(
    path: Path,
    *,
    created: datetime | None = None,
    reason: BackupReason | None = None,
    verified: bool | None = None,
) -> Backup:
    """A backup file as the lists show it; ``verified`` runs ``quick_check`` when not given."""
    found = _NAME.match(path.name)
    if created is None:
        created = _created(path, found)
    if reason is None and found is not None:
        reason = _reason(found.group("reason"))
    if verified is None:
        verified = not integrity_problems(path, quick=True)
    return Backup(path, created, reason, path.stat().st_size, _lead_count(path), verified)


def _created(path: Path, found: re.Match[str] | None) -> datetime:
    if found is not None:
        return datetime.strptime(found.group("stamp"), _STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _reason(text: str) -> BackupReason | None:
    try:
        return BackupReason(text)
    except ValueError:
        return None


def _lead_count(path: Path) -> int | None:
    try:
        connection = _connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT count(*) FROM leads WHERE deleted_at IS NULL").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return int(row[0])


def list_backups(database: Path) -> list[Backup]:
    """The backups in the folder of ``database``, newest first."""
    found = []
    for path in _backup_paths(database):
        try:
            found.append(describe(path))
        except FileNotFoundError:  # rotated away by another planner meanwhile
            continue
    return found


def newest_backup_time(database: Path) -> datetime | None:
    """When the newest backup was made (from its name, without opening it), or ``None``."""
    paths = _backup_paths(database)
    return _created(paths[0], _NAME.match(paths[0].name)) if paths else None


def newest_sound_backup(database: Path) -> Backup | None:
    """The newest backup that passes ``integrity_check``, or ``None``."""
    for path in _backup_paths(database):
        if not integrity_problems(path):
            return describe(path, verified=True)
    return None


def _backup_paths(database: Path) -> list[Path]:
    folder = backup_folder(database)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    prefix = f"{database.stem}-"
    found = [
        (_created(path, match), path)
        for path in entries
        if path.name.startswith(prefix) and (match := _NAME.match(path.name)) is not None
    ]
    return [path for _created_at, path in sorted(found, reverse=True)]


def rotate(database: Path) -> list[Path]:
    """Deletes the backups rotation no longer keeps (see the module's docstring); returns them."""
    paths = _backup_paths(database)
    times = [_created(path, _NAME.match(path.name)) for path in paths]
    kept = set(paths[:KEEP_RECENT])
    buckets: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (KEEP_DAILY, lambda moment: moment.date()),
        (KEEP_WEEKLY, lambda moment: moment.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda moment: (moment.year, moment.month)),
    )
    for count, bucket in buckets:
        seen: set[Hashable] = set()
        for path, moment in zip(paths, times, strict=True):
            key = bucket(moment)
            if key not in seen and len(seen) < count:
                seen.add(key)
                kept.add(path)
    removed = [path for path in paths if path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def is_older_than(moment: datetime | None, age: timedelta, now: datetime | None = None) -> bool:
    """True when ``moment`` is ``None`` or more than ``age`` before ``now``."""
    return moment is None or (now or datetime.now(UTC)) - moment > age


def restore_into(database: Path, backup: Path) -> None:
    """Writes ``backup`` over the contents of ``database`` with SQLite's online backup API.

    The backup is checked first; DatabaseDamagedError leaves the planner file as it was.
    """
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseDamagedError(
            f"{backup} is damaged ({problems[0]}) and was not restored; nothing was changed"
        )
    if _lead_count(backup) is None:
        raise DatabaseOpenError(f"{backup} is not a planner backup; nothing was changed")
    source = _connect_read_only(backup)
    target = sqlite3.connect(database, isolation_level=None)
    try:
        target.execute("PRAGMA busy_timeout = 5000")
        source.backup(target)
        target.execute("PRAGMA journal_mode = WAL")
    finally:
        target.close()
        source.close()


def set_aside(database: Path, now: datetime | None = None) -> Path:
    """Renames a damaged file (and its ``-wal`` and ``-shm``) to ``<file>.damaged-<time>``
    beside it, so nothing of it is lost; returns the new path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(database, aside)
    return aside


def put_back(aside: Path, database: Path) -> None:
    """Undoes ``set_aside``: the file (and its ``-wal`` and ``-shm``) back under its own name,
    replacing whatever a failed restore left there, its rollback journal included (SQLite
    would otherwise replay it into the file put back)."""
    database.with_name(database.name + "-journal").unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
        companion = aside.with_name(aside.name + suffix)
        if companion.exists():
            os.replace(companion, database.with_name(database.name + suffix))
    os.replace(aside, database)


def stale_partial_backups(database: Path) -> list[Path]:
    """Half-written backups a crash left in the folder (their names start with a dot)."""
    folder = backup_folder(database)
    try:
        return [path for path in folder.iterdir() if path.name.startswith(_PART_PREFIX)]
    except OSError:
        return []


def _connect_read_only(path: Path, *, immutable: bool = True) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` for a backup nothing else writes (no side files).

    A file with a ``-wal`` beside it is live whatever the caller thought, and read as such.
    """
    immutable = immutable and not path.with_name(path.name + "-wal").exists()
    uri = f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
    return sqlite3.connect(uri, uri=True, isolation_level=None)
