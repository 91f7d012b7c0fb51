"""Paints one board card: name, company, value, age, and the touch meter, tinted by its column.

Every size is derived from the font's metrics, so cards stay readable at any DPI and font size.
All cards have the same height (the views use ``uniformItemSizes``), so a column of 100,000
cards lays out in constant time.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.locale import format_day_as, user_locale
from planner.read_models import BoardCard
from ui.board.column_model import CARD_ROLE
from ui.common.colours import OVERDUE, blend, column_accent, is_dark, muted_text

MAX_METER_SEGMENTS = 12
"""A touch target above this is drawn as this many segments, each standing for a share."""


@dataclass(frozen=True)
class CardFonts:
    """The three fonts of a card and the spacing derived from them."""

    body: QFont
    name: QFont
    small: QFont

    @classmethod
    def for_font(cls, body: QFont) -> "CardFonts":
        """Bold for the name, slightly smaller for the secondary lines."""
        name = QFont(body)
        name.setBold(True)
        small = QFont(body)
        if body.pointSizeF() > 0:
            small.setPointSizeF(body.pointSizeF() * 0.88)
        else:
            small.setPixelSize(max(1, round(body.pixelSize() * 0.88)))
        return cls(body, name, small)

    @property
    def line(self) -> int:
        """The body line height: the unit every margin and gap is measured in."""
        return QFontMetrics(self.body).height()

    @property
    def margin_x(self) -> int:
        """Space between the card and the column's sides."""
        return max(2, round(self.line * 0.45))

    @property
    def margin_y(self) -> int:
        """Half the space between two cards."""
        return max(1, round(self.line * 0.22))

    @property
    def padding(self) -> int:
        """Space between the card's edge and its text."""
        return max(3, round(self.line * 0.55))

    @property
    def gap(self) -> int:
        """Space between two lines of a card."""
        return max(1, round(self.line * 0.2))

    @property
    def stripe(self) -> int:
        """Width of the coloured stripe on the card's left edge."""
        return max(3, round(self.line * 0.28))

    def card_height(self) -> int:
        """The height of a card without its outer margins."""
        small = QFontMetrics(self.small).height()
        name = QFontMetrics(self.name).height()
        return 2 * self.padding + name + 2 * self.line + small + 3 * self.gap


