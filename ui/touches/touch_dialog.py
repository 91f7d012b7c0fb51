"""One touch opened from the calendar, the agenda or a timeline: reschedule, mark done or delete it.

Each button is one service call; the dialog announces the Change and closes, and the window puts
it on the undo stack.
"""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Touch
from planner.errors import PlannerError
from planner.services.touches import delete_touch, mark_touch_done, reschedule_touch
from planner.store.changes import Change
from planner.workspace import Workspace
from ui.touches.form_parts import (
    TimeField,
    chosen_outcome,
    error_label,
    from_qdate,
    outcome_box,
    plain_label,
    to_qdate,
)


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
        self.error_label = error_label("touch-error")
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
        facts.addRow("Lead", plain_label(f"{lead_name} — {company}" if company else lead_name))
        facts.addRow("Kind", plain_label(touch.kind.label))
        if touch.campaign_id is not None:
            campaign = self._workspace.campaigns.get(touch.campaign_id)
            facts.addRow("Campaign", plain_label(f"{campaign.name} ({campaign.response_code})"))
        if touch.from_playbook is not None:
            facts.addRow("Planned by", plain_label(f"the {touch.from_playbook.value} playbook"))
        if touch.notes:
            notes = plain_label(touch.notes)
            notes.setWordWrap(True)
            facts.addRow("Notes", notes)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        if touch.done_on is not None:
            outcome = f" — {touch.outcome.label.lower()}" if touch.outcome else ""
            facts.addRow("Done", plain_label(f"{touch.done_on.isoformat()}{outcome}"))
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
