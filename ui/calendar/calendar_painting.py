"""Paints a calendar placement: the grid, day numbers, campaign bars, touch chips and "+N more".

Colours come from the widget's palette blended with the board's accents, so light and dark
themes both work; every size comes from the font's line height.
"""

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap

from planner.domain import Temperature, TouchKind
from planner.locale import LocaleCategory, NameWidth, format_day_as, user_locale, weekday_name
from planner.read_models import CalendarTouch
from ui.calendar.calendar_layout import (
    CalendarMetrics,
    CalendarPlacement,
    CampaignBar,
    DayCell,
    HourGrid,
    MoreMarker,
    TouchChip,
)
from ui.calendar.calendar_range import CalendarRange
from ui.common.colours import OVERDUE, blend, is_dark, muted_text
from ui.common.icons import icon, touch_kind_glyph
from ui.common.theme import SIZES
from ui.touches.touch_colours import channel_colour, temperature_colour

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter
_ELIDE = Qt.TextElideMode.ElideRight


@dataclass(frozen=True)
class _ChipLook:
    """How one kind of chip is painted: by temperature, overdue or done."""

    background: QColor
    stripe: QColor
    text: QColor
    font: QFont
    metrics: QFontMetricsF


@dataclass(frozen=True)
class CalendarState:
    """What else decides how things look: today, the day under a drag, the selected touch."""

    today: date
    drop_day: date | None = None
    selected_touch: int | None = None
    drop_time: time | None = None
    """The time under a touch dragged over the week's hour grid."""


