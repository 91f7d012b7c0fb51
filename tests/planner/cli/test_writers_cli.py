"""The command line and another writer on one file: every action waits its turn, none is lost."""

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain import Column
from planner.store import database
from planner.workspace import Workspace
from tests.conftest import dump_database

COMMANDS_PER_WRITER = 15


def _hold_write_lock(path: Path, locked: threading.Event, release: threading.Event) -> None:
    """What ``sqlite3 planner.db 'BEGIN IMMEDIATE; …'`` does: takes the write lock and keeps it."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(timeout=30)
        connection.execute("COMMIT")
    finally:
        connection.close()


def test_a_command_waits_for_another_writer_and_then_succeeds(database_path: Path) -> None:
    """The issue's reproduction: another program holds ``BEGIN IMMEDIATE`` for a while and
    ``planner lead move 1 warm`` waits for it instead of failing with "database is locked"."""
    assert main(["--db", str(database_path), "lead", "add", "Acme Bakery"]) == 0
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(database_path, locked, release))
    holder.start()
    assert locked.wait(timeout=10)
    timer = threading.Timer(0.5, release.set)
    timer.start()
    try:
        assert main(["--db", str(database_path), "lead", "move", "1", "warm"]) == 0
    finally:
        release.set()
        holder.join()
    workspace = Workspace.open(database_path)
    try:
        assert workspace.leads.get(1).column is Column.WARM
    finally:
        workspace.close()


def test_a_file_busy_past_the_timeout_is_refused_in_one_line_with_exit_1(
    database_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(database_path), "lead", "add", "Acme Bakery"]) == 0
    workspace = Workspace.open(database_path)
    before = dump_database(workspace)
    workspace.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(database_path, locked, release))
    holder.start()
    assert locked.wait(timeout=10)
    capsys.readouterr()
    try:
        status = main(["--db", str(database_path), "lead", "move", "1", "warm"])
    finally:
        release.set()
        holder.join()
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err == (
        "planner: The planner file is busy: another program is writing to it. "
        "Nothing was changed; try again in a moment.\n"
    )
    workspace = Workspace.open(database_path)
    try:
        assert dump_database(workspace) == before
    finally:
        workspace.close()


def _writer(path: str, writer: int) -> list[int]:
    """One shell loop of ``planner lead add`` and ``planner lead move``: the exit statuses."""
    statuses = []
    for step in range(COMMANDS_PER_WRITER):
        statuses.append(main(["--db", path, "lead", "add", f"Writer {writer} lead {step}"]))
        column = ("warm", "hot", "cold")[step % 3]
        statuses.append(main(["--db", path, "lead", "move", str(writer), column]))
    return statuses


def test_three_writer_processes_lose_no_write(database_path: Path) -> None:
    for writer in range(1, 4):
        assert main(["--db", str(database_path), "lead", "add", f"Moving {writer}"]) == 0
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        results = pool.starmap(_writer, [(str(database_path), writer) for writer in (1, 2, 3)])
    assert [status for statuses in results for status in statuses if status != 0] == []
    workspace = Workspace.open(database_path)
    try:
        names = {lead.name for lead in workspace.leads.find()}
        added = {
            f"Writer {writer} lead {step}"
            for writer in (1, 2, 3)
            for step in range(COMMANDS_PER_WRITER)
        }
        assert added <= names, "every lead added is there"
        assert len(names) == len(added) + 3
        history = workspace.db.execute(
            "SELECT count(*) FROM column_changes WHERE lead_id IN (1, 2, 3)"
        ).fetchone()[0]
        assert history == 3 + 3 * COMMANDS_PER_WRITER, "every move was recorded"
    finally:
        workspace.close()
