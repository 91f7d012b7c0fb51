"""One touch opened from the calendar, the agenda or a timeline: reschedule, mark done or delete it.

Each button is one service call; the dialog announces the Change and closes, and the window puts
it on the undo stack.
"""

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Touch, TouchOutcome
from planner.errors import PlannerError
from planner.services.touches import delete_touch, mark_touch_done, reschedule_touch
from planner.store.changes import Change
from planner.workspace import Workspace
from ui.board.colours import OVERDUE


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


class TimeField(QWidget):
    """An optional time of day: a check box "at" and the time it enables."""

    def __init__(self, moment: time | None = None) -> None:
        super().__init__()
        self.enabled_box = QCheckBox("at")
        self.enabled_box.setToolTip("Give the touch a time of day; without one it is all-day")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName("Time")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.time_edit, 1)
        self.enabled_box.toggled.connect(self.time_edit.setEnabled)
        self.set_time(moment)

    def set_time(self, moment: time | None) -> None:
        """Shows a time, or none (all-day)."""
        self.enabled_box.setChecked(moment is not None)
        self.time_edit.setEnabled(moment is not None)
        shown = moment or time(9, 0)
        self.time_edit.setTime(QTime(shown.hour, shown.minute))

    def value(self) -> time | None:
        """The chosen time, or ``None`` for an all-day touch."""
        if not self.enabled_box.isChecked():
            return None
        chosen = self.time_edit.time()
        return time(chosen.hour(), chosen.minute())


def chosen_outcome(box: QComboBox) -> TouchOutcome | None:
    """The outcome picked in an ``outcome_box`` (Qt hands enum data back as plain text)."""
    data = box.currentData()
    return TouchOutcome(data) if data else None


def outcome_box() -> QComboBox:
    """A choice of outcome, with "No outcome" first."""
    box = QComboBox()
    box.setAccessibleName("Outcome")
    box.addItem("No outcome", None)
    for outcome in TouchOutcome:
        box.addItem(outcome.label, outcome)
    return box


class TouchDialog(QDialog):
    """Shows a touch and offers what can be done with it.

    Signals:
        change_made(Change): the touch was rescheduled, marked done or deleted.
    """

    change_made = Signal(object)

    def __init__(self, workspace: Workspace, touch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touch-dialog")
        self._workspace = workspace
        self._touch: Touch = workspace.touches.get(touch_id)
        touch = self._touch
        lead = workspace.leads.get(touch.lead_id)
        self.setWindowTitle(f"{touch.kind.label} for '{lead.name}'")
        self.error_label = QLabel()
        self.error_label.setObjectName("touch-error")
        self.error_label.setWordWrap(True)
        palette = self.error_label.palette()
        palette.setColor(self.error_label.foregroundRole(), OVERDUE)
        self.error_label.setPalette(palette)
        self.error_label.hide()
        self.date_edit = QDateEdit(to_qdate(touch.planned_on))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName("Planned day")
        self.time_field = TimeField(touch.planned_at)
        self.reschedule_button = QPushButton("Reschedule")
        self.outcome_box = outcome_box()
        today = workspace.clock.today()
        self.done_date_edit = QDateEdit(to_qdate(today))
        self.done_date_edit.setCalendarPopup(True)
        self.done_date_edit.setMaximumDate(to_qdate(today))
        self.done_date_edit.setAccessibleName("Done on")
        self.done_button = QPushButton("Mark done")
        self.delete_button = QPushButton("Delete touch")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._build_layout(lead.name, lead.company)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button.clicked.connect(self.delete)
        self.setMinimumWidth(self.fontMetrics().height() * 26)

    @property
    def touch(self) -> Touch:
        """The touch shown."""
        return self._touch

    def reschedule(self) -> None:
        """Moves the touch to the chosen day and time."""
        day = from_qdate(self.date_edit.date())
        self._run(
            lambda: reschedule_touch(self._workspace, self._touch.id, day, self.time_field.value())
        )

    def mark_done(self) -> None:
        """Marks the touch done on the chosen day with the chosen outcome."""
        outcome = chosen_outcome(self.outcome_box)
        day = from_qdate(self.done_date_edit.date())
        self._run(
            lambda: mark_touch_done(
                self._workspace,
                self._touch.id,
                outcome,
                day,
            )
        )

    def delete(self) -> None:
        """Deletes the touch after a confirmation (Ctrl+Z brings it back)."""
        answer = QMessageBox.question(
            self,
            "Delete touch",
            f"Delete this {self._touch.kind.label.lower()}? Edit ▸ Undo brings it back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_now()

    def delete_now(self) -> None:
        """Deletes the touch without asking."""
        self._run(lambda: delete_touch(self._workspace, self._touch.id))

    def _run(self, action: Callable[[], Change]) -> None:
        try:
            change = action()
        except PlannerError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        if not change.is_empty:
            self.change_made.emit(change)
        self.accept()

    def _build_layout(self, lead_name: str, company: str) -> None:
        touch = self._touch
        facts = QFormLayout()
        facts.addRow("Lead", QLabel(f"{lead_name} — {company}" if company else lead_name))
        facts.addRow("Kind", QLabel(touch.kind.label))
        if touch.campaign_id is not None:
            campaign = self._workspace.campaigns.get(touch.campaign_id)
            facts.addRow("Campaign", QLabel(f"{campaign.name} ({campaign.response_code})"))
        if touch.from_playbook is not None:
            facts.addRow("Planned by", QLabel(f"the {touch.from_playbook.value} playbook"))
        if touch.notes:
            notes = QLabel(touch.notes)
            notes.setWordWrap(True)
            facts.addRow("Notes", notes)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        if touch.done_on is not None:
            outcome = f" — {touch.outcome.label.lower()}" if touch.outcome else ""
            facts.addRow("Done", QLabel(f"{touch.done_on.isoformat()}{outcome}"))
        else:
            layout.addWidget(self._reschedule_group())
            layout.addWidget(self._done_group())
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _reschedule_group(self) -> QGroupBox:
        group = QGroupBox("Planned for")
        row = QHBoxLayout(group)
        row.addWidget(self.date_edit, 2)
        row.addWidget(self.time_field, 2)
        row.addWidget(self.reschedule_button)
        if self._touch.is_overdue(self._workspace.clock.today()):
            group.setTitle("Planned for (overdue)")
        return group

    def _done_group(self) -> QGroupBox:
        group = QGroupBox("Mark done")
        row = QHBoxLayout(group)
        row.addWidget(self.outcome_box, 2)
        row.addWidget(QLabel("on"))
        row.addWidget(self.done_date_edit, 2)
        row.addWidget(self.done_button)
        self.done_button.setDefault(True)
        return group
