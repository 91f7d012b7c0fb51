"""The amount-and-currency pair every money field in the window uses (lead value, budget).

Amounts are typed as the user's locale writes numbers ("12,500" is twelve thousand five hundred in
English and twelve and a half in German), and a hint line under the field says what was
understood, so a misread amount is seen before it is saved.
"""

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from planner.errors import ValidationError
from planner.locale import user_locale
from planner.money import DEFAULT_CURRENCY, Money
from ui.common.form_parts import plain_label
from ui.common.theme import Tone, set_tone

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "PLN", "CZK", "SEK", "NOK", "DKK", "JPY", "CAD")
"""Offered in the currency boxes; any other code CLDR knows can be typed."""


def currency_box(parent: QWidget) -> QComboBox:
    """An editable box of currency codes that accepts only up to three letters."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(COMMON_CURRENCIES)
    box.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), box))
    box.setCurrentText(DEFAULT_CURRENCY)
    return box


def amount_placeholder(example: Money) -> str:
    """``e.g. 1250.00`` as the user's locale writes it (``e.g. 1250,00`` in German)."""
    return f"e.g. {example.number_text(user_locale(), grouped=False)}"


def read_money(amount_field: QLineEdit, currencies: QComboBox) -> Money | None:
    """The typed amount read in the user's locale, ``None`` when empty; ValidationError when it
    cannot be read."""
    text = amount_field.text().strip()
    currency = currencies.currentText().strip().upper() or DEFAULT_CURRENCY
    return Money.parse_local(text, currency, user_locale()) if text else None


def show_money(amount_field: QLineEdit, currencies: QComboBox, money: Money | None) -> None:
    """Fills the pair from a stored amount (empty amount, default currency when ``None``).

    The amount is written without grouping, as the user's locale writes decimals, so it reads
    back unchanged and stays readable while digits are deleted or added.
    """
    locale = user_locale()
    amount_field.setText(money.number_text(locale, grouped=False) if money is not None else "")
    currencies.setCurrentText(money.currency if money is not None else DEFAULT_CURRENCY)


def understood_text(amount_field: QLineEdit, currencies: QComboBox) -> str:
    """``= 12,500.00 EUR``: what the typed amount was read as; empty when empty or unreadable."""
    try:
        money = read_money(amount_field, currencies)
    except ValidationError:
        return ""
    return f"= {money.format(user_locale())}" if money is not None else ""


def money_hint(amount_field: QLineEdit, currencies: QComboBox, parent: QWidget) -> QLabel:
    """A quiet line to put under the pair that says what the amount was understood as.

    It follows every keystroke and currency change; screen readers get the same words as the
    amount field's description.
    """
    hint = plain_label()
    hint.setParent(parent)
    hint.setObjectName("money-hint")
    set_tone(hint, Tone.MUTED)

    def update() -> None:
        text = understood_text(amount_field, currencies)
        hint.setText(text)
        hint.setVisible(bool(text))
        amount_field.setAccessibleDescription(text)

    amount_field.textChanged.connect(update)
    currencies.currentTextChanged.connect(update)
    update()
    return hint
