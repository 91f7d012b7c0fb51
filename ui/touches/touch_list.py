"""A list of touches with a round "done" button on each row: the agenda and a day's full list.

Rows are painted by a delegate over light ``CalendarTouch`` values, so thousands of overdue
touches scroll as smoothly as ten. A click on a row's circle marks that touch done. The agenda
splits its list into sections ("Today", "Overdue") with a heading row above each.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from planner.read_models import CalendarTouch
from ui.common.colours import OVERDUE, blend, muted_text
from ui.common.form_parts import escaped_tooltip
from ui.common.icons import icon, touch_kind_glyph
from ui.touches.touch_colours import temperature_colour
from ui.touches.touch_text import day_text, touch_summary

TOUCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, TOUCH_ROLE)`` is the row's ``CalendarTouch`` (``None`` on a heading row)."""

SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, SECTION_ROLE)`` is the row's ``ListSection`` on a heading row, else ``None``."""


@dataclass(frozen=True)
class ListSection:
    """A heading above a run of touches: "Today · 3"; ``overdue`` paints it in the late colour."""

    title: str
    count: int
    overdue: bool = False

    @property
    def text(self) -> str:
        """``Overdue · 12``: what the heading says and a screen reader reads."""
        return f"{self.title} · {self.count:,}"


ModelIndex = QModelIndex | QPersistentModelIndex


