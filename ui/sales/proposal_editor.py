"""The proposal editor: line items (typed, or picked from the catalogue), discount, validity and
texts, with the totals recomputed as the user types.

Saving is one action through the runner: a new proposal, an edited draft, or a new revision of
a sent one. "Send and Print" also marks it sent and prints it on a worker thread, then opens
the preview.

Signals:
    printed(object): the printed file (``PrintedSaleFile``) once the PDF is written.
"""

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.errors import PlannerError, ValidationError
from planner.money import currency_code
from planner.sales.banking import checked_vat_id
from planner.sales.document import DocumentContent, DocumentStatus, SalesDocument
from planner.sales.items import LineItem
from planner.sales.totals import Totals
from planner.services.proposals import create_proposal, save_document, send_document
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from ui.common import form_parts
from ui.money_input import currency_box
from ui.operations import Operations
from ui.sales.lines_table import LinesTable
from ui.sales.printing import SalePrinter
from ui.sales.totals_panel import TotalsPanel
from ui.sales.typed_numbers import decimal_text, read_percent

FIXED_STATUSES = frozenset(
    {DocumentStatus.ACCEPTED, DocumentStatus.SUPERSEDED, DocumentStatus.PAID}
)
"""Statuses whose document neither changes nor gets a new revision."""

DEFAULT_VALID_DAYS = 30


