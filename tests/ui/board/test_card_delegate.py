"""Card sizes follow the font, so cards stay readable at any DPI; narrow cards shorten notes."""

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from ui.board.card_delegate import CardDelegate, CardFonts, _age_text, _fitting, _short_age_text


def _card_height(point_size: float) -> int:
    font = QFont()
    font.setPointSizeF(point_size)
    option = QStyleOptionViewItem()
    option.font = font
    delegate = CardDelegate(lambda: date(2026, 3, 16))
    return delegate.sizeHint(option, QModelIndex()).height()


def test_cards_grow_with_the_font(qtbot: QtBot) -> None:
    small, large = _card_height(9), _card_height(18)
    assert large > 1.7 * small
    font = QFont()
    font.setPointSizeF(18)
    fonts = CardFonts.for_font(font)
    assert large == fonts.card_height() + 2 * fonts.margin_y
    assert fonts.card_height() > 4 * QFontMetrics(font).height()


def test_ages_read_naturally_and_shorten_when_narrow(qtbot: QtBot) -> None:
    assert [_age_text(days) for days in (0, 1, 12)] == ["today", "1 day ago", "12 days ago"]
    metrics = QFontMetrics(QFont())
    choices = (_age_text(12), _short_age_text(12))
    assert _fitting(metrics, choices, 1000) == "12 days ago"
    assert _fitting(metrics, choices, metrics.horizontalAdvance("12 d")) == "12 d"
    assert _fitting(metrics, choices, 1) == ""
