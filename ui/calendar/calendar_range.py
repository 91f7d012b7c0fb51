"""Which days the calendar shows: the weeks around a month, or one week, and stepping on.

Plain date arithmetic, kept apart from the widgets so it is easy to test and to reuse.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DAYS_PER_WEEK = 7


class CalendarMode(StrEnum):
    """How much the calendar shows at once."""

    MONTH = "month"
    WEEK = "week"

    @property
    def label(self) -> str:
        """``Month``: the name on the switch."""
        return self.value.capitalize()


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week; ``first_weekday`` is 0 for Monday … 6 for Sunday."""
    return day - timedelta(days=(day.weekday() - first_weekday) % DAYS_PER_WEEK)


def month_start(day: date) -> date:
    """The first of ``day``'s month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first of the month after ``day``'s."""
    return (month_start(day) + timedelta(days=32)).replace(day=1)


def previous_month(day: date) -> date:
    """The first of the month before ``day``'s."""
    return (month_start(day) - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class CalendarRange:
    """The days on screen: ``anchor`` is the day the user navigated to, ``mode`` how many around it.

    A month shows the whole weeks that contain its days (four to six rows); a week shows seven
    days from the locale's first weekday.
    """

    anchor: date
    mode: CalendarMode
    first_weekday: int = 0

    @property
    def first(self) -> date:
        """The first day shown."""
        if self.mode is CalendarMode.WEEK:
            return week_start(self.anchor, self.first_weekday)
        return week_start(month_start(self.anchor), self.first_weekday)

    @property
    def last(self) -> date:
        """The last day shown (included)."""
        if self.mode is CalendarMode.WEEK:
            return self.first + timedelta(days=DAYS_PER_WEEK - 1)
        month_end = next_month(self.anchor) - timedelta(days=1)
        return week_start(month_end, self.first_weekday) + timedelta(days=DAYS_PER_WEEK - 1)

    @property
    def days(self) -> list[date]:
        """Every day shown, in order: a whole number of weeks."""
        count = (self.last - self.first).days + 1
        return [self.first + timedelta(days=offset) for offset in range(count)]

    @property
    def weeks(self) -> int:
        """How many rows of seven days are shown."""
        return ((self.last - self.first).days + 1) // DAYS_PER_WEEK

    def is_in_focus(self, day: date) -> bool:
        """True for days of the shown month (or any day of the shown week); others are dimmed."""
        if self.mode is CalendarMode.WEEK:
            return True
        return (day.year, day.month) == (self.anchor.year, self.anchor.month)

    def step(self, direction: int) -> "CalendarRange":
        """The next (+1) or previous (-1) month or week."""
        if self.mode is CalendarMode.WEEK:
            anchor = self.anchor + timedelta(days=DAYS_PER_WEEK * direction)
        elif direction > 0:
            anchor = next_month(self.anchor)
        else:
            anchor = previous_month(self.anchor)
        return CalendarRange(anchor, self.mode, self.first_weekday)

    def with_mode(self, mode: CalendarMode) -> "CalendarRange":
        """The same anchor day shown as a month or a week."""
        return CalendarRange(self.anchor, mode, self.first_weekday)

    def with_anchor(self, anchor: date) -> "CalendarRange":
        """The month or week containing ``anchor``."""
        return CalendarRange(anchor, self.mode, self.first_weekday)
