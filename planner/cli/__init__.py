"""The ``planner`` command line: subcommands drive the same services as the window.

Each subcommand group lives in its own module with a ``register(subparsers)`` function that adds
its parsers and sets ``handler`` on them. Handlers take the parsed arguments and an open
Workspace and return the exit status. User errors (PlannerError) exit 2 with one line on stderr,
and, because every service call is one transaction, write nothing.
"""

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from planner import __version__
from planner.cli import (
    backups,
    calendar,
    campaigns,
    documents,
    importing,
    leads,
    pipeline,
    report,
    sales,
    templates,
    touches,
)
from planner.cli.arguments import CommandLineParser
from planner.cli.terminal import EscapingWriter, undecodable_argument
from planner.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    EmptyDatabaseError,
    PlannerError,
)
from planner.services.recovery import recover_interrupted_jobs
from planner.store.file_safety import COMMAND_LINE_GAP
from planner.workspace import Workspace, default_database_path

COMMAND_GROUPS = (
    leads,
    touches,
    campaigns,
    calendar,
    templates,
    documents,
    importing,
    sales,
    pipeline,
    report,
    backups,
)

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
    parser.add_argument(
        "--create", action="store_true", help="make an empty file at --db a new planner file"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, start_gui: GuiStarter | None = None) -> int:
    """Runs one command line; ``ui.launcher`` passes ``start_gui`` so the core never imports Qt.

    Whatever it prints has control characters escaped (``planner.cli.terminal``). A refusal is
    one line on stderr: exit 2 for input the user can correct, exit 1 when the file stayed busy.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        with (
            redirect_stdout(EscapingWriter.around(sys.stdout)),
            redirect_stderr(EscapingWriter.around(sys.stderr)),
        ):
            return _run(arguments, start_gui)
    except BrokenPipeError:  # the reader (``| head``) went away: nothing more to say
        sys.stderr.close()
        return 0


def _run(argv: list[str], start_gui: GuiStarter | None) -> int:
    parser = build_parser()
    undecodable = undecodable_argument(argv)
    if undecodable is not None:
        parser.error(f"'{undecodable}' is not valid UTF-8 text; nothing was changed")
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        if start_gui is None:
            parser.error("the window is not available here; give a command (see --help)")
        return start_gui(arguments.db)
    database_path = (arguments.db or default_database_path()).expanduser().absolute()
    path_handler = getattr(arguments, "path_handler", None)
    try:
        if path_handler is not None:
            return int(path_handler(arguments, database_path))
        workspace = Workspace.open(database_path, create=arguments.create)
    except EmptyDatabaseError as error:
        print(f"planner: {error} (pass --create to make it a planner file)", file=sys.stderr)
        return 2
    except PlannerError as error:
        print(f"planner: {error}", file=sys.stderr)
        return 2
    except (sqlite3.Error, OSError) as error:
        print(f"planner: {database_path} cannot be used: {error}", file=sys.stderr)
        return 2
    for notice in (*workspace.notices, *recover_interrupted_jobs(workspace)):
        print(f"planner: {notice}", file=sys.stderr)
    try:
        status: int = arguments.handler(arguments, workspace)
    except (DatabaseBusyError, DatabaseDamagedError) as error:
        print(f"planner: {error}", file=sys.stderr)
        return 1
    except PlannerError as error:
        print(f"planner: {error}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as error:
        print(
            f"planner: the planner file is damaged ({error}); run 'planner check'", file=sys.stderr
        )
        return 1
    finally:
        for notice in workspace.close(backup_after=COMMAND_LINE_GAP):
            print(f"planner: {notice}", file=sys.stderr)
    return status
