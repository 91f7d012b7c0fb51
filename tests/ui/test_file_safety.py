"""The window and its file: a busy file, a read-only one, a damaged one, a second window."""

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from planner.domain import Column
from tests.conftest import dump_database
from ui.board.column_model import ColumnModel
from ui.main_window import MainWindow


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
