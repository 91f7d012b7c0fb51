"""Address labels and envelopes for the chosen leads, made on a worker thread and previewed.

Like the mail merge, the PDF goes where the Output box says (the documents folder unless the
user picks another file); labels can be printed with their outlines to check the alignment.
"""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from planner.documents.profile import PaperSize
from planner.documents.stationery import EnvelopeSize, LabelSheet
from planner.errors import ValidationError
from planner.services.document_jobs import PrintedAddresses, PrintEnvelopes, PrintLabels
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from ui.common.workers import Job
from ui.documents.job_dialog import DocumentJobDialog, fresh_path
from ui.documents.lead_selection import LeadSelectionPanel
from ui.documents.output_choice import OutputChoice
from ui.operations import Operations


class AddressJobDialog(DocumentJobDialog):
    """The parts labels and envelopes share: the lead selection, the result line, the folder."""

    def __init__(
        self,
        operations: Operations,
        output_folder: Path,
        selected_lead_ids: Sequence[int],
        title: str,
        run_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, run_text, parent)
        self._operations = operations
        self._output_folder = output_folder
        self.printed: PrintedAddresses | None = None
        self.output = OutputChoice(
            output_folder, "document.pdf", one_file_only=True, what=title.lower()
        )
        self.selection_panel = LeadSelectionPanel(operations.workspace, selected_lead_ids)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("address-summary")
        self.summary_label.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setWordWrap(True)
        self.form_layout.addWidget(self.selection_panel)
        self.form_layout.addWidget(self.output, 0)
        self.result_layout.addWidget(self.summary_label)
        self.result_layout.addWidget(self.skipped_label)

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def summary(self, result: PrintedAddresses) -> str:
        """The result in one line: ``24 labels on 2 sheets, 2 skipped``."""
        raise NotImplementedError

    def show_result(self, result: object) -> None:
        """Shows how many were printed and who was skipped, and opens the preview."""
        assert isinstance(result, PrintedAddresses)
        self.printed = result
        self.summary_label.setText(self.summary(result))
        self.skipped_label.setText(result.notes_text())
        self.skipped_label.setVisible(bool(result.notes_text()))
        self.request_preview(result.path, self.windowTitle())

    def output_path(self) -> Path:
        """The PDF file to write, as the Output box says (``.pdf`` added when missing)."""
        path = self.output.target()
        if not path.name:
            raise ValidationError("Choose the PDF file to write")
        return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")

    def suggest_file_name(self, name: str) -> None:
        """Proposes a new file in the output folder, unless the user chose one."""
        self.output.suggest_file_name(fresh_path(self._output_folder, name).name)

    def _stopped(self) -> None:
        """After a run the next suggestion is a new file, so a preview still open is kept."""
        super()._stopped()
        self._suggest()

    def _suggest(self) -> None:
        """Proposes the file name of the current choices."""
        raise NotImplementedError


