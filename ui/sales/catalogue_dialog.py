"""The catalogue of products and services: pick an entry to edit it, add new ones, and bring
them in from (or out to) a CSV file. Every change is one action through the runner."""

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.errors import PlannerError, ValidationError
from planner.locale import user_locale
from planner.money import Money
from planner.sales.items import CatalogueDraft, CatalogueItem
from planner.services import catalogue
from planner.services.sender import load_sender_profile
from ui.common import form_parts
from ui.money_input import currency_box
from ui.operations import Action, Operations
from ui.sales.typed_numbers import decimal_text, read_percent

COLUMNS = ("Name", "Unit", "Unit price", "Tax %")
CSV_FILTER = "CSV files (*.csv)"


class CatalogueDialog(QDialog):
    """Lists the catalogue and edits the selected entry (or a new one)."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogue-dialog")
        self.setWindowTitle("Catalogue")
        self._operations = operations
        self.items: list[CatalogueItem] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.name_field = QLineEdit()
        self.description_field = QLineEdit()
        self.unit_field = QLineEdit()
        self.unit_field.setPlaceholderText("e.g. hour, month, piece")
        self.price_field = QLineEdit()
        self.currency_box = currency_box(self)
        self.currency_box.setCurrentText(load_sender_profile(operations.workspace).currency)
        self.tax_field = QLineEdit()
        self.tax_field.setPlaceholderText("e.g. 19")
        self.error_label = form_parts.error_label("catalogue-error")
        self.new_button = QPushButton("&New")
        self.save_button = QPushButton("&Save")
        self.delete_button = QPushButton("&Delete")
        self.import_button = QPushButton("&Import CSV…")
        self.export_button = QPushButton("E&xport CSV…")
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.table.itemSelectionChanged.connect(self._show_selected)
        operations.change_applied.connect(self._change_applied)
        self._build_layout()
        self.reload()
        self.start_new()

    def reload(self) -> None:
        """Reads the catalogue again."""
        self.items = self._operations.workspace.catalogue.items()
        locale = user_locale()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (
                item.name,
                item.unit,
                item.unit_price.format(locale),
                decimal_text(item.tax_rate),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)

    def selected(self) -> CatalogueItem | None:
        """The entry of the selected row."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.items[rows.pop()] if len(rows) == 1 else None

    def start_new(self) -> None:
        """Empties the fields for a new entry."""
        self.table.clearSelection()
        for field in (self.name_field, self.description_field, self.unit_field):
            field.clear()
        self.price_field.clear()
        self.tax_field.clear()
        self.delete_button.setEnabled(False)
        self.name_field.setFocus()

    def draft(self) -> CatalogueDraft:
        """The fields as an entry; ValidationError naming the field that is wrong."""
        currency = self.currency_box.currentText().strip().upper()
        price = self.price_field.text().strip()
        if not price:
            raise ValidationError("Give a unit price", "unit_price")
        return CatalogueDraft(
            name=self.name_field.text(),
            description=self.description_field.text(),
            unit=self.unit_field.text(),
            unit_price=Money.parse_local(price, currency, user_locale()),
            tax_rate=read_percent(self.tax_field.text(), "tax_rate"),
        ).checked()

    def save(self) -> Change | None:
        """Adds the entry, or saves the selected one."""
        try:
            draft = self.draft()
        except ValidationError as error:
            self._show_error(str(error))
            return None
        selected = self.selected()
        if selected is None:
            change = self._run(lambda workspace: catalogue.add_catalogue_item(workspace, draft))
            if change is not None:
                self._select(change.created_id(Kind.CATALOGUE_ITEM))
            return change
        return self._run(
            lambda workspace: catalogue.edit_catalogue_item(workspace, selected.id, draft)
        )

    def delete_selected(self) -> Change | None:
        """Takes the selected entry out of the catalogue (proposals keep their lines)."""
        selected = self.selected()
        if selected is None:
            return None
        change = self._run(
            lambda workspace: catalogue.delete_catalogue_item(workspace, selected.id)
        )
        self.start_new()
        return change

    def import_file(self, path: Path) -> Change | None:
        """Adds every entry of a CSV file as one step."""
        try:
            text = path.read_text(encoding="utf-8-sig")
            currency = self.currency_box.currentText().strip().upper()
            drafts = catalogue.read_catalogue_csv(text, currency)
        except (OSError, UnicodeDecodeError) as error:
            self._show_error(f"{path} cannot be read: {error}")
            return None
        except ValidationError as error:
            self._show_error(str(error))
            return None
        return self._run(lambda workspace: catalogue.import_catalogue(workspace, drafts))

    def export_file(self, path: Path) -> bool:
        """Writes the catalogue as CSV; False (with the reason shown) when it cannot."""
        from planner.documents.output import atomic_file

        try:
            with atomic_file(path) as file:
                file.write(catalogue.catalogue_csv(self._operations.workspace).encode("utf-8"))
        except (PlannerError, OSError) as error:
            self._show_error(str(error))
            return False
        self._operations.show_message(f"Wrote the catalogue to {path}")
        return True

    def _run(self, action: Action) -> Change | None:
        change = self._operations.run(action, initiator=self, show_error=self._refused)
        if change is not None:
            self._show_error("")
        return change

    def _refused(self, error: PlannerError) -> None:
        self._show_error(str(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _select(self, item_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                self.table.selectRow(row)

    def _show_selected(self) -> None:
        item = self.selected()
        self.delete_button.setEnabled(item is not None)
        if item is None:
            return
        locale = user_locale()
        self.name_field.setText(item.name)
        self.description_field.setText(item.description)
        self.unit_field.setText(item.unit)
        self.price_field.setText(item.unit_price.number_text(locale, grouped=False))
        self.currency_box.setCurrentText(item.unit_price.currency)
        self.tax_field.setText(decimal_text(item.tax_rate))

    def _change_applied(self, change: Change, _initiator: object) -> None:
        if change.ids(Kind.CATALOGUE_ITEM):
            selected = self.selected()
            self.reload()
            if selected is not None:
                self._select(selected.id)

    def _choose_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "Import catalogue", "", CSV_FILTER)
        if name:
            self.import_file(Path(name))

    def _choose_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export catalogue", "catalogue.csv", CSV_FILTER
        )
        if name:
            self.export_file(Path(name))

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow("Name", self.name_field)
        form.addRow("Description", self.description_field)
        form.addRow("Unit", self.unit_field)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price_field, 3)
        price_row.addWidget(self.currency_box, 1)
        form.addRow("Unit price", price_row)
        form.addRow("Tax %", self.tax_field)
        entry_buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            entry_buttons.addWidget(button)
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.import_button)
        entry_buttons.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(entry_buttons)
        layout.addWidget(close)
        self.resize(self.fontMetrics().height() * 44, self.fontMetrics().height() * 30)
