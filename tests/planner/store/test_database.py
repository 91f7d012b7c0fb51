"""Opening planner files: creation, pragmas, and refusing files that are not ours."""

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from planner.domain import Column
from planner.errors import DatabaseOpenError
from planner.store.database import open_database
from planner.store.migrations import MIGRATIONS
from planner.store.text_search import register_text_functions
from planner.workspace import Workspace


def test_creates_the_file_and_only_with_create_folder_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "planner.db"
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_database(path)
    assert not (tmp_path / "nested").exists(), "a mistyped path creates no folder"
    db = open_database(path, create_folder=True)
    assert path.exists()
    assert {"leads", "column_changes", "settings"} <= set(db.table_names())
    db.close()


def test_a_relative_path_is_remembered_as_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    workspace = Workspace.open(Path("shop.db"))
    assert workspace.path == tmp_path / "shop.db"
    workspace.close()


def test_sets_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "planner.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "planner.db"
    open_database(path).close()
    db = open_database(path)
    names = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations")]
    assert len(names) == len(set(names))
    db.close()


def test_refuses_a_file_that_is_not_sqlite_and_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Shopping list: eggs, flour\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="not a planner database"):
        open_database(path)
    assert path.read_bytes() == before


def test_refuses_another_programs_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(path)
    connection = sqlite3.connect(path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert tables == {"photos"}


def test_refuses_a_file_from_a_newer_version_untouched(tmp_path: Path) -> None:
    path = tmp_path / "planner.db"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('planner', 'm999_from_the_future', '2030-01-01')"
    )
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="folder"):
        open_database(tmp_path)


def test_upgrading_an_older_file_fills_in_the_search_text(tmp_path: Path) -> None:
    path = tmp_path / "planner.db"
    older = Database(sqlite3.connect(path))
    register_text_functions(older)
    MIGRATIONS.apply(older, stop_before="m004_lead_search_text")
    older.execute(
        "INSERT INTO leads (name, company, city, temperature, created_at, updated_at, "
        "board_column, rank) VALUES ('Jan', 'Piekarnia', 'Łódź', 'cold', 'x', 'x', 'cold', 'a0')"
    )
    older.close()
    workspace = Workspace.open(path)
    assert [card.name for card in workspace.leads.cards(Column.COLD, search="LODZ")] == ["Jan"]
    workspace.close()
