"""Paints one board card: name, company, value, days untouched, the touch meter and the next
touch, tinted by its column.

Every size is derived from the font's metrics, so cards stay readable at any DPI and font size.
All cards have the same height (the views use ``uniformItemSizes``), so a column of 100,000
cards lays out in constant time. The painting constants sit together below, so they can follow
the app's theme tokens.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.locale import user_locale
from planner.read_models import BoardCard
from ui.board.card_text import meter_label, next_touch_marks, untouched_marks
from ui.board.column_model import CARD_ROLE
from ui.common.colours import OVERDUE, blend, column_accent, is_dark, muted_text
from ui.common.icons import Glyph, icon, touch_kind_glyph

MAX_METER_SEGMENTS = 12
"""A touch target above this is drawn as this many segments, each standing for a share."""

STALE = QColor("#d9822b")
"""The colour of a stale lead's untouched days and border: "look at me soon", short of red."""

CARD_RADIUS = 0.32
"""Corner radius of a card, in body lines."""
CARD_TINT_LIGHT, CARD_TINT_DARK = 0.05, 0.14
"""How much of the column's accent tints a card's background, in light and dark palettes."""
STALE_BORDER_WIDTH = 1.5
"""Border width of a stale card, in pixels (a selected card's border is wider still)."""
METER_HEIGHT, METER_WIDTH, METER_SPACING = 0.5, 0.62, 0.17
"""A meter segment's height, widest width and the gap between segments, in small-font lines."""
METER_EMPTY = 0.14
"""How far an untouched segment is blended from the base colour towards the text."""
ICON_SIZE = 0.95
"""The next-touch icon's size, in small-font lines."""


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
        radius = fonts.line * CARD_RADIUS
        path = QPainterPath()
        path.addRoundedRect(box, radius, radius)
        background = blend(base, accent, CARD_TINT_DARK if is_dark(palette) else CARD_TINT_LIGHT)
        border_colour = blend(base, text, 0.16)
        border_width = 1.0
        if card.stale:
            border_colour = STALE
            border_width = STALE_BORDER_WIDTH
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
        """The value on the left; the days without a touch on the right if there is room."""
        value = card.value.format(self._locale) if card.value is not None else "No value"
        colour = palette.color(QPalette.ColorRole.Text) if card.value else muted_text(palette)
        value_width = min(QFontMetrics(fonts.body).horizontalAdvance(value), row.width())
        _draw_text(painter, fonts.body, colour, row, value)
        if card.column.is_outcome:
            return
        room = row.width() - value_width - fonts.padding
        font = QFont(fonts.small)
        font.setBold(card.stale)
        untouched = _fitting(QFontMetrics(font), untouched_marks(card, self._today()), room)
        if untouched:
            colour = STALE if card.stale else muted_text(palette)
            _draw_text(painter, font, colour, row, untouched, Qt.AlignmentFlag.AlignRight)

    def _paint_touch_row(
        self, painter: QPainter, row: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        """The next touch (kind icon and day) on the right, the meter in the room left of it."""
        if card.column.is_outcome:
            self._paint_meter(painter, row, card, palette, fonts)
            return
        muted = muted_text(palette)
        colour = OVERDUE if card.overdue else muted
        mark_font = QFont(fonts.small)
        mark_font.setBold(card.overdue)
        metrics = QFontMetrics(mark_font)
        icon_size = round(metrics.height() * ICON_SIZE)
        gap = max(2, round(fonts.gap * 1.5))
        mark = _fitting(metrics, next_touch_marks(card), row.width() / 2 - icon_size - gap)
        mark_width = metrics.horizontalAdvance(mark) if mark else 0
        if mark:
            _draw_text(painter, mark_font, colour, row, mark, Qt.AlignmentFlag.AlignRight)
        glyph = _next_touch_glyph(card)
        icon_left = row.right() - mark_width - (gap + icon_size if mark else icon_size)
        icon_top = row.top() + (row.height() - icon_size) / 2
        icon_area = QRect(round(icon_left), round(icon_top), icon_size, icon_size)
        icon(glyph, colour).paint(painter, icon_area)
        used = row.right() - icon_left + fonts.padding
        self._paint_meter(painter, row.adjusted(0, 0, -used, 0), card, palette, fonts)

    def _paint_meter(
        self, painter: QPainter, row: QRectF, card: BoardCard, palette: QPalette, fonts: CardFonts
    ) -> None:
        """The meter and its ``3/8`` label: done touches filled, planned ones hollow, segments
        narrowed to fit ``row``."""
        metrics = QFontMetrics(fonts.small)
        label = meter_label(card)
        label_width = metrics.horizontalAdvance(label)
        if label_width > row.width():
            return
        states = meter_segments(card)
        segments = len(states)
        height = max(3.0, metrics.height() * METER_HEIGHT)
        spacing = max(1.0, metrics.height() * METER_SPACING)
        room = row.width() - label_width - spacing * 2
        width = min(max(4.0, metrics.height() * METER_WIDTH), room / segments - spacing)
        left = row.left()
        if width >= 2.0:
            accent = column_accent(card.column)
            empty = blend(
                palette.color(QPalette.ColorRole.Base),
                palette.color(QPalette.ColorRole.Text),
                METER_EMPTY,
            )
            top = row.top() + (row.height() - height) / 2
            radius = min(height, width) / 3
            outline = max(1.0, height / 5)
            for state in states:
                cell = QRectF(left, top, width, height)
                if state is Segment.DONE:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(accent)
                elif state is Segment.PLANNED:
                    painter.setPen(QPen(accent, outline))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    half = outline / 2
                    cell = cell.adjusted(half, half, -half, -half)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(empty)
                painter.drawRoundedRect(cell, radius, radius)
                left += width + spacing
            left += spacing
        label_area = QRectF(left, row.top(), label_width + 1, row.height())
        _draw_text(painter, fonts.small, muted_text(palette), label_area, label)


class Segment(Enum):
    """One segment of the meter: a touch done (filled), planned (hollow), or still to come."""

    DONE = "done"
    PLANNED = "planned"
    EMPTY = "empty"


def meter_segments(card: BoardCard) -> list[Segment]:
    """The meter's segments left to right: done touches, then planned ones, then the rest.

    A target above ``MAX_METER_SEGMENTS`` is drawn in shares; a planned touch always shows
    at least one hollow segment while there is room, so planning is never invisible.
    """
    target = max(1, card.touch_target)
    segments = min(target, MAX_METER_SEGMENTS)
    done = min(segments, round(card.touches_done * segments / target))
    share = round(card.touches_planned * segments / target)
    planned = min(segments - done, max(1 if card.touches_planned else 0, share))
    return (
        [Segment.DONE] * done
        + [Segment.PLANNED] * planned
        + [Segment.EMPTY] * (segments - done - planned)
    )


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


def _fitting(metrics: QFontMetrics, choices: tuple[str, ...], width: float) -> str:
    """The first of ``choices`` that fits in ``width``, or an empty string."""
    return next((text for text in choices if text and metrics.horizontalAdvance(text) <= width), "")


def _next_touch_glyph(card: BoardCard) -> Glyph:
    """The icon before the next touch's day: its kind, a warning when overdue, or none planned."""
    if card.next_touch_on is None:
        return Glyph.NOTHING_PLANNED
    if card.next_touch_kind is None:
        return Glyph.PLANNED
    return touch_kind_glyph(card.next_touch_kind)
