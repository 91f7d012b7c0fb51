"""Every touch and campaign of one day, in a popup over the calendar ("+37 more" opens it)."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.domain import Campaign
from planner.locale import format_day_as
from planner.read_models import CalendarTouch
from ui.touches.touch_list import TouchListModel, TouchListView, TouchRowDelegate
from ui.touches.touch_text import count_text
from ui.widget_text import literal_ampersands

VISIBLE_ROWS = 9
"""The popup grows to show this many touches before it scrolls."""


class DayListPopup(QFrame):
    """A day's full list; click a circle to mark a touch done, double-click to open it.

    Signals:
        touch_opened(int), campaign_opened(int): open the dialog of what was chosen.
        done_requested(int): mark this touch done.
    """

    touch_opened = Signal(int)
    campaign_opened = Signal(int)
    done_requested = Signal(int)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("day-list")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._day: date | None = None
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.summary = QLabel()
        self.model = TouchListModel(today)
        self.list_view = TouchListView(self.model, TouchRowDelegate(today, self))
        self.list_view.setAccessibleName("Touches of the day")
        self.campaign_buttons: list[QPushButton] = []
        self._campaign_box = QVBoxLayout()
        self._campaign_box.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        line = self.fontMetrics().height()
        layout.setContentsMargins(line // 2, line // 2, line // 2, line // 2)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self._campaign_box)
        layout.addWidget(self.list_view, 1)
        self.list_view.open_requested.connect(self._open_touch)
        self.list_view.done_requested.connect(self.done_requested)

    @property
    def day(self) -> date | None:
        """The day listed."""
        return self._day

    def show_day(
        self,
        day: date,
        touches: Sequence[CalendarTouch],
        campaigns: Sequence[Campaign],
        at: QPoint,
        within: QRect,
    ) -> None:
        """Lists the day and shows the popup at ``at`` (global), kept inside ``within``."""
        self.set_day(day, touches, campaigns)
        line = self.fontMetrics().height()
        rows = min(max(len(touches), 1), VISIBLE_ROWS)
        row_height = self.list_view.sizeHintForRow(0) if touches else line * 3
        self.resize(line * 20, line * (5 + 2 * len(campaigns)) + rows * row_height)
        x = max(min(at.x(), within.right() - self.width()), within.left())
        y = max(min(at.y(), within.bottom() - self.height()), within.top())
        self.move(QPoint(x, y))
        self.show()
        self.list_view.setFocus()

    def set_day(
        self, day: date, touches: Sequence[CalendarTouch], campaigns: Sequence[Campaign]
    ) -> None:
        """Fills the popup with the day's touches and campaigns (kept up to date while open)."""
        self._day = day
        self.title.setText(format_day_as(day, "EEEE d MMMM"))
        done = sum(1 for touch in touches if touch.done_on is not None)
        summary = count_text(len(touches), "touch", "touches")
        self.summary.setText(f"{summary}, {done:,} done" if done else summary)
        self.model.set_touches(touches)
        for old in self.campaign_buttons:
            old.deleteLater()
        self.campaign_buttons = []
        for campaign in campaigns:
            button = QPushButton(
                literal_ampersands(f"Campaign: {campaign.name} ({campaign.channel.label})")
            )
            button.setFlat(True)
            button.setStyleSheet("text-align: left")
            button.clicked.connect(
                lambda _checked=False, campaign_id=campaign.id: self._open_campaign(campaign_id)
            )
            self._campaign_box.addWidget(button)
            self.campaign_buttons.append(button)

    def _open_touch(self, touch_id: int) -> None:
        self.hide()
        self.touch_opened.emit(touch_id)

    def _open_campaign(self, campaign_id: int) -> None:
        self.hide()
        self.campaign_opened.emit(campaign_id)
