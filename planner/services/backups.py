"""Backing up, listing, checking and restoring a planner file, for the window and the CLI.

None of these is an undoable action: a restore replaces the whole file, so it is undone by
restoring the backup it made of the file first (``RestoredBackup.safety_copy``). The import
engineer's "back up before import" is ``back_up_before_import``.
"""

from dataclasses import dataclass
from pathlib import Path

from planner.errors import DatabaseDamagedError, DatabaseOpenError
from planner.store.backups import (
    Backup,
    BackupReason,
    backup_folder,
    describe,
    integrity_problems,
    list_backups,
    make_backup,
    restore_into,
    rotate,
    set_aside,
)
from planner.workspace import Workspace

__all__ = ["Backup", "BackupReason", "backup_folder"]


def back_up_now(workspace: Workspace, target: Path | None = None) -> Backup:
    """File ▸ Back Up Now and ``planner backup [--to FILE]``: a verified backup, made now.

    A backup into the backup folder rotates it; one written to ``target`` is the user's own.
    """
    backup = make_backup(workspace.path, BackupReason.MANUAL, target)
    if target is None:
        rotate(workspace.path)
    return backup


def back_up_before_import(workspace: Workspace) -> Backup:
    """A verified backup taken just before an import changes many records at once."""
    backup = make_backup(workspace.path, BackupReason.BEFORE_IMPORT)
    rotate(workspace.path)
    return backup


def backups_of(database: Path) -> list[Backup]:
    """The backups of the file at ``database``, newest first, each checked (``verified``)."""
    return list_backups(database)


@dataclass(frozen=True)
class FileCheck:
    """What ``integrity_check`` found: nothing (sound) or the problems it lists."""

    path: Path
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        """True when SQLite found nothing wrong."""
        return not self.problems

    def verdict(self) -> str:
        """One line for the user."""
        if self.sound:
            return f"{self.path} is sound (integrity check ok)"
        more = f" and {len(self.problems) - 1} more problems" if len(self.problems) > 1 else ""
        return f"{self.path} is damaged: {self.problems[0]}{more}"


def check_file(database: Path) -> FileCheck:
    """Runs SQLite's full ``integrity_check`` on the file (it is only read)."""
    return FileCheck(database, tuple(integrity_problems(database, live=True)))


@dataclass(frozen=True)
class RestoredBackup:
    """A restore done: which backup, and where the file as it was before went.

    ``safety_copy`` is the backup made of the file just before (restoring it undoes the
    restore), or, for a file too damaged to back up, the damaged file set aside.
    """

    restored: Backup
    safety_copy: Path


def restore_backup(database: Path, backup: Path) -> RestoredBackup:
    """Replaces the contents of the file at ``database`` with ``backup``, after backing it up.

    The backup is checked first: a damaged or foreign one is refused and nothing changes.
    Callers holding the file open reopen it afterwards (the window does).
    """
    chosen = Path(backup).expanduser().absolute()
    if not chosen.is_file():
        raise DatabaseOpenError(f"{chosen} is not a file; nothing was changed")
    if not database.parent.is_dir():
        raise DatabaseOpenError(f"The folder {database.parent} does not exist; nothing was changed")
    problems = integrity_problems(chosen)
    if problems and "not a database" in problems[0]:
        raise DatabaseOpenError(f"{chosen} is not a planner backup; nothing was changed")
    if problems:
        raise DatabaseDamagedError(f"{chosen} is damaged ({problems[0]}); nothing was changed")
    restored = describe(chosen, verified=True)
    if database.exists():
        try:
            safety_copy = make_backup(database, BackupReason.BEFORE_RESTORE).path
        except DatabaseDamagedError:
            safety_copy = set_aside(database)
    else:
        safety_copy = database
    restore_into(database, chosen)
    rotate(database)
    return RestoredBackup(restored, safety_copy)
