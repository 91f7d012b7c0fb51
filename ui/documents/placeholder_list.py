"""The placeholders a template can use, listed to insert with a double-click or Insert."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.documents.context import PLACEHOLDERS

_INSERTION_ROLE = Qt.ItemDataRole.UserRole + 1


class PlaceholderList(QWidget):
    """Every placeholder with what it prints.

    Signals:
        insert_requested(str): the text to insert at the cursor (``{{ lead.name }}``).
    """

    insert_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("placeholder-list")
        self.tree.setHeaderLabels(["Placeholder", "Prints"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for placeholder in PLACEHOLDERS:
            item = QTreeWidgetItem([placeholder.expression, placeholder.description])
            item.setData(0, _INSERTION_ROLE, placeholder.insertion)
            item.setToolTip(0, f"Inserts {placeholder.insertion}")
            item.setToolTip(1, placeholder.description)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.select(PLACEHOLDERS[0].expression)
        self.insert_button = QPushButton("Insert")
        self.insert_button.setToolTip("Insert the chosen placeholder at the cursor")
        self.insert_button.setAutoDefault(False)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._insert(item))
        self.insert_button.clicked.connect(lambda: self._insert(self.tree.currentItem()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.insert_button)

    def select(self, expression: str) -> None:
        """Makes the placeholder with this expression (``lead.name``) the current one."""
        found = self.tree.findItems(expression, Qt.MatchFlag.MatchExactly, 0)
        if found:
            self.tree.setCurrentItem(found[0])

    def _insert(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.insert_requested.emit(str(item.data(0, _INSERTION_ROLE)))
