"""The window's selling actions: a proposal for the selected hot lead (also on the card's
right-click menu), the documents of the selected lead, and the catalogue."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QVBoxLayout, QWidget

from planner.domain import Column
from planner.errors import NotFoundError
from ui.board.board_widget import BoardWidget
from ui.common.icons import Glyph
from ui.operations import Operations
from ui.sales.catalogue_dialog import CatalogueDialog
from ui.sales.lead_documents import LeadDocumentsPanel
from ui.sales.printing import SalePrinter
from ui.sales.proposal_editor import ProposalEditor
from ui.window_actions import window_action

PROPOSAL_COLUMNS = frozenset({Column.HOT})
"""Where a new proposal is offered on the card: hot leads are ready to talk business."""


class LeadDocumentsDialog(QDialog):
    """A lead's documents in a window of their own (from the board)."""

    def __init__(self, operations: Operations, lead_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lead-documents-dialog")
        name = operations.workspace.leads.get(lead_id, include_deleted=True).name
        self.setWindowTitle(f"Documents of '{name}'")
        self.panel = LeadDocumentsPanel(operations, lead_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().height() * 60, self.fontMetrics().height() * 24)


class SalesActions(QObject):
    """New Proposal… and Proposals & Invoices…, enabled for the selected card."""

    def __init__(self, operations: Operations, board: BoardWidget, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._board = board
        self._window = window
        self.editor: ProposalEditor | None = None
        self.documents_dialog: LeadDocumentsDialog | None = None
        self.catalogue_dialog: CatalogueDialog | None = None
        self.new_proposal = window_action(
            window, "New &Proposal…", self.open_new_proposal, "Ctrl+Shift+P", Glyph.PROPOSAL
        )
        self.lead_documents = window_action(
            window, "Proposals && &Invoices…", self.open_lead_documents, "", Glyph.INVOICE
        )
        self.catalogue = window_action(
            window, "Catalo&gue…", self.open_catalogue, "", Glyph.CATALOGUE
        )
        board.set_card_actions([self.new_proposal, self.lead_documents])
        board.current_lead_changed.connect(self._enable_for)
        window.installEventFilter(self)
        self._enable_for(board.current_lead_id())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window first stops the printing, so no thread outlives the runner."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            for printer in self._operations.findChildren(SalePrinter):
                printer.stop()
        return super().eventFilter(watched, event)

    def add_to(self, menu: QMenu) -> None:
        """Adds the selling actions to a menu (Documents)."""
        menu.addSeparator()
        menu.addAction(self.new_proposal)
        menu.addAction(self.lead_documents)
        menu.addAction(self.catalogue)

    def open_catalogue(self) -> CatalogueDialog:
        """Opens the catalogue of products and services."""
        dialog = CatalogueDialog(self._operations, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.catalogue_dialog = dialog
        dialog.open()
        return dialog

    def open_new_proposal(self) -> ProposalEditor | None:
        """Opens the editor on a new proposal for the selected lead."""
        lead_id = self._board.current_lead_id()
        if lead_id is None:
            return None
        editor = ProposalEditor(self._operations, lead_id, None, self._window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.open()
        return editor

    def open_lead_documents(self) -> LeadDocumentsDialog | None:
        """Opens the selected lead's documents."""
        lead_id = self._board.current_lead_id()
        if lead_id is None:
            return None
        dialog = LeadDocumentsDialog(self._operations, lead_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.documents_dialog = dialog
        dialog.open()
        return dialog

    def _enable_for(self, lead_id: int | None) -> None:
        column = None
        if lead_id is not None:
            try:
                column = self._operations.workspace.leads.get(lead_id).column
            except NotFoundError:
                column = None
        self.new_proposal.setEnabled(column in PROPOSAL_COLUMNS)
        self.lead_documents.setEnabled(column is not None)
