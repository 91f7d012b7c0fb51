"""The proposal editor: line items (typed, or picked from the catalogue), discount, validity and
texts, with the totals recomputed as the user types.

Saving is one action through the runner: a new proposal, an edited draft, or a new revision of
a sent one. "Send and Print" also marks it sent and prints it on a worker thread, then opens
the preview.

Signals:
    printed(object): the printed file (``PrintedSaleFile``) once the PDF is written.
"""

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.errors import PlannerError, ValidationError
from planner.locale import user_locale
from planner.money import Money, currency_code
from planner.sales.document import DocumentContent, DocumentStatus, SalesDocument
from planner.sales.items import LineItem
from planner.sales.totals import Totals
from planner.services.proposals import create_proposal, save_document, send_document
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from ui.common import form_parts
from ui.money_input import currency_box
from ui.operations import Operations
from ui.sales.printing import SalePrinter
from ui.sales.typed_numbers import decimal_text, read_percent, read_quantity

FIXED_STATUSES = frozenset(
    {DocumentStatus.ACCEPTED, DocumentStatus.SUPERSEDED, DocumentStatus.PAID}
)
"""Statuses whose document neither changes nor gets a new revision."""

COLUMNS = ("Description", "Qty", "Unit", "Unit price", "Disc. %", "Tax %", "Amount")
DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAX, AMOUNT = range(len(COLUMNS))
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
        self.lines_table = QTableWidget(0, len(COLUMNS))
        self.lines_table.setObjectName("proposal-lines")
        self.lines_table.setHorizontalHeaderLabels(COLUMNS)
        self.lines_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
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
        self.valid_until = form_parts.day_edit(
            workspace.clock.today() + timedelta(days=DEFAULT_VALID_DAYS), "Valid until"
        )
        self.introduction_field = QPlainTextEdit()
        self.introduction_field.setTabChangesFocus(True)
        self.introduction_field.setPlaceholderText("A friendly first paragraph (optional)")
        self.terms_field = QPlainTextEdit()
        self.terms_field.setTabChangesFocus(True)
        self.terms_field.setPlaceholderText("Terms; leave empty for the standard ones")
        self.totals_labels: dict[str, QLabel] = {}
        self.totals_grid = QGridLayout()
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

    def add_line(self, line: LineItem | None = None) -> int:
        """Appends a line (an empty one to type into); returns its row."""
        row = self.lines_table.rowCount()
        self.lines_table.blockSignals(True)
        self.lines_table.insertRow(row)
        locale = user_locale()
        texts = ["", "1", "", "", "", "0", ""]
        if line is not None:
            texts = [
                line.description,
                decimal_text(line.quantity),
                line.unit,
                line.unit_price.number_text(locale, grouped=False),
                decimal_text(line.discount) if line.discount else "",
                decimal_text(line.tax_rate),
                "",
            ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == AMOUNT:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column not in (DESCRIPTION, UNIT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line is not None and column == DESCRIPTION and line.catalogue_id is not None:
                item.setData(Qt.ItemDataRole.UserRole, line.catalogue_id)
            self.lines_table.setItem(row, column, item)
        self.lines_table.blockSignals(False)
        self.refresh_totals()
        if line is None:
            self.lines_table.setCurrentCell(row, DESCRIPTION)
            description = self.lines_table.item(row, DESCRIPTION)
            if description is not None:
                self.lines_table.editItem(description)
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
        rows = sorted({index.row() for index in self.lines_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.lines_table.removeRow(row)
        self.refresh_totals()

    def content(self) -> DocumentContent:
        """The proposal as typed; ValidationError naming the first line or field that is wrong."""
        currency = currency_code(self.currency or "EUR")
        lines = []
        for row in range(self.lines_table.rowCount()):
            try:
                lines.append(self._line(row, currency))
            except ValidationError as error:
                raise ValidationError(f"Line {row + 1}: {error}", error.field) from None
        previous = self._document.content if self._document else None
        return DocumentContent(
            lines=tuple(lines),
            currency=currency,
            discount=read_percent(self.discount_field.text(), "discount"),
            valid_until=form_parts.from_qdate(self.valid_until.date()),
            introduction=self.introduction_field.toPlainText().strip(),
            terms=self.terms_field.toPlainText().strip(),
            customer_vat_id=previous.customer_vat_id if previous else "",
        )

    def refresh_totals(self) -> Totals | None:
        """Recomputes and shows the totals; shows why not while something cannot be read."""
        try:
            content = self.content()
        except ValidationError as error:
            self._show_error(str(error))
            self._show_totals(None)
            return None
        self._show_error("")
        totals = content.totals
        self._show_totals(totals)
        locale = user_locale()
        self.lines_table.blockSignals(True)
        for row, net in enumerate(totals.line_nets):
            item = self.lines_table.item(row, AMOUNT)
            if item is not None:
                item.setText(net.number_text(locale))
        self.lines_table.blockSignals(False)
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

    def _line(self, row: int, currency: str) -> LineItem:
        def text(column: int) -> str:
            item = self.lines_table.item(row, column)
            return item.text() if item is not None else ""

        price_text = text(PRICE).strip()
        if not price_text:
            raise ValidationError("give a unit price", "unit_price")
        description_item = self.lines_table.item(row, DESCRIPTION)
        catalogue_id = description_item.data(Qt.ItemDataRole.UserRole) if description_item else None
        return LineItem(
            description=text(DESCRIPTION).strip(),
            quantity=read_quantity(text(QUANTITY)),
            unit=text(UNIT).strip(),
            unit_price=Money.parse_local(price_text, currency, user_locale()),
            discount=read_percent(text(DISCOUNT), "discount"),
            tax_rate=read_percent(text(TAX), "tax_rate"),
            catalogue_id=int(catalogue_id) if catalogue_id is not None else None,
        ).checked()

    def _show_totals(self, totals: Totals | None) -> None:
        while self.totals_grid.count():
            taken = self.totals_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.totals_labels = {}
        if totals is None:
            return
        locale = user_locale()
        rows: list[tuple[str, str, Money]] = [("subtotal", "Subtotal", totals.subtotal)]
        if totals.discount.minor:
            rows.append(("discount", "Discount", totals.discount))
            rows.append(("net", "Net", totals.net))
        for rate in totals.rates:
            rows.append((f"tax-{rate.rate}", f"VAT {decimal_text(rate.rate)} %", rate.tax))
        rows.append(("total", "Total", totals.total))
        for index, (key, label, money) in enumerate(rows):
            name = QLabel(label)
            value = QLabel(money.format(locale))
            value.setObjectName(f"proposal-total-{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key == "total":
                font = value.font()
                font.setBold(True)
                value.setFont(font)
                name.setFont(font)
            self.totals_grid.addWidget(name, index, 0)
            self.totals_grid.addWidget(value, index, 1)
            self.totals_labels[key] = value

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
        totals_box = QWidget()
        totals_box.setLayout(self.totals_grid)
        lower = QHBoxLayout()
        lower.addLayout(settings, 1)
        lower.addStretch(1)
        lower.addWidget(totals_box, 1)
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
