"""When the planner backs a file up on its own: at open once a day, at close after changes.

Both go through ``back_up_if_due``, which also rotates the folder. A backup that fails never
stops the user from working; it becomes a notice the front end shows.
"""

from datetime import timedelta
from pathlib import Path

from planner.errors import PlannerError
from planner.store.backups import (
    BackupReason,
    is_older_than,
    make_backup,
    newest_backup_time,
    rotate,
)

DAILY = timedelta(days=1)
"""The age of the newest backup after which opening the file makes a new one."""

COMMAND_LINE_GAP = timedelta(hours=1)
"""After a command that changed the file, a backup is made when the newest is older than this."""


def back_up_if_due(database: Path, reason: BackupReason, max_age: timedelta) -> list[str]:
    """Backs ``database`` up when its newest backup is older than ``max_age``, then rotates.

    Returns what the user should be told: nothing, or why the backup could not be made.
    """
    if not is_older_than(newest_backup_time(database), max_age):
        return []
    try:
        make_backup(database, reason)
        rotate(database)
    except PlannerError as error:
        return [f"No backup was made: {error}"]
    return []
