"""The Lead menu (new, open, delete, move left/right, acting on the board's card) and File ▸ Add
Demo Data.

The lead editor and the demo data are imported when first used, so start-up loads only the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from planner.changes import Change
from planner.domain import Column
from ui.board.board_widget import BoardWidget
from ui.common.icons import Glyph
from ui.operations import Operations
from ui.window_actions import window_action

if TYPE_CHECKING:
    from ui.lead_editor import LeadEditor


class LeadActions(QObject):
    """The actions on leads, enabled when they apply to the selected card."""

    def __init__(self, operations: Operations, board: BoardWidget, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._board = board
        self._window = window
        self.editor: LeadEditor | None = None
        self.new_lead = window_action(
            window,
            "&New Lead…",
            self.open_new_lead_editor,
            QKeySequence.StandardKey.New,
            Glyph.NEW_LEAD,
        )
        self.open_lead = window_action(
            window, "&Open Lead…", self.open_selected_lead, glyph=Glyph.OPEN_LEAD
        )
        self.delete_lead = window_action(
            window,
            "&Delete Lead",
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            Glyph.DELETE,
        )
        self.move_left = window_action(
            window, "Move &Left", lambda: self.move_selected(-1), "Ctrl+Left", Glyph.MOVE_LEFT
        )
        self.move_right = window_action(
            window, "Move &Right", lambda: self.move_selected(1), "Ctrl+Right", Glyph.MOVE_RIGHT
        )
        self.demo_data = window_action(
            window, "&Add Demo Data", self.add_demo_data, glyph=Glyph.DEMO_DATA
        )
        board.set_card_actions([self.open_lead, self.move_left, self.move_right, self.delete_lead])
        board.open_requested.connect(self.open_editor)
        board.new_lead_requested.connect(self.open_new_lead_editor_in)
        board.demo_data_requested.connect(self.add_demo_data)
        board.current_lead_changed.connect(self._enable_for)
        self._enable_for(board.current_lead_id())

    def add_to(self, menu: QMenu) -> None:
        """Fills the Lead menu."""
        menu.addAction(self.new_lead)
        menu.addAction(self.open_lead)
        menu.addSeparator()
        menu.addAction(self.move_left)
        menu.addAction(self.move_right)
        menu.addSeparator()
        menu.addAction(self.delete_lead)

    def editing_actions(self) -> list[QAction]:
        """The actions that change the file (switched off for a read-only one)."""
        return [self.new_lead, self.move_left, self.move_right, self.delete_lead, self.demo_data]

    def open_new_lead_editor(self) -> LeadEditor:
        """Opens the editor for a new lead, in the selected card's column (Cold without one)."""
        return self.open_new_lead_editor_in(self._selected_column())

    def open_new_lead_editor_in(self, column: Column | None) -> LeadEditor:
        """Opens the editor for a new lead that goes to ``column`` (``None``: the selected
        card's column, or Cold); the board selects and shows the lead once it is added."""
        from ui.lead_editor import LeadEditor

        target = column or self._selected_column() or Column.COLD
        return self._show_editor(
            LeadEditor(self._operations, None, parent=self._window, column=target)
        )

    def open_editor(self, lead_id: int) -> LeadEditor | None:
        """Opens the editor on a lead."""
        from ui.lead_editor import LeadEditor

        editor = self._operations.attempt(
            lambda: LeadEditor(self._operations, lead_id, parent=self._window)
        )
        return self._show_editor(editor) if editor is not None else None

    def open_selected_lead(self) -> LeadEditor | None:
        """Opens the editor on the selected card's lead."""
        lead_id = self._board.current_lead_id()
        return self.open_editor(lead_id) if lead_id is not None else None

    def delete_selected(self) -> Change | None:
        """Deletes the selected leads; Ctrl+Z brings them back."""
        change = self._board.delete_selected()
        if change is not None and not change.is_empty:
            workspace = self._operations.workspace
            names = list(workspace.leads.names(change.lead_ids).values())
            deleted = f"'{names[0]}'" if len(names) == 1 else f"{len(names)} leads"
            self._operations.show_message(f"Deleted {deleted} — Ctrl+Z to undo")
        return change

    def move_selected(self, step: int) -> Change | None:
        """Moves the selected cards to the neighbouring column."""
        change = self._board.move_selected(step)
        if change is not None and not change.is_empty:
            self._operations.show_message(change.description)
        return change

    def add_demo_data(self) -> Change | None:
        """Adds the demo business's leads and six months of history as one undoable step."""
        from planner.services.demo import add_demo_data, demo_summary

        change = self._operations.run(add_demo_data, initiator=self)
        if change is not None:
            self._operations.show_message(f"{demo_summary(change)} — Ctrl+Z removes them again")
        return change

    def _show_editor(self, editor: LeadEditor) -> LeadEditor:
        self.editor = editor
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _selected_column(self) -> Column | None:
        return self._board.current_column() if self._board.current_lead_id() is not None else None

    def _enable_for(self, lead_id: int | None) -> None:
        for action in (self.open_lead, self.delete_lead, self.move_left, self.move_right):
            action.setEnabled(lead_id is not None)
