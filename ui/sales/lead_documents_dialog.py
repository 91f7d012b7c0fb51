"""A lead's documents, or every document, in a window of their own."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.sales.documents_panel import DocumentsPanel


class LeadDocumentsDialog(QDialog):
    """A lead's documents (or with ``lead_id`` ``None`` every document) in a window of their
    own."""

    def __init__(
        self, operations: Operations, lead_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lead-documents-dialog")
        if lead_id is None:
            self.setWindowTitle("All documents")
        else:
            name = operations.workspace.leads.get(lead_id, include_deleted=True).name
            self.setWindowTitle(f"Documents of '{name}'")
        self.panel = DocumentsPanel(operations, lead_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().height() * 60, self.fontMetrics().height() * 24)
