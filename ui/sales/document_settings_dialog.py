"""Document Settings: how proposals, invoices and contracts are numbered, and their standard
introduction and terms (templates with the letters' placeholders). Saving is one undoable step."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.errors import PlannerError, ValidationError
from planner.sales.numbering import DocumentKind, NumberPattern
from planner.services.document_settings import save_document_settings
from planner.services.numbering import load_number_patterns
from planner.services.sales_texts import load_standard_texts
from ui.common import form_parts
from ui.operations import Operations

PLACEHOLDER_HINT = (
    "Placeholders as in letters: {{ salutation }}, {{ lead.name }}, {{ lead.company }}, "
    "{{ sender.business_name }}, {{ sender.phone }} …"
)


class DocumentSettingsDialog(QDialog):
    """Edits every kind's number pattern (with the number it would give next) and texts."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-settings-dialog")
        self.setWindowTitle("Document settings")
        self._operations = operations
        workspace = operations.workspace
        self._year = workspace.clock.today().year
        self.change: Change | None = None
        self.pattern_fields: dict[DocumentKind, QLineEdit] = {}
        self.examples: dict[DocumentKind, QLabel] = {}
        for kind, pattern in load_number_patterns(workspace).items():
            field = QLineEdit(pattern.text)
            field.setObjectName(f"pattern-{kind.value}")
            field.textEdited.connect(self._show_examples)
            self.pattern_fields[kind] = field
            self.examples[kind] = form_parts.plain_label()
        self.texts: dict[DocumentKind, tuple[str, str]] = dict(load_standard_texts(workspace))
        self.kind_box = QComboBox()
        for kind in DocumentKind:
            self.kind_box.addItem(kind.label, kind)
        self.introduction_field = QPlainTextEdit()
        self.terms_field = QPlainTextEdit()
        for text_field in (self.introduction_field, self.terms_field):
            text_field.setTabChangesFocus(True)
            text_field.textChanged.connect(self._keep_texts)
        self._shown_kind = DocumentKind.PROPOSAL
        self.kind_box.currentIndexChanged.connect(self._show_texts)
        self.error_label = form_parts.error_label("document-settings-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self._show_texts()
        self._show_examples()

    def patterns(self) -> dict[DocumentKind, str]:
        """The typed patterns by kind."""
        return {kind: field.text() for kind, field in self.pattern_fields.items()}

    def accept(self) -> None:
        """Saves everything as one step and closes; stays open with the reason when refused."""
        patterns = self.patterns()
        texts = dict(self.texts)
        self.change = self._operations.run(
            lambda workspace: save_document_settings(workspace, patterns, texts),
            initiator=self,
            show_error=self._refused,
        )
        if self.change is not None:
            super().accept()

    def _refused(self, error: PlannerError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()

    def _show_examples(self) -> None:
        for kind, field in self.pattern_fields.items():
            try:
                pattern = NumberPattern.parse(field.text())
            except ValidationError as error:
                self.examples[kind].setText(str(error))
                continue
            self.examples[kind].setText(f"e.g. {pattern.number(self._year, 1)}")

    def _keep_texts(self) -> None:
        self.texts[self._shown_kind] = (
            self.introduction_field.toPlainText(),
            self.terms_field.toPlainText(),
        )

    def _show_texts(self) -> None:
        kind = self.kind_box.currentData()
        introduction, terms = self.texts[kind]
        self._shown_kind = kind
        for text_field, text in (
            (self.introduction_field, introduction),
            (self.terms_field, terms),
        ):
            text_field.blockSignals(True)
            text_field.setPlainText(text)
            text_field.blockSignals(False)

    def _build_layout(self) -> None:
        numbers = QFormLayout()
        for kind, field in self.pattern_fields.items():
            numbers.addRow(f"{kind.label}s", field)
            numbers.addRow("", self.examples[kind])
        numbers.addRow(
            "", form_parts.plain_label("{YYYY} year, {YY} its last digits, {####} the count")
        )
        numbers_box = QGroupBox("Numbers")
        numbers_box.setLayout(numbers)
        texts = QFormLayout()
        texts.addRow("Document", self.kind_box)
        texts.addRow("Introduction", self.introduction_field)
        texts.addRow("Terms", self.terms_field)
        hint = form_parts.plain_label(PLACEHOLDER_HINT)
        hint.setWordWrap(True)
        texts.addRow("", hint)
        texts_box = QGroupBox("Standard texts")
        texts_box.setLayout(texts)
        layout = QVBoxLayout(self)
        layout.addWidget(numbers_box)
        layout.addWidget(texts_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 40)
