"""The ``planner`` console script: the core's command line, with the window as its default.

Lives in ``ui`` so that ``planner`` never imports Qt; Qt itself is imported only when the window
is actually opened, so ``planner --version`` and batch commands start fast.
"""

import sys
from pathlib import Path


def _start_gui(database: Path | None) -> int:
    from ui.app import run_gui

    return run_gui(database)


def main() -> None:
    """Console-script entry point."""
    from planner.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:], start_gui=_start_gui))
