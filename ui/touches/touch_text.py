"""How touches, campaigns and days read in one line: tooltips, list rows and screen readers."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from planner.domain import Campaign
from planner.read_models import CalendarTouch


def touch_summary(touch: CalendarTouch, today: date) -> str:
    """``Phone call · Maria Lopez (warm) · 09:30 · overdue``: a touch in one line."""
    parts = [touch.kind.label, f"{touch.lead_name} ({touch.temperature.value})"]
    if touch.planned_at is not None:
        parts.append(touch.planned_at.strftime("%H:%M"))
    if touch.done_on is not None:
        parts.append(f"done {touch.done_on.isoformat()}")
    elif touch.is_overdue(today):
        parts.append("overdue")
    return " · ".join(parts)


def campaign_summary(campaign: Campaign) -> str:
    """``Spring letters · Direct mail · 2026-03-02 to 2026-03-13 · code SPR-4KX2``."""
    return (
        f"{campaign.name} · {campaign.channel.label} · {campaign.start_on.isoformat()} to "
        f"{campaign.end_on.isoformat()} · code {campaign.response_code}"
    )


def day_text(day: date, today: date) -> str:
    """``Today``, ``Tomorrow``, ``Yesterday``, or ``Mon 9 Mar``."""
    offset = (day - today).days
    names = {0: "Today", 1: "Tomorrow", -1: "Yesterday"}
    if offset in names:
        return names[offset]
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


DAY_FORMAT = "ddd d MMM yyyy"
"""A day with its year, weekday and month named: "03/04/26" can never be read as the wrong day
(the names follow the system language)."""


def full_day_text(day: date) -> str:
    """``Tue 24 Mar 2026``: a day that may lie in another year (the timeline, day inputs)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), DAY_FORMAT)


def local_day(timestamp: str) -> date:
    """The user's calendar day of a stored UTC timestamp (late evening in New York is the next
    day in UTC)."""
    return datetime.fromisoformat(timestamp).astimezone().date()


def count_text(number: int, singular: str, plural: str = "") -> str:
    """``1 touch``, ``37 touches``, ``1,204 leads``."""
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"