class TouchListModel(QAbstractListModel):
    """Touches in the order given (the store's), optionally under section headings."""

    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__()
        self._today = today
        self._rows: list[CalendarTouch | ListSection] = []

    def set_touches(self, touches: Sequence[CalendarTouch]) -> None:
        """Shows these touches instead, without headings."""
        self._set_rows(list(touches))

    def set_sections(self, sections: Sequence[tuple[ListSection, Sequence[CalendarTouch]]]) -> None:
        """Shows each section's heading and touches in turn; empty sections are left out."""
        rows: list[CalendarTouch | ListSection] = []
        for section, touches in sections:
            if touches:
                rows.append(section)
                rows.extend(touches)
        self._set_rows(rows)

    def touch(self, row: int) -> CalendarTouch | None:
        """The touch of one row (``None`` on a heading row)."""
        found = self._rows[row]
        return found if isinstance(found, CalendarTouch) else None

    def section(self, row: int) -> ListSection | None:
        """The heading of one row (``None`` on a touch row)."""
        found = self._rows[row]
        return found if isinstance(found, ListSection) else None

    def touches(self) -> list[CalendarTouch]:
        """Every touch shown, in order, without the headings."""
        return [row for row in self._rows if isinstance(row, CalendarTouch)]

    def row_of(self, touch_id: int) -> int | None:
        """The row showing a touch, if any."""
        return next(
            (
                row
                for row, found in enumerate(self._rows)
                if isinstance(found, CalendarTouch) and found.id == touch_id
            ),
            None,
        )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many rows, headings included."""
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Touches can be selected; headings cannot."""
        if index.isValid() and self.section(index.row()) is not None:
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The lead's name to read, the whole touch to paint, a sentence as tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        touch = self._rows[index.row()]
        if isinstance(touch, ListSection):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return touch.text
            return touch if role == SECTION_ROLE else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{touch.kind.label}: {touch.lead_name}"
        if role == TOUCH_ROLE:
            return touch
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_tooltip(touch_summary(touch, self._today()))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return touch_summary(touch, self._today())
        return None

    def _set_rows(self, rows: list[CalendarTouch | ListSection]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


def done_button_rect(row_rect: QRect, line: float) -> QRectF:
    """Where a row's round done button sits: at its left, centred vertically."""
    diameter = round(line * 1.15)
    padding = round(line * 0.55)
    return QRectF(
        row_rect.left() + padding, row_rect.center().y() - diameter / 2 + 0.5, diameter, diameter
    )


def when_text(touch: CalendarTouch, today: date) -> str:
    """``Today 10:30``, ``Tue 3 Nov``: the planned day (and time) a row shows beside the name."""
    day = day_text(touch.planned_on, today)
    return f"{day} {touch.planned_at.strftime('%H:%M')}" if touch.planned_at else day


_UPWARD_MOVES = (
    QAbstractItemView.CursorAction.MoveUp,
    QAbstractItemView.CursorAction.MovePageUp,
    QAbstractItemView.CursorAction.MovePrevious,
    QAbstractItemView.CursorAction.MoveLeft,
)
"""Keys that move towards the top: over a heading they land on the touch above it."""

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TouchRowDelegate(QStyledItemDelegate):
    """Paints a touch: done button, lead name and planned day, then the kind's icon and name
    (and how late).

    Heading rows get a bold title and their count on one shorter line.
    """

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """Two lines and some air for a touch; a line and some air for a heading."""
        line = QFontMetricsF(option.font).height()
        height = line * 1.9 if index.data(SECTION_ROLE) is not None else line * 2.9
        return QSize(round(line * 10), round(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """One row in ``option.rect``."""
        section = index.data(SECTION_ROLE)
        if isinstance(section, ListSection):
            self._paint_section(painter, option, section)
            return
        touch = index.data(TOUCH_ROLE)
        if not isinstance(touch, CalendarTouch):
            return
        palette: QPalette = option.palette
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        font: QFont = option.font
        line = QFontMetricsF(font).height()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, blend(base, highlight, 0.16))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, blend(base, text, 0.04))
        painter.setPen(QPen(blend(base, text, 0.1), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        self._paint_button(painter, touch, done_button_rect(rect, line), palette)
        today = self._today()
        left = done_button_rect(rect, line).right() + line * 0.6
        right = rect.right() - line * 0.6
        half = rect.height() / 2
        muted = muted_text(palette)
        overdue = touch.is_overdue(today)
        bold = QFont(font)
        bold.setBold(True)
        bold.setStrikeOut(touch.done_on is not None)
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * 0.9)
        when = when_text(touch, today)
        when_width = QFontMetricsF(small).horizontalAdvance(when) + line * 0.5
        top_row = QRectF(left, rect.top() + line * 0.3, right - left, half - line * 0.3)
        painter.setFont(bold)
        painter.setPen(muted if touch.done_on else text)
        name = QFontMetricsF(bold).elidedText(
            touch.lead_name, Qt.TextElideMode.ElideRight, top_row.width() - when_width
        )
        painter.drawText(top_row, int(_LEFT), name)
        painter.setFont(small)
        painter.setPen(OVERDUE if overdue else muted)
        painter.drawText(top_row, int(_RIGHT), when)
        bottom_row = QRectF(left, rect.top() + half, right - left, half - line * 0.3)
        details = touch.kind.label
        if overdue:
            late = (today - touch.planned_on).days
            details += f" · {late} day{'s' if late != 1 else ''} late"
        elif touch.done_on is not None:
            details += f" · done {day_text(touch.done_on, today).lower()}"
        side = round(QFontMetricsF(small).height())
        kind_icon = icon(touch_kind_glyph(touch.kind), muted).pixmap(QSize(side, side))
        painter.drawPixmap(
            QPointF(bottom_row.left(), bottom_row.center().y() - side / 2), kind_icon
        )
        details_row = bottom_row.adjusted(side + line * 0.3, 0, 0, 0)
        painter.setPen(muted)
        painter.drawText(
            details_row,
            int(_LEFT),
            QFontMetricsF(small).elidedText(
                details, Qt.TextElideMode.ElideRight, details_row.width()
            ),
        )
        painter.restore()

    def _paint_section(
        self, painter: QPainter, option: QStyleOptionViewItem, section: ListSection
    ) -> None:
        palette: QPalette = option.palette
        rect: QRect = option.rect
        font: QFont = option.font
        line = QFontMetricsF(font).height()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        colour = OVERDUE if section.overdue else text
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, blend(base, colour, 0.06))
        painter.setPen(QPen(blend(base, colour, 0.35), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        band = QRectF(rect).adjusted(line * 0.55, line * 0.45, -line * 0.6, 0)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(colour)
        painter.drawText(band, int(_LEFT), section.title)
        painter.setFont(font)
        painter.setPen(OVERDUE if section.overdue else muted_text(palette))
        painter.drawText(band, int(_RIGHT), f"{section.count:,}")
        painter.restore()

    def _paint_button(
        self, painter: QPainter, touch: CalendarTouch, circle: QRectF, palette: QPalette
    ) -> None:
        accent = temperature_colour(touch.temperature)
        base = palette.color(QPalette.ColorRole.Base)
        if touch.done_on is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(base, accent, 0.55))
            painter.drawEllipse(circle)
            pen = QPen(base, max(1.5, circle.width() * 0.12))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            w, x, y = circle.width(), circle.left(), circle.top()
            painter.drawPolyline(
                [
                    QPointF(x + w * 0.28, y + w * 0.52),
                    QPointF(x + w * 0.44, y + w * 0.68),
                    QPointF(x + w * 0.73, y + w * 0.36),
                ]
            )
            return
        painter.setBrush(blend(base, accent, 0.08))
        painter.setPen(QPen(accent, max(1.5, circle.width() * 0.1)))
        painter.drawEllipse(circle.adjusted(1, 1, -1, -1))


class TouchListView(QListView):
    """Touches with one-click done buttons.

    Signals:
        done_requested(int): the circle of this touch was clicked (or Space pressed on it).
        open_requested(int): the touch was double-clicked (or Enter pressed on it).
    """

    done_requested = Signal(int)
    open_requested = Signal(int)

    def __init__(self, model: TouchListModel, delegate: TouchRowDelegate) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(self._open)

    def touch_model(self) -> TouchListModel:
        """The model (always a TouchListModel)."""
        model = self.model()
        assert isinstance(model, TouchListModel)
        return model

    def done_button_at(self, row: int) -> QRect:
        """The circle of a row, in viewport coordinates (empty when the row is not shown)."""
        rect = self.visualRect(self.model().index(row, 0))
        if rect.isEmpty():
            return QRect()
        return done_button_rect(rect, float(self.fontMetrics().height())).toAlignedRect()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on a planned touch's circle marks it done."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            touch = self.touch_model().touch(index.row())
            circle = self.done_button_at(index.row()).adjusted(-3, -3, 3, 3)
            if (
                touch is not None
                and touch.done_on is None
                and circle.contains(event.position().toPoint())
            ):
                self.done_requested.emit(touch.id)
                event.accept()
                return
        super().mouseReleaseEvent(event)

    def moveCursor(
        self,
        cursorAction: QAbstractItemView.CursorAction,
        modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        """Arrow, page and Home/End keys step over heading rows onto the nearest touch."""
        index = super().moveCursor(cursorAction, modifiers)
        model = self.touch_model()
        if not index.isValid() or model.touch(index.row()) is not None:
            return index
        upwards = cursorAction in _UPWARD_MOVES
        if upwards and index.row() > 0:
            return model.index(index.row() - 1, 0)
        if upwards and self.currentIndex().isValid():
            return self.currentIndex()
        return model.index(index.row() + 1, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space marks the current touch done; Enter opens it."""
        index = self.currentIndex()
        touch = self.touch_model().touch(index.row()) if index.isValid() else None
        if touch is not None:
            if event.key() == Qt.Key.Key_Space and touch.done_on is None:
                self.done_requested.emit(touch.id)
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit(touch.id)
                return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        touch = self.touch_model().touch(index.row()) if index.isValid() else None
        if touch is not None:
            self.open_requested.emit(touch.id)
