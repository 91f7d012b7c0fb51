"""The one way a widget changes the open file (Anki's ``CollectionOp``).

A widget hands ``Operations.run`` a service call. The runner calls it, shows a ``PlannerError``
in one consistent way (or hands it to the dialog that shows it beside its fields), puts the
change on the undo stack and broadcasts ``change_applied`` once; every view refreshes from that
signal alone, after an action, an undo or a redo. Afterwards the keyboard focus goes back to where
the user was working, so Ctrl+Z undoes the action at once.

The runner also owns the open workspace: opening another file goes through it, and
``workspace_changed`` tells the screens to reload.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from planner.changes import Change
from planner.errors import PlannerError
from planner.workspace import Workspace
from ui.undo import ChangeCommand

Result = TypeVar("Result")

Action = Callable[[Workspace], Change]
"""A service call on the open workspace, such as ``lambda ws: move_leads(ws, ids, Column.HOT)``."""

ErrorDisplay = Callable[[PlannerError], None]
"""Shows a refused action's error, for a dialog that shows it beside the field concerned."""


class Operations(QObject):
    """Runs user actions on the open workspace and tells every view what changed.

    Signals:
        change_applied(Change, object): an action, undo or redo changed the file; the second
            value is the object that started it (``None`` for undo and redo).
        workspace_changed(Workspace): another file was opened; views reload everything.
        message(str): a passing note for the status bar.
        error(str): something could not be done; the sentence says why.
    """

    change_applied = Signal(object, object)
    workspace_changed = Signal(object)
    message = Signal(str)
    error = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.undo_stack = QUndoStack(self)
        self._focus_home: Callable[[], None] | None = None

    @property
    def workspace(self) -> Workspace:
        """The open file; views read through it, actions receive it."""
        return self._workspace

    def open_workspace(self, workspace: Workspace) -> Workspace:
        """Makes ``workspace`` the open file; returns the previous one (for the caller to close).

        The undo stack is cleared: its steps belong to the previous file.
        """
        previous = self._workspace
        self._workspace = workspace
        self.undo_stack.clear()
        self.workspace_changed.emit(workspace)
        return previous

    def set_focus_home(self, focus_home: Callable[[], None]) -> None:
        """Where the keyboard focus goes after an action whose widget went away (a dialog
        closed, a question answered): the screen the user works in."""
        self._focus_home = focus_home

    def run(
        self,
        action: Action,
        *,
        initiator: object = None,
        show_error: ErrorDisplay | None = None,
    ) -> Change | None:
        """Runs one user action; returns its change, or ``None`` when it was refused.

        A refusal is shown by ``show_error`` when given (a dialog's own error line), else in the
        window's message. A change that changed nothing is returned but not put on the stack.
        """
        focused = QApplication.focusWidget()
        window = focused.window() if focused is not None else None
        try:
            change = action(self._workspace)
        except PlannerError as refusal:
            if show_error is not None:
                show_error(refusal)
            else:
                self.error.emit(str(refusal))
            return None
        if not change.is_empty:
            self.undo_stack.push(
                ChangeCommand(self._workspace, change, initiator, self.announce, self.show_error)
            )
        QTimer.singleShot(0, self, lambda: self._return_focus(focused, window))
        return change

    def record(self, change: Change, initiator: object = None) -> None:
        """Puts a change made on a worker's own connection (an import) on the undo stack and
        broadcasts it, as ``run`` does for an action it ran itself."""
        if not change.is_empty:
            self.undo_stack.push(
                ChangeCommand(self._workspace, change, initiator, self.announce, self.show_error)
            )

    def focus_home(self) -> None:
        """Gives the keyboard focus to the screen the user works in (after a question of a bar
        was answered without an action, say)."""
        if self._focus_home is not None:
            self._focus_home()

    def attempt(self, step: Callable[[], Result]) -> Result | None:
        """Runs a step that reads (opening a dialog on a record that may be gone meanwhile);
        a ``PlannerError`` is shown like a refused action's and gives ``None``."""
        try:
            return step()
        except PlannerError as refusal:
            self.error.emit(str(refusal))
            return None

    def announce(self, change: Change, initiator: object) -> None:
        """Tells every view about a change made, undone or redone (the undo commands call it)."""
        self.change_applied.emit(change, initiator)

    def show_message(self, text: str) -> None:
        """A passing note for the status bar."""
        self.message.emit(text)

    def show_error(self, text: str) -> None:
        """Tells the user something could not be done."""
        self.error.emit(text)

    def _return_focus(self, focused: QWidget | None, window: QWidget | None) -> None:
        """Puts the focus back where it was before the action; when that widget went away
        (hidden, disabled, deleted) within the same window, on the screen the user works in.

        A dialog or menu the action opened meanwhile keeps the focus.
        """
        modal = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if modal is not None and modal is not window:
            return
        if focused is not None and _usable(focused):
            if QApplication.focusWidget() is not focused:
                focused.setFocus()
            return
        current = QApplication.focusWidget()
        if current is not None and (
            window is None or not _alive(window) or current.window() is not window
        ):
            return
        self.focus_home()


def _usable(widget: QWidget) -> bool:
    return _alive(widget) and widget.isVisible() and widget.isEnabled()


def _alive(widget: QWidget) -> bool:
    """False once Qt deleted the widget (a dialog's button after the dialog closed)."""
    return bool(isValid(widget))
