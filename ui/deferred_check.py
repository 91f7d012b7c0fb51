"""Checking the window's file once its board is painted, and repairing it when it is damaged.

The window opens its file with ``IntegrityCheck.DEFERRED`` (``ui.database_files``), so the board
paints without waiting for SQLite's ``quick_check``, which reads the whole file. Right after,
``DeferredIntegrityCheck`` runs ``check_opened_file`` on a worker thread with connections of its
own. A sound file gets its daily backup there too. A damaged one gets what opening would have
done (``replace_damaged_file``): set aside, the newest sound backup restored and reopened in the
window, and the user told in words, including what they did in the moments between.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.services.integrity import (
    Damage,
    IntegrityCheck,
    OpenedFileCheck,
    check_opened_file,
    replace_damaged_file,
)
from planner.workspace import Workspace
from ui.database_files import open_workspace_asking
from ui.file_safety import FileSafety, release
from ui.operations import Operations

if TYPE_CHECKING:
    from ui.common.workers import JobThread


UNPAINTED_WAIT_MS = 1000
"""How long after the window is shown the check starts even if the board has not painted (a
window shown minimised)."""


REPAIR_RETRY_MS = 250
"""How often a repair waiting for a dialog to close or a job to end looks again."""


class DeferredIntegrityCheck(QObject):
    """Runs the integrity check of a file opened unchecked once ``painted`` (the board) has
    first been painted, and after every switch to another file, and acts on what it finds."""

    def __init__(
        self, operations: Operations, file_safety: FileSafety, window: QWidget, painted: QWidget
    ) -> None:
        super().__init__(window)
        self._operations = operations
        self._file_safety = file_safety
        self._window = window
        self._checked: Workspace | None = None
        self._threads: set[JobThread] = set()
        """Every check still running: a switch to another file starts another."""
        self._unsound: Workspace | None = None
        """A file the check found damaged, or could not check: it is never backed up."""
        self._repair_waits_for: Workspace | None = None
        self._stopped = False
        self._running_for: Workspace | None = None
        self.message: QMessageBox | None = None
        """The last box about damage that could not be repaired (kept for tests)."""
        self._painted = painted
        operations.workspace_changed.connect(lambda _workspace: self._start_soon())
        window.installEventFilter(self)
        painted.installEventFilter(self)

    @property
    def running(self) -> bool:
        """True while the open file's check runs (or is about to), or its repair waits."""
        workspace = self._operations.workspace
        deferred = workspace.integrity is IntegrityCheck.DEFERRED
        return (deferred and self._checked is not workspace) or self.repair_pending

    @property
    def repair_pending(self) -> bool:
        """True while the check found damage and the repair waits for a dialog or a job."""
        return self._repair_waits_for is self._operations.workspace

    @property
    def found_sound(self) -> bool:
        """True when the open file is known to be sound (checked at open, or here with nothing
        found): only then may closing it copy it into a backup, since a copy of a damaged file
        could pass its own check and become the newest "sound" backup."""
        workspace = self._operations.workspace
        if workspace.integrity is not IntegrityCheck.DEFERRED:
            return True
        return self._checked is workspace and self._unsound is not workspace

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Starts the check once the board has painted (or a while after the window was shown,
        should it not paint); lets every event through."""
        if watched is self._painted and event.type() == QEvent.Type.Paint:
            self._painted.removeEventFilter(self)
            self._start_soon()
        elif watched is self._window and event.type() == QEvent.Type.Show:
            QTimer.singleShot(UNPAINTED_WAIT_MS, self, self.start)
        return False

    def _start_soon(self) -> None:
        # Once the events at hand are handled: the paint under way ends before the check starts.
        QTimer.singleShot(0, self, self.start)

    def start(self) -> None:
        """Checks the open file on a worker thread unless it was checked (or is being checked)."""
        from ui.common.workers import JobThread  # not needed to paint the board

        workspace = self._operations.workspace
        if self._stopped or workspace.integrity is not IntegrityCheck.DEFERRED:
            return
        if self._checked is workspace or self._running_for is workspace:
            return
        self._running_for = workspace
        path, read_only = workspace.path, workspace.read_only
        running = JobThread(
            lambda _progress, _cancel: check_opened_file(path, read_only=read_only), self
        )
        running.finished.connect(lambda result: self._act_on(workspace, result))
        running.failed.connect(lambda reason: self._check_failed(workspace, reason))
        running.done.connect(lambda: self._thread_done(running))
        self._threads.add(running)
        running.start()

    def stop(self) -> None:
        """The window closes: what the checks under way find is no longer acted on, and their
        threads are left to end on their own (one may be writing the daily backup, which does
        not stop midway) rather than holding the closing window; the application waits for
        them before it quits."""
        self._stopped = True
        for running in list(self._threads):
            running.let_finish()
        self._threads.clear()

    def _thread_done(self, running: JobThread) -> None:
        self._threads.discard(running)
        running.deleteLater()

    def _current(self, workspace: Workspace) -> bool:
        """True when ``workspace`` is still the window's file and the window still open; a file
        opened meanwhile has a check of its own."""
        if self._running_for is workspace:
            self._running_for = None
        return not self._stopped and self._operations.workspace is workspace

    def _act_on(self, workspace: Workspace, result: object) -> None:
        if not self._current(workspace) or not isinstance(result, OpenedFileCheck):
            return
        self._checked = workspace
        if result.damage is not None:
            self._unsound = workspace
            self._repair_when_idle(workspace, result.damage)
        elif result.notices:
            self._file_safety.tell(result.notices)

    def _check_failed(self, workspace: Workspace, reason: str) -> None:
        if not self._current(workspace):
            return
        self._checked = workspace
        self._unsound = workspace
        self._operations.show_error(f"The planner file could not be checked: {reason}")

    def _repair_when_idle(self, workspace: Workspace, damage: Damage) -> None:
        """Repairs once no dialog is open and no job runs: a job writing through a connection of
        its own would go on writing into the damaged file once it is set aside, and a dialog
        would show what the restored file no longer has."""
        from ui.common.workers import jobs_running

        self._repair_waits_for = None
        if self._stopped or self._operations.workspace is not workspace:
            return
        if QApplication.activeModalWidget() is not None or jobs_running():
            self._repair_waits_for = workspace
            QTimer.singleShot(
                REPAIR_RETRY_MS, self, lambda: self._repair_when_idle(workspace, damage)
            )
            return
        self._repair(workspace, damage)

    def _repair(self, workspace: Workspace, damage: Damage) -> None:
        """Restores the newest sound backup in place of the damaged file, as opening would."""
        stack = self._operations.undo_stack
        done_meanwhile = [stack.text(index) for index in range(stack.index())]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reopened = replace_damaged_file(workspace, damage, done_meanwhile)
        except (PlannerError, OSError, sqlite3.Error) as error:
            failure: str | None = str(error)
        else:
            failure = None
        finally:
            QApplication.restoreOverrideCursor()  # not a wait cursor over the questions below
        if failure is not None:
            if workspace.closed:
                self._reopen_after_failure(workspace, failure)
            else:
                self._tell_unrepaired(failure)
            return
        self._checked = reopened
        self._operations.open_workspace(reopened)
        self._file_safety.tell_notices(reopened)

    def _tell_unrepaired(self, reason: str) -> None:
        """Damage without a backup to restore: the file stays open, as it was, so that what can
        still be read can be seen and exported."""
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Planner",
            f"{reason}.\n\nThe file stays open so that you can look at and export what can "
            "still be read; open another file (File ▸ Open Database…) to go on working.",
            parent=self._window,
        )
        box.setObjectName("file-damaged")
        self.message = box
        box.open()

    def _reopen_after_failure(self, workspace: Workspace, reason: str) -> None:
        """The file was closed for the repair and could not be opened again: the user chooses
        another file, as when a file fails to open at start, or the window closes."""
        release(workspace.path)
        opened = open_workspace_asking(
            workspace.path, self._window, give_up_label="Close Window", failure=reason
        )
        if opened is None:
            self._window.close()
            return
        self._operations.open_workspace(opened)
