"""The ``planner`` command line: subcommands drive the same services as the window.

Each subcommand group lives in its own module with a ``register(subparsers)`` function that adds
its parsers and sets ``handler`` on them. Handlers take the parsed arguments and an open
Workspace and return the exit status. User errors (PlannerError) exit 2 with one line on stderr,
and, because every service call is one transaction, write nothing.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planner import __version__
from planner.cli import calendar, campaigns, documents, leads, report, templates, touches
from planner.cli.arguments import CommandLineParser
from planner.errors import PlannerError
from planner.workspace import Workspace, default_database_path

COMMAND_GROUPS = (leads, touches, campaigns, calendar, templates, documents, report)

GuiStarter = Callable[[Path | None], int]
"""Opens the window on a database (``None``: the last or default one); returns the exit code."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, for ``main`` and for the help text."""
    parser = CommandLineParser(
        prog="planner",
        description="Offline sales-and-marketing planner. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"the planner file to use (default: {default_database_path()})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, start_gui: GuiStarter | None = None) -> int:
    """Runs one command line; ``ui.launcher`` passes ``start_gui`` so the core never imports Qt."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        if start_gui is None:
            parser.error("the window is not available here; give a command (see --help)")
        return start_gui(arguments.db)
    database_path = arguments.db or default_database_path()
    try:
        workspace = Workspace.open(database_path)
    except PlannerError as error:
        print(f"planner: {error}", file=sys.stderr)
        return 2
    try:
        status: int = arguments.handler(arguments, workspace)
    except PlannerError as error:
        print(f"planner: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        workspace.close()
    return status
