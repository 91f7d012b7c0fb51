"""The template editor's live preview: the letter as it prints for a chosen lead.

Typing only restarts a short timer; when it fires, the letter is rendered on a worker thread and
shown when ready. While one render runs, only the newest request waits behind it, so a fast
typist never queues up a backlog and the editor stays fluid.
"""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.documents.template_text import LetterTemplate
from planner.errors import PlannerError
from planner.services.document_jobs import LetterPreview, RenderLetter
from planner.services.documents import letter_context
from planner.workspace import Workspace
from ui.common.theme import Tone, set_tone
from ui.common.workers import JobThread
from ui.operations import Operations
from ui.referrer_field import ReferrerField

PREVIEW_DELAY_MS = 400
"""Typing must pause this long before the preview is rendered again."""


class LetterPreviewPanel(QWidget):
    """A lead and campaign to preview on, and the rendered letter.

    Signals:
        rendered(object): a LetterPreview is now shown.
        render_failed(str): the newest render failed; the sentence says why.
    """

    rendered = Signal(object)
    render_failed = Signal(str)

    def __init__(
        self, operations: Operations, lead_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._operations = operations
        workspace = operations.workspace
        self._template: LetterTemplate | None = None
        self._running: JobThread | None = None
        self._waiting = False
        self._buffer: QBuffer | None = None
        self.lead_field = ReferrerField(workspace)
        self.lead_field.setPlaceholderText("Type a lead's name…")
        self.lead_field.setToolTip("The lead the preview is written to")
        self.lead_field.set_lead(lead_id)
        self.campaign_box = QComboBox()
        self.campaign_box.addItem("No campaign", None)
        for campaign in workspace.campaigns.all():
            self.campaign_box.addItem(campaign.name, campaign.id)
        self.status_label = QLabel()
        self.status_label.setObjectName("preview-status")
        self.status_label.setWordWrap(True)
        set_tone(self.status_label, Tone.MUTED)
        # Children go in the order they were made: the view (and its page renderer) before the
        # document it draws.
        self.view = QPdfView(self)
        self.view.setObjectName("letter-preview")
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        self.lead_field.referrer_changed.connect(self._lead_changed)
        self.campaign_box.currentIndexChanged.connect(self._timer.start)
        choices = QFormLayout()
        choices.addRow("Preview for", self.lead_field)
        choices.addRow("Campaign", self.campaign_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choices)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    @property
    def is_rendering(self) -> bool:
        """True while a render runs on the worker thread."""
        return self._running is not None

    def request(self, template: LetterTemplate) -> None:
        """Renders ``template`` once typing pauses."""
        self._template = template
        self._timer.start()

    def render_now(self) -> None:
        """Renders the newest template now, or as soon as the render under way is done."""
        self._timer.stop()
        if self._template is None:
            return
        if self._running is not None:
            self._waiting = True
            return
        lead_id = self.lead_field.lead_id
        if lead_id is None:
            self._show_status("Choose a lead to preview the letter on")
            return
        try:
            context = letter_context(self._workspace, lead_id, self.campaign_box.currentData())
        except PlannerError as error:
            self._show_status(str(error))
            return
        running = JobThread(RenderLetter(self._template, context), self)
        running.finished.connect(self._show)
        running.failed.connect(self._failed)
        running.done.connect(self._render_done)
        self._running = running
        running.start()

    def mark_stale(self, reason: str) -> None:
        """Says the letter shown is out of date, and why (the template has a mistake)."""
        self._timer.stop()
        self._show_status(reason)

    def shutdown(self) -> None:
        """Stops a render under way (the editor is closing)."""
        self._timer.stop()
        self._waiting = False
        if self._running is not None:
            self._running.stop()
            self._running = None

    def _show(self, preview: LetterPreview) -> None:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(preview.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if preview.missing:
            self._show_status("Printed empty: " + ", ".join(sorted(preview.missing)))
        else:
            self._show_status("")
        self.rendered.emit(preview)

    def _failed(self, reason: str) -> None:
        self._show_status(reason)
        self.render_failed.emit(reason)

    def _render_done(self) -> None:
        if self._running is not None:
            self._running.deleteLater()
        self._running = None
        if self._waiting:
            self._waiting = False
            self.render_now()

    def _lead_changed(self) -> None:
        if self.lead_field.lead_id is not None:
            self._timer.start()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
