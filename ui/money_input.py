"""The amount-and-currency pair every money field in the window uses (lead value, budget)."""

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from planner.money import DEFAULT_CURRENCY, Money

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "PLN", "CZK", "SEK", "NOK", "DKK", "JPY", "CAD")
"""Offered in the currency boxes; any other three-letter code can be typed."""


def currency_box(parent: QWidget) -> QComboBox:
    """An editable box of currency codes that accepts only up to three letters."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(COMMON_CURRENCIES)
    box.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), box))
    box.setCurrentText(DEFAULT_CURRENCY)
    return box


def read_money(amount_field: QLineEdit, currencies: QComboBox) -> Money | None:
    """The typed amount, ``None`` when empty; ValidationError when it cannot be read."""
    text = amount_field.text().strip()
    currency = currencies.currentText().strip().upper() or DEFAULT_CURRENCY
    return Money.parse(text, currency) if text else None


def show_money(amount_field: QLineEdit, currencies: QComboBox, money: Money | None) -> None:
    """Fills the pair from a stored amount (empty amount, default currency when ``None``)."""
    amount_field.setText(money.as_decimal_string() if money is not None else "")
    currencies.setCurrentText(money.currency if money is not None else DEFAULT_CURRENCY)
