"""Editing one temperature's playbook: an ordered table of steps (touch kind, days after, notes)."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain import PlaybookStep, TouchKind

MAX_DAYS_AFTER = 365
_KIND_COLUMN, _DAYS_COLUMN, _NOTES_COLUMN = 0, 1, 2


class PlaybookStepsEditor(QWidget):
    """The steps of one playbook, in the order they are planned; add, remove and reorder them."""

    def __init__(self, steps: Sequence[PlaybookStep] = ()) -> None:
        super().__init__()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Touch", "Days after entering", "Notes"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_DAYS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_NOTES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("Add step")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.set_steps(steps)

    def set_steps(self, steps: Sequence[PlaybookStep]) -> None:
        """Shows these steps instead."""
        self.table.setRowCount(0)
        for step in steps:
            self._append(step)

    def steps(self) -> tuple[PlaybookStep, ...]:
        """The steps as shown, top to bottom."""
        return tuple(self._step(row) for row in range(self.table.rowCount()))

    def add_step(self) -> None:
        """Adds a follow-up call a week after the last step, and selects it."""
        last = self.steps()[-1].days_after if self.table.rowCount() else 0
        self._append(PlaybookStep(TouchKind.PHONE_CALL, min(last + 7, MAX_DAYS_AFTER)))
        self.table.selectRow(self.table.rowCount() - 1)

    def remove_selected(self) -> None:
        """Removes the selected step."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_selected(self, step: int) -> None:
        """Moves the selected step up (-1) or down (+1)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        steps = list(self.steps())
        steps[row], steps[target] = steps[target], steps[row]
        self.set_steps(steps)
        self.table.selectRow(target)

    def _append(self, step: PlaybookStep) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind_box = QComboBox()
        for kind in TouchKind:
            kind_box.addItem(kind.label, kind)
        kind_box.setCurrentIndex(kind_box.findData(step.kind))
        self.table.setCellWidget(row, _KIND_COLUMN, kind_box)
        days = QSpinBox()
        days.setRange(0, MAX_DAYS_AFTER)
        days.setSuffix(" days")
        days.setValue(step.days_after)
        self.table.setCellWidget(row, _DAYS_COLUMN, days)
        notes = QTableWidgetItem(step.notes)
        notes.setFlags(notes.flags() | Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, _NOTES_COLUMN, notes)

    def _step(self, row: int) -> PlaybookStep:
        kind_box = self.table.cellWidget(row, _KIND_COLUMN)
        days = self.table.cellWidget(row, _DAYS_COLUMN)
        notes = self.table.item(row, _NOTES_COLUMN)
        assert isinstance(kind_box, QComboBox)
        assert isinstance(days, QSpinBox)
        return PlaybookStep(
            TouchKind(kind_box.currentData()),
            days.value(),
            notes.text().strip() if notes is not None else "",
        )
