"""Planning one touch by hand (or logging one already made), for a lead chosen or typed in."""

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain import TouchDraft
from planner.services.touches import add_touch
from ui.common.form_parts import (
    TimeField,
    chosen_kind,
    chosen_outcome,
    day_edit,
    error_label,
    from_qdate,
    kind_box,
    outcome_box,
    to_qdate,
)
from ui.operations import Operations
from ui.referrer_field import ReferrerField


class NewTouchDialog(QDialog):
    """Plans a touch for a lead on a day; "Done already" logs it with an outcome instead.

    Adding runs through ``Operations``; the dialog has no signals of its own.
    """

    def __init__(
        self,
        operations: Operations,
        day: date,
        lead_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new-touch-dialog")
        self._operations = operations
        self._lead_id = lead_id
        self.lead_field = ReferrerField(operations.workspace)
        self.lead_field.setToolTip("Type part of a name, then pick the lead")
        self.lead_field.setAccessibleName("Lead")
        if lead_id is not None:
            self.lead_field.set_lead(lead_id)
            self.lead_field.setEnabled(False)
        self.kind_box = kind_box()
        self.date_edit = day_edit(day, "Day")
        self.time_field = TimeField()
        self.notes_field = QLineEdit()
        self.notes_field.setAccessibleName("Notes")
        self.notes_field.setPlaceholderText("What to say or bring")
        self.done_box = QCheckBox("Done already")
        self.done_box.setToolTip("Log a contact already made instead of planning one")
        self.outcome_box = outcome_box()
        self.outcome_box.setEnabled(False)
        self.done_box.toggled.connect(self._done_toggled)
        self.error_label = error_label("new-touch-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Plan touch")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Lead", self.lead_field)
        form.addRow("Kind", self.kind_box)
        form.addRow("Day", self.date_edit)
        form.addRow("Time", self.time_field)
        form.addRow("Notes", self.notes_field)
        form.addRow(self.done_box, self.outcome_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setWindowTitle("Plan a touch")
        self.setMinimumWidth(self.fontMetrics().height() * 24)
        (self.kind_box if lead_id is not None else self.lead_field).setFocus()

    def draft(self) -> TouchDraft | None:
        """The touch as filled in, or ``None`` (with the reason shown) when no lead is picked."""
        lead_id = self._lead_id if self._lead_id is not None else self.lead_field.lead_id
        if lead_id is None:
            self._show_error("Pick a lead from the suggestions first")
            return None
        day = from_qdate(self.date_edit.date())
        done = self.done_box.isChecked()
        outcome = chosen_outcome(self.outcome_box)
        return TouchDraft(
            lead_id=lead_id,
            kind=chosen_kind(self.kind_box),
            planned_on=day,
            planned_at=self.time_field.value(),
            notes=self.notes_field.text().strip(),
            done_on=day if done else None,
            outcome=outcome if done else None,
        )

    def accept(self) -> None:
        """Adds the touch and closes; stays open with the reason when it cannot be added."""
        draft = self.draft()
        if draft is None:
            return
        change = self._operations.run(
            lambda workspace: add_touch(workspace, draft),
            initiator=self,
            show_error=lambda error: self._show_error(str(error)),
        )
        if change is not None:
            super().accept()

    def _done_toggled(self, done: bool) -> None:
        self.outcome_box.setEnabled(done)
        self.ok_button.setText("Log touch" if done else "Plan touch")
        today = to_qdate(self._operations.workspace.clock.today())
        if done:
            self.date_edit.setMaximumDate(today)
        else:
            self.date_edit.clearMaximumDate()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
