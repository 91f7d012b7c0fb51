"""File ▸ Import History…: past imports with their counts, and "Revert This Import".

Reverting is an action like any other (one undo step); it works after later actions and is
refused, with the leads named, when some were changed since.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.errors import PlannerError
from planner.read_models import ImportRecord
from planner.services.import_history import revert_import
from ui.common.colours import OVERDUE
from ui.operations import Operations

HEADERS = ("Imported", "File", "Added", "Updated", "Duplicates skipped", "Invalid", "Tag", "State")


class ImportHistoryDialog(QDialog):
    """The list of imports over the open file, refreshed from every change."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-history")
        self.setWindowTitle("Import History")
        self._operations = operations
        self.records: list[ImportRecord] = []
        self.view = QTableWidget()
        self.view.setObjectName("import-history-list")
        self.view.setColumnCount(len(HEADERS))
        self.view.setHorizontalHeaderLabels(list(HEADERS))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.itemSelectionChanged.connect(self._selection_changed)
        self.error = QLabel()
        self.error.setObjectName("import-history-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {OVERDUE.name()}")
        self.revert_button = QPushButton("&Revert This Import")
        self.revert_button.setObjectName("revert-import")
        self.revert_button.clicked.connect(self.revert_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        line = self.fontMetrics().height()
        self.resize(line * 56, line * 22)
        operations.change_applied.connect(self._change_applied)
        operations.workspace_changed.connect(lambda _workspace: self.reload())
        self.reload()

    def reload(self) -> None:
        """Reads the history again."""
        self.records = self._operations.workspace.imports.history()
        self.view.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            state = f"Reverted {record.reverted_at}" if record.reverted_at else ""
            cells = (
                record.imported_at.replace("T", " ")[:16],
                record.file_name,
                f"{record.added:,}",
                f"{record.updated:,}",
                f"{record.skipped_duplicates:,}",
                f"{record.invalid:,}",
                record.tag,
                state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.view.setItem(row, column, item)
        self.view.resizeColumnsToContents()
        if self.records and not self.view.selectedItems():
            self.view.selectRow(0)
        self._selection_changed()

    def revert_selected(self) -> Change | None:
        """Reverts the selected import; a refusal is shown under the list."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.records[rows[0].row()]
        self.error.clear()
        return self._operations.run(
            lambda workspace: revert_import(workspace, record.id),
            initiator=self,
            show_error=self._show_error,
        )

    def _show_error(self, refusal: PlannerError) -> None:
        self.error.setText(str(refusal))

    def _change_applied(self, change: Change, _initiator: object) -> None:
        if change.ids(Kind.IMPORT):
            self.reload()

    def _selection_changed(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        chosen = self.records[rows[0].row()] if rows else None
        self.revert_button.setEnabled(chosen is not None and not chosen.is_reverted)
