"""Fixtures shared by the whole suite: a planner file in tmp_path with a fixed clock."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from planner.clock import Clock
from planner.workspace import Workspace

FIXED_MOMENT = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
"""A Monday morning; tests never depend on the real date."""


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on a machine whose locale says nothing (plain English, A4, euros).

    Messages and forms follow the user's locale (``planner.locale``); a developer's own
    ``LANG=de_DE.UTF-8`` must not change what the tests read. Tests of other locales set them.
    """
    for key in ("LC_ALL", "LC_NUMERIC", "LC_TIME", "LC_PAPER"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def clock() -> Clock:
    """A clock stopped at FIXED_MOMENT."""
    return Clock.fixed(FIXED_MOMENT)


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    """Where the test's planner file lives."""
    return tmp_path / "planner.db"


@pytest.fixture
def workspace(database_path: Path, clock: Clock) -> Iterator[Workspace]:
    """A fresh planner file, closed after the test."""
    opened = Workspace.open(database_path, clock)
    yield opened
    opened.close()


def dump_database(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every planner table, to compare the whole database before and after."""
    tables = [
        name for name in workspace.db.table_names() if not name.startswith(("_sqlite", "sqlite_"))
    ]
    return {
        name: sorted(workspace.db.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr)
        for name in tables
    }
