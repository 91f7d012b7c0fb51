"""The agenda beside the calendar: what is due today and what is overdue, done in one click.

Two sections under headings: "Today" (by time), then "Overdue" (most recent day first, the
store's agenda order, which says why). Headings are shorter than touch rows, so the list lays its
rows out in batches: thousands of overdue touches show at once and settle while the user reads.
"""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListView, QStackedWidget, QVBoxLayout, QWidget

from planner.read_models import CalendarTouch
from ui.common.empty_state import EmptyState
from ui.common.icons import Glyph
from ui.common.theme import Tone, set_tone
from ui.touches.touch_list import ListSection, TouchListModel, TouchListView, TouchRowDelegate
from ui.touches.touch_text import count_text


class AgendaPanel(QWidget):
    """Today's touches, then the overdue ones under their own heading; a row's circle marks it
    done.

    Signals:
        done_requested(int): mark this touch done (today, no outcome).
        open_requested(int): open this touch's dialog.
        new_touch_requested(): the empty agenda's "Plan a touch…" was clicked.
    """

    done_requested = Signal(int)
    open_requested = Signal(int)
    new_touch_requested = Signal()

    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__()
        self.setObjectName("agenda")
        self._today = today
        self.title = QLabel("Agenda")
        title_font = QFont(self.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.summary = QLabel()
        self.summary.setObjectName("agenda-summary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip("Click a touch's circle when it is done; double-click to open it")
        self.model = TouchListModel(today)
        self.list_view = TouchListView(self.model, TouchRowDelegate(today, self))
        self.list_view.setObjectName("agenda-list")
        self.list_view.setAccessibleName("Today and overdue touches")
        self.list_view.setUniformItemSizes(False)
        self.list_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.empty_state = EmptyState(
            Glyph.EMPTY_AGENDA,
            "All caught up",
            "Nothing is due today and nothing is overdue.",
            "Plan a touch…",
            centred=False,
        )
        self.empty_state.setObjectName("agenda-empty")
        self.empty_state.primary_requested.connect(self.new_touch_requested)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.list_view)
        self._pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        line = self.fontMetrics().height()
        layout.setContentsMargins(line // 2, line // 2, 0, 0)
        layout.setSpacing(line // 4)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self._pages, 1)
        self.list_view.done_requested.connect(self.done_requested)
        self.list_view.open_requested.connect(self.open_requested)
        self.setMinimumWidth(line * 14)

    def set_touches(self, touches: Sequence[CalendarTouch]) -> None:
        """Shows the agenda's touches (the store's ``agenda(today)``), in their order, split into
        the day's and the overdue ones."""
        today = self._today()
        overdue = [touch for touch in touches if touch.is_overdue(today)]
        due_today = [touch for touch in touches if not touch.is_overdue(today)]
        self.model.set_sections(
            [
                (ListSection("Today", len(due_today)), due_today),
                (ListSection("Overdue", len(overdue), overdue=True), overdue),
            ]
        )
        parts = [f"{len(due_today):,} today"]
        if overdue:
            parts.append(count_text(len(overdue), "overdue", "overdue"))
        self.summary.setText(" · ".join(parts))
        set_tone(self.summary, Tone.ALERT if overdue else Tone.MUTED)
        self._pages.setCurrentWidget(self.list_view if touches else self.empty_state)
