"""Verified backups, their rotation, and what opening a damaged, read-only or empty file does."""

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from planner.domain import Column, LeadDraft
from planner.errors import DatabaseDamagedError, EmptyDatabaseError, ReadOnlyDatabaseError
from planner.services import board
from planner.store import backups
from planner.store.backups import (
    BackupReason,
    backup_folder,
    list_backups,
    make_backup,
    put_back,
    rotate,
    set_aside,
)
from planner.store.database import open_planner_file
from planner.store.migrations import MIGRATIONS
from planner.store.text_search import register_text_functions
from planner.workspace import Workspace
from tests.conftest import dump_database


def _file_with_leads(path: Path, count: int) -> None:
    workspace = Workspace.open(path)
    drafts = [(LeadDraft(name=f"Lead {number}"), Column.COLD) for number in range(count)]
    board.add_leads(workspace, drafts, "Add")
    workspace.close()


def damage(path: Path) -> None:
    """What the issue did: 512 bytes of garbage at offset 12288, past the first pages."""
    with path.open("r+b") as file:
        file.seek(12288)
        file.write(b"\xab" * 512)


def test_a_backup_is_one_verified_file_with_its_lead_count(database_path: Path) -> None:
    _file_with_leads(database_path, 7)
    made = make_backup(database_path, BackupReason.MANUAL)
    assert made.path.parent == backup_folder(database_path)
    assert (made.leads, made.verified, made.reason) == (7, True, BackupReason.MANUAL)
    assert made.size == made.path.stat().st_size
    assert not made.path.with_name(made.path.name + "-wal").exists()
    assert backups.integrity_problems(made.path) == []


def test_closing_after_a_change_backs_up_and_opening_backs_up_once_a_day(
    database_path: Path,
) -> None:
    _file_with_leads(database_path, 3)
    (first,) = list_backups(database_path)
    assert first.reason is BackupReason.AT_CLOSE
    Workspace.open(database_path).close()
    assert len(list_backups(database_path)) == 1, "a fresh backup is not repeated"
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    old_name = f"planner-{two_days_ago.strftime('%Y%m%d-%H%M%S-%f')}-at-close.db"
    first.path.rename(first.path.with_name(old_name))
    Workspace.open(database_path).close()
    newest, oldest = list_backups(database_path)
    assert (newest.reason, oldest.path.name) == (BackupReason.AT_OPEN, old_name)


def test_rotation_keeps_recent_daily_weekly_and_monthly_backups(database_path: Path) -> None:
    _file_with_leads(database_path, 1)
    for backup in list_backups(database_path):
        backup.path.unlink()
    template = make_backup(database_path, BackupReason.MANUAL).path
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    moments = [now - timedelta(hours=6 * step) for step in range(4 * 400)]
    folder = backup_folder(database_path)
    for moment in moments:
        name = f"{database_path.stem}-{moment.strftime('%Y%m%d-%H%M%S-%f')}-at-open.db"
        shutil.copy(template, folder / name)
    template.unlink()
    rotate(database_path)
    kept = [backup.created for backup in list_backups(database_path)]
    recent = sorted(moments, reverse=True)
    assert recent[: backups.KEEP_RECENT] == kept[: backups.KEEP_RECENT]
    assert len({moment.date() for moment in kept}) >= backups.KEEP_DAILY
    assert len({(moment.year, moment.month) for moment in kept}) == backups.KEEP_MONTHLY
    assert len(kept) <= (
        backups.KEEP_RECENT + backups.KEEP_DAILY + backups.KEEP_WEEKLY + backups.KEEP_MONTHLY
    )
    rotate(database_path)
    assert [backup.created for backup in list_backups(database_path)] == kept, "stable"


def test_a_damaged_file_is_set_aside_and_the_newest_sound_backup_restored(
    database_path: Path,
) -> None:
    _file_with_leads(database_path, 40)
    sound = make_backup(database_path, BackupReason.MANUAL)
    newer_but_damaged = make_backup(database_path, BackupReason.MANUAL)
    damage(newer_but_damaged.path)
    damage(database_path)
    workspace = Workspace.open(database_path)
    try:
        assert workspace.leads.count() == 40
        (notice,) = workspace.notices
        assert "was damaged and was restored from the backup of" in notice
        assert "(40 leads)" in notice
    finally:
        workspace.close()
    (aside,) = database_path.parent.glob("planner.db.damaged-????????-??????")
    assert backups.integrity_problems(aside) != []
    assert sound.path.exists()


def test_a_damaged_file_without_a_backup_is_left_as_it_was(database_path: Path) -> None:
    _file_with_leads(database_path, 40)
    for backup in list_backups(database_path):
        backup.path.unlink()
    damage(database_path)
    before = database_path.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="no sound backup"):
        Workspace.open(database_path)
    assert database_path.read_bytes() == before
    assert list(database_path.parent.glob("*.damaged-*")) == []


def test_a_read_only_file_opens_read_only_and_refuses_every_action(database_path: Path) -> None:
    _file_with_leads(database_path, 2)
    os.chmod(database_path, 0o444)
    try:
        workspace = Workspace.open(database_path)
        try:
            assert workspace.read_only
            before = dump_database(workspace)
            with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
                board.add_lead(workspace, LeadDraft(name="Acme"))
            assert workspace.leads.count() == 2
            assert dump_database(workspace) == before
        finally:
            workspace.close()
    finally:
        os.chmod(database_path, 0o644)


def test_an_empty_file_is_refused_unless_asked_to_create(database_path: Path) -> None:
    database_path.touch()
    with pytest.raises(EmptyDatabaseError, match="empty file"):
        Workspace.open(database_path)
    assert database_path.stat().st_size == 0
    workspace = Workspace.open(database_path, create=True)
    assert workspace.leads.count() == 0
    workspace.close()


def test_a_schema_migration_is_preceded_by_a_backup(database_path: Path) -> None:
    names = [migration.name for migration in MIGRATIONS.pending(Database(memory=True))]
    old = Database(sqlite3.connect(database_path))
    register_text_functions(old)
    MIGRATIONS.apply(old, stop_before=names[-1])
    old.close()
    opened = open_planner_file(database_path)
    opened.db.close()
    (made,) = list_backups(database_path)
    assert made.reason is BackupReason.BEFORE_MIGRATION
    assert made.verified


def test_putting_a_set_aside_file_back_drops_what_a_failed_restore_left(tmp_path: Path) -> None:
    """Its companions come back with it, and a journal the restore left is not replayed."""
    database = tmp_path / "planner.db"
    _file_with_leads(database, 2)
    original = database.read_bytes()
    database.with_name("planner.db-wal").write_bytes(b"the damaged file's log")
    aside = set_aside(database)
    database.write_bytes(b"half a restored file")
    database.with_name("planner.db-journal").write_bytes(b"the restore's rollback journal")

    put_back(aside, database)

    assert database.read_bytes() == original
    assert database.with_name("planner.db-wal").read_bytes() == b"the damaged file's log"
    assert not database.with_name("planner.db-journal").exists()
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == [
        "planner.db",
        "planner.db-wal",
    ]
