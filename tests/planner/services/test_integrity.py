"""The integrity check left for after the window has painted, and the repair it leads to."""

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from planner.cli import main
from planner.domain import LeadDraft
from planner.errors import DatabaseDamagedError
from planner.services.backups import backups_of
from planner.services.board import add_lead
from planner.services.integrity import (
    IntegrityCheck,
    check_opened_file,
    replace_damaged_file,
)
from planner.services.settings import save_setting
from planner.store import database
from planner.store.backups import BackupReason, integrity_problems
from planner.store.migrations import MIGRATIONS
from planner.store.settings import SettingKey
from planner.store.text_search import register_text_functions
from planner.workspace import Workspace
from tests.planner.store.test_backups import damage


def _file_with_a_lead(path: Path, name: str = "Acme Bakery") -> None:
    """A planner file with one lead; closing it after the change makes its first backup."""
    workspace = Workspace.open(path)
    add_lead(workspace, LeadDraft(name=name))
    workspace.close()


def test_a_deferred_open_leaves_the_check_and_the_daily_backup_to_the_caller(
    database_path: Path,
) -> None:
    _file_with_a_lead(database_path)
    for backup in backups_of(database_path):
        backup.path.unlink()
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    try:
        assert workspace.integrity is IntegrityCheck.DEFERRED
        assert backups_of(database_path) == [], "no backup of a file not yet checked"
        check = check_opened_file(workspace.path, read_only=workspace.read_only)
        assert (check.damage, check.notices) == (None, ())
        (made,) = backups_of(database_path)
        assert (made.reason, made.leads) == (BackupReason.AT_OPEN, 1)
    finally:
        workspace.close()


def test_a_new_file_opened_deferred_has_nothing_left_to_check(database_path: Path) -> None:
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    try:
        assert workspace.integrity is IntegrityCheck.AT_OPEN
    finally:
        workspace.close()


def test_damage_found_after_a_deferred_open_is_repaired_from_the_newest_sound_backup(
    database_path: Path,
) -> None:
    _file_with_a_lead(database_path)
    damage(database_path)
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    assert workspace.notices == ()
    check = check_opened_file(workspace.path, read_only=False)
    assert check.damage is not None
    assert check.damage.problems
    reopened = replace_damaged_file(workspace, check.damage, [])
    try:
        assert workspace.closed
        assert reopened.integrity is IntegrityCheck.AT_OPEN
        assert [lead.name for lead in reopened.leads.find()] == ["Acme Bakery"]
        (notice,) = reopened.notices
        assert "was damaged and was restored from the backup of" in notice
        assert "(1 leads)" in notice
    finally:
        reopened.close()
    (aside,) = database_path.parent.glob("planner.db.damaged-????????-??????")
    assert integrity_problems(aside) != []
    assert integrity_problems(database_path) == []


def test_changes_made_before_the_check_found_damage_are_named_not_lost_silently(
    database_path: Path,
) -> None:
    _file_with_a_lead(database_path)
    damage(database_path)
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    check = check_opened_file(workspace.path, read_only=False)
    assert check.damage is not None
    save_setting(workspace, SettingKey.IMPORT_MAPPINGS, {}, "Forget the import mappings")
    named = replace_damaged_file(workspace, check.damage, ["Forget the import mappings"])
    try:
        assert (
            "What you did since the file opened (Forget the import mappings) was saved in the "
            in (named.notices[1])
        )
    finally:
        named.close()


def test_writes_without_named_steps_are_still_mentioned(database_path: Path) -> None:
    _file_with_a_lead(database_path)
    damage(database_path)
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    check = check_opened_file(workspace.path, read_only=False)
    assert check.damage is not None
    save_setting(workspace, SettingKey.IMPORT_MAPPINGS, {}, "Forget the import mappings")
    reopened = replace_damaged_file(workspace, check.damage, [])
    try:
        assert (
            "Changes made since the file opened were saved in the damaged file"
            in (reopened.notices[1])
        )
    finally:
        reopened.close()


def test_damage_without_a_backup_leaves_the_file_and_the_workspace_open(
    database_path: Path,
) -> None:
    _file_with_a_lead(database_path)
    for backup in backups_of(database_path):
        backup.path.unlink()
    damage(database_path)
    before = database_path.read_bytes()
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    try:
        check = check_opened_file(workspace.path, read_only=False)
        assert check.damage is not None
        with pytest.raises(DatabaseDamagedError, match="there is no sound backup to restore"):
            replace_damaged_file(workspace, check.damage, [])
        assert not workspace.closed
    finally:
        workspace.close()
    assert database_path.read_bytes() == before
    assert list(database_path.parent.glob("*.damaged-*")) == []


def _quick_checks_by_thread(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for every ``quick_check`` opening runs, whether it ran on the main thread."""
    on_main_thread: list[bool] = []
    checked = database.integrity_problems

    def recording(path: Path, *, quick: bool = False, live: bool = False) -> list[str]:
        if quick:
            on_main_thread.append(threading.current_thread() is threading.main_thread())
        return checked(path, quick=quick, live=live)

    monkeypatch.setattr(database, "integrity_problems", recording)
    return on_main_thread


def test_the_command_line_checks_the_file_before_it_runs_a_command(
    database_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _file_with_a_lead(database_path)
    on_main_thread = _quick_checks_by_thread(monkeypatch)
    assert main(["--db", str(database_path), "lead", "list"]) == 0
    assert "Acme Bakery" in capsys.readouterr().out
    assert on_main_thread == [True]


def test_a_file_needing_an_upgrade_is_checked_before_its_backup_even_when_deferred(
    database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [migration.name for migration in MIGRATIONS.pending(Database(memory=True))]
    old = Database(sqlite3.connect(database_path))
    register_text_functions(old)
    MIGRATIONS.apply(old, stop_before=names[-1])
    old.close()
    on_main_thread = _quick_checks_by_thread(monkeypatch)
    workspace = Workspace.open(database_path, integrity=IntegrityCheck.DEFERRED)
    try:
        assert workspace.integrity is IntegrityCheck.AT_OPEN
        assert on_main_thread == [True]
    finally:
        workspace.close()
    assert [backup.reason for backup in backups_of(database_path)] == [
        BackupReason.BEFORE_MIGRATION
    ]
