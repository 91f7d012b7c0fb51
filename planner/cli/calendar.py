"""``planner calendar export``: the campaign calendar as an ``.ics`` file for other programs."""

import argparse
from pathlib import Path
from typing import Any

from planner.cli.arguments import iso_date
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds ``calendar`` to the command line."""
    calendar = subparsers.add_parser("calendar", help="export the campaign calendar")
    actions = calendar.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write campaigns and planned touches to an .ics file"
    )
    export.add_argument("file", type=Path, metavar="FILE.ics")
    export.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD")
    export.set_defaults(handler=_export)


def _export(arguments: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interop.ical import export_calendar  # icalendar loads only when exporting

    written = export_calendar(workspace, arguments.file, arguments.start, arguments.end)
    campaigns = "campaign" if written.campaigns == 1 else "campaigns"
    touches = "touch" if written.touches == 1 else "touches"
    print(
        f"Wrote {written.campaigns} {campaigns} and {written.touches} {touches} to {written.path}"
    )
    return 0
