"""Undo and redo for front ends without Qt (and for tests): a linear history of Changes.

The GUI keeps the same Changes on a ``QUndoStack`` instead and calls ``undo_change`` and
``redo_change`` from its commands, so both front ends share one undo mechanism.
"""

from dataclasses import dataclass, field

from planner.changes import Change
from planner.services.actions import user_action
from planner.store.changes import reapply, revert
from planner.workspace import Workspace


@user_action
def undo_change(workspace: Workspace, change: Change) -> Change:
    """Restores the database to how it was before ``change``; returns what the undo changed
    (the same records, moves run backwards) for refreshing views."""
    revert(workspace.db, change)
    return change.undone()


@user_action
def redo_change(workspace: Workspace, change: Change) -> Change:
    """Applies ``change`` again after it was undone; returns what the redo changed."""
    reapply(workspace.db, change)
    return change.redone()


@dataclass
class History:
    """Done and undone changes, newest last."""

    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    def record(self, change: Change) -> Change:
        """Remembers a change just made; a new change forgets what was undone."""
        if not change.is_empty:
            self.done.append(change)
            self.undone.clear()
        return change

    def undo(self, workspace: Workspace) -> Change | None:
        """Undoes the newest change, if any."""
        if not self.done:
            return None
        change = undo_change(workspace, self.done[-1])
        self.undone.append(self.done.pop())
        return change

    def redo(self, workspace: Workspace) -> Change | None:
        """Redoes the newest undone change, if any."""
        if not self.undone:
            return None
        change = redo_change(workspace, self.undone[-1])
        self.done.append(self.undone.pop())
        return change

    @property
    def undo_text(self) -> str:
        """``Undo Move 'Acme Bakery' to Hot``, or plain ``Undo`` when there is nothing to undo."""
        return f"Undo {self.done[-1].description}" if self.done else "Undo"

    @property
    def redo_text(self) -> str:
        """``Redo …``, like ``undo_text``."""
        return f"Redo {self.undone[-1].description}" if self.undone else "Redo"
