"""``planner backup | backups | restore | check`` and the command line on unusual files."""

import json
import os
import sqlite3
from pathlib import Path

import pytest

from planner.cli import main
from planner.store.leads import LeadStore
from tests.planner.store.test_backups import damage


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


@pytest.fixture
def filled(database_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(database_path, "demo") == 0
    capsys.readouterr()
    return database_path


def _leads(database: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert run(database, "lead", "list", "--json") == 0
    return [lead["name"] for lead in json.loads(capsys.readouterr().out)]


def test_backup_backups_and_restore_undone_by_the_backup_made_before_it(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = _leads(filled, capsys)
    assert run(filled, "backup") == 0
    assert capsys.readouterr().out.startswith(f"Backed up {len(demo)} leads to ")
    assert run(filled, "lead", "add", "Acme Bakery") == 0
    capsys.readouterr()
    assert run(filled, "backups", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(entry)) for entry in listed} == {
        ("created", "leads", "path", "size", "verified")
    }
    assert all(entry["verified"] for entry in listed)
    manual = next(entry for entry in listed if entry["path"].endswith("-manual.db"))
    assert manual["leads"] == len(demo)
    assert run(filled, "restore", manual["path"]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Restored {len(demo)} leads from the backup of ")
    assert _leads(filled, capsys) == demo
    safety = said.rsplit("kept in ", 1)[1].strip()
    assert safety.endswith("-before-restore.db")
    assert run(filled, "restore", safety) == 0
    assert "Acme Bakery" in _leads(filled, capsys), "the restore itself was undone"


def test_backup_to_a_file_and_check(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.db"
    assert run(filled, "backup", "--to", str(target)) == 0
    assert run(filled, "check") == 0
    assert capsys.readouterr().out.endswith("is sound (integrity check ok)\n")
    assert run(filled, "backup", "--to", str(target)) == 2, "never overwrites"
    damage(filled)
    assert run(filled, "check") == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "is damaged: " in out
    assert main(["--db", str(target), "check"]) == 0


def test_a_damaged_file_is_restored_on_the_next_command_and_the_user_told(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = _leads(filled, capsys)
    damage(filled)
    assert run(filled, "lead", "list", "--json") == 0
    out, err = capsys.readouterr()
    assert [lead["name"] for lead in json.loads(out)] == demo
    assert "was damaged and was restored from the backup of" in err


def test_damage_found_by_a_later_read_is_one_line_not_a_traceback(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def malformed(*_arguments: object, **_options: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(LeadStore, "find", malformed)
    assert run(filled, "lead", "list") == 1
    err = capsys.readouterr().err
    assert err == (
        "planner: the planner file is damaged (database disk image is malformed); "
        "run 'planner check'\n"
    )


def test_a_read_only_file_is_read_but_never_written(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chmod(filled, 0o444)
    try:
        assert run(filled, "lead", "add", "Acme Bakery") == 2
        assert capsys.readouterr().err == (
            "planner: planner.db is open read-only (you may not change it); nothing was changed\n"
        )
        assert "Acme Bakery" not in _leads(filled, capsys)
    finally:
        os.chmod(filled, 0o644)


def test_paths_that_cannot_be_a_planner_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo" / "planner.db"
    assert run(missing, "lead", "list") == 2
    assert "does not exist" in capsys.readouterr().err
    assert not missing.parent.exists()
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    assert run(locked / "planner.db", "lead", "list") == 2
    assert "is read-only" in capsys.readouterr().err
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run(empty, "lead", "list") == 2
    assert "pass --create" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    assert main(["--db", str(empty), "--create", "lead", "list"]) == 0
    assert empty.stat().st_size > 0


def test_restore_refuses_what_is_not_a_sound_backup_in_one_line(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    damaged = tmp_path / "damaged.db"
    assert run(filled, "backup", "--to", str(damaged)) == 0
    damage(damaged)
    capsys.readouterr()
    demo = _leads(filled, capsys)
    for candidate, said in (
        (text, "is not a planner backup"),
        (tmp_path / "missing.db", "is not a file"),
        (damaged, "is damaged"),
    ):
        assert run(filled, "restore", str(candidate)) == 2
        err = capsys.readouterr().err
        assert said in err
        assert err.count("\n") == 1
    assert _leads(filled, capsys) == demo


def test_an_import_is_preceded_by_a_verified_backup(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = _leads(filled, capsys)
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("Name,City\nAcme Bakery,Leeds\nBecker Joinery,York\n", encoding="utf-8")
    assert run(filled, "import", str(contacts)) == 0
    assert len(_leads(filled, capsys)) == len(demo) + 2
    assert run(filled, "backups", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    before_import = [entry for entry in listed if entry["path"].endswith("-before-import.db")]
    assert [(entry["leads"], entry["verified"]) for entry in before_import] == [(len(demo), True)]