class CardDelegate(QStyledItemDelegate):
    """Draws ``BoardCard`` rows; ``today`` tells how old a card's last change is."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._locale = user_locale()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The same size for every card: a narrow minimum width and a font-derived height."""
        fonts = CardFonts.for_font(option.font)
        return QSize(fonts.line * 8, fonts.card_height() + 2 * fonts.margin_y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paints the card in ``option.rect``."""
        card = index.data(CARD_ROLE)
        if not isinstance(card, BoardCard):
            return
        fonts = CardFonts.for_font(option.font)
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        outer = QRectF(option.rect)
        box = outer.adjusted(fonts.margin_x, fonts.margin_y, -fonts.margin_x, -fonts.margin_y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_box(painter, box, card, palette, state, fonts)
        text_area = box.adjusted(
            fonts.stripe + fonts.padding, fonts.padding, -fonts.padding, -fonts.padding
        )
        self._paint_text(painter, text_area, card, palette, fonts)
        painter.restore()

    def _paint_box(
        self,
        painter: QPainter,
        box: QRectF,
        card: BoardCard,
        palette: QPalette,
        state: QStyle.StateFlag,
        fonts: CardFonts,
    ) -> None:
        accent = column_accent(card.column)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        radius = fonts.line * 0.32
        path = QPainterPath()
        path.addRoundedRect(box, radius, radius)
        background = blend(base, accent, 0.14 if is_dark(palette) else 0.05)
        border_colour = blend(base, text, 0.16)
        border_width = 1.0
        if state & QStyle.StateFlag.State_Selected:
            background = blend(base, highlight, 0.16)
            border_colour = highlight
            border_width = max(2.0, fonts.line / 9)
        elif state & QStyle.StateFlag.State_MouseOver:
            background = blend(background, accent, 0.07)
        painter.fillPath(path, background)
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(box.left(), box.top(), fonts.stripe, box.height()), accent)
        painter.restore()
        painter.setPen(QPen(border_colour, border_width))
        inset = border_width / 2
        painter.drawRoundedRect(box.adjusted(inset, inset, -inset, -inset), radius, radius)

    def _paint_text(
        self, painter: QPainter, area: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        muted = muted_text(palette)
        top = area.top()
        name_height = QFontMetrics(fonts.name).height()
        _draw_text(
            painter,
            fonts.name,
            text,
            QRectF(area.left(), top, area.width(), name_height),
            card.name,
        )
        top += name_height + fonts.gap
        line = QRectF(area.left(), top, area.width(), fonts.line)
        _draw_text(painter, fonts.body, muted, line, card.company or "No company")
        top += fonts.line + fonts.gap
        self._paint_value_row(
            painter, QRectF(area.left(), top, area.width(), fonts.line), card, palette, fonts
        )
        top += fonts.line + fonts.gap
        small_height = QFontMetrics(fonts.small).height()
        self._paint_touch_row(
            painter, QRectF(area.left(), top, area.width(), small_height), card, palette, fonts
        )

    def _paint_value_row(
        self, painter: QPainter, row: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        """The value on the left; the card's age on the right if there is room for it."""
        value = card.value.format(self._locale) if card.value is not None else "No value"
        colour = palette.color(QPalette.ColorRole.Text) if card.value else muted_text(palette)
        value_width = min(QFontMetrics(fonts.body).horizontalAdvance(value), row.width())
        _draw_text(painter, fonts.body, colour, row, value)
        days = _days_since(card.updated_at, self._today())
        room = row.width() - value_width - fonts.padding
        age = _fitting(QFontMetrics(fonts.small), (_age_text(days), _short_age_text(days)), room)
        if age:
            _draw_text(
                painter, fonts.small, muted_text(palette), row, age, Qt.AlignmentFlag.AlignRight
            )

    def _paint_touch_row(
        self, painter: QPainter, row: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        """The overdue or next-touch mark on the right, the meter in the room left of it."""
        muted = muted_text(palette)
        marks, colour, bold = _touch_marks(card, muted)
        mark_font = QFont(fonts.small)
        mark_font.setBold(bold)
        mark = _fitting(QFontMetrics(mark_font), marks, row.width() / 2)
        mark_width = QFontMetrics(mark_font).horizontalAdvance(mark) + fonts.padding if mark else 0
        if mark:
            _draw_text(painter, mark_font, colour, row, mark, Qt.AlignmentFlag.AlignRight)
        self._paint_meter(painter, row.adjusted(0, 0, -mark_width, 0), card, palette, fonts)

    def _paint_meter(
        self, painter: QPainter, row: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        """The touches-done meter and its ``3/8`` label, segments narrowed to fit ``row``."""
        metrics = QFontMetrics(fonts.small)
        label = f"{card.touches_done}/{card.touch_target}"
        label_width = metrics.horizontalAdvance(label)
        if label_width > row.width():
            return
        target = max(1, card.touch_target)
        segments = min(target, MAX_METER_SEGMENTS)
        filled = min(segments, round(card.touches_done * segments / target))
        height = max(3.0, metrics.height() * 0.42)
        spacing = max(1.0, metrics.height() * 0.17)
        room = row.width() - label_width - spacing * 2
        width = min(max(4.0, metrics.height() * 0.62), room / segments - spacing)
        left = row.left()
        if width >= 2.0:
            accent = column_accent(card.column)
            empty = blend(
                palette.color(QPalette.ColorRole.Base),
                palette.color(QPalette.ColorRole.Text),
                0.14,
            )
            top = row.top() + (row.height() - height) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            for segment in range(segments):
                painter.setBrush(accent if segment < filled else empty)
                radius = min(height, width) / 3
                painter.drawRoundedRect(QRectF(left, top, width, height), radius, radius)
                left += width + spacing
            left += spacing
        label_area = QRectF(left, row.top(), label_width + 1, row.height())
        _draw_text(painter, fonts.small, muted_text(palette), label_area, label)


def _draw_text(
    painter: QPainter,
    font: QFont,
    colour: QColor,
    area: QRectF,
    text: str,
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    if area.width() <= 0:
        return
    painter.setFont(font)
    painter.setPen(colour)
    elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, int(area.width()))
    painter.drawText(area, int(alignment | Qt.AlignmentFlag.AlignVCenter), elided)


def _days_since(updated_at: str, today: date) -> int | None:
    """Whole days since the card last changed, or ``None`` for an unreadable time."""
    try:
        changed = datetime.fromisoformat(updated_at).astimezone().date()
    except ValueError:
        return None
    return max(0, (today - changed).days)


def _age_text(days: int | None) -> str:
    """``today``, ``1 day ago``, ``12 days ago``."""
    if days is None:
        return ""
    if days == 0:
        return "today"
    return "1 day ago" if days == 1 else f"{days} days ago"


def _short_age_text(days: int | None) -> str:
    """``today``, ``12 d``: the age where a card is narrow."""
    if days is None:
        return ""
    return "today" if days == 0 else f"{days} d"


def _fitting(metrics: QFontMetrics, choices: tuple[str, ...], width: float) -> str:
    """The first of ``choices`` that fits in ``width``, or an empty string."""
    return next((text for text in choices if text and metrics.horizontalAdvance(text) <= width), "")


def _touch_marks(card: BoardCard, muted: QColor) -> tuple[tuple[str, ...], QColor, bool]:
    """The note beside the meter, longest form first: an overdue touch, the next one, or quiet."""
    if card.next_touch_on is not None:
        day = _short_date(card.next_touch_on)
        if card.overdue:
            return (f"Overdue {day}", "Overdue", "!"), OVERDUE, True
        return (f"Next {day}", day), muted, False
    if card.quiet:
        return ("Gone quiet", "Quiet"), muted, True
    return (), muted, False


def _short_date(iso_day: str) -> str:
    try:
        return format_day_as(date.fromisoformat(iso_day[:10]), "d MMM")
    except ValueError:
        return iso_day
