"""The integrity check the window runs after it has painted the board, and the repair it leads to.

Opening a file with ``IntegrityCheck.DEFERRED`` skips SQLite's ``quick_check``, which reads
every page (75 ms at 100,000 leads). ``check_opened_file`` runs it afterwards on connections of
its own, so a worker thread can run it while the window is in use, and makes the daily backup
at open once the file is known to be sound. When it finds damage, ``replace_damaged_file`` does
what opening would have done: it sets the damaged file aside, restores the newest sound backup
and reopens the file, saying which changes made in the meantime stayed in the damaged file.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from planner.store.backups import BackupReason
from planner.store.database import (
    Damage,
    IntegrityCheck,
    damage_refusal,
    find_damage,
    replace_damaged,
)
from planner.store.file_safety import DAILY, back_up_if_due
from planner.workspace import Workspace

__all__ = ["Damage", "IntegrityCheck"]


@dataclass(frozen=True)
class OpenedFileCheck:
    """What the check after opening found: ``damage`` is ``None`` for a sound file.

    ``notices`` says what the user should hear otherwise (a backup that could not be made).
    """

    damage: Damage | None
    notices: tuple[str, ...] = ()


def check_opened_file(path: Path, *, read_only: bool) -> OpenedFileCheck:
    """Checks the file a window opened unchecked; only reads it, never through the window's
    connection, so it runs on a worker thread.

    A sound, writable file is then backed up when its newest backup is older than a day, the
    backup ``Workspace.open`` makes when it checks at open. A damaged one is left as it is for
    ``replace_damaged_file``, which needs the window's connection closed.
    """
    damage = find_damage(path)
    if damage is not None or read_only:
        return OpenedFileCheck(damage)
    return OpenedFileCheck(None, tuple(back_up_if_due(path, BackupReason.AT_OPEN, DAILY)))


def replace_damaged_file(
    workspace: Workspace, damage: Damage, done_meanwhile: Sequence[str]
) -> Workspace:
    """Closes ``workspace``, sets its damaged file aside, restores the newest sound backup into
    it and returns the file reopened, its notices saying what happened.

    ``done_meanwhile`` names the steps the user took between opening and the check (the undo
    stack's): they were written to the damaged file, which is kept, and not to the backup, so
    the notice names them. Raises DatabaseDamagedError, with ``workspace`` still open and its
    file untouched, when there is no sound backup or the file is read-only.
    """
    refusal = damage_refusal(damage, read_only=workspace.read_only)
    if refusal is not None:
        raise refusal
    changed = workspace.changed_since_open
    # No backup at close: the damaged file is set aside whole, and a backup of it would
    # become the newest "sound" backup if SQLite's copy happened to pass its check.
    workspace.close(backup_after=timedelta.max)
    notice = replace_damaged(damage, read_only=False)
    reopened = Workspace.open(workspace.path, workspace.clock)
    reopened.notices = (notice, *_lost_changes(changed, done_meanwhile), *reopened.notices)
    return reopened


def _lost_changes(changed: bool, done_meanwhile: Sequence[str]) -> list[str]:
    """The sentence about the changes the restored backup does not have, if any were made."""
    if done_meanwhile:
        steps = "; ".join(done_meanwhile)
        return [
            f"What you did since the file opened ({steps}) was saved in the damaged file, not in "
            "the backup: please do it again."
        ]
    if changed:
        return [
            "Changes made since the file opened were saved in the damaged file, not in the "
            "backup: please check the restored file and make them again."
        ]
    return []
