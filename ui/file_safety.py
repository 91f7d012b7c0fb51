"""The window's care for its file: backups, restore, read-only files, notices, one window per file.

``FileSafety`` adds File ▸ Back Up Now and File ▸ Restore From Backup…, tells the user what
opening the file did (a damaged file restored from a backup), marks a read-only file in the
title and the status bar and switches editing off, and holds a lock beside the file so that a
second window on the same file is refused in words instead of writing blind.
"""

import sqlite3
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMenu, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.services.backups import back_up_now, restore_backup
from planner.workspace import Workspace
from ui.board.board_widget import BoardWidget
from ui.board.column_view import ColumnView
from ui.common.icons import Glyph, set_glyph
from ui.operations import Operations
from ui.restore_dialog import RestoreDialog

_READ_ONLY_TITLE = " (read-only)"

_HELD: dict[Path, QLockFile] = {}
"""The lock files this process holds, by database path (a file reopened here is not refused)."""


def lock_path(database: Path) -> Path:
    """The lock beside the database: ``planner.db.lock``."""
    return database.with_name(f"{database.name}.lock")


def claim(workspace: Workspace) -> str | None:
    """Takes the file's lock for this process; the sentence saying why not, or ``None``.

    A lock left by a program that crashed is stale and taken over (``QLockFile`` checks that its
    process is gone).
    """
    path = workspace.path
    if path in _HELD or workspace.read_only:
        return None
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        _HELD[path] = lock
        return None
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, host, _application = lock.getLockInfo()
        where = f" (process {pid} on {host})" if pid else ""
        return (
            f"{path.name} is already open in another Planner window{where}. "
            "Switch to that window, or close it and open the file here."
        )
    return None  # the folder does not take a lock file: nothing to guard with


def release(path: Path) -> None:
    """Gives up the file's lock (the window switched files or closed)."""
    lock = _HELD.pop(path, None)
    if lock is not None:
        lock.unlock()


class FileSafety(QObject):
    """File ▸ Back Up Now and Restore From Backup…, and how the window shows its file's state."""

    def __init__(self, operations: Operations, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._window = window
        self.back_up_action = QAction("&Back Up Now", self)
        self.back_up_action.triggered.connect(self.back_up)
        set_glyph(self.back_up_action, Glyph.BACK_UP)
        self.restore_action = QAction("Res&tore From Backup…", self)
        self.restore_action.triggered.connect(self.choose_backup)
        set_glyph(self.restore_action, Glyph.RESTORE_BACKUP)
        self.read_only_label = QLabel("read-only")
        self.read_only_label.setObjectName("read-only-label")
        self.read_only_label.setToolTip(
            "You may not change this file: it is shown, printed and exported, but not edited"
        )
        self.restore_dialog: RestoreDialog | None = None

    def add_to(self, menu: QMenu) -> None:
        """Adds the two entries to the File menu."""
        menu.addAction(self.back_up_action)
        menu.addAction(self.restore_action)

    def back_up(self) -> None:
        """File ▸ Back Up Now: a verified backup in the backup folder, said in the status bar."""
        try:
            made = back_up_now(self._operations.workspace)
        except PlannerError as error:
            self._operations.show_error(str(error))
            return
        self._operations.show_message(f"Backed up {made.leads} leads to {made.path.name}")

    def choose_backup(self) -> RestoreDialog:
        """File ▸ Restore From Backup…: the list of backups to choose from."""
        dialog = RestoreDialog(self._operations.workspace.path, self._window)
        dialog.restore_requested.connect(self.restore)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def restore(self, backup: Path) -> bool:
        """Backs the file up, restores ``backup`` into it and reopens it; the undo stack goes
        (its steps belong to the file as it was), the backup made first can undo the restore."""
        workspace = self._operations.workspace
        try:
            done = restore_backup(workspace.path, backup)
            reopened = Workspace.open(workspace.path)
        except PlannerError as error:
            self._operations.show_error(str(error))
            return False
        self._operations.open_workspace(reopened).close(backup_after=timedelta.max)
        when = done.restored.created.astimezone().strftime("%Y-%m-%d %H:%M")
        self._operations.show_message(
            f"Restored {done.restored.leads} leads from the backup of {when}; "
            f"the file as it was is backed up as {done.safety_copy.name}"
        )
        return True

    def show_state(self, editing: list[QAction], board: BoardWidget) -> None:
        """Marks a read-only file ("read-only" in the title and the status bar) and switches
        editing off: the ``editing`` actions and dragging on the ``board``. A writable file
        gets them back."""
        read_only = self._operations.workspace.read_only
        self.read_only_label.setVisible(read_only)
        self.back_up_action.setEnabled(not read_only)
        self.restore_action.setEnabled(not read_only)
        for action in editing:
            action.setEnabled(not read_only)
        mode = (
            QAbstractItemView.DragDropMode.NoDragDrop
            if read_only
            else QAbstractItemView.DragDropMode.DragDrop
        )
        for view in board.findChildren(ColumnView):
            view.setDragDropMode(mode)
        for panel in board.panels.values():
            panel.header.add_button.setEnabled(not read_only)
        title = self._window.windowTitle().removesuffix(_READ_ONLY_TITLE)
        self._window.setWindowTitle(title + _READ_ONLY_TITLE if read_only else title)

    def tell_notices(self, workspace: Workspace) -> QMessageBox | None:
        """Shows what opening the file did that the user must know (a restore from a backup)."""
        return self.tell(workspace.notices)

    def tell(self, notices: Sequence[str]) -> QMessageBox | None:
        """Shows what the planner did to the file on its own (a restore, a failed backup)."""
        if not notices:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Planner",
            "\n\n".join(notices),
            parent=self._window,
        )
        box.setObjectName("file-notice")
        box.open()
        return box


class DamageReporter:
    """A ``sys.excepthook`` that turns SQLite's "database disk image is malformed", raised by a
    read deep inside a view, into a sentence in the window instead of a traceback on stderr.

    Everything else goes on to the hook it replaced. While ``check_pending`` says the file's
    integrity check is still to come (``ui.deferred_check``), damage is left to that check,
    which repairs the file and says so.
    """

    def __init__(
        self,
        window: QWidget,
        previous: Callable[..., object],
        check_pending: Callable[[], bool] = lambda: False,
    ) -> None:
        self._window = window
        self._previous = previous
        self._check_pending = check_pending
        self.box: QMessageBox | None = None

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """Shows damage in words; hands anything else on."""
        if not isinstance(error, sqlite3.DatabaseError) or isinstance(
            error, sqlite3.ProgrammingError | sqlite3.InterfaceError
        ):
            self._previous(kind, error, trace)
            return
        if self._check_pending() or (self.box is not None and self.box.isVisible()):
            return
        self.box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Planner",
            f"The planner file could not be read ({error}). It may be damaged: close the "
            "Planner and open it again to check it and restore the newest backup, or use "
            "File ▸ Restore From Backup…",
            parent=self._window,
        )
        self.box.setObjectName("damage-message")
        self.box.open()
