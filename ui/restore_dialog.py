"""File ▸ Restore From Backup…: the backups of the open file, newest first, to restore one."""

from pathlib import Path

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.services.backups import Backup, backup_folder, backups_of

_HEADERS = ("Made", "Why", "Leads", "Size", "Check")


class RestoreDialog(QDialog):
    """A table of backups (when, why, how many leads, how big, whether sound) and Restore.

    Signals:
        restore_requested(Path): the user chose this sound backup and pressed Restore.
    """

    restore_requested = Signal(object)

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore-dialog")
        self.setWindowTitle("Restore From Backup")
        self.backups: list[Backup] = backups_of(database)
        explanation = QLabel(
            f"Backups of {database.name}, kept in {backup_folder(database)}. Restoring first "
            "backs up the file as it is now, so a restore can itself be undone by restoring "
            "that backup."
        )
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(_HEADERS))
        self.table.setObjectName("backup-table")
        self.table.setHorizontalHeaderLabels(_HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            self._fill(row, backup)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        columns = sum(self.table.columnWidth(column) for column in range(len(_HEADERS)))
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(columns + scroll_bar + 4 * self.table.frameWidth() + 24)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        if self.backups:
            layout.addWidget(self.table)
            self.table.selectRow(0)
        else:
            layout.addWidget(QLabel("There are no backups of this file yet."))
        layout.addWidget(self.buttons)
        self._update_button()

    def _fill(self, row: int, backup: Backup) -> None:
        cells = (
            backup.created.astimezone().strftime("%Y-%m-%d %H:%M"),
            backup.reason.label if backup.reason else "",
            "?" if backup.leads is None else format_decimal(backup.leads),
            f"{format_decimal(round(backup.size / 1024))} KB",
            "sound" if backup.verified else "damaged",
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def chosen(self) -> Backup | None:
        """The selected backup, if it is sound."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        backup = self.backups[rows[0].row()]
        return backup if backup.verified else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def accept(self) -> None:
        """Asks for the chosen backup to be restored and closes."""
        backup = self.chosen()
        if backup is None:
            return
        super().accept()
        self.restore_requested.emit(backup.path)
