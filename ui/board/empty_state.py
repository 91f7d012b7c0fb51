"""What an empty board shows: how to begin, instead of five blank columns."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyBoardPanel(QWidget):
    """A centred invitation to add the first lead or load sample data.

    Signals:
        new_lead_requested(): "New lead…" was clicked.
        demo_data_requested(): "Add demo data" was clicked.
    """

    new_lead_requested = Signal()
    demo_data_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("empty-board")
        title = QLabel("No leads yet")
        title_font = QFont(self.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(
            "Add your first prospect, or load sixty sample leads to look around.\n"
            "Every step can be undone with Ctrl+Z."
        )
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation.setWordWrap(True)
        self.new_lead_button = QPushButton("New lead…")
        self.new_lead_button.setDefault(True)
        self.demo_button = QPushButton("Add demo data")
        self.new_lead_button.clicked.connect(self.new_lead_requested)
        self.demo_button.clicked.connect(self.demo_data_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_lead_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(explanation)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(buttons)
        layout.addStretch(2)
