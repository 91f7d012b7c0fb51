"""Money fields read amounts in the user's locale and say what they understood."""

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.errors import ValidationError
from planner.money import Money
from ui.money_input import currency_box, money_hint, read_money, show_money


def _pair(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent, QLineEdit(parent)


@pytest.mark.parametrize(
    ("numeric_locale", "minor", "hint"),
    [("en_GB.UTF-8", 1250000, "= 12,500.00 EUR"), ("de_DE.UTF-8", 1250, "= 12,50 EUR")],
)
def test_12_500_is_read_in_the_users_locale_and_the_hint_says_how(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, numeric_locale: str, minor: int, hint: str
) -> None:
    monkeypatch.setenv("LC_NUMERIC", numeric_locale)
    parent, amount = _pair(qtbot)
    currencies = currency_box(parent)
    label = money_hint(amount, currencies, parent)
    amount.setText("12,500")
    assert read_money(amount, currencies) == Money(minor, "EUR")
    assert label.text() == hint
    assert amount.accessibleDescription() == hint


def test_the_hint_follows_the_currency_and_is_empty_when_unreadable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_NUMERIC", "en_US.UTF-8")
    parent, amount = _pair(qtbot)
    currencies = currency_box(parent)
    label = money_hint(amount, currencies, parent)
    amount.setText("1.5")
    currencies.setCurrentText("KWD")
    assert label.text() == "= 1.500 KWD"
    currencies.setCurrentText("JPY")
    assert label.text() == ""
    with pytest.raises(ValidationError, match="more than 0 decimal places"):
        read_money(amount, currencies)


def test_a_stored_amount_is_shown_ungrouped_as_the_locale_writes_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_NUMERIC", "de_DE.UTF-8")
    parent, amount = _pair(qtbot)
    currencies = currency_box(parent)
    show_money(amount, currencies, Money(125050, "CHF"))
    assert (amount.text(), currencies.currentText()) == ("1250,50", "CHF")
    assert read_money(amount, currencies) == Money(125050, "CHF")
