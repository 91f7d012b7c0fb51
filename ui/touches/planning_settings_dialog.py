"""Planning settings: each temperature's playbook, the touch target, when a lead goes quiet, and
whether playbooks are planned without asking. Saving is one undoable step."""

from types import MappingProxyType

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.domain import Temperature
from planner.errors import PlannerError
from planner.planning import PlanningSettings
from planner.services.playbooks import load_planning_settings, save_planning_settings
from planner.workspace import Workspace
from ui.common.form_parts import error_label
from ui.operations import Operations
from ui.touches.playbook_steps_editor import PlaybookStepsEditor

MAX_TOUCH_TARGET = 50
MAX_QUIET_DAYS = 365


class PlanningSettingsDialog(QDialog):
    """Edits the planning settings of the open file.

    Saving runs through ``Operations``; the dialog has no signals of its own.
    """

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planning-settings")
        self.setWindowTitle("Planning settings")
        self._operations = operations
        self._saved = load_planning_settings(operations.workspace)
        self.playbook_editors = {
            temperature: PlaybookStepsEditor(self._saved.playbook(temperature))
            for temperature in Temperature
        }
        self.tabs = QTabWidget()
        for temperature, editor in self.playbook_editors.items():
            self.tabs.addTab(editor, f"{temperature.value.capitalize()} playbook")
        self.touch_target = QSpinBox()
        self.touch_target.setRange(1, MAX_TOUCH_TARGET)
        self.touch_target.setSuffix(" touches")
        self.touch_target.setToolTip("How many contacts a sale usually takes: the cards' meter")
        self.quiet_after = QSpinBox()
        self.quiet_after.setRange(1, MAX_QUIET_DAYS)
        self.quiet_after.setSuffix(" days")
        self.quiet_after.setToolTip("An open lead without any touch for this long is marked quiet")
        self.auto_plan = QCheckBox("Plan a playbook as soon as a lead enters a column")
        self.auto_plan.setToolTip(
            "Otherwise a bar above the board asks first; either way Edit ▸ Undo takes it back"
        )
        self.defaults_button = QPushButton("Restore defaults")
        self.defaults_button.clicked.connect(lambda: self._show(PlanningSettings()))
        self.error_label = error_label("planning-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(
            "When a lead enters a column, its temperature's playbook proposes these touches, "
            "each so many days after the move."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Touch target", self.touch_target)
        form.addRow("Quiet after", self.quiet_after)
        form.addRow("", self.auto_plan)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumSize(self.fontMetrics().height() * 40, self.fontMetrics().height() * 28)
        self._show(self._saved)

    def settings(self) -> PlanningSettings:
        """The settings as edited; ValidationError when they cannot be kept."""
        return PlanningSettings(
            playbooks=MappingProxyType(
                {
                    temperature: editor.steps()
                    for temperature, editor in self.playbook_editors.items()
                }
            ),
            touch_target=self.touch_target.value(),
            quiet_after_days=self.quiet_after.value(),
            auto_plan=self.auto_plan.isChecked(),
        )

    def accept(self) -> None:
        """Saves when something changed, then closes; stays open with the reason when it cannot."""
        change = self._operations.run(self._save, initiator=self, show_error=self._show_refusal)
        if change is not None:
            super().accept()

    def _save(self, workspace: Workspace) -> Change:
        """Saves the edited settings (a change of nothing when they are as saved)."""
        edited = self.settings()
        if edited.to_json() == self._saved.to_json():
            return Change("")
        return save_planning_settings(workspace, edited)

    def _show_refusal(self, error: PlannerError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()

    def _show(self, settings: PlanningSettings) -> None:
        for temperature, editor in self.playbook_editors.items():
            editor.set_steps(settings.playbook(temperature))
        self.touch_target.setValue(settings.touch_target)
        self.quiet_after.setValue(settings.quiet_after_days)
        self.auto_plan.setChecked(settings.auto_plan)