class CalendarPainter:
    """Paints one placement with one palette and font."""

    def __init__(self, painter: QPainter, palette: QPalette, font: QFont) -> None:
        self._painter = painter
        self._palette = palette
        self._font = font
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._small = QFont(font)
        if font.pointSizeF() > 0:
            self._small.setPointSizeF(font.pointSizeF() * 0.88)
        self._small_bold = QFont(self._small)
        self._small_bold.setBold(True)
        self._base = palette.color(QPalette.ColorRole.Base)
        self._text = palette.color(QPalette.ColorRole.Text)
        self._muted = muted_text(palette)
        self._highlight = palette.color(QPalette.ColorRole.Highlight)
        self._line = blend(self._base, self._text, 0.13)
        self._dark = is_dark(palette)
        self._small_metrics = QFontMetricsF(self._small)
        self._looks: dict[tuple[Temperature, bool, bool], _ChipLook] = {}
        self._icons: dict[tuple[TouchKind, str, int], QPixmap] = {}
        self._ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0

    def paint(
        self,
        placement: CalendarPlacement,
        calendar_range: CalendarRange,
        metrics: CalendarMetrics,
        state: CalendarState,
    ) -> None:
        """Paints everything, back to front."""
        painter = self._painter
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for cell in placement.cells:
            self._paint_cell(cell, calendar_range, metrics, state)
        if placement.hour_grid is not None:
            self._paint_hour_grid(placement.hour_grid, metrics)
        self._paint_weekday_headers(placement)
        for bar in placement.bars:
            self._paint_bar(bar, metrics)
        for chip in placement.chips:
            self._paint_chip(chip, metrics, state)
        for marker in placement.more:
            self._paint_more(marker)
        if placement.hour_grid is not None and state.drop_time is not None:
            self._paint_drop_time(placement.hour_grid, state.drop_time)

    def _paint_hour_grid(self, grid: HourGrid, metrics: CalendarMetrics) -> None:
        """A line every hour (fainter every half hour) with the hour in the gutter."""
        painter = self._painter
        painter.setFont(self._small)
        half = blend(self._base, self._text, 0.06)
        right = grid.rect.right()
        painter.setPen(QPen(self._line, 1))
        painter.drawLine(QPointF(0, grid.rect.top() - 0.5), QPointF(right, grid.rect.top() - 0.5))
        step = 1 if grid.hour_height >= metrics.line * 1.1 else 2
        for hour in grid.hours():
            y = round(grid.y_of(time(hour))) + 0.5
            if hour != grid.first_hour:
                painter.setPen(QPen(self._line, 1))
                painter.drawLine(QPointF(grid.rect.left(), y), QPointF(right, y))
            if grid.hour_height >= metrics.line * 1.6:
                painter.setPen(QPen(half, 1, Qt.PenStyle.DashLine))
                middle = y + grid.hour_height / 2
                painter.drawLine(QPointF(grid.rect.left(), middle), QPointF(right, middle))
            if hour == grid.first_hour or (hour - grid.first_hour) % step:
                continue
            label = QRectF(
                grid.gutter.left(),
                y - metrics.line / 2,
                grid.gutter.width() - metrics.inset * 2,
                metrics.line,
            )
            painter.setPen(self._muted)
            painter.drawText(label, _RIGHT, time(hour).strftime("%H:%M"))

    def _paint_drop_time(self, grid: HourGrid, moment: time) -> None:
        """Where a dragged touch would land: a line at that time with the time in the gutter."""
        painter = self._painter
        y = grid.y_of(moment)
        painter.setPen(QPen(self._highlight, 2))
        painter.drawLine(QPointF(grid.rect.left(), y), QPointF(grid.rect.right(), y))
        painter.setFont(self._small_bold)
        painter.setPen(self._highlight)
        label = QRectF(
            grid.gutter.left(),
            y - self._small_metrics.height(),
            grid.gutter.width() - 4,
            self._small_metrics.height(),
        )
        painter.drawText(label, _RIGHT, moment.strftime("%H:%M"))

    def _paint_weekday_headers(self, placement: CalendarPlacement) -> None:
        painter = self._painter
        painter.setFont(self._small_bold)
        painter.setPen(self._muted)
        locale = user_locale(LocaleCategory.TIME)
        for rect, day in placement.weekday_headers:
            name = weekday_name(day, locale, NameWidth.ABBREVIATED)
            painter.drawText(rect, _CENTRE, name.upper())
        if placement.weekday_headers:
            bottom = placement.weekday_headers[0][0].bottom()
            right = placement.weekday_headers[-1][0].right()
            painter.setPen(QPen(self._line, 1))
            painter.drawLine(QPointF(0, bottom - 0.5), QPointF(right, bottom - 0.5))

    def _paint_cell(
        self,
        cell: DayCell,
        calendar_range: CalendarRange,
        metrics: CalendarMetrics,
        state: CalendarState,
    ) -> None:
        painter = self._painter
        in_focus = calendar_range.is_in_focus(cell.day)
        background = self._base if in_focus else blend(self._base, self._text, 0.035)
        if cell.day.weekday() >= 5 and in_focus:
            background = blend(self._base, self._text, 0.018)
        if cell.day == state.today:
            background = blend(self._base, self._highlight, 0.07)
        if cell.day == state.drop_day:
            background = blend(self._base, self._highlight, 0.22)
        painter.fillRect(cell.rect, background)
        painter.setPen(QPen(self._line, 1))
        painter.drawLine(cell.rect.topRight(), cell.rect.bottomRight())
        painter.drawLine(cell.rect.bottomLeft(), cell.rect.bottomRight())
        if cell.day == state.drop_day:
            painter.setPen(QPen(self._highlight, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.rect.adjusted(1, 1, -1, -1))
        self._paint_day_number(cell, calendar_range, metrics, state, in_focus)

    def _paint_day_number(
        self,
        cell: DayCell,
        calendar_range: CalendarRange,
        metrics: CalendarMetrics,
        state: CalendarState,
        in_focus: bool,
    ) -> None:
        painter = self._painter
        number = str(cell.day.day)
        if cell.day.day == 1 or cell.day == calendar_range.first:
            number = format_day_as(cell.day, "d MMM")
        font = self._small_bold
        metrics_f = QFontMetricsF(font)
        painter.setFont(font)
        left = cell.rect.left() + metrics.inset * 2
        text_rect = QRectF(
            left, cell.rect.top(), cell.rect.width() - 3 * metrics.inset, metrics.day_number
        )
        if cell.day == state.today:
            diameter = metrics_f.height() * 1.35
            width = max(diameter, metrics_f.horizontalAdvance(number) + diameter * 0.6)
            pill = QRectF(
                left - diameter * 0.3, text_rect.center().y() - diameter / 2, width, diameter
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._highlight)
            painter.drawRoundedRect(pill, diameter / 2, diameter / 2)
            painter.setPen(self._palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(pill, _CENTRE, number)
            return
        painter.setPen(self._text if in_focus else self._muted)
        painter.drawText(text_rect, _LEFT, number)

    def _paint_bar(self, bar: CampaignBar, metrics: CalendarMetrics) -> None:
        painter = self._painter
        colour = channel_colour(bar.campaign.channel)
        if self._dark:
            colour = colour.lighter(115)
        radius = metrics.line * 0.3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        _fill_rounded(painter, bar.rect, radius, rounded_left=bar.starts, rounded_right=bar.ends)
        painter.setFont(self._small_bold)
        painter.setPen(QColor("white"))
        text_rect = bar.rect.adjusted(metrics.inset * 2, 0, -metrics.inset * 2, 0)
        name = bar.campaign.name if bar.starts else f"… {bar.campaign.name}"
        text = QFontMetricsF(self._small_bold).elidedText(name, _ELIDE, text_rect.width())
        painter.drawText(text_rect, _LEFT, text)

    def _paint_chip(self, chip: TouchChip, metrics: CalendarMetrics, state: CalendarState) -> None:
        painter = self._painter
        touch = chip.touch
        look = self._chip_look(touch.temperature, touch.is_overdue(state.today), touch.done_on)
        radius = metrics.line * SIZES.chip_radius
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.background)
        painter.drawRoundedRect(chip.rect, radius, radius)
        stripe = QRectF(chip.rect.left(), chip.rect.top(), chip.stripe_width, chip.rect.height())
        painter.setBrush(look.stripe)
        _fill_rounded(painter, stripe, radius, rounded_left=True, rounded_right=False)
        if touch.id == state.selected_touch:
            painter.setPen(QPen(self._highlight, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip.rect.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
        self._paint_kind_icon(chip, look)
        self._paint_chip_text(chip, touch, look)

    def _chip_look(
        self, temperature: Temperature, overdue: bool, done_on: date | None
    ) -> _ChipLook:
        """Colours and font of a chip; chips share a handful of looks, so each is made once."""
        key = (temperature, overdue, done_on is not None)
        look = self._looks.get(key)
        if look is not None:
            return look
        accent = temperature_colour(temperature)
        done = done_on is not None
        if done:
            background = blend(self._base, accent, 0.03)
            stripe, text = blend(self._base, accent, 0.45), self._muted
        else:
            tint = OVERDUE if overdue else accent
            background = blend(self._base, tint, 0.2 if self._dark else 0.1)
            stripe = accent
            text = (OVERDUE.lighter(140) if self._dark else OVERDUE) if overdue else self._text
        font = QFont(self._small_bold if overdue and not done else self._small)
        look = _ChipLook(background, stripe, text, font, QFontMetricsF(font))
        self._looks[key] = look
        return look

    def _paint_kind_icon(self, chip: TouchChip, look: _ChipLook) -> None:
        """The kind of touch as an icon, drawn whatever the chip's width."""
        area = chip.icon_rect
        side = max(round(area.width()), 1)
        key = (chip.touch.kind, look.text.name(), side)
        pixmap = self._icons.get(key)
        if pixmap is None:
            glyph = icon(touch_kind_glyph(chip.touch.kind), look.text)
            pixmap = glyph.pixmap(QSize(side, side), self._ratio)
            self._icons[key] = pixmap
        self._painter.drawPixmap(area.topLeft(), pixmap)

    def _paint_chip_text(self, chip: TouchChip, touch: CalendarTouch, look: _ChipLook) -> None:
        """``✓ 10:30 Marta Sousa``: done mark, time (unless done on another day), name."""
        painter = self._painter
        area = chip.text_rect
        prefix = "✓ " if touch.done_on else ""
        if touch.planned_at is not None and not touch.done_elsewhere:
            prefix += f"{touch.planned_at.strftime('%H:%M')} "
        painter.setFont(look.font)
        painter.setPen(look.text)
        painter.drawText(
            area, _LEFT, look.metrics.elidedText(prefix + touch.lead_name, _ELIDE, area.width())
        )

    def _paint_more(self, marker: MoreMarker) -> None:
        painter = self._painter
        painter.setFont(self._small_bold)
        painter.setPen(self._highlight if not self._dark else self._highlight.lighter(140))
        area = marker.rect.adjusted(marker.rect.height() * 0.25, 0, 0, 0)
        painter.drawText(area, _LEFT, more_text(marker.count))


def more_text(count: int) -> str:
    """``+37 more``."""
    return f"+{count:,} more"


def _fill_rounded(
    painter: QPainter, rect: QRectF, radius: float, *, rounded_left: bool, rounded_right: bool
) -> None:
    """Fills a rectangle rounded only at the ends that are really ends (a span can go on)."""
    painter.drawRoundedRect(rect, radius, radius)
    width = min(radius * 2, rect.width() / 2)
    if not rounded_left:
        painter.drawRect(QRectF(rect.left(), rect.top(), width, rect.height()))
    if not rounded_right:
        painter.drawRect(QRectF(rect.right() - width, rect.top(), width, rect.height()))
