"""The calendar grid as one painted widget: no child widget per day or per touch.

Everything is laid out by ``calendar_layout.place`` and painted by ``CalendarPainter``; the
widget turns the mouse into intentions (open, list a day, move a touch or a campaign) and leaves
the database to the screen that owns it.
"""

from datetime import date, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from ui.calendar.calendar_content import CalendarContent
from ui.calendar.calendar_layout import (
    CalendarItem,
    CalendarMetrics,
    CalendarPlacement,
    CampaignBar,
    DayCell,
    MoreMarker,
    TouchChip,
    place,
)
from ui.calendar.calendar_mime import (
    DraggedCampaign,
    DraggedItem,
    DraggedTouch,
    calendar_mime_data,
    dragged_item,
)
from ui.calendar.calendar_painting import CalendarPainter, CalendarState
from ui.calendar.calendar_range import CalendarRange
from ui.common.form_parts import escaped_tooltip
from ui.touches.touch_text import campaign_summary, touch_summary


class CalendarView(QWidget):
    """A month or a week of campaign bars and touch chips.

    Signals:
        touch_dropped(int, object): a touch was dropped on a day (``date``): reschedule it.
        touch_timed(int, object, object): a touch was dropped in the week's hour grid, on a
            day (``date``) at a time of day (``time``): reschedule it to then.
        campaign_dropped(int, object): a campaign was dropped so it starts on this ``date``.
        touch_opened(int), campaign_opened(int): double-clicked: open its dialog.
        day_opened(object): the day's number or its "+N more" was clicked: list the whole day.
        new_touch_requested(object): an empty part of a day was double-clicked.
    """

    touch_dropped = Signal(int, object)
    touch_timed = Signal(int, object, object)
    campaign_dropped = Signal(int, object)
    touch_opened = Signal(int)
    campaign_opened = Signal(int)
    day_opened = Signal(object)
    new_touch_requested = Signal(object)

    def __init__(self, calendar_range: CalendarRange, today: date) -> None:
        super().__init__()
        self.setObjectName("calendar-view")
        self.setAccessibleName("Calendar")
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._range = calendar_range
        self._content = CalendarContent(calendar_range.first, calendar_range.last)
        self._today = today
        self._placement = CalendarPlacement()
        self._press_position: QPoint | None = None
        self._press_item: CalendarItem | None = None
        self._drop_day: date | None = None
        self._drop_time: time | None = None
        self._selected_touch: int | None = None

    @property
    def calendar_range(self) -> CalendarRange:
        """The days shown."""
        return self._range

    @property
    def content(self) -> CalendarContent:
        """The touches and campaigns shown."""
        return self._content

    @property
    def placement(self) -> CalendarPlacement:
        """Where each day, bar, chip and marker is drawn (widget coordinates)."""
        return self._placement

    def set_content(
        self, calendar_range: CalendarRange, content: CalendarContent, today: date
    ) -> None:
        """Shows new days or new data and lays them out again."""
        self._range = calendar_range
        self._content = content
        self._today = today
        self._relayout()

    def metrics(self) -> CalendarMetrics:
        """Sizes derived from the current font."""
        return CalendarMetrics(float(self.fontMetrics().height()))

    def day_at(self, point: QPoint | QPointF) -> date | None:
        """The day under a point of the widget."""
        cell = self._placement.cell_at(QPointF(point))
        return cell.day if cell is not None else None

    def day_rect(self, day: date) -> QRect:
        """The box of a shown day (empty when the day is not shown)."""
        cell = self._placement.cell_for(day)
        return cell.rect.toAlignedRect() if cell is not None else QRect()

    def mime_data_for(self, item: CalendarItem, point: QPointF) -> DraggedItem | None:
        """What dragging ``item`` from ``point`` carries; ``None`` when it cannot be dragged."""
        if isinstance(item, TouchChip):
            return DraggedTouch(item.touch.id) if item.touch.done_on is None else None
        if isinstance(item, CampaignBar):
            grabbed = self.day_at(point) or item.first_day
            return DraggedCampaign(item.campaign.id, (grabbed - item.campaign.start_on).days)
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paints the placement; only what fits was placed, so this is cheap at any volume."""
        painter = QPainter(self)
        CalendarPainter(painter, self.palette(), self.font()).paint(
            self._placement,
            self._range,
            self.metrics(),
            CalendarState(self._today, self._drop_day, self._selected_touch, self._drop_time),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lays the days out for the new size."""
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        """A new font changes every size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._relayout()

    def event(self, event: QEvent) -> bool:
        """Tooltips name the touch or campaign under the pointer."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(self._placement.item_at(QPointF(event.pos())))
            if text:
                QToolTip.showText(event.globalPos(), escaped_tooltip(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remembers what was pressed, to drag it or to act on release."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_position = event.position().toPoint()
            self._press_item = self._placement.item_at(event.position())
            if isinstance(self._press_item, TouchChip):
                self._selected_touch = self._press_item.touch.id
                self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Starts a drag once the pointer moved far enough from a pressed touch or campaign."""
        pressed, start = self._press_item, self._press_position
        if (
            pressed is not None
            and start is not None
            and event.buttons() & Qt.MouseButton.LeftButton
            and (event.position().toPoint() - start).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._press_position = None
            self._press_item = None
            self._start_drag(pressed, QPointF(start))
            return
        hovered = self._placement.item_at(event.position())
        clickable = isinstance(hovered, TouchChip | CampaignBar) or (
            self._listed_day(hovered, event.position()) is not None
        )
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on "+N more" or on a day's number lists the day."""
        pressed = self._press_item
        self._press_position = None
        self._press_item = None
        if event.button() == Qt.MouseButton.LeftButton:
            day = self._listed_day(pressed, event.position())
            if day is not None:
                self.day_opened.emit(day)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Opens the touch or campaign under the pointer, or plans a new touch on an empty day."""
        item = self._placement.item_at(event.position())
        if isinstance(item, TouchChip):
            self.touch_opened.emit(item.touch.id)
        elif isinstance(item, CampaignBar):
            self.campaign_opened.emit(item.campaign.id)
        elif isinstance(item, DayCell) and not item.number_rect.contains(event.position()):
            self.new_touch_requested.emit(item.day)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accepts touches and campaigns dragged within the calendar."""
        if dragged_item(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Highlights the day the item would land on (and, over the hour grid, the time)."""
        item = dragged_item(event.mimeData())
        day = self.day_at(event.position())
        if item is None or day is None:
            self._set_drop_day(None)
            event.ignore()
            return
        moment = self._placement.time_at(event.position())
        self._set_drop_day(day, moment if isinstance(item, DraggedTouch) else None)
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Clears the highlighted day."""
        self._set_drop_day(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Asks for the dropped touch or campaign to move to the day under the pointer."""
        self._set_drop_day(None)
        item = dragged_item(event.mimeData())
        day = self.day_at(event.position())
        if item is None or day is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        moment = self._placement.time_at(event.position())
        if isinstance(item, DraggedTouch) and moment is not None:
            self.touch_timed.emit(item.touch_id, day, moment)
        elif isinstance(item, DraggedTouch):
            self.touch_dropped.emit(item.touch_id, day)
        else:
            self.campaign_dropped.emit(item.campaign_id, day - timedelta(days=item.grab_offset))

    def _start_drag(self, item: CalendarItem, start: QPointF) -> None:
        dragged = self.mime_data_for(item, start)
        if dragged is None or not isinstance(item, (TouchChip, CampaignBar)):
            return
        drag = QDrag(self)
        drag.setMimeData(calendar_mime_data(dragged, self._tooltip(item)))
        rect = item.rect.toAlignedRect()
        pixmap = QPixmap(rect.size() * self.devicePixelRatio())
        pixmap.setDevicePixelRatio(self.devicePixelRatio())
        pixmap.fill(Qt.GlobalColor.transparent)
        self.render(pixmap, QPoint(), rect)
        drag.setPixmap(pixmap)
        drag.setHotSpot(start.toPoint() - rect.topLeft())
        drag.exec(Qt.DropAction.MoveAction)
        self._set_drop_day(None)

    @staticmethod
    def _listed_day(item: CalendarItem | None, point: QPointF) -> date | None:
        """The day a click on ``item`` at ``point`` lists: its "+N more" or its number."""
        if isinstance(item, MoreMarker):
            return item.day
        if isinstance(item, DayCell) and item.number_rect.contains(point):
            return item.day
        return None

    def _set_drop_day(self, day: date | None, moment: time | None = None) -> None:
        if (day, moment) != (self._drop_day, self._drop_time):
            self._drop_day = day
            self._drop_time = moment
            self.update()

    def _relayout(self) -> None:
        self._placement = place(self._range, self._content, QSizeF(self.size()), self.metrics())
        self.update()

    def _tooltip(self, item: CalendarItem | None) -> str:
        if isinstance(item, TouchChip):
            return touch_summary(item.touch, self._today)
        if isinstance(item, CampaignBar):
            return campaign_summary(item.campaign)
        if isinstance(item, MoreMarker):
            return "Show every touch of this day"
        return ""
