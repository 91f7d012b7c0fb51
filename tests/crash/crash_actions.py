"""One user action in a process of its own, for the crash harness to kill at a random moment.

``python -m tests.crash.crash_actions ACTION DATABASE OUTPUT_FOLDER TRIAL`` prints ``ready`` once
Python and the planner are loaded, then performs ACTION the way a user would (through the CLI
or the services) and exits 0.
"""

import sys
from pathlib import Path

from planner.cli import main as cli_main
from planner.domain import Column, TouchDraft, TouchKind
from planner.services import board, touches
from planner.workspace import Workspace

BATCH = 12
"""How many leads the batch move and the touch recording take."""


def batch_ids(workspace: Workspace) -> list[int]:
    """The leads the batch move and the touch recording act on: the first of the Cold column."""
    return [card.id for card in workspace.leads.cards(Column.COLD)][:BATCH]


def _add(database: Path, trial: str) -> int:
    return cli_main(["--db", str(database), "lead", "add", f"Crash {trial}", "--city", "Leeds"])


def _batch_move(database: Path, trial: str) -> int:
    workspace = Workspace.open(database)
    try:
        board.move_leads(workspace, batch_ids(workspace), Column.HOT)
    finally:
        workspace.close()
    return 0


def _record_touches(database: Path, trial: str) -> int:
    workspace = Workspace.open(database)
    try:
        today = workspace.clock.today()
        drafts = [
            TouchDraft(lead_id, TouchKind.PHONE_CALL, today, notes=f"crash {trial}")
            for lead_id in batch_ids(workspace)
        ]
        touches.log_touches(workspace, drafts, f"Log calls {trial}")
    finally:
        workspace.close()
    return 0


def _mail_merge(database: Path, output: Path, trial: str) -> int:
    return cli_main(
        [
            "--db", str(database), "mailmerge", "--template", "win-back", "--column", "warm",
            "--split-dir", str(output), "--record",
        ]
    )  # fmt: skip


def main(arguments: list[str]) -> int:
    """Runs one action; see the module's docstring."""
    action, database, output, trial = arguments
    print("ready", flush=True)
    if action == "add":
        return _add(Path(database), trial)
    if action == "batch-move":
        return _batch_move(Path(database), trial)
    if action == "record-touches":
        return _record_touches(Path(database), trial)
    if action == "mail-merge":
        return _mail_merge(Path(database), Path(output), trial)
    raise SystemExit(f"unknown action {action}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
