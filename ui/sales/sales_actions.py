"""The window's selling actions: a proposal for the selected hot lead, accepting its open
proposal (both also on the card's right-click menu), the documents of the selected lead, and
the catalogue.

The dialogs, the editor and the printing (with the PDF viewer) are imported when first opened,
so start-up loads none of them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMenu, QWidget

from planner.domain import Column
from planner.errors import NotFoundError
from planner.sales.document import DocumentStatus
from planner.sales.numbering import DocumentKind
from planner.sales.summaries import DocumentSummary
from ui.board.board_widget import BoardWidget
from ui.common.icons import Glyph
from ui.operations import Operations
from ui.window_actions import window_action

if TYPE_CHECKING:
    from ui.sales.catalogue_dialog import CatalogueDialog
    from ui.sales.document_settings_dialog import DocumentSettingsDialog
    from ui.sales.lead_documents_dialog import LeadDocumentsDialog
    from ui.sales.proposal_editor import ProposalEditor

PRINTING_MODULE = "ui.sales.printing"

PROPOSAL_COLUMNS = frozenset({Column.HOT})
OPEN_STATUSES = frozenset({DocumentStatus.DRAFT, DocumentStatus.SENT})
"""Where a new proposal is offered on the card: hot leads are ready to talk business."""


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
        self.settings_dialog: DocumentSettingsDialog | None = None
        self.new_proposal = window_action(
            window, "New &Proposal…", self.open_new_proposal, "Ctrl+Shift+P", Glyph.PROPOSAL
        )
        self.lead_documents = window_action(
            window, "Proposals && &Invoices…", self.open_lead_documents, "", Glyph.INVOICE
        )
        self.catalogue = window_action(
            window, "Catalo&gue…", self.open_catalogue, "", Glyph.CATALOGUE
        )
        self.accept_proposal = window_action(
            window, "&Accept Proposal", self.accept_open_proposal, "", Glyph.WON
        )
        self.all_documents = window_action(
            window, "All &Documents…", self.open_all_documents, "", Glyph.ALL_DOCUMENTS
        )
        self.document_settings = window_action(
            window, "Document Setti&ngs…", self.open_document_settings, "", Glyph.SETTINGS
        )
        board.set_card_actions([self.new_proposal, self.accept_proposal, self.lead_documents])
        operations.change_applied.connect(
            lambda _change, _initiator: self._enable_for(board.current_lead_id())
        )
        board.current_lead_changed.connect(self._enable_for)
        window.installEventFilter(self)
        self._enable_for(board.current_lead_id())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window first stops the printing, so no thread outlives the runner."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self._stop_printing()
        return super().eventFilter(watched, event)

    def _stop_printing(self) -> None:
        """Stops every print under way; none can be while the printing was never loaded."""
        if PRINTING_MODULE not in sys.modules:
            return
        from ui.sales.printing import SalePrinter

        for printer in self._operations.findChildren(SalePrinter):
            printer.stop()

    def add_to(self, menu: QMenu) -> None:
        """Adds the selling actions to a menu (Documents)."""
        menu.addSeparator()
        menu.addAction(self.new_proposal)
        menu.addAction(self.accept_proposal)
        menu.addAction(self.lead_documents)
        menu.addAction(self.all_documents)
        menu.addAction(self.catalogue)
        menu.addAction(self.document_settings)

    def open_document_settings(self) -> DocumentSettingsDialog:
        """Opens the numbering patterns and the standard texts of documents."""
        from ui.sales.document_settings_dialog import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(self._operations, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def open_catalogue(self) -> CatalogueDialog:
        """Opens the catalogue of products and services."""
        from ui.sales.catalogue_dialog import CatalogueDialog

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
        from ui.sales.proposal_editor import ProposalEditor

        editor = ProposalEditor(self._operations, lead_id, None, self._window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.open()
        return editor

    def accept_open_proposal(self) -> LeadDocumentsDialog | None:
        """Accepts the selected lead's open proposal (the lead moves to Won), then shows its
        documents, where the invoice and the contract are a click away."""
        lead_id = self._board.current_lead_id()
        proposal = self._open_proposal(lead_id)
        if lead_id is None or proposal is None:
            return None
        from planner.services import deals

        change = self._operations.run(
            lambda workspace: deals.accept_proposal(workspace, proposal.id), initiator=self
        )
        if change is None:
            return None
        dialog = self._show_documents(lead_id)
        dialog.panel.select(proposal.id)
        dialog.panel.hint.setText("Accepted. Create the invoice and the contract next.")
        return dialog

    def open_lead_documents(self) -> LeadDocumentsDialog | None:
        """Opens the selected lead's documents."""
        lead_id = self._board.current_lead_id()
        return self._show_documents(lead_id) if lead_id is not None else None

    def open_all_documents(self) -> LeadDocumentsDialog:
        """Opens every document, with the numbers no document carries and why."""
        return self._show_documents(None)

    def _show_documents(self, lead_id: int | None) -> LeadDocumentsDialog:
        from ui.sales.lead_documents_dialog import LeadDocumentsDialog

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
        self.accept_proposal.setEnabled(
            column is not None and self._open_proposal(lead_id) is not None
        )

    def _open_proposal(self, lead_id: int | None) -> DocumentSummary | None:
        """The lead's newest proposal still open today (drafted or sent, not expired)."""
        if lead_id is None:
            return None
        workspace = self._operations.workspace
        for summary in workspace.documents.summaries(workspace.clock.today(), lead_id):
            if summary.kind is DocumentKind.PROPOSAL and summary.status in OPEN_STATUSES:
                return summary
        return None
