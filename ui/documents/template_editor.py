"""Writing a letter template: its fields, the placeholders to insert, a syntax check that names
the line, and a live preview on a chosen lead.

Built-in templates open read-only (copy one to change it). Saving a new template or changes to
one of the user's own is one undoable step.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.documents.template_text import (
    DEFAULT_CLOSING,
    LETTER_KINDS,
    LetterTemplate,
    TemplateDraft,
    TemplateError,
)
from planner.domain import TouchKind
from planner.services.templates import create_template, edit_template
from ui.common.colours import OVERDUE, blend
from ui.common.theme import Tone, set_tone
from ui.documents.letter_preview import LetterPreviewPanel
from ui.documents.placeholder_list import PlaceholderList
from ui.operations import Action, Operations

CHECK_DELAY_MS = 250
"""Typing must pause this long before the template is checked again."""

NEW_TEMPLATE_NAME = "new-template"
"""The name a template has in messages before it is saved (saving derives one from the title)."""

STARTER_BODY = (
    "{{ salutation }},\n\n"
    "Write your letter here. **Bold** and *italic* work, a blank line starts a new paragraph,\n"
    'and lines starting with "- " become bullet points.\n\n'
    "Call us on {{ sender.phone }} or reply to this letter."
)


class TemplateEditor(QDialog):
    """Edits one template (or a new one) beside its placeholders and its live preview.

    Saving runs through ``Operations``; the editor has no signals of its own.
    """

    def __init__(
        self,
        operations: Operations,
        template: LetterTemplate | None = None,
        preview_lead_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template-editor")
        self._operations = operations
        self._template = template
        self.change: Change | None = None
        self.problem: TemplateError | None = None
        self.title_field = QLineEdit()
        self.title_field.setPlaceholderText("e.g. Spring offer for bakeries")
        self.kind_box = QComboBox()
        for kind in LETTER_KINDS:
            self.kind_box.addItem(kind.label, kind)
        self.subject_field = QLineEdit()
        self.subject_field.setPlaceholderText("optional, printed in bold above the letter")
        self.closing_field = QLineEdit()
        self.response_code_box = QCheckBox("Print the campaign's response code")
        self.qr_box = QCheckBox("with a QR code")
        self.body_field = QPlainTextEdit()
        self.body_field.setObjectName("template-body")
        self.body_field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body_field.setTabChangesFocus(True)
        self.check_label = QLabel()
        self.check_label.setObjectName("template-check")
        self.check_label.setWordWrap(True)
        self.placeholders = PlaceholderList()
        self.preview = LetterPreviewPanel(operations, preview_lead_id)
        self.read_only_note = QLabel(
            "This template is built in and cannot be changed: use Copy in the template list "
            "to make your own version."
        )
        self.read_only_note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.buttons.addButton(
            QDialogButtonBox.StandardButton.Close
            if self.read_only
            else QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._insert_target: QLineEdit | QPlainTextEdit = self.body_field
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self._fill()
        self._build_layout()
        self._connect()
        self._set_read_only(self.read_only)
        self.setWindowTitle(self._window_title())
        self.check()

    @property
    def read_only(self) -> bool:
        """True for a built-in template."""
        return self._template is not None and self._template.builtin

    @property
    def template_name(self) -> str:
        """The template's name, or a stand-in before a new one is saved."""
        return self._template.name if self._template is not None else NEW_TEMPLATE_NAME

    def draft(self) -> TemplateDraft:
        """The fields as a draft."""
        return TemplateDraft(
            title=self.title_field.text(),
            body=self.body_field.toPlainText(),
            kind=TouchKind(self.kind_box.currentData()),
            subject=self.subject_field.text(),
            closing=self.closing_field.text(),
            show_response_code=self.response_code_box.isChecked(),
            show_qr=self.qr_box.isChecked(),
        )

    def check(self) -> TemplateError | None:
        """Compiles the draft now; shows the problem with its line, or asks for a new preview."""
        from planner.documents.templating import check_template

        self._check_timer.stop()
        draft = self.draft()
        try:
            check_template(self.template_name, draft)
        except TemplateError as error:
            self.problem = error
        else:
            self.problem = None
        self._show_check(draft)
        if self.problem is not None:
            self.preview.mark_stale("The preview shows the last version without mistakes")
        else:
            template_id = self._template.template_id if self._template else None
            self.preview.request(LetterTemplate.from_draft(self.template_name, draft, template_id))
        return self.problem

    def insert_placeholder(self, text: str) -> None:
        """Inserts ``text`` at the cursor of the subject or the body, whichever was used last."""
        if self.read_only:
            return
        target = self._insert_target
        if isinstance(target, QLineEdit):
            target.insert(text)
        else:
            target.insertPlainText(text)
        target.setFocus()

    def accept(self) -> None:
        """Saves the template and closes; a problem is shown and the editor stays open."""
        if self.read_only:
            super().accept()
            return
        if self.check() is not None:
            return
        draft = self.draft()
        template = self._template
        if template is not None and template.template_id is not None:
            if draft == template.draft():
                super().accept()
                return
            template_id = template.template_id
            self.change = self._save(lambda workspace: edit_template(workspace, template_id, draft))
        else:
            self.change = self._save(lambda workspace: create_template(workspace, draft))
        if self.change is not None:
            super().accept()

    def done(self, result: int) -> None:
        """Stops a preview still rendering before the editor goes."""
        self.preview.shutdown()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remembers whether the subject or the body had the cursor last."""
        if event.type() == QEvent.Type.FocusIn and watched in (self.subject_field, self.body_field):
            assert isinstance(watched, QLineEdit | QPlainTextEdit)
            self._insert_target = watched
        return super().eventFilter(watched, event)

    def _save(self, action: Action) -> Change | None:
        return self._operations.run(
            action, initiator=self, show_error=lambda error: self._show_problem(str(error))
        )

    def _fill(self) -> None:
        template = self._template
        draft = (
            template.draft()
            if template is not None
            else TemplateDraft(title="", body=STARTER_BODY, closing=DEFAULT_CLOSING)
        )
        self.title_field.setText(draft.title)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(draft.kind), 0))
        self.subject_field.setText(draft.subject)
        self.closing_field.setText(draft.closing)
        self.response_code_box.setChecked(draft.show_response_code)
        self.qr_box.setChecked(draft.show_qr)
        self.body_field.setPlainText(draft.body)

    def _connect(self) -> None:
        for field in (self.title_field, self.subject_field, self.closing_field):
            field.textChanged.connect(self._check_timer.start)
        self.body_field.textChanged.connect(self._check_timer.start)
        self.kind_box.currentIndexChanged.connect(self._check_timer.start)
        for box in (self.response_code_box, self.qr_box):
            box.toggled.connect(self._check_timer.start)
        self.subject_field.installEventFilter(self)
        self.body_field.installEventFilter(self)
        self.placeholders.insert_requested.connect(self.insert_placeholder)

    def _build_layout(self) -> None:
        line = self.fontMetrics().height()
        fields = QFormLayout()
        fields.addRow("Title", self.title_field)
        fields.addRow("Recorded as", self.kind_box)
        fields.addRow("Subject", self.subject_field)
        fields.addRow("Closing", self.closing_field)
        flags = QHBoxLayout()
        flags.addWidget(self.response_code_box)
        flags.addWidget(self.qr_box)
        flags.addStretch(1)
        fields.addRow("", flags)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.read_only_note)
        editor_layout.addLayout(fields)
        editor_layout.addWidget(self.body_field, 1)
        editor_layout.addWidget(self.check_label)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(editor)
        splitter.addWidget(self.placeholders)
        splitter.addWidget(self.preview)
        splitter.setSizes([line * 34, line * 26, line * 36])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(line * 100, line * 50)

    def _set_read_only(self, read_only: bool) -> None:
        self.read_only_note.setVisible(read_only)
        self.save_button.setVisible(not read_only)
        self.placeholders.insert_button.setEnabled(not read_only)
        for field in (self.title_field, self.subject_field, self.closing_field):
            field.setReadOnly(read_only)
        self.body_field.setReadOnly(read_only)
        for widget in (self.kind_box, self.response_code_box, self.qr_box):
            widget.setEnabled(not read_only)

    def _show_check(self, draft: TemplateDraft) -> None:
        problem = self.problem
        self._mark_line(problem)
        if problem is not None:
            where = problem.part.capitalize()
            if problem.line is not None:
                where += f", line {problem.line}"
            self._show_problem(f"{where}: {problem.reason}")
        elif not draft.title.strip():
            self._show_problem("Give the template a title")
        elif not draft.body.strip():
            self._show_problem("Write the letter's body")
        else:
            self._show_note("No problems found")
        self.save_button.setEnabled(
            problem is None and bool(draft.title.strip()) and bool(draft.body.strip())
        )

    def _mark_line(self, problem: TemplateError | None) -> None:
        """Tints the body line a problem names; clears the tint otherwise."""
        if problem is None or problem.part != "body" or problem.line is None:
            self.body_field.setExtraSelections([])
            return
        block = self.body_field.document().findBlockByNumber(problem.line - 1)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(block)
        selection.format.setBackground(blend(self.palette().base().color(), OVERDUE, 0.18))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self.body_field.setExtraSelections([selection])

    def _show_problem(self, text: str) -> None:
        set_tone(self.check_label, Tone.ALERT)
        self.check_label.setText(text)

    def _show_note(self, text: str) -> None:
        set_tone(self.check_label, Tone.MUTED)
        self.check_label.setText(text)

    def _window_title(self) -> str:
        if self._template is None:
            return "New letter template"
        if self.read_only:
            return f"Letter template '{self._template.title}' (built in)"
        return f"Edit letter template '{self._template.title}'"
