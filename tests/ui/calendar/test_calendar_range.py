"""Which days a month or a week shows, whatever the first weekday, and stepping between them."""

from datetime import date

import pytest

from ui.calendar.calendar_range import CalendarMode, CalendarRange

MONDAY, SUNDAY = 0, 6


def test_a_month_shows_the_whole_weeks_around_it_from_monday() -> None:
    march = CalendarRange(date(2026, 3, 16), CalendarMode.MONTH, MONDAY)
    assert march.first == date(2026, 2, 23)
    assert march.last == date(2026, 4, 5)
    assert march.weeks == 6
    assert len(march.days) == 42
    assert march.is_in_focus(date(2026, 3, 1))
    assert not march.is_in_focus(date(2026, 2, 28))


def test_a_month_starting_on_the_first_weekday_needs_fewer_rows() -> None:
    february = CalendarRange(date(2026, 2, 10), CalendarMode.MONTH, SUNDAY)
    assert february.first == date(2026, 2, 1)
    assert february.last == date(2026, 2, 28)
    assert february.weeks == 4


def test_a_week_shows_seven_days_from_the_locales_first_weekday() -> None:
    monday_week = CalendarRange(date(2026, 3, 18), CalendarMode.WEEK, MONDAY)
    sunday_week = CalendarRange(date(2026, 3, 18), CalendarMode.WEEK, SUNDAY)
    assert (monday_week.first, monday_week.last) == (date(2026, 3, 16), date(2026, 3, 22))
    assert (sunday_week.first, sunday_week.last) == (date(2026, 3, 15), date(2026, 3, 21))
    assert monday_week.weeks == 1
    assert all(monday_week.is_in_focus(day) for day in monday_week.days)


@pytest.mark.parametrize(
    ("mode", "anchor", "forward", "back"),
    [
        (CalendarMode.MONTH, date(2026, 1, 31), date(2026, 2, 1), date(2025, 12, 1)),
        (CalendarMode.MONTH, date(2026, 12, 5), date(2027, 1, 1), date(2026, 11, 1)),
        (CalendarMode.WEEK, date(2026, 3, 16), date(2026, 3, 23), date(2026, 3, 9)),
    ],
)
def test_stepping_moves_by_a_month_or_a_week(
    mode: CalendarMode, anchor: date, forward: date, back: date
) -> None:
    shown = CalendarRange(anchor, mode, MONDAY)
    assert shown.step(1).anchor == forward
    assert shown.step(-1).anchor == back
    assert shown.step(1).step(-1).first <= anchor <= shown.step(1).step(-1).last


def test_switching_mode_keeps_the_day() -> None:
    month = CalendarRange(date(2026, 3, 18), CalendarMode.MONTH, MONDAY)
    week = month.with_mode(CalendarMode.WEEK)
    assert week.first == date(2026, 3, 16)
    assert week.with_mode(CalendarMode.MONTH) == month
