"""How touches, campaigns and days read in one line: tooltips, list rows and screen readers."""

from datetime import date, datetime

from planner.domain import Campaign
from planner.locale import format_day, format_short_day
from planner.read_models import CalendarTouch


def touch_summary(touch: CalendarTouch, today: date) -> str:
    """``Phone call · Maria Lopez (warm) · 09:30 · overdue``: a touch in one line."""
    parts = [touch.kind.label, f"{touch.lead_name} ({touch.temperature.value})"]
    if touch.planned_at is not None:
        parts.append(touch.planned_at.strftime("%H:%M"))
    if touch.done_elsewhere:
        parts.append(f"planned {full_day_text(touch.planned_on)}")
    if touch.done_on is not None:
        parts.append(f"done {full_day_text(touch.done_on)}")
    elif touch.is_overdue(today):
        parts.append("overdue")
    return " · ".join(parts)


def campaign_summary(campaign: Campaign) -> str:
    """``Spring letters · Direct mail · Mon 2 Mar 2026 to Fri 13 Mar 2026 · code SPR-4KX2``."""
    return (
        f"{campaign.name} · {campaign.channel.label} · {full_day_text(campaign.start_on)} to "
        f"{full_day_text(campaign.end_on)} · code {campaign.response_code}"
    )


def day_text(day: date, today: date) -> str:
    """``Today``, ``Tomorrow``, ``Yesterday``, or ``Mon 9 Mar``."""
    offset = (day - today).days
    names = {0: "Today", 1: "Tomorrow", -1: "Yesterday"}
    if offset in names:
        return names[offset]
    return format_short_day(day)


DAY_FORMAT = "ddd d MMM yyyy"
"""Qt's pattern for day inputs, the same as ``full_day_text``: "03/04/26" can never be read as
the wrong day."""


def full_day_text(day: date) -> str:
    """``Tue 24 Mar 2026``: a day that may lie in another year, as every message shows days
    (``planner.locale.format_day``)."""
    return format_day(day)


def local_day(timestamp: str) -> date:
    """The user's calendar day of a stored UTC timestamp (late evening in New York is the next
    day in UTC)."""
    return datetime.fromisoformat(timestamp).astimezone().date()


def count_text(number: int, singular: str, plural: str = "") -> str:
    """``1 touch``, ``37 touches``, ``1,204 leads``."""
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"
