"""A lead's proposals, invoices and contracts, with what can be done to each.

The list follows ``change_applied``: an accept, a new invoice or an undo shows at once. Every
button is one action through the runner; printing runs on a worker thread.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.locale import format_day, user_locale
from planner.sales.document import DocumentStatus
from planner.sales.numbering import DocumentKind
from planner.sales.summaries import DocumentSummary
from planner.services import deals
from ui.operations import Action, Operations
from ui.sales.printing import SalePrinter
from ui.sales.proposal_editor import ProposalEditor

COLUMNS = ("Number", "Type", "Status", "Total", "Date")
_OPEN = (DocumentStatus.DRAFT, DocumentStatus.SENT)


class DeclineDialog(QDialog):
    """Why the customer declined (optional), and whether the lead goes to Lost with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decline-dialog")
        self.setWindowTitle("Decline proposal")
        self.reason_field = QLineEdit()
        self.reason_field.setPlaceholderText("e.g. chose a cheaper offer")
        self.lost_box = QCheckBox("Move the lead to &Lost with this reason")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Decline")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Why did the customer decline? (optional)"))
        layout.addWidget(self.reason_field)
        layout.addWidget(self.lost_box)
        layout.addWidget(buttons)


class LeadDocumentsPanel(QWidget):
    """The documents of one lead, newest first, and the buttons that act on the selected one."""

    def __init__(self, operations: Operations, lead_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lead-documents")
        self._operations = operations
        self.lead_id = lead_id
        self.summaries: list[DocumentSummary] = []
        self.editor: ProposalEditor | None = None
        self.decline_dialog: DeclineDialog | None = None
        self.printer = SalePrinter(operations)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("lead-documents-table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.new_button = QPushButton("New &Proposal…")
        self.edit_button = QPushButton("&Edit…")
        self.print_button = QPushButton("P&rint")
        self.accept_button = QPushButton("&Accept")
        self.decline_button = QPushButton("&Decline…")
        self.invoice_button = QPushButton("Create &Invoice")
        self.contract_button = QPushButton("Create &Contract")
        self.paid_button = QPushButton("Mark &Paid")
        self.new_button.clicked.connect(self.new_proposal)
        self.edit_button.clicked.connect(self.edit_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.accept_button.clicked.connect(self.accept_selected)
        self.decline_button.clicked.connect(self.ask_decline)
        self.invoice_button.clicked.connect(self.invoice_selected)
        self.contract_button.clicked.connect(self.contract_selected)
        self.paid_button.clicked.connect(self.mark_selected_paid)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        operations.change_applied.connect(self._change_applied)
        self._build_layout()
        self.reload()

    def reload(self) -> None:
        """Reads the lead's documents again, keeping the selected one selected."""
        selected = self.selected()
        workspace = self._operations.workspace
        self.summaries = workspace.documents.summaries(workspace.clock.today(), self.lead_id)
        locale = user_locale()
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            cells = (
                summary.number,
                summary.kind.label,
                summary.status.label,
                summary.total.format(locale),
                format_day(summary.issued_on) if summary.issued_on else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if selected is not None:
            self.select(selected.id)
        elif self.summaries:
            self.table.selectRow(0)
        self._enable_buttons()

    def select(self, document_id: int) -> None:
        """Selects the document's row, if it is listed."""
        for row, summary in enumerate(self.summaries):
            if summary.id == document_id:
                self.table.selectRow(row)

    def selected(self) -> DocumentSummary | None:
        """The document of the selected row."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        (row,) = rows
        return self.summaries[row] if row < len(self.summaries) else None

    def new_proposal(self) -> ProposalEditor:
        """Opens the editor on a new proposal for the lead."""
        return self._open_editor(None)

    def edit_selected(self) -> ProposalEditor | None:
        """Opens the selected proposal in the editor (saving a sent one makes a revision)."""
        summary = self.selected()
        if summary is None or summary.kind is not DocumentKind.PROPOSAL:
            return None
        return self._open_editor(summary.id)

    def print_selected(self) -> None:
        """Prints the selected document and opens it in the preview."""
        summary = self.selected()
        if summary is not None:
            self.printer.print_document(summary.id, summary.lead_name)

    def accept_selected(self) -> Change | None:
        """The customer accepted: the lead moves to Won with the amount, in one step."""
        summary = self.selected()
        if summary is None:
            return None
        change = self._run(lambda workspace: deals.accept_proposal(workspace, summary.id))
        if change is not None:
            self.hint.setText("Accepted. Create the invoice and the contract next.")
        return change

    def decline_selected(self, reason: str, *, lose_lead: bool = False) -> Change | None:
        """The customer declined, for ``reason``."""
        summary = self.selected()
        if summary is None:
            return None
        return self._run(
            lambda workspace: deals.decline_proposal(
                workspace, summary.id, reason, lose_lead=lose_lead
            )
        )

    def invoice_selected(self) -> Change | None:
        """Issues an invoice with the accepted proposal's items and prints it."""
        summary = self.selected()
        if summary is None:
            return None
        change = self._run(lambda workspace: deals.invoice_from_proposal(workspace, summary.id))
        self._print_created(change)
        return change

    def contract_selected(self) -> Change | None:
        """Makes the contract of the accepted proposal and prints it."""
        summary = self.selected()
        if summary is None:
            return None
        change = self._run(lambda workspace: deals.contract_from_proposal(workspace, summary.id))
        self._print_created(change)
        return change

    def mark_selected_paid(self) -> Change | None:
        """Records that the selected invoice was paid today."""
        summary = self.selected()
        if summary is None:
            return None
        return self._run(lambda workspace: deals.mark_invoice_paid(workspace, summary.id))

    def _print_created(self, change: Change | None) -> None:
        if change is None:
            return
        document_id = change.created_id(Kind.DOCUMENT)
        self.select(document_id)
        name = self._operations.workspace.leads.get(self.lead_id, include_deleted=True).name
        self.printer.print_document(document_id, name)

    def ask_decline(self) -> "DeclineDialog":
        """Asks why the customer declined, and whether the lead is lost, then declines."""
        dialog = DeclineDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.decline_selected(
                dialog.reason_field.text(), lose_lead=dialog.lost_box.isChecked()
            )
        )
        self.decline_dialog = dialog
        dialog.open()
        return dialog

    def _run(self, action: Action) -> Change | None:
        return self._operations.run(action, initiator=self)

    def _open_editor(self, document_id: int | None) -> ProposalEditor:
        editor = ProposalEditor(self._operations, self.lead_id, document_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()
        return editor

    def _editor_closed(self, editor: ProposalEditor) -> None:
        if editor.document_id is not None:
            self.select(editor.document_id)
        if self.editor is editor:
            self.editor = None

    def _change_applied(self, change: Change, _initiator: object) -> None:
        if change.ids(Kind.DOCUMENT) or self.lead_id in change.lead_ids:
            self.reload()

    def _enable_buttons(self) -> None:
        summary = self.selected()
        kind = summary.kind if summary else None
        status = summary.status if summary else None
        proposal = kind is DocumentKind.PROPOSAL
        self.edit_button.setEnabled(
            proposal and status in (*_OPEN, DocumentStatus.DECLINED, DocumentStatus.EXPIRED)
        )
        self.print_button.setEnabled(summary is not None)
        self.accept_button.setEnabled(proposal and status in _OPEN)
        self.decline_button.setEnabled(proposal and status in _OPEN)
        accepted = proposal and status is DocumentStatus.ACCEPTED
        self.invoice_button.setEnabled(accepted)
        self.contract_button.setEnabled(accepted)
        self.paid_button.setEnabled(
            kind is DocumentKind.INVOICE
            and status in (DocumentStatus.ISSUED, DocumentStatus.OVERDUE)
        )

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.print_button,
            self.accept_button,
            self.decline_button,
            self.invoice_button,
            self.contract_button,
            self.paid_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
