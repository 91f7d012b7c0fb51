"""The proposal editor's table of lines: typed in place, read in the user's number locale."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from planner.errors import ValidationError
from planner.locale import user_locale
from planner.money import Money
from planner.sales.items import LineItem
from ui.sales.typed_numbers import decimal_text, read_percent, read_quantity

COLUMNS = ("Description", "Qty", "Unit", "Unit price", "Disc. %", "Tax %", "Amount")
DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAX, AMOUNT = range(len(COLUMNS))
_TEXT_COLUMNS = (DESCRIPTION, UNIT)


class LinesTable(QTableWidget):
    """One row per line; the Amount column shows each line's net and is not edited."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("proposal-lines")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)

    def append(self, line: LineItem | None) -> int:
        """Adds a row for ``line`` (or an empty one to type into); returns its row."""
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        texts = ["", "1", "", "", "", "0", ""]
        if line is not None:
            texts = [
                line.description,
                decimal_text(line.quantity),
                line.unit,
                line.unit_price.number_text(user_locale(), grouped=False),
                decimal_text(line.discount) if line.discount else "",
                decimal_text(line.tax_rate),
                "",
            ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == AMOUNT:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column not in _TEXT_COLUMNS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line is not None and column == DESCRIPTION and line.catalogue_id is not None:
                item.setData(Qt.ItemDataRole.UserRole, line.catalogue_id)
            self.setItem(row, column, item)
        self.blockSignals(False)
        return row

    def edit_description(self, row: int) -> None:
        """Starts typing the description of ``row``."""
        self.setCurrentCell(row, DESCRIPTION)
        description = self.item(row, DESCRIPTION)
        if description is not None:
            self.editItem(description)

    def remove_selected(self) -> None:
        """Removes the selected rows."""
        for row in sorted({index.row() for index in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def lines(self, currency: str) -> tuple[LineItem, ...]:
        """Every row as a line priced in ``currency``; ValidationError naming the first row
        that cannot be read."""
        lines = []
        for row in range(self.rowCount()):
            try:
                lines.append(self._line(row, currency))
            except ValidationError as error:
                raise ValidationError(f"Line {row + 1}: {error}", error.field) from None
        return tuple(lines)

    def show_amounts(self, nets: tuple[Money, ...]) -> None:
        """Writes each line's net into the Amount column."""
        locale = user_locale()
        self.blockSignals(True)
        for row, net in enumerate(nets):
            item = self.item(row, AMOUNT)
            if item is not None:
                item.setText(net.number_text(locale))
        self.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _line(self, row: int, currency: str) -> LineItem:
        price_text = self._text(row, PRICE).strip()
        if not price_text:
            raise ValidationError("give a unit price", "unit_price")
        description = self.item(row, DESCRIPTION)
        catalogue_id = description.data(Qt.ItemDataRole.UserRole) if description else None
        return LineItem(
            description=self._text(row, DESCRIPTION).strip(),
            quantity=read_quantity(self._text(row, QUANTITY)),
            unit=self._text(row, UNIT).strip(),
            unit_price=Money.parse_local(price_text, currency, user_locale()),
            discount=read_percent(self._text(row, DISCOUNT), "discount"),
            tax_rate=read_percent(self._text(row, TAX), "tax_rate"),
            catalogue_id=int(catalogue_id) if catalogue_id is not None else None,
        ).checked()
