"""kill -9 at random moments during an add, a batch move, a touch recording and a mail merge.

Each trial starts from a copy of one planner file, runs one action in its own process, kills it
with SIGKILL after a random delay (or lets it finish), then starts the planner once more (which
recovers what it can) and checks: ``integrity_check`` is ok; the action is wholly there or wholly
absent; and no temporary file of the planner is left anywhere. ``make test`` runs a few dozen
trials; ``make soak`` runs hundreds (the ``soak`` marker).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.demo import demo_drafts
from planner.domain import Column
from planner.services import board
from planner.services.job_journal import journal_folder
from planner.store.backups import backup_folder, integrity_problems
from planner.workspace import Workspace
from tests.crash.crash_actions import BATCH, batch_ids

ACTIONS = ("add", "batch-move", "record-touches", "mail-merge")
LONGEST_DELAY = {"add": 0.4, "batch-move": 0.4, "record-touches": 0.4, "mail-merge": 2.5}
"""Seconds after "ready" within which the kill comes: about as long as the action takes with
its closing backup, so kills land before, during and after its transaction and its files."""

QUICK_TRIALS = 24
SOAK_TRIALS = 320
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo file every trial starts from (with its backups)."""
    path = tmp_path_factory.mktemp("crash-template") / "planner.db"
    workspace = Workspace.open(path)
    board.add_leads(workspace, demo_drafts(), "Add demo leads")
    workspace.close()
    return path


def _copy(template: Path, folder: Path) -> Path:
    """A fresh planner file for one trial, written from the template through SQLite."""
    folder.mkdir()
    database = folder / "planner.db"
    source = sqlite3.connect(template)
    copy = sqlite3.connect(database)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    (folder / "letters").mkdir()
    return database


def _run_and_kill(action: str, database: Path, trial: int, delay: float | None) -> int:
    """Runs the action in its own process and kills it ``delay`` seconds after it is ready
    (``None``: lets it finish); the exit status, ``-9`` when the kill came first."""
    with subprocess.Popen(
        [
            sys.executable, "-m", "tests.crash.crash_actions",
            action, str(database), str(database.parent / "letters"), str(trial),
        ],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    ) as process:  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"ready"
        if delay is not None:
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=120)
    return process.returncode


def _state(database: Path, batch: list[int]) -> dict[str, object]:
    """What the trial's action left, counted so that "whole or absent" can be checked."""
    workspace = Workspace.open(database)
    try:
        db = workspace.db
        in_batch = f"lead_id IN ({', '.join('?' * len(batch))})"
        crash_leads = "SELECT id FROM leads WHERE name LIKE 'Crash %'"
        return {
            "crash_leads": db.execute(f"SELECT count(*) FROM ({crash_leads})").fetchone()[0],
            "crash_history": db.execute(
                f"SELECT count(*) FROM column_changes WHERE lead_id IN ({crash_leads})"
            ).fetchone()[0],
            "hot_of_batch": sum(
                1 for lead_id in batch if workspace.leads.get(lead_id).column is Column.HOT
            ),
            "batch_history": db.execute(
                f"SELECT count(*) FROM column_changes WHERE {in_batch} AND to_column = 'hot'",
                batch,
            ).fetchone()[0],
            "calls": db.execute(
                "SELECT count(*) FROM touches WHERE notes LIKE 'crash %'"
            ).fetchone()[0],
            "letter_touches": sorted(
                row[0]
                for row in db.execute(
                    "SELECT document FROM touches WHERE document LIKE ?",
                    [f"{database.parent / 'letters'}%"],
                ).fetchall()
            ),
        }
    finally:
        workspace.close()


def _stray_files(folder: Path) -> list[str]:
    stray = []
    for path in folder.rglob("*"):
        name = path.name
        if name.endswith(".part") or name.startswith((".planner-batch-", ".planner-backup-")):
            stray.append(str(path.relative_to(folder)))
    stray += [
        str(note.relative_to(folder)) for note in journal_folder(folder / "planner.db").glob("*")
    ]
    return stray


def _trial(template: Path, folder: Path, action: str, trial: int, rng: random.Random) -> None:
    database = _copy(template, folder)
    workspace = Workspace.open(database)
    batch = batch_ids(workspace)
    workspace.close()
    delay = None if rng.random() < 0.1 else rng.uniform(0, LONGEST_DELAY[action])
    status = _run_and_kill(action, database, trial, delay)
    assert status in (0, -signal.SIGKILL), f"{action} failed with {status}"
    assert main(["--db", str(database), "lead", "list"]) == 0, "the next start works"
    assert integrity_problems(database, live=True) == []
    state = _state(database, batch)
    assert state["crash_leads"] in (0, 1)
    assert state["crash_history"] == state["crash_leads"], "an added lead has its history row"
    assert state["hot_of_batch"] in (0, BATCH), "the batch moved wholly or not at all"
    assert state["batch_history"] == state["hot_of_batch"]
    assert state["calls"] in (0, BATCH), "the calls were recorded wholly or not at all"
    letters = sorted(str(path) for path in (folder / "letters").iterdir())
    assert state["letter_touches"] == letters, "every letter in place is recorded, and only those"
    if action == "mail-merge" and status == 0:
        assert letters, "a merge that finished wrote its letters"
    assert _stray_files(folder) == []
    for backup in backup_folder(database).iterdir():
        assert integrity_problems(backup) == [], f"{backup.name} is sound"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("trial", range(QUICK_TRIALS))
def test_kill_9_at_a_random_moment_leaves_the_action_whole_or_absent(
    template_file: Path, tmp_path: Path, trial: int
) -> None:
    rng = random.Random(f"quick-{trial}")
    _trial(template_file, tmp_path / "trial", ACTIONS[trial % len(ACTIONS)], trial, rng)


@pytest.mark.soak
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("trial", range(SOAK_TRIALS))
def test_soak_kill_9(template_file: Path, tmp_path: Path, trial: int) -> None:
    rng = random.Random(random.SystemRandom().getrandbits(64))
    _trial(template_file, tmp_path / "trial", ACTIONS[trial % len(ACTIONS)], trial, rng)
