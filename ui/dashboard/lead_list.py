"""The leads behind a figure: their names, and a button that shows them on the board."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.workspace import Workspace

LEAD_ID_ROLE = Qt.ItemDataRole.UserRole


class LeadListDialog(QDialog):
    """Lists leads by name; Show on Board (or a double-click) selects them on the board.

    Signals:
        show_on_board(list): the lead ids to select on the board, the chosen one first.
    """

    show_on_board = Signal(list)

    def __init__(
        self,
        workspace: Workspace,
        title: str,
        explanation: str,
        lead_ids: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard-leads")
        self.setWindowTitle(title)
        self.lead_ids = lead_ids
        names = workspace.leads.names(lead_ids)
        self.list = QListWidget()
        self.list.setObjectName("dashboard-lead-list")
        for lead_id in lead_ids:
            item = QListWidgetItem(names.get(lead_id, f"Lead {lead_id}"))
            item.setData(LEAD_ID_ROLE, lead_id)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._show_one)
        count = len(lead_ids)
        summary = QLabel(f"{count} lead{'' if count == 1 else 's'} · {explanation}")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.board_button = QPushButton("Show on Board")
        self.board_button.setEnabled(bool(lead_ids))
        self.board_button.clicked.connect(self._show_all)
        self.buttons.addButton(self.board_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 28)
        if lead_ids:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def _show_all(self) -> None:
        current = self.list.currentItem()
        first = [current.data(LEAD_ID_ROLE)] if current is not None else []
        self.show_on_board.emit([*first, *(i for i in self.lead_ids if i not in first)])
        self.accept()

    def _show_one(self, item: QListWidgetItem) -> None:
        self.show_on_board.emit([item.data(LEAD_ID_ROLE)])
        self.accept()
