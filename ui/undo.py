"""Undo and redo in the window: each planner Change wrapped in a QUndoCommand.

The service has already written the change when its command is pushed, so the first ``redo`` only
announces it. Later redos and undos go through ``planner.services.history``, which refuses
(StaleUndoError) when the rows were changed by something else meanwhile; the command then reports
the sentence and drops itself from the stack instead of leaving the stack out of step with the file.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner.changes import Change
from planner.errors import StaleUndoError
from planner.services.history import redo_change, undo_change
from planner.workspace import Workspace
from ui.widget_text import literal_ampersands

ChangeListener = Callable[[Change, object], None]
"""Told about every change applied, undone or redone, and what started it (``None`` for the
Edit menu's undo and redo)."""

ErrorReporter = Callable[[str], None]
"""Shows a sentence to the user."""


class ChangeCommand(QUndoCommand):
    """One user action on the undo stack: "Undo Move 'Acme Bakery' to Hot"."""

    def __init__(
        self,
        workspace: Workspace,
        change: Change,
        initiator: object,
        on_applied: ChangeListener,
        on_error: ErrorReporter,
    ) -> None:
        super().__init__(literal_ampersands(change.description))
        self._workspace = workspace
        self._change = change
        # Told with the first announcement only, then let go so a closed dialog is freed.
        self._initiator: object = initiator
        self._on_applied = on_applied
        self._on_error = on_error
        self._already_applied = True

    @property
    def change(self) -> Change:
        """The change this command undoes and redoes."""
        return self._change

    def redo(self) -> None:
        """Applies the change again (the first time, it was applied by the service already)."""
        if self._already_applied:
            self._already_applied = False
            initiator, self._initiator = self._initiator, None
            self._on_applied(self._change, initiator)
            return
        redone = self._run(redo_change)
        if redone is not None:
            self._on_applied(redone, None)

    def undo(self) -> None:
        """Restores the rows to how they were before the change."""
        undone = self._run(undo_change)
        if undone is not None:
            self._on_applied(undone, None)

    def _run(self, step: Callable[[Workspace, Change], Change]) -> Change | None:
        try:
            return step(self._workspace, self._change)
        except StaleUndoError as error:
            self.setObsolete(True)
            self._on_error(str(error))
            return None
