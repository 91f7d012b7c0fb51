"""The calendar screen: navigation and filters above the month or week, the agenda beside it.

It reads only the visible range, reloads after any change that touches touches, campaigns or
leads (and only while it is on screen), and turns drops, clicks and dialog buttons into actions
through the runner, refreshing from the runner's broadcast like every other view.
"""

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.locale import first_weekday, format_day_as
from planner.services.campaigns import reschedule_campaign
from planner.services.touches import mark_touch_done, reschedule_touch
from planner.workspace import Workspace
from ui.calendar.agenda_panel import AgendaPanel
from ui.calendar.calendar_content import CalendarContent, CalendarFilter
from ui.calendar.calendar_filters import CalendarFilterBar
from ui.calendar.calendar_range import CalendarMode, CalendarRange
from ui.calendar.calendar_view import CalendarView
from ui.calendar.day_list import DayListPopup
from ui.common.icons import Glyph, set_glyph
from ui.operations import Action, Operations
from ui.touches.campaign_dialog import CampaignDialog
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.touch_dialog import TouchDialog

TODAY_KEY, MONTH_KEY, WEEK_KEY = "T", "M", "W"
"""Single keys while the calendar has the focus, as in the usual calendar programs."""

_WATCHED_KINDS = (Kind.TOUCH, Kind.CAMPAIGN, Kind.LEAD)
"""A change to any of these can change what the calendar shows."""


def range_title(calendar_range: CalendarRange) -> str:
    """``March 2026``, or for a week ``16 – 22 Mar 2026`` (short, so the header fits)."""
    if calendar_range.mode is CalendarMode.MONTH:
        return format_day_as(calendar_range.anchor, "LLLL y")
    first, last = calendar_range.first, calendar_range.last
    if first.month == last.month:
        start = format_day_as(first, "d")
    elif first.year == last.year:
        start = format_day_as(first, "d MMM")
    else:
        start = format_day_as(first, "d MMM y")
    return f"{start} – {format_day_as(last, 'd MMM y')}"


