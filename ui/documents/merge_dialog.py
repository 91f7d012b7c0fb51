"""Mail merge: one template, the chosen leads, letters into one PDF or a folder, off the GUI thread.

When the letters are written the dialog shows the summary and the report of skipped leads and
missing data (to save), opens the preview, and offers to record every letter as a touch on its
lead, as one undoable step run through ``Operations``.
"""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from planner.changes import Change, Kind
from planner.documents.batch import MergeReport
from planner.documents.output import safe_file_name
from planner.documents.template_text import LetterTemplate
from planner.errors import PlannerError
from planner.services.document_jobs import MergeLetters
from planner.services.documents import record_letters
from planner.services.sender import load_sender_profile
from planner.services.templates import all_templates
from planner.workspace import Workspace
from ui.common.icons import Glyph, set_glyph
from ui.common.workers import Job
from ui.documents.job_dialog import DocumentJobDialog
from ui.documents.lead_selection import LeadSelectionPanel, SelectionMode
from ui.documents.output_choice import OutputChoice
from ui.operations import Operations

DEFAULT_TEMPLATE = "cold-introduction"
REPORT_FILE_FILTER = "Text files (*.txt)"


class MailMergeDialog(DocumentJobDialog):
    """Chooses leads, template, campaign and output; writes the letters; records them as touches.

    Signals (besides DocumentJobDialog's):
        sender_profile_requested(): the user wants to fill in the business details first.
    """

    sender_profile_requested = Signal()

    def __init__(
        self,
        operations: Operations,
        output_folder: Path,
        selected_lead_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Mail merge", "Write letters", parent)
        self.setObjectName("mail-merge-dialog")
        self._operations = operations
        self.report: MergeReport | None = None
        self.recorded: Change | None = None
        self._job_template: LetterTemplate | None = None
        self._job_campaign_id: int | None = None
        self.selection_panel = LeadSelectionPanel(operations.workspace, selected_lead_ids)
        self.template_box = QComboBox()
        self.template_box.setObjectName("merge-template")
        self.campaign_box = QComboBox()
        self.campaign_box.setObjectName("merge-campaign")
        self.output = OutputChoice(output_folder, "letters.pdf")
        self.sender_hint = QLabel(
            "Your business details are still empty, so the letters have no letterhead or signature."
        )
        self.sender_hint.setWordWrap(True)
        self.sender_button = QPushButton("Sender profile…")
        self.sender_button.setAutoDefault(False)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("merge-summary")
        bold = QFont(self.summary_label.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("merge-report")
        self.report_view.setReadOnly(True)
        self.save_report_button = QPushButton("Save report…")
        set_glyph(self.save_report_button, Glyph.SAVE)
        self.record_button = QPushButton()
        self.record_button.setObjectName("record-letters")
        for button in (self.save_report_button, self.record_button):
            button.setAutoDefault(False)
        self._fill()
        self._build_layout()
        self._connect()
        self._suggest_file_name()

    def template(self) -> LetterTemplate:
        """The chosen template."""
        template = self.template_box.currentData()
        assert isinstance(template, LetterTemplate)
        return template

    def select_template(self, name: str) -> None:
        """Chooses the template called ``name``."""
        for index in range(self.template_box.count()):
            if self.template_box.itemData(index).name == name:
                self.template_box.setCurrentIndex(index)

    def campaign_id(self) -> int | None:
        """The campaign whose offer and response code the letters print, if any."""
        data = self.campaign_box.currentData()
        return int(data) if data is not None else None

    def refresh_sender_hint(self) -> None:
        """Shows the hint to fill in the business details while they are empty."""
        empty = not load_sender_profile(self._workspace).business_name
        self.sender_hint.setVisible(empty)
        self.sender_button.setVisible(empty)

    def make_job(self) -> Job:
        """The merge for the chosen leads, template, campaign and output."""
        if self.selection_panel.update_count() == 0:
            raise PlannerError("No leads are chosen: pick another column, campaign or search")
        self.report = None
        self.recorded = None
        self._job_template = self.template()
        self._job_campaign_id = self.campaign_id()
        return MergeLetters(
            database=self._workspace.path,
            selection=self.selection_panel.selection(),
            template=self._job_template,
            sender=load_sender_profile(self._workspace),
            today=self._workspace.clock.today(),
            output=self.output.target(),
            split=self.output.split,
            campaign_id=self._job_campaign_id,
            duplex=self.output.duplex,
        )

    def progress_text(self, done: int, total: int) -> str:
        """``Writing letter 12 of 50…``."""
        return f"Writing letter {min(done + 1, total):,} of {total:,}…"

    def show_result(self, result: object) -> None:
        """Shows the summary and report, opens the preview and offers to record the touches."""
        assert isinstance(result, MergeReport)
        self.report = result
        self.summary_label.setText(result.summary)
        self.report_view.setPlainText(result.text())
        count = len(result.letters)
        noun = "letter" if count == 1 else "letters"
        self.record_button.setText(f"Record {count} {noun} as touches on their leads")
        self.record_button.setEnabled(count > 0)
        line = self.fontMetrics().height()
        self.resize(self.width(), max(self.height(), line * 48))
        if result.files:
            self.request_preview(result.files[0], self._preview_title())

    def record_touches(self) -> Change | None:
        """Records every letter written as a touch on its lead: one undoable step."""
        if self.report is None or self._job_template is None or self.recorded is not None:
            return None
        letters, template, campaign_id = (
            self.report.letters,
            self._job_template,
            self._job_campaign_id,
        )
        change = self._operations.run(
            lambda workspace: record_letters(workspace, letters, template, campaign_id),
            initiator=self,
            show_error=lambda error: self.show_problem(str(error)),
        )
        if change is None:
            return None
        self.recorded = change
        self.record_button.setEnabled(False)
        count = len(self.report.letters)
        self.record_button.setText(
            f"Recorded {count} touch{'es' if count != 1 else ''} (Edit ▸ Undo takes them back)"
        )
        return change

    def save_report(self, path: Path | None = None) -> Path | None:
        """Writes the report as text to ``path``, or to a file the user chooses."""
        if self.report is None:
            return None
        if path is None:
            suggested = self.output.target().with_suffix(".txt")
            if self.output.split:
                suggested = self.output.target() / "letters report.txt"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Save the report", str(suggested), REPORT_FILE_FILTER
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_text(self.report.text() + "\n", encoding="utf-8")
        except OSError as error:
            self.show_problem(f"The report could not be saved: {error.strerror or error}")
            return None
        self.show_note(f"Saved the report to {path}")
        return path

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def _follow(self, change: Change, _initiator: object) -> None:
        """Shows or hides the sender hint after the settings changed (the profile was saved)."""
        if change.ids(Kind.SETTING):
            self.refresh_sender_hint()

    def _preview_title(self) -> str:
        template = self._job_template.title if self._job_template else "Letters"
        if self.output.split:
            return f"First letter: {template}"
        return f"Letters: {template}"

    def _fill(self) -> None:
        for template in all_templates(self._workspace):
            self.template_box.addItem(template.title, template)
        self.select_template(DEFAULT_TEMPLATE)
        self.campaign_box.addItem("No campaign", None)
        for campaign in self._workspace.campaigns.all():
            self.campaign_box.addItem(campaign.name, campaign.id)
        self.refresh_sender_hint()

    def _connect(self) -> None:
        self._operations.change_applied.connect(self._follow)
        self.template_box.currentIndexChanged.connect(self._suggest_file_name)
        self.selection_panel.selection_changed.connect(self._selection_changed)
        self.sender_button.clicked.connect(self.sender_profile_requested)
        self.save_report_button.clicked.connect(lambda: self.save_report())
        self.record_button.clicked.connect(self.record_touches)

    def _selection_changed(self) -> None:
        campaign_id = self.selection_panel.campaign_id()
        if campaign_id is not None:
            self.campaign_box.setCurrentIndex(self.campaign_box.findData(campaign_id))
        self._suggest_file_name()

    def _suggest_file_name(self) -> None:
        today = self._workspace.clock.today()
        panel = self.selection_panel
        if panel.mode is SelectionMode.SELECTED:
            stem = f"Letter to {panel.describe()}"
        else:
            stem = f"{self.template().title}, {panel.describe()}"
        self.output.suggest_file_name(_file_name(f"{stem} {today.isoformat()}"))

    def _build_layout(self) -> None:
        letter = QFormLayout()
        letter.addRow("Template", self.template_box)
        letter.addRow("Campaign", self.campaign_box)
        letter_box = QGroupBox("Letter")
        letter_box.setLayout(letter)
        hint = QHBoxLayout()
        hint.addWidget(self.sender_hint, 1)
        hint.addWidget(self.sender_button)
        self.form_layout.addWidget(self.selection_panel)
        self.form_layout.addWidget(letter_box)
        self.form_layout.addWidget(self.output)
        self.form_layout.addLayout(hint)
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addStretch(1)
        actions.addWidget(self.save_report_button)
        self.result_layout.addWidget(self.summary_label)
        self.result_layout.addWidget(self.report_view, 1)
        self.result_layout.addLayout(actions)
        self.setMinimumWidth(self.fontMetrics().height() * 50)


def _file_name(stem: str) -> str:
    return safe_file_name(stem, set(), fallback="letters")
