"""Exporting the campaign calendar as an RFC 5545 ``.ics`` file for other calendar programs.

One all-day event per campaign span and one event per planned touch (timed when it has a time).
UIDs are stable, ``touch-<id>@<file id>``, built from a random id stored once in the file, so
importing a newer export updates the events instead of duplicating them, and two planner files
never collide. The export only reads; the file is written to a temporary name and renamed, so a
failed export leaves nothing half-written.
"""

import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from planner import __version__
from planner.domain import Campaign, TouchKind
from planner.errors import ValidationError
from planner.limits import EARLIEST_DAY, LATEST_DAY, without_control
from planner.read_models import TouchFilter, TouchWithLead
from planner.store.settings import SettingKey
from planner.workspace import Workspace

PRODUCT_ID = f"-//planner//planner {__version__}//EN"

_SHORT_KINDS = frozenset({TouchKind.PHONE_CALL})
_SHORT = timedelta(minutes=30)
_LONG = timedelta(hours=1)


@dataclass(frozen=True)
class CalendarExport:
    """What an export wrote: how many campaign and touch events."""

    path: Path
    campaigns: int
    touches: int


def export_calendar(
    workspace: Workspace, path: Path, start: date | None = None, end: date | None = None
) -> CalendarExport:
    """Writes campaigns running and touches planned from ``start`` to ``end`` to ``path``.

    Either end may be open. Only touches not done yet are exported: they are the plan. The
    folder must exist; nothing is written when it does not.
    """
    path = Path(path)
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"The export ends ({end.isoformat()}) before it starts ({start.isoformat()})", "end"
        )
    if not path.parent.is_dir():
        raise ValidationError(f"The folder {path.parent} does not exist; nothing was written")
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; give a file name such as planner.ics")
    file_id = str(workspace.settings.get(SettingKey.DATABASE_ID))
    stamp = workspace.clock.now()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Planner")
    campaigns = workspace.campaigns.between(start or EARLIEST_DAY, end or LATEST_DAY)
    for campaign in campaigns:
        calendar.add_component(_campaign_event(campaign, file_id, stamp))
    planned = workspace.touches.find_with_leads(
        TouchFilter(start=start or EARLIEST_DAY, end=end or LATEST_DAY, planned_only=True)
    )
    for entry in planned:
        calendar.add_component(_touch_event(entry, file_id, stamp))
    _write_atomically(path, calendar.to_ical())
    return CalendarExport(path, len(campaigns), len(planned))


def _campaign_event(campaign: Campaign, file_id: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"campaign-{campaign.id}@{file_id}")
    event.add("dtstamp", stamp)
    event.add("summary", without_control(f"Campaign: {campaign.name} ({campaign.channel.label})"))
    event.add("dtstart", campaign.start_on)
    event.add("dtend", min(campaign.end_on, LATEST_DAY) + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    lines = [
        f"Goal: {campaign.goal}" if campaign.goal else "",
        f"Offer: {campaign.offer}" if campaign.offer else "",
        f"Target: {_target_text(campaign)}",
        f"Budget: {campaign.budget}" if campaign.budget else "",
        f"Response code: {campaign.response_code}",
        campaign.notes,
    ]
    event.add("description", without_control("\n".join(line for line in lines if line)))
    return event


def _target_text(campaign: Campaign) -> str:
    parts = [f"{campaign.target_temperature.value} leads"]
    if campaign.target_city:
        parts.append(f"in {campaign.target_city}")
    if campaign.target_source:
        parts.append(f"from {campaign.target_source}")
    if campaign.target_search:
        parts.append(f"matching “{campaign.target_search}”")
    return " ".join(parts)


def _touch_event(entry: TouchWithLead, file_id: str, stamp: datetime) -> Event:
    touch = entry.touch
    event = Event()
    event.add("uid", f"touch-{touch.id}@{file_id}")
    event.add("dtstamp", stamp)
    who = entry.lead_name
    if entry.company and entry.company != entry.lead_name:
        who = f"{who} ({entry.company})"
    event.add("summary", without_control(f"{touch.kind.label}: {who}"))
    if touch.planned_at is None:
        event.add("dtstart", touch.planned_on)
        event.add("dtend", touch.planned_on + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", _floating(touch.planned_on, touch.planned_at))
        event.add("duration", _SHORT if touch.kind in _SHORT_KINDS else _LONG)
    lines = [
        touch.notes,
        f"Phone: {entry.phone}" if entry.phone else "",
        f"Email: {entry.email}" if entry.email else "",
        f"Campaign: {entry.campaign_name} ({entry.response_code})" if entry.campaign_name else "",
    ]
    description = "\n".join(line for line in lines if line)
    if description:
        event.add("description", without_control(description))
    return event


def _floating(day: date, moment: time) -> datetime:
    """Local wall-clock time without a zone: the other program shows it at that hour."""
    return datetime.combine(day, moment)


def _write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with temporary.open("xb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
