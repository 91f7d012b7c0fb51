"""How touches, campaigns and days read in one line: tooltips, list rows and screen readers."""

from datetime import date

from PySide6.QtCore import QDate, QLocale

from planner.domain import Campaign
from planner.store.touches import CalendarTouch


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


def count_text(number: int, singular: str, plural: str = "") -> str:
    """``1 touch``, ``37 touches``, ``1,204 leads``."""
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"
