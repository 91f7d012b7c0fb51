"""The window and its file: a busy file, a read-only one, a damaged one, a second window."""

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.errors import DatabaseOpenError, EmptyDatabaseError
from planner.services.backups import backups_of
from planner.services.board import add_lead
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.planner.store.test_backups import damage
from tests.ui.conftest import open_window
from ui.board.column_model import ColumnModel
from ui.database_files import open_confirming_empty
from ui.file_safety import DamageReporter, lock_path, release
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


def _ids(model: ColumnModel) -> list[int]:
    return [model.card(row).id for row in range(model.rowCount())]


def _drop(window: MainWindow, source: Column, target: Column) -> bool:
    """Drops the first card of ``source`` on top of ``target``; whether the drop was accepted."""
    model = window.board.models[source]
    mime = model.mimeData([model.index(0)])
    view = window.board.view(target)
    rect = view.visualRect(view.model().index(0, 0))
    point = QPointF(rect.center().x(), rect.top() + 1)
    action, button = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    modifier = Qt.KeyboardModifier.NoModifier
    view.dragMoveEvent(QDragMoveEvent(point.toPoint(), action, mime, button, modifier))
    drop = QDropEvent(point, action, mime, button, modifier)
    view.dropEvent(drop)
    return drop.isAccepted()


def _hold_write_lock(path: Path, locked: threading.Event, release: threading.Event) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(timeout=30)
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_a_drop_on_a_busy_file_says_so_in_one_line_and_leaves_the_board(
    main_window: MainWindow,
) -> None:
    workspace = main_window.workspace
    board = main_window.board
    cold_before = _ids(board.models[Column.COLD])
    hot_before = _ids(board.models[Column.HOT])
    before = dump_database(workspace)
    workspace.db.execute("PRAGMA busy_timeout = 50")
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(workspace.path, locked, release))
    holder.start()
    assert locked.wait(timeout=10)
    try:
        assert not _drop(main_window, Column.COLD, Column.HOT), "a refused drop is not accepted"
    finally:
        release.set()
        holder.join()
    message = main_window.findChild(QMessageBox, "error-message")
    assert message is not None
    assert message.isVisible()
    assert message.text().startswith("The planner file is busy")
    assert "\n" not in message.text()
    assert _ids(board.models[Column.COLD]) == cold_before
    assert _ids(board.models[Column.HOT]) == hot_before
    assert dump_database(workspace) == before
    assert main_window.undo_stack.count() == 0
    message.close()


def test_back_up_now_and_restore_from_backup_reopen_the_file_as_it_was(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    workspace = main_window.workspace
    demo_count = workspace.leads.count()
    main_window.file_safety.back_up_action.trigger()
    assert main_window.statusBar().currentMessage().startswith(f"Backed up {demo_count} leads")
    main_window.operations.run(lambda ws: add_lead(ws, LeadDraft(name="Acme Bakery")))
    dialog = main_window.file_safety.choose_backup()
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() >= 1
    manual = next(row for row, backup in enumerate(dialog.backups) if backup.leads == demo_count)
    assert dialog.table.item(manual, 2).text() == str(demo_count)
    assert dialog.table.item(manual, 4).text() == "sound"
    dialog.table.selectRow(manual)
    dialog.restore_button.click()
    restored = main_window.workspace
    assert restored is not workspace
    assert restored.leads.count() == demo_count
    assert main_window.undo_stack.count() == 0
    assert main_window.board.models[Column.COLD].rowCount() == len(
        restored.leads.cards(Column.COLD)
    )
    before_restore = [
        backup for backup in backups_of(restored.path) if backup.leads == demo_count + 1
    ]
    assert before_restore, "the file as it was before the restore was backed up first"


def test_a_read_only_file_says_so_and_cannot_be_edited(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    seed = Workspace.open(database_path)
    add_lead(seed, LeadDraft(name="Acme Bakery"))
    seed.close()
    os.chmod(database_path, 0o444)
    try:
        window = open_window(qtbot, Workspace.open(database_path), window_settings)
        assert window.windowTitle().endswith("(read-only)")
        assert window.file_safety.read_only_label.isVisible()
        assert not window.lead_actions.new_lead.isEnabled()
        assert not any(
            panel.header.add_button.isEnabled() for panel in window.board.panels.values()
        )
        view = window.board.view(Column.COLD)
        assert view.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop
        window.operations.run(lambda ws: add_lead(ws, LeadDraft(name="Becker")))
        message = window.findChild(QMessageBox, "error-message")
        assert message is not None
        assert "read-only" in message.text()
        assert window.workspace.leads.count() == 1
        message.close()
        window.close()
    finally:
        os.chmod(database_path, 0o644)


def test_a_file_open_in_another_window_is_refused_in_words(database_path: Path) -> None:
    Workspace.open(database_path).close()
    other = QLockFile(str(lock_path(database_path)))
    assert other.tryLock(0)
    try:
        with pytest.raises(DatabaseOpenError, match="already open in another Planner window"):
            open_confirming_empty(database_path, None)
    finally:
        other.unlock()
    workspace = open_confirming_empty(database_path, None)
    try:
        assert lock_path(database_path).exists()
    finally:
        workspace.close()
        release(workspace.path)
    assert not lock_path(database_path).exists()


def test_an_empty_file_becomes_a_planner_file_only_when_confirmed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(EmptyDatabaseError):
        open_confirming_empty(empty, None, lambda _parent, _path: False)
    assert empty.stat().st_size == 0
    workspace = open_confirming_empty(empty, None, lambda _parent, _path: True)
    assert workspace.leads.count() == 0
    workspace.close()
    release(workspace.path)


def test_the_window_tells_what_opening_the_file_restored(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    seed = Workspace.open(database_path)
    add_lead(seed, LeadDraft(name="Acme Bakery"))
    seed.close()
    damage(database_path)
    window = open_window(qtbot, Workspace.open(database_path), window_settings)
    notice = window.findChild(QMessageBox, "file-notice")
    assert notice is not None
    assert "was damaged and was restored from the backup of" in notice.text()
    assert window.workspace.leads.count() == 1
    notice.close()


def test_damage_met_by_a_later_read_is_shown_in_words(main_window: MainWindow) -> None:
    passed_on: list[BaseException] = []
    reporter = DamageReporter(main_window, lambda _kind, error, _trace: passed_on.append(error))
    reporter(sqlite3.DatabaseError, sqlite3.DatabaseError("database disk image is malformed"), None)
    assert reporter.box is not None
    assert reporter.box.isVisible()
    assert "may be damaged" in reporter.box.text()
    reporter(ValueError, ValueError("a bug"), None)
    assert [str(error) for error in passed_on] == ["a bug"]
    reporter.box.close()