class ProposalEditor(QDialog):
    """Builds or edits one proposal of one lead."""

    printed = Signal(object)

    def __init__(
        self,
        operations: Operations,
        lead_id: int,
        document_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proposal-editor")
        self._operations = operations
        workspace = operations.workspace
        self._lead = workspace.leads.get(lead_id, include_deleted=True)
        self._document: SalesDocument | None = (
            workspace.documents.get(document_id) if document_id is not None else None
        )
        self.change: Change | None = None
        self.document_id: int | None = document_id
        self.printer = SalePrinter(operations)
        self.printer.printed.connect(self.printed)
        self.lines_table = LinesTable()
        self.totals_panel = TotalsPanel()
        self.catalogue_box = QComboBox()
        self.catalogue_box.setObjectName("proposal-catalogue")
        for item in workspace.catalogue.items():
            self.catalogue_box.addItem(f"{item.name} · {item.unit_price}", item.id)
        self.add_catalogue_button = QPushButton("Add from &Catalogue")
        self.add_catalogue_button.setEnabled(self.catalogue_box.count() > 0)
        self.add_line_button = QPushButton("&Add Line")
        self.remove_line_button = QPushButton("&Remove Line")
        self.discount_field = QLineEdit()
        self.discount_field.setObjectName("proposal-discount")
        self.discount_field.setPlaceholderText("e.g. 10")
        self.currency_box = currency_box(self)
        self.vat_id_field = QLineEdit()
        self.vat_id_field.setObjectName("proposal-customer-vat-id")
        self.vat_id_field.setPlaceholderText("e.g. DE811907980")
        self.valid_until = form_parts.day_edit(
            workspace.clock.today() + timedelta(days=DEFAULT_VALID_DAYS), "Valid until"
        )
        self.introduction_field = QPlainTextEdit()
        self.introduction_field.setTabChangesFocus(True)
        self.introduction_field.setPlaceholderText("A friendly first paragraph (optional)")
        self.terms_field = QPlainTextEdit()
        self.terms_field.setTabChangesFocus(True)
        self.terms_field.setPlaceholderText("Terms; leave empty for the standard ones")
        self.error_label = form_parts.error_label("proposal-error")
        self.notice = form_parts.plain_label()
        self.notice.setObjectName("proposal-notice")
        self.notice.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            "Save &Draft", QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.send_button = self.buttons.addButton(
            "&Send and Print", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_draft)
        self.send_button.clicked.connect(self.send_and_print)
        self.add_line_button.clicked.connect(lambda: self.add_line())
        self.add_catalogue_button.clicked.connect(self.add_catalogue_line)
        self.remove_line_button.clicked.connect(self.remove_selected_lines)
        self._fill(workspace)
        self.lines_table.itemChanged.connect(self.refresh_totals)
        self.discount_field.textEdited.connect(self.refresh_totals)
        self.vat_id_field.textEdited.connect(self.refresh_totals)
        self.currency_box.currentTextChanged.connect(self.refresh_totals)
        self._build_layout()
        self.refresh_totals()
        title = self._document.display_number if self._document else "New proposal"
        self.setWindowTitle(f"{title} for '{self._lead.name}'")
        self.setMinimumSize(self.fontMetrics().height() * 56, self.fontMetrics().height() * 36)

    @property
    def currency(self) -> str:
        """The proposal's currency code as typed (checked when the content is read)."""
        return self.currency_box.currentText().strip().upper()

    @property
    def totals_labels(self) -> dict[str, QLabel]:
        """The shown amounts by key (``subtotal``, ``discount``, ``net``, ``tax-19``, ``total``)."""
        return self.totals_panel.labels

    def add_line(self, line: LineItem | None = None) -> int:
        """Appends a line (an empty one to type into, with the focus on its description)."""
        row = self.lines_table.append(line)
        self.refresh_totals()
        if line is None:
            self.lines_table.edit_description(row)
        return row

    def add_catalogue_line(self) -> int | None:
        """Adds one unit of the entry chosen in the catalogue box, in its price and tax rate."""
        item_id = self.catalogue_box.currentData()
        if item_id is None:
            return None
        item = self._operations.workspace.catalogue.get(int(item_id))
        if item.unit_price.currency != self.currency and self.lines_table.rowCount():
            self._show_error(
                f"'{item.name}' is priced in {item.unit_price.currency}, "
                f"this proposal in {self.currency}"
            )
            return None
        if not self.lines_table.rowCount():
            self.currency_box.setCurrentText(item.unit_price.currency)
        return self.add_line(item.line())

    def remove_selected_lines(self) -> None:
        """Removes the selected lines."""
        self.lines_table.remove_selected()
        self.refresh_totals()

    def content(self) -> DocumentContent:
        """The proposal as typed; ValidationError naming the first line or field that is wrong."""
        currency = currency_code(self.currency or "EUR")
        return DocumentContent(
            lines=self.lines_table.lines(currency),
            currency=currency,
            discount=read_percent(self.discount_field.text(), "discount"),
            valid_until=form_parts.from_qdate(self.valid_until.date()),
            introduction=self.introduction_field.toPlainText().strip(),
            terms=self.terms_field.toPlainText().strip(),
            customer_vat_id=checked_vat_id(self.vat_id_field.text(), "customer_vat_id"),
        )

    def refresh_totals(self) -> Totals | None:
        """Recomputes and shows the totals; shows why not while something cannot be read."""
        try:
            content = self.content()
        except ValidationError as error:
            self._show_error(str(error))
            self.totals_panel.show_totals(None)
            return None
        self._show_error("")
        totals = content.totals
        self.totals_panel.show_totals(totals)
        self.lines_table.show_amounts(totals.line_nets)
        return totals

    def save_draft(self) -> Change | None:
        """Saves without sending: a new proposal, or the draft edited (a sent one: a revision)."""
        change = self._save(send=False)
        if change is not None:
            self.accept()
        return change

    def send_and_print(self) -> Change | None:
        """Saves, marks the proposal sent (recording the touch) and prints it. A sent proposal
        left unchanged is printed again as it is, without a new revision."""
        document = self._document
        if document is not None and document.is_frozen and self._unchanged(document):
            self.printer.print_document(document.id, self._lead.name)
            self.accept()
            return None
        change = self._save(send=True)
        if change is None:
            return None
        if self.document_id is not None:
            self.printer.print_document(self.document_id, self._lead.name)
        self.accept()
        return change

    def _save(self, *, send: bool) -> Change | None:
        try:
            content = self.content()
        except ValidationError as error:
            self._show_error(str(error))
            return None
        lead_id = self._lead.id
        document = self._document

        def action(workspace: Workspace) -> Change:
            if document is None:
                return create_proposal(workspace, lead_id, content, send=send)
            return save_document(workspace, document.id, content)

        change = self._operations.run(action, initiator=self, show_error=self._refused)
        if change is None:
            return None
        self.change = change
        created = change.created_ids(Kind.DOCUMENT)
        if created:
            self.document_id = created[0]
        if send and document is not None:
            document_id = self.document_id
            assert document_id is not None
            sent = self._operations.run(
                lambda workspace: send_document(workspace, document_id),
                initiator=self,
                show_error=self._refused,
            )
            if sent is None:
                return None
        return change

    def _unchanged(self, document: SalesDocument) -> bool:
        try:
            return self.content() == document.content
        except ValidationError:
            return False

    def _refused(self, error: PlannerError) -> None:
        self._show_error(str(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _fill(self, workspace: Workspace) -> None:
        document = self._document
        today = workspace.clock.today()
        if document is None:
            profile_currency = load_sender_profile(workspace).currency
            lead_value = self._lead.value
            self.currency_box.setCurrentText(
                lead_value.currency if lead_value is not None else profile_currency
            )
            return
        content = document.content
        self.currency_box.setCurrentText(content.currency)
        if content.discount:
            self.discount_field.setText(decimal_text(content.discount))
        valid = content.valid_until or today + timedelta(days=DEFAULT_VALID_DAYS)
        self.valid_until.setDate(form_parts.to_qdate(max(valid, today)))
        self.introduction_field.setPlainText(content.introduction)
        self.vat_id_field.setText(content.customer_vat_id)
        self.terms_field.setPlainText(content.terms)
        for line in content.lines:
            self.add_line(line)
        if document.status in FIXED_STATUSES:
            self.save_button.setEnabled(False)
            self.send_button.setEnabled(False)
            self.notice.setText(
                f"{document.display_number} is {document.status.value}: it can be printed "
                "from the lead's documents but no longer changed."
            )
        elif document.is_frozen:
            self.save_button.setText("Save as &Revision")
            self.notice.setText(
                f"{document.display_number} was sent: saving changes makes a new revision and "
                "keeps this one as it was."
            )

    def _build_layout(self) -> None:
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(QLabel("Catalogue"))
        line_buttons.addWidget(self.catalogue_box, 2)
        line_buttons.addWidget(self.add_catalogue_button)
        settings = QFormLayout()
        settings.addRow("Currency", self.currency_box)
        settings.addRow("Overall discount %", self.discount_field)
        settings.addRow("Valid until", self.valid_until)
        settings.addRow("Customer VAT no.", self.vat_id_field)
        lower = QHBoxLayout()
        lower.addLayout(settings, 1)
        lower.addStretch(1)
        lower.addWidget(self.totals_panel, 1)
        texts = QFormLayout()
        texts.addRow("Introduction", self.introduction_field)
        texts.addRow("Terms", self.terms_field)
        layout = QVBoxLayout(self)
        layout.addWidget(form_parts.plain_label(f"For {self._lead.name}"))
        layout.addWidget(self.notice)
        layout.addWidget(self.lines_table, 3)
        layout.addLayout(line_buttons)
        layout.addLayout(lower)
        layout.addLayout(texts, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
