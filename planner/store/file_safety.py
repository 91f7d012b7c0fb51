"""When the planner backs a file up on its own: at open once a day, at close after changes.

Both go through ``back_up_if_due``, which also rotates the folder. A backup that fails never
stops the user from working; it becomes a notice the front end shows.
"""

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from planner.errors import PlannerError
from planner.store.backups import (
    BackupReason,
    is_older_than,
    make_backup,
    newest_backup_time,
    rotate,
    stale_partial_backups,
)

DAILY = timedelta(days=1)
"""The age of the newest backup after which opening the file makes a new one."""

COMMAND_LINE_GAP = timedelta(hours=1)
"""After a command that changed the file, a backup is made when the newest is older than this."""

RUNNING_AT_MOST = timedelta(hours=12)
"""Where a process cannot be asked whether it still runs (Windows), leftovers this old are
taken to be a dead process's."""

_PROCESS_IN_NAME = re.compile(r"^\.planner-backup-(\d+)-")


def process_is_gone(process: int, started: datetime) -> bool:
    """True when the process that started at ``started`` no longer runs, so what it left
    half-done is a leftover and not work in progress."""
    if process == os.getpid():
        return False
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return datetime.now(UTC) - started > RUNNING_AT_MOST
    try:
        os.kill(process, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def back_up_if_due(database: Path, reason: BackupReason, max_age: timedelta) -> list[str]:
    """Backs ``database`` up when its newest backup is older than ``max_age``, then rotates.

    Returns what the user should be told: nothing, or why the backup could not be made. A
    half-written backup a killed planner left is removed first.
    """
    for partial in stale_partial_backups(database):
        found = _PROCESS_IN_NAME.match(partial.name)
        try:
            started = datetime.fromtimestamp(partial.stat().st_mtime, UTC)
        except FileNotFoundError:
            continue
        if found is not None and process_is_gone(int(found.group(1)), started):
            partial.unlink(missing_ok=True)
    if not is_older_than(newest_backup_time(database), max_age):
        return []
    try:
        make_backup(database, reason)
        rotate(database)
    except PlannerError as error:
        return [f"No backup was made: {error}"]
    return []