class LabelsDialog(AddressJobDialog):
    """Address labels on an Avery sheet, starting at any label of a partly used sheet."""

    def __init__(
        self,
        operations: Operations,
        output_folder: Path,
        selected_lead_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            operations, output_folder, selected_lead_ids, "Address labels", "Make labels", parent
        )
        self.setObjectName("labels-dialog")
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("label-sheet")
        for sheet in LabelSheet:
            spec = sheet.spec
            self.sheet_box.addItem(spec.title, sheet)
        self.start_box = QSpinBox()
        self.start_box.setObjectName("label-start")
        self.start_box.setToolTip("The first free label on a partly used sheet, counted along rows")
        self.start_box.setMaximumWidth(self.fontMetrics().height() * 6)
        self.outline_box = QCheckBox("Print the outline of every label")
        self.outline_box.setObjectName("label-outline")
        self.outline_box.setToolTip("Check the alignment on plain paper before using a sheet")
        layout = QFormLayout()
        layout.addRow("Sheet", self.sheet_box)
        layout.addRow("Start at label", self.start_box)
        layout.addRow("", self.outline_box)
        sheet_group = QGroupBox("Labels")
        sheet_group.setLayout(layout)
        self.form_layout.insertWidget(1, sheet_group)
        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        self._choose_paper_sheet(load_sender_profile(operations.workspace).paper_size)
        self._sheet_changed()

    def sheet(self) -> LabelSheet:
        """The chosen label sheet."""
        return LabelSheet(self.sheet_box.currentData())

    def set_sheet(self, sheet: LabelSheet) -> None:
        """Chooses a label sheet."""
        self.sheet_box.setCurrentIndex(self.sheet_box.findData(sheet))

    def make_job(self) -> Job:
        """Labels for the chosen leads on the chosen sheet."""
        return PrintLabels(
            database=self._workspace.path,
            selection=self.selection_panel.selection(),
            sender=load_sender_profile(self._workspace),
            sheet=self.sheet(),
            output=self.output_path(),
            start=self.start_box.value(),
            outline=self.outline_box.isChecked(),
        )

    def progress_text(self, done: int, total: int) -> str:
        """``Label 120 of 1,000…``."""
        return f"Label {min(done + 1, total):,} of {total:,}…"

    def summary(self, result: PrintedAddresses) -> str:
        """``24 labels on 2 sheets, 2 skipped``."""
        labels = "1 label" if result.count == 1 else f"{result.count:,} labels"
        sheets = "1 sheet" if result.pages == 1 else f"{result.pages:,} sheets"
        return f"{labels} on {sheets}, {len(result.skipped)} skipped"

    def _choose_paper_sheet(self, paper: PaperSize) -> None:
        for index in range(self.sheet_box.count()):
            if LabelSheet(self.sheet_box.itemData(index)).spec.paper is paper:
                self.sheet_box.setCurrentIndex(index)
                return

    def _sheet_changed(self) -> None:
        self.start_box.setRange(1, self.sheet().spec.per_sheet)
        self._suggest()

    def _suggest(self) -> None:
        self.suggest_file_name(f"Labels {self.sheet().value}.pdf")


class EnvelopesDialog(AddressJobDialog):
    """One envelope per lead, DL, C5 or US #10, with the sender's return address."""

    def __init__(
        self,
        operations: Operations,
        output_folder: Path,
        selected_lead_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            operations, output_folder, selected_lead_ids, "Envelopes", "Make envelopes", parent
        )
        self.setObjectName("envelopes-dialog")
        self.size_box = QComboBox()
        self.size_box.setObjectName("envelope-size")
        for size in EnvelopeSize:
            self.size_box.addItem(size.spec.title, size)
        layout = QFormLayout()
        layout.addRow("Envelope", self.size_box)
        size_group = QGroupBox("Envelopes")
        size_group.setLayout(layout)
        self.form_layout.insertWidget(1, size_group)
        self.size_box.currentIndexChanged.connect(self._suggest)
        if load_sender_profile(operations.workspace).paper_size is PaperSize.LETTER:
            self.set_size(EnvelopeSize.NO10)
        self._suggest()

    def envelope_size(self) -> EnvelopeSize:
        """The chosen envelope."""
        return EnvelopeSize(self.size_box.currentData())

    def set_size(self, size: EnvelopeSize) -> None:
        """Chooses an envelope."""
        self.size_box.setCurrentIndex(self.size_box.findData(size))

    def make_job(self) -> Job:
        """Envelopes for the chosen leads."""
        return PrintEnvelopes(
            database=self._workspace.path,
            selection=self.selection_panel.selection(),
            sender=load_sender_profile(self._workspace),
            size=self.envelope_size(),
            output=self.output_path(),
        )

    def progress_text(self, done: int, total: int) -> str:
        """``Envelope 12 of 50…``."""
        return f"Envelope {min(done + 1, total):,} of {total:,}…"

    def summary(self, result: PrintedAddresses) -> str:
        """``24 envelopes, 2 skipped``."""
        envelopes = "1 envelope" if result.count == 1 else f"{result.count:,} envelopes"
        return f"{envelopes}, {len(result.skipped)} skipped"

    def _suggest(self) -> None:
        self.suggest_file_name(f"Envelopes {self.envelope_size().value}.pdf")
