"""What an empty board shows: how to begin, instead of five blank columns."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.common.empty_state import EmptyState
from ui.common.icons import Glyph


class EmptyBoardPanel(QWidget):
    """An invitation to add the first lead, import the contacts one has, or load sample data.

    Signals:
        new_lead_requested(): "New lead…" was clicked.
        demo_data_requested(): "Add demo data" was clicked.
        import_requested(): "Import contacts…" was clicked.
    """

    new_lead_requested = Signal()
    demo_data_requested = Signal()
    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("empty-board")
        self.state = EmptyState(
            Glyph.EMPTY_BOARD,
            "No leads yet",
            "Add your first prospect, import your contacts from a spreadsheet or address book, "
            "or load sample leads to look around; Ctrl+Z undoes each.",
            "New lead…",
            "Add demo data",
        )
        self.new_lead_button: QPushButton = self.state.primary_button
        self.demo_button: QPushButton = self.state.secondary_button
        self.state.primary_requested.connect(self.new_lead_requested)
        self.state.secondary_requested.connect(self.demo_data_requested)
        self.import_button = self.state.add_flat_button("Import contacts…")
        self.import_button.clicked.connect(self.import_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
