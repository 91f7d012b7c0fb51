"""One touch opened from the calendar, the agenda or a timeline: edit it, mark it done or delete it.

Each button is one service call run through ``Operations``, which puts it on the undo stack and
tells every view; the dialog then closes.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Touch
from planner.errors import PlannerError
from planner.services.touches import TouchEdit, delete_touch, edit_touch
from planner.workspace import Workspace
from ui.common.form_parts import (
    TimeField,
    chosen_kind,
    chosen_outcome,
    day_edit,
    error_label,
    from_qdate,
    kind_box,
    outcome_box,
    plain_label,
    to_qdate,
)
from ui.common.theme import Tone, set_tone
from ui.operations import Action, Operations
from ui.touches.touch_text import full_day_text


class TouchDialog(QDialog):
    """Shows a touch and lets the user change it, mark it done or delete it.

    A planned touch offers its kind, day, time and notes; Save keeps them, and Mark done records
    the touch as done with its outcome, taking any edited field along in the same undo step. A
    done touch offers its kind, notes, outcome and the day it was done; its planned day stays as
    it was, because by then it is history.

    Every action runs through ``Operations``; the dialog has no signals of its own.
    """

    def __init__(
        self, operations: Operations, touch_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("touch-dialog")
        self._operations = operations
        workspace = operations.workspace
        self._touch: Touch = workspace.touches.get(touch_id)
        touch = self._touch
        lead = workspace.leads.get(touch.lead_id)
        self.setWindowTitle(f"{touch.kind.label} for '{lead.name}'")
        today = workspace.clock.today()
        self.error_label = error_label("touch-error")
        self.kind_box = kind_box(touch.kind)
        self.date_edit = day_edit(touch.planned_on, "Planned day")
        self.time_field = TimeField(touch.planned_at)
        self.notes_field = QPlainTextEdit(touch.notes)
        self.notes_field.setAccessibleName("Notes")
        self.notes_field.setPlaceholderText("What to say or bring, what was said")
        self.notes_field.setTabChangesFocus(True)
        self.notes_field.setFixedHeight(self.fontMetrics().height() * 4)
        self.outcome_box = outcome_box()
        if touch.outcome is not None:
            self.outcome_box.setCurrentIndex(self.outcome_box.findData(touch.outcome))
        self.done_date_edit = day_edit(touch.done_on or today, "Done on")
        self.done_date_edit.setMaximumDate(to_qdate(today))
        self.done_button = QPushButton("Mark done")
        self.done_button.setToolTip("Record the touch as done, with the outcome and day beside it")
        self.delete_button = QPushButton("Delete touch")
        for button in (self.done_button, self.delete_button):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._build_layout(lead.name, lead.company, today)
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button.clicked.connect(self.delete)
        self.setMinimumWidth(self.fontMetrics().height() * 28)
        self.kind_box.setFocus()

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    @property
    def touch(self) -> Touch:
        """The touch shown."""
        return self._touch

    def edit(self) -> TouchEdit:
        """The touch as the form now shows it (a planned touch stays planned)."""
        edit = replace(
            TouchEdit.of(self._touch),
            kind=chosen_kind(self.kind_box),
            notes=self.notes_field.toPlainText(),
        )
        if self._touch.is_done:
            return self._with_done_fields(edit)
        return replace(
            edit, planned_on=from_qdate(self.date_edit.date()), planned_at=self.time_field.value()
        )

    def save(self) -> None:
        """Keeps what was changed, as one undoable step; closes without a step when nothing was."""
        edit = self.edit()
        self._run(lambda workspace: edit_touch(workspace, self._touch.id, edit))

    def mark_done(self) -> None:
        """Marks the planned touch done on the chosen day with the chosen outcome."""
        done = self._with_done_fields(self.edit())
        self._run(lambda workspace: edit_touch(workspace, self._touch.id, done))

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
        self._run(lambda workspace: delete_touch(workspace, self._touch.id))

    def _with_done_fields(self, edit: TouchEdit) -> TouchEdit:
        return replace(
            edit,
            done_on=from_qdate(self.done_date_edit.date()),
            outcome=chosen_outcome(self.outcome_box),
        )

    def _run(self, action: Action) -> None:
        if self._operations.run(action, initiator=self, show_error=self._show_refusal) is not None:
            self.accept()

    def _show_refusal(self, error: PlannerError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()

    def _build_layout(self, lead_name: str, company: str, today: date) -> None:
        touch = self._touch
        form = QFormLayout()
        form.addRow("Lead", plain_label(f"{lead_name} — {company}" if company else lead_name))
        if touch.campaign_id is not None:
            campaign = self._workspace.campaigns.get(touch.campaign_id)
            form.addRow("Campaign", plain_label(f"{campaign.name} ({campaign.response_code})"))
        if touch.from_playbook is not None:
            form.addRow("Planned by", plain_label(f"the {touch.from_playbook.value} playbook"))
        if touch.document:
            document = plain_label(touch.document)
            document.setWordWrap(True)
            form.addRow("Document", document)
        form.addRow("Kind", self.kind_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if touch.is_done:
            at = f" {touch.planned_at.strftime('%H:%M')}" if touch.planned_at else ""
            form.addRow("Planned for", plain_label(f"{full_day_text(touch.planned_on)}{at}"))
            form.addRow("Done", self._done_row())
            form.addRow("Notes", self.notes_field)
        else:
            form.addRow("Planned for", self._planned_row(today))
            form.addRow("Notes", self.notes_field)
            group = QGroupBox("Mark done")
            done_row = self._done_row()
            done_row.addWidget(self.done_button)
            group.setLayout(done_row)
            layout.addWidget(group)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.buttons)
        layout.addLayout(buttons)

    def _planned_row(self, today: date) -> QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(self.date_edit, 3)
        line.addWidget(self.time_field, 2)
        late = (today - self._touch.planned_on).days
        if late > 0:
            overdue = plain_label(f"{late} day{'s' if late != 1 else ''} late")
            overdue.setObjectName("touch-overdue")
            set_tone(overdue, Tone.ALERT)
            line.addWidget(overdue)
        return line

    def _done_row(self) -> QHBoxLayout:
        line = QHBoxLayout()
        line.addWidget(self.outcome_box, 3)
        line.addWidget(QLabel("on"))
        line.addWidget(self.done_date_edit, 2)
        return line
