"""The call sheet: a chosen day's planned calls and meetings as a PDF to take along."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from planner.services.document_jobs import PrintCallSheet, PrintedCallSheet
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from ui.common.form_parts import day_edit
from ui.common.workers import Job
from ui.documents.job_dialog import DocumentJobDialog, fresh_path
from ui.operations import Operations


class CallSheetDialog(DocumentJobDialog):
    """Picks the day (today unless changed), makes the sheet and opens the preview."""

    def __init__(
        self, operations: Operations, output_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__("Call sheet", "Make call sheet", parent)
        self.setObjectName("call-sheet-dialog")
        self._operations = operations
        self._output_folder = output_folder
        self.printed: PrintedCallSheet | None = None
        self.day_edit = day_edit(operations.workspace.clock.today(), "Day")
        self.day_edit.setObjectName("call-sheet-day")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("call-sheet-summary")
        form = QFormLayout()
        form.addRow("Calls and meetings on", self.day_edit)
        self.form_layout.addLayout(form)
        self.result_layout.addWidget(self.summary_label)

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def day(self) -> date:
        """The chosen day."""
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        """Chooses the day."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def make_job(self) -> Job:
        """The call sheet for the chosen day."""
        day = self.day()
        return PrintCallSheet(
            database=self._workspace.path,
            day=day,
            sender=load_sender_profile(self._workspace),
            output=fresh_path(self._output_folder, f"Calls {day.isoformat()}.pdf"),
        )

    def progress_text(self, done: int, total: int) -> str:
        """The sheet is one step."""
        return "Writing the call sheet…"

    def show_result(self, result: object) -> None:
        """Says how many calls and meetings, and opens the preview."""
        assert isinstance(result, PrintedCallSheet)
        self.printed = result
        count = "1 call or meeting" if result.count == 1 else f"{result.count} calls and meetings"
        self.summary_label.setText(f"{count} on {result.heading}")
        self.request_preview(result.path, f"Call sheet, {result.heading}")
