"""What an empty board shows: how to begin, instead of five blank columns."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.common.empty_state import EmptyState
from ui.common.icons import Glyph


class EmptyBoardPanel(QWidget):
    """An invitation to add the first lead, or to load sample data to look around.

    Signals:
        new_lead_requested(): "New lead…" was clicked.
        demo_data_requested(): "Add demo data" was clicked.
    """

    new_lead_requested = Signal()
    demo_data_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("empty-board")
        self.state = EmptyState(
            Glyph.EMPTY_BOARD,
            "No leads yet",
            "Add your first prospect, or load sample leads to look around; Ctrl+Z undoes either.",
            "New lead…",
            "Add demo data",
        )
        self.new_lead_button: QPushButton = self.state.primary_button
        self.demo_button: QPushButton = self.state.secondary_button
        self.state.primary_requested.connect(self.new_lead_requested)
        self.state.secondary_requested.connect(self.demo_data_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
