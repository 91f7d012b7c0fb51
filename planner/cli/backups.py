"""``planner backup | backups | restore | check``: the file's safety net from the command line."""

import argparse
from pathlib import Path
from typing import Any

from planner.cli.output import print_json
from planner.errors import DatabaseOpenError, ValidationError
from planner.services import backups
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds the backup commands to the command line."""
    backup = subparsers.add_parser("backup", help="make a verified backup of the planner file now")
    backup.add_argument(
        "--to", type=Path, metavar="FILE", help="write it here instead of the backup folder"
    )
    backup.set_defaults(handler=_backup)

    listing = subparsers.add_parser("backups", help="list the backups of the planner file")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(path_handler=_list)

    restore = subparsers.add_parser(
        "restore", help="replace the planner file with a backup (backing it up first)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(path_handler=_restore)

    check = subparsers.add_parser(
        "check", help="check the planner file for damage (exit status 1 when damaged)"
    )
    check.set_defaults(path_handler=_check)


def _backup(arguments: argparse.Namespace, workspace: Workspace) -> int:
    target = arguments.to.expanduser().absolute() if arguments.to else None
    if target is not None and target.exists():
        raise ValidationError(f"{target} already exists; choose a new file name", "to")
    if target is not None and not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist; nothing was written")
    made = backups.back_up_now(workspace, target)
    print(f"Backed up {made.leads} leads to {made.path}")
    return 0


def _list(arguments: argparse.Namespace, database: Path) -> int:
    found = backups.backups_of(database)
    if arguments.json:
        print_json(
            [
                {
                    "path": str(backup.path),
                    "created": backup.created.isoformat(),
                    "size": backup.size,
                    "leads": backup.leads,
                    "verified": backup.verified,
                }
                for backup in found
            ]
        )
        return 0
    if not found:
        print(f"No backups yet in {backups.backup_folder(database)}")
    for backup in found:
        when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        leads = "?" if backup.leads is None else str(backup.leads)
        state = "verified" if backup.verified else "DAMAGED"
        why = backup.reason.label if backup.reason else ""
        print(
            f"{when}  {backup.size:>10,} B  {leads:>6} leads  {state:<8}  {why:<16} {backup.path}"
        )
    return 0


def _restore(arguments: argparse.Namespace, database: Path) -> int:
    done = backups.restore_backup(database, arguments.file)
    when = done.restored.created.astimezone().strftime("%Y-%m-%d %H:%M")
    print(
        f"Restored {done.restored.leads} leads from the backup of {when}; "
        f"the file as it was is kept in {done.safety_copy}"
    )
    return 0


def _check(arguments: argparse.Namespace, database: Path) -> int:
    if not database.exists():
        raise DatabaseOpenError(f"{database} does not exist")
    verdict = backups.check_file(database)
    print(verdict.verdict())
    return 0 if verdict.sound else 1
