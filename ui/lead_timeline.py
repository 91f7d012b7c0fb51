"""A lead's timeline in its editor: touches done and planned, and its moves between columns.

Buttons act on the selected touch (mark done, edit, delete) or add one; each is one action
through the runner, on the undo stack at once, whatever the editor's Save or Cancel does later.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.domain import Touch, TouchOutcome
from planner.services.timeline import TimelineEntry, lead_timeline
from planner.services.touches import delete_touch, mark_touch_done
from planner.workspace import Workspace
from ui.common.colours import OVERDUE, muted_text
from ui.common.form_parts import escaped_tooltip
from ui.operations import Operations
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog
from ui.touches.touch_text import full_day_text

_TOUCH_ROLE = Qt.ItemDataRole.UserRole + 1
_DAY_COLUMN, _WHAT_COLUMN, _NOTES_COLUMN = 0, 1, 2


class LeadTimeline(QWidget):
    """The timeline of one lead, oldest first, with the next planned touch selected.

    It acts through the runner and reloads from its ``change_applied`` alone: once per action,
    undo or redo that touched this lead.
    """

    def __init__(self, operations: Operations, lead_id: int) -> None:
        super().__init__()
        self.setObjectName("lead-timeline")
        self._operations = operations
        self._lead_id = lead_id
        self.dialog: QDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("timeline-entries")
        self.tree.setHeaderLabels(["Day", "What", "Notes"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(_DAY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_WHAT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton("Add touch…")
        self.done_button = QToolButton()
        self.done_button.setText("Mark done")
        self.done_button.setToolTip("Mark the selected touch done today; the arrow adds an outcome")
        self.done_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        outcomes = QMenu(self.done_button)
        for outcome in TouchOutcome:
            outcomes.addAction(outcome.label).triggered.connect(
                lambda _checked=False, outcome=outcome: self.mark_done(outcome)
            )
        self.done_button.setMenu(outcomes)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected touch's kind, day, time, notes or outcome")
        self.delete_button = QPushButton("Delete")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_touch)
        self.done_button.clicked.connect(lambda: self.mark_done(None))
        self.edit_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.open_selected())
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._enable_buttons())
        operations.change_applied.connect(self.apply_change)
        self.reload()

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def entries(self) -> list[TimelineEntry]:
        """What the timeline shows, oldest first."""
        return lead_timeline(self._workspace, self._lead_id)

    def reload(self) -> None:
        """Reads the lead's timeline again, keeping the selected touch selected."""
        selected = self.selected_touch()
        today = self._workspace.clock.today()
        self.tree.clear()
        kept: QTreeWidgetItem | None = None
        next_planned: QTreeWidgetItem | None = None
        for entry in self.entries():
            item = self._item(entry, today)
            self.tree.addTopLevelItem(item)
            event = entry.event
            if not isinstance(event, Touch):
                continue
            if selected is not None and event.id == selected.id:
                kept = item
            if next_planned is None and event.done_on is None:
                next_planned = item
        current = kept or next_planned
        if current is not None:
            self.tree.setCurrentItem(current)
            self.tree.scrollToItem(current)
        self._enable_buttons()

    def apply_change(self, change: Change, _initiator: object = None) -> None:
        """Reloads when a change (an action, undo or redo) touched this lead or its touches."""
        if self._lead_id in change.lead_ids | change.touched_leads:
            self.reload()

    def selected_touch(self) -> Touch | None:
        """The touch of the selected row, if a touch is selected."""
        item = self.tree.currentItem()
        touch = item.data(0, _TOUCH_ROLE) if item is not None else None
        return touch if isinstance(touch, Touch) else None

    def select_touch(self, touch_id: int) -> bool:
        """Selects a touch's row; False when the timeline does not show it."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is None:
                continue
            touch = item.data(0, _TOUCH_ROLE)
            if isinstance(touch, Touch) and touch.id == touch_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def add_touch(self) -> QDialog:
        """Opens the dialog to plan (or log) a touch for this lead, from today."""
        dialog = NewTouchDialog(
            self._operations, self._workspace.clock.today(), self._lead_id, parent=self
        )
        return self._open(dialog)

    def open_selected(self) -> QDialog | None:
        """Opens the selected touch's dialog: edit, mark done with outcome, delete."""
        touch = self.selected_touch()
        if touch is None:
            return None
        dialog = TouchDialog(self._operations, touch.id, self)
        return self._open(dialog)

    def mark_done(self, outcome: TouchOutcome | None) -> Change | None:
        """Marks the selected planned touch done today, with ``outcome``."""
        touch = self.selected_touch()
        if touch is None or touch.done_on is not None:
            return None
        return self._operations.run(
            lambda workspace: mark_touch_done(workspace, touch.id, outcome), initiator=self
        )

    def delete_selected(self) -> Change | None:
        """Deletes the selected touch (Edit ▸ Undo brings it back)."""
        touch = self.selected_touch()
        if touch is None:
            return None
        return self._operations.run(
            lambda workspace: delete_touch(workspace, touch.id), initiator=self
        )

    def _open(self, dialog: NewTouchDialog | TouchDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _item(self, entry: TimelineEntry, today: date) -> QTreeWidgetItem:
        event = entry.event
        day = full_day_text(entry.day)
        if entry.at is not None:
            day += f" {entry.at.strftime('%H:%M')}"
        notes = event.notes if isinstance(event, Touch) else ""
        item = QTreeWidgetItem([day, entry.text, notes])
        item.setToolTip(_NOTES_COLUMN, escaped_tooltip(notes))
        muted = QBrush(muted_text(self.palette()))
        if isinstance(event, Touch):
            item.setData(0, _TOUCH_ROLE, event)
            if event.done_on is not None:
                item.setText(_WHAT_COLUMN, f"✓ {entry.text}")
            elif event.is_overdue(today):
                for column in range(3):
                    item.setForeground(column, QBrush(OVERDUE))
                item.setText(_WHAT_COLUMN, f"{entry.text} (overdue)")
        else:
            font = QFont(self.font())
            font.setItalic(True)
            for column in range(3):
                item.setForeground(column, muted)
                item.setFont(column, font)
        return item

    def _enable_buttons(self) -> None:
        touch = self.selected_touch()
        planned = touch is not None and touch.done_on is None
        self.done_button.setEnabled(planned)
        self.edit_button.setEnabled(touch is not None)
        self.delete_button.setEnabled(touch is not None)
