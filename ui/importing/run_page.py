"""The wizard's last page: the batch's column, source and tag, then the import itself, off the
GUI thread with progress and Cancel."""

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from planner.changes import Change
from planner.domain import Temperature
from planner.services.import_jobs import RunImportJob
from planner.services.importing import import_description
from ui.importing.background_step import BackgroundStep
from ui.importing.review_pages import count_text
from ui.importing.session import ImportSession
from ui.operations import Operations


class RunPage(QWizardPage):
    """Step 6: the batch's column, source and tag, then the import with progress and Cancel."""

    def __init__(self, session: ImportSession, operations: Operations) -> None:
        super().__init__()
        self.session = session
        self.operations = operations
        self.change: Change | None = None
        self.setTitle("Import")
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Import")
        self.column = QComboBox()
        self.column.setObjectName("import-column")
        for temperature in Temperature:
            self.column.addItem(temperature.value.capitalize(), temperature)
        self.source = QLineEdit()
        self.source.setObjectName("import-source")
        self.source.setPlaceholderText("e.g. Trade fair 2026 (for leads without a source)")
        self.tag = QLineEdit()
        self.tag.setObjectName("import-tag")
        self.summary = QLabel()
        self.summary.setObjectName("import-run-summary")
        self.summary.setWordWrap(True)
        self.step = BackgroundStep()
        form = QFormLayout()
        form.addRow("New leads go to:", self.column)
        form.addRow("&Source:", self.source)
        form.addRow("&Tag:", self.tag)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.step)
        layout.addStretch(1)
        self.step.finished.connect(self._imported)
        self.step.failed.connect(self._stopped)
        self.step.cancelled.connect(self._stopped)

    def initializePage(self) -> None:
        """Says what the import will do."""
        plan = self.session.plan
        assert plan is not None
        counts = plan.counts()
        self.change = None
        parts = [f"{count_text(counts.added, 'new lead')}", f"{counts.updated:,} updated"]
        if counts.skipped_duplicates:
            parts.append(f"{count_text(counts.skipped_duplicates, 'duplicate')} skipped")
        if counts.invalid:
            parts.append(f"{count_text(counts.invalid, 'invalid row')} skipped")
        if counts.skipped_new:
            parts.append(f"{count_text(counts.skipped_new, 'new row')} left out")
        self.summary.setText(
            ", ".join(parts) + f". Edit ▸ Undo takes it all back ("
            f"“Undo {import_description(counts.added + counts.updated)}”)."
        )

    def validatePage(self) -> bool:
        """Starts the import; the wizard closes when it is done."""
        if self.change is not None:
            return True
        if self.step.is_running:
            return False
        plan = self.session.plan
        assert plan is not None
        options = replace(
            plan.options,
            temperature=Temperature(self.column.currentData()),
            source=self.source.text(),
            tag=self.tag.text(),
        )
        plan = plan.with_options(options)
        workspace = self.operations.workspace
        self._lock(True)
        self.step.start(
            RunImportJob(workspace.path, workspace.clock, plan),
            f"Importing {plan.counts().added + plan.counts().updated:,} leads…",
        )
        return False

    def stop(self) -> None:
        """The wizard closes: stop an import still running (it leaves nothing)."""
        self.step.stop()

    def _imported(self, change: object) -> None:
        assert isinstance(change, Change)
        self.change = change
        self.operations.record(change, self.wizard())
        self.operations.show_message(f"{change.description} done; Edit ▸ Undo takes it back")
        self._lock(False)
        self.wizard().accept()

    def _stopped(self, *_reason: object) -> None:
        self._lock(False)

    def _lock(self, locked: bool) -> None:
        for widget in (self.column, self.source, self.tag):
            widget.setEnabled(not locked)
        wizard = self.wizard()
        if wizard is not None:
            for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
                wizard.button(button).setEnabled(not locked)