class CalendarScreen(QWidget):
    """Campaigns and touches by day, with the agenda of today and overdue touches."""

    def __init__(self, operations: Operations) -> None:
        super().__init__()
        self.setObjectName("calendar-screen")
        self._operations = operations
        self._filter = CalendarFilter()
        self._stale = True
        self.dialog: QDialog | None = None
        today = self.today()
        self._range = CalendarRange(today, CalendarMode.MONTH, first_weekday())
        self.view = CalendarView(self._range, today)
        self.agenda = AgendaPanel(self.today)
        self.day_list = DayListPopup(self.today, self)
        self.filters = CalendarFilterBar()
        self.title = QLabel()
        self.title.setObjectName("calendar-title")
        title_font = QFont(self.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.title.setFont(title_font)
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip(f"Show today ({TODAY_KEY})")
        self.previous_button = _tool_button("‹", "Previous (Page Up)")
        self.next_button = _tool_button("›", "Next (Page Down)")
        self.mode_buttons = {
            mode: _tool_button(
                mode.label,
                f"Show a {mode.value} ({MONTH_KEY if mode is CalendarMode.MONTH else WEEK_KEY})",
            )
            for mode in CalendarMode
        }
        set_glyph(self.today_button, Glyph.TODAY)
        set_glyph(self.previous_button, Glyph.PREVIOUS)
        set_glyph(self.next_button, Glyph.NEXT)
        self._build_layout()
        self._connect()
        self.setFocusProxy(self.view)
        operations.change_applied.connect(self.apply_change)
        operations.workspace_changed.connect(self.show_workspace)

    @property
    def workspace(self) -> Workspace:
        """The open database."""
        return self._operations.workspace

    @property
    def calendar_range(self) -> CalendarRange:
        """The days shown."""
        return self._range

    @property
    def calendar_filter(self) -> CalendarFilter:
        """The temperatures and channels shown."""
        return self._filter

    def today(self) -> date:
        """Today by the workspace's clock (fixed in tests)."""
        return self.workspace.clock.today()

    def show_workspace(self) -> None:
        """Shows the newly opened database, from today's month."""
        self.day_list.hide()
        self._range = self._range.with_anchor(self.today())
        self._refresh_soon()

    def apply_change(self, change: Change, _initiator: object = None) -> None:
        """Reloads after a change to touches, campaigns or leads (now if shown, else when shown)."""
        if any(change.ids(kind) for kind in _WATCHED_KINDS):
            self._refresh_soon()

    def reload(self) -> None:
        """Reads the visible range and the agenda again and redraws."""
        self._stale = False
        today = self.today()
        content = CalendarContent.load(
            self.workspace, self._range.first, self._range.last, self._filter
        )
        self.view.set_content(self._range, content, today)
        self.agenda.set_touches(self.workspace.touches.agenda(today))
        self.title.setText(range_title(self._range))
        self.mode_buttons[self._range.mode].setChecked(True)
        day = self.day_list.day
        if self.day_list.isVisible() and day is not None:
            self.day_list.set_day(day, content.touches_on(day), content.campaigns_on(day))

    def show_range(self, calendar_range: CalendarRange) -> None:
        """Shows other days."""
        self._range = calendar_range
        self.reload()

    def go_today(self) -> None:
        """Shows the month or week of today."""
        self.show_range(self._range.with_anchor(self.today()))

    def go_previous(self) -> None:
        """Shows the month or week before."""
        self.show_range(self._range.step(-1))

    def go_next(self) -> None:
        """Shows the month or week after."""
        self.show_range(self._range.step(1))

    def set_mode(self, mode: CalendarMode) -> None:
        """Shows a month or a week around the same day."""
        if mode is not self._range.mode:
            self.show_range(self._range.with_mode(mode))

    def set_filter(self, calendar_filter: CalendarFilter) -> None:
        """Shows only some temperatures and channels."""
        self._filter = calendar_filter
        self.reload()

    def reschedule_touch(self, touch_id: int, day: date) -> Change | None:
        """Moves a touch to another day (a drop), keeping its time."""
        touch = self.view.content.touch(touch_id)
        if touch is not None and touch.planned_on == day:
            return None
        return self._run(lambda workspace: reschedule_touch(workspace, touch_id, day))

    def reschedule_touch_at(self, touch_id: int, day: date, at: time) -> Change | None:
        """Moves a touch to a day and a time of day (a drop in the week's hour grid)."""
        touch = self.view.content.touch(touch_id)
        if touch is not None and (touch.planned_on, touch.planned_at) == (day, at):
            return None
        return self._run(
            lambda workspace: reschedule_touch(workspace, touch_id, day, planned_at=at)
        )

    def reschedule_campaign(self, campaign_id: int, start_on: date) -> Change | None:
        """Moves a campaign (and its planned touches) to start on another day (a drop)."""
        return self._run(lambda workspace: reschedule_campaign(workspace, campaign_id, start_on))

    def mark_done(self, touch_id: int) -> Change | None:
        """Marks a touch done today, without an outcome (the agenda's one click)."""
        return self._run(lambda workspace: mark_touch_done(workspace, touch_id))

    def open_day(self, day: date) -> None:
        """Lists every touch and campaign of the day in a popup over its cell."""
        content = self.view.content
        cell = self.view.day_rect(day)
        corner = self.view.mapToGlobal(cell.topLeft() if not cell.isEmpty() else QPoint())
        within = QRect(self.view.mapToGlobal(QPoint()), self.view.size())
        self.day_list.show_day(
            day, content.touches_on(day), content.campaigns_on(day), corner, within
        )

    def open_touch(self, touch_id: int) -> QDialog | None:
        """Opens the touch's dialog: reschedule, mark done or delete it."""
        return self._open_dialog(lambda: TouchDialog(self._operations, touch_id, self))

    def open_campaign(self, campaign_id: int) -> QDialog | None:
        """Opens the campaign's dialog: edit or delete it."""
        return self._open_dialog(lambda: CampaignDialog(self._operations, campaign_id, parent=self))

    def new_touch(self, day: date) -> QDialog | None:
        """Opens the dialog to plan a touch on ``day``."""
        return self._open_dialog(lambda: NewTouchDialog(self._operations, day, parent=self))

    def new_campaign(self) -> QDialog | None:
        """Opens the dialog to create a campaign starting today (or the first shown day)."""
        start = self.today()
        if not self._range.first <= start <= self._range.last:
            start = self._range.anchor
        return self._open_dialog(
            lambda: CampaignDialog(self._operations, start_on=start, parent=self)
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Catches up with changes made while another screen was shown."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _run(self, action: Action) -> Change | None:
        change = self._operations.run(action, initiator=self)
        if change is not None and not change.is_empty:
            self._operations.show_message(f"{change.description} — Ctrl+Z to undo")
        return change

    def _open_dialog(self, make: Callable[[], QDialog]) -> QDialog | None:
        dialog = self._operations.attempt(make)
        if dialog is None:
            return None
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _build_layout(self) -> None:
        line = self.fontMetrics().height()
        mode_group = QButtonGroup(self)
        for mode, button in self.mode_buttons.items():
            button.setCheckable(True)
            mode_group.addButton(button)
            button.clicked.connect(lambda _checked=False, mode=mode: self.set_mode(mode))
        toolbar = QToolBar("Calendar")
        toolbar.setObjectName("calendar-toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        for widget in (self.today_button, self.previous_button, self.next_button):
            toolbar.addWidget(widget)
        toolbar.addWidget(_spacer(line // 2, QSizePolicy.Policy.Fixed))
        toolbar.addWidget(self.title)
        toolbar.addWidget(_spacer(line, QSizePolicy.Policy.Expanding))
        toolbar.addWidget(self.filters)
        toolbar.addSeparator()
        for button in self.mode_buttons.values():
            toolbar.addWidget(button)
        self.toolbar = toolbar
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.agenda)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([line * 70, line * 18])
        layout = QVBoxLayout(self)
        margin = round(line * 0.6)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(margin)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.today_button.clicked.connect(self.go_today)
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.filters.filter_changed.connect(self.set_filter)
        view = self.view
        view.touch_dropped.connect(self.reschedule_touch)
        view.touch_timed.connect(self.reschedule_touch_at)
        view.campaign_dropped.connect(self.reschedule_campaign)
        view.touch_opened.connect(self.open_touch)
        view.campaign_opened.connect(self.open_campaign)
        view.day_opened.connect(self.open_day)
        view.new_touch_requested.connect(self.new_touch)
        self.agenda.done_requested.connect(self.mark_done)
        self.agenda.open_requested.connect(self.open_touch)
        self.agenda.new_touch_requested.connect(lambda: self.new_touch(self.today()))
        self.day_list.done_requested.connect(self.mark_done)
        self.day_list.touch_opened.connect(self.open_touch)
        self.day_list.campaign_opened.connect(self.open_campaign)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys: tuple[tuple[QKeySequence.StandardKey | str, Callable[[], object]], ...] = (
            (QKeySequence.StandardKey.MoveToPreviousPage, self.go_previous),
            (QKeySequence.StandardKey.MoveToNextPage, self.go_next),
            (TODAY_KEY, self.go_today),
            (MONTH_KEY, lambda: self.set_mode(CalendarMode.MONTH)),
            (WEEK_KEY, lambda: self.set_mode(CalendarMode.WEEK)),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)


def _spacer(width: int, policy: QSizePolicy.Policy) -> QWidget:
    spacer = QWidget()
    spacer.setMinimumWidth(width)
    spacer.setSizePolicy(policy, QSizePolicy.Policy.Preferred)
    return spacer


def _tool_button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
