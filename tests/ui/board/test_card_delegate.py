"""Card sizes follow the font, so cards stay readable at any DPI; narrow cards shorten notes."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from planner.domain import Column
from planner.read_models import BoardCard
from ui.board.card_delegate import CardDelegate, CardFonts, _fitting
from ui.board.card_text import untouched_marks


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


def test_untouched_days_read_naturally_and_shorten_when_narrow(qtbot: QtBot) -> None:
    today = date(2026, 3, 16)
    card = BoardCard(1, "A", "", None, Column.WARM, "a", "", untouched_since="2026-03-04")
    choices = untouched_marks(card, today)
    assert choices == ("12 days untouched", "12 d")
    entered_today = replace(card, untouched_since="2026-03-16")
    assert untouched_marks(entered_today, today) == ()
    touched = replace(entered_today, last_touch_on="2026-03-16")
    assert untouched_marks(touched, today)[0] == "touched today"
    metrics = QFontMetrics(QFont())
    assert _fitting(metrics, choices, 1000) == "12 days untouched"
    assert _fitting(metrics, choices, metrics.horizontalAdvance("12 d")) == "12 d"
    assert _fitting(metrics, choices, 1) == ""
