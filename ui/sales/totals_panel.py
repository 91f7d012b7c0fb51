"""The proposal editor's totals: subtotal, discount, net, tax per rate and total, as the
document will print them, in the user's number locale."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from planner.locale import user_locale
from planner.money import Money
from planner.sales.totals import Totals
from ui.sales.typed_numbers import decimal_text


class TotalsPanel(QWidget):
    """Rows of label and amount; ``labels`` holds the amounts by key (``total``, ``tax-19`` …)."""

    def __init__(self) -> None:
        super().__init__()
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}

    def show_totals(self, totals: Totals | None) -> None:
        """Shows ``totals``, or nothing while the lines cannot be read."""
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.labels = {}
        if totals is None:
            return
        rows: list[tuple[str, str, Money]] = [("subtotal", "Subtotal", totals.subtotal)]
        if totals.discount.minor:
            rows.append(("discount", "Discount", totals.discount))
            rows.append(("net", "Net", totals.net))
        for rate in totals.rates:
            rows.append((f"tax-{rate.rate}", f"VAT {decimal_text(rate.rate)} %", rate.tax))
        rows.append(("total", "Total", totals.total))
        locale = user_locale()
        for index, (key, label, money) in enumerate(rows):
            name = QLabel(label)
            value = QLabel(money.format(locale))
            value.setObjectName(f"proposal-total-{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key == "total":
                font = value.font()
                font.setBold(True)
                value.setFont(font)
                name.setFont(font)
            self._grid.addWidget(name, index, 0)
            self._grid.addWidget(value, index, 1)
            self.labels[key] = value
