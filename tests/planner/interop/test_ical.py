"""The ``.ics`` export read back with icalendar: events, stable UIDs, text that survives."""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from planner.clock import Clock
from planner.domain import CampaignDraft, Channel, LeadDraft, Temperature, TouchDraft, TouchKind
from planner.errors import ValidationError
from planner.interop.ical import export_calendar
from planner.services import board, campaigns, touches
from planner.store.settings import SettingKey
from planner.workspace import Workspace

TRICKY_NAME = "Zofia Wójcik; Ψ, 陈 & Sons 🎉"
TRICKY_NOTES = 'Bring samples, price list; ask about \\ the "big" order\nSecond line'


@pytest.fixture
def planned(workspace: Workspace) -> Workspace:
    """A lead with a timed call, an all-day letter, a done touch, and a campaign."""
    (lead_id,) = board.add_lead(
        workspace, LeadDraft(name=TRICKY_NAME, company="Łódź, Print; Works", city="Łódź")
    ).lead_ids
    touches.plan_touches(
        workspace,
        [
            TouchDraft(lead_id, TouchKind.PHONE_CALL, date(2026, 3, 18), time(9, 30), TRICKY_NOTES),
            TouchDraft(lead_id, TouchKind.MEETING, date(2026, 3, 19), time(14, 0)),
            TouchDraft(lead_id, TouchKind.SALES_LETTER, date(2026, 3, 20)),
        ],
        "Plan",
    )
    touches.log_touches(workspace, [TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 3, 16))], "Log")
    campaigns.create_campaign(
        workspace,
        CampaignDraft(
            "Spring, sunny; offer ☀",
            Channel.DIRECT_MAIL,
            Temperature.COLD,
            date(2026, 4, 1),
            date(2026, 4, 30),
            offer="10% off; free delivery, too",
        ),
    )
    return workspace


def _events(path: Path) -> dict[str, Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_campaigns_and_planned_touches_become_events(planned: Workspace, tmp_path: Path) -> None:
    written = export_calendar(planned, tmp_path / "planner.ics")
    assert (written.campaigns, written.touches) == (1, 4)
    events = _events(tmp_path / "planner.ics")
    file_id = planned.settings.get(SettingKey.DATABASE_ID)
    uids = sorted(events)
    assert [uid.split("@")[0] for uid in uids] == [
        "campaign-1",
        "touch-1",
        "touch-2",
        "touch-3",
        "touch-5",
    ]
    assert {uid.split("@")[1] for uid in uids} == {file_id}


def test_event_times_and_text(planned: Workspace, tmp_path: Path) -> None:
    export_calendar(planned, tmp_path / "planner.ics")
    events = {uid.split("@")[0]: event for uid, event in _events(tmp_path / "planner.ics").items()}
    campaign = events["campaign-1"]
    assert campaign["dtstart"].dt == date(2026, 4, 1)
    assert campaign["dtend"].dt == date(2026, 5, 1)
    assert str(campaign["summary"]) == "Campaign: Spring, sunny; offer ☀ (Direct mail)"
    assert "Offer: 10% off; free delivery, too" in str(campaign["description"])
    call = events["touch-1"]
    assert call["dtstart"].dt == datetime(2026, 3, 18, 9, 30)
    assert call["duration"].dt == timedelta(minutes=30)
    assert str(call["summary"]) == f"Phone call: {TRICKY_NAME} (Łódź, Print; Works)"
    assert str(call["description"]).startswith(TRICKY_NOTES)
    assert events["touch-2"]["duration"].dt == timedelta(hours=1)
    letter = events["touch-3"]
    assert (letter["dtstart"].dt, letter["dtend"].dt) == (date(2026, 3, 20), date(2026, 3, 21))


def test_the_same_file_exports_the_same_events_twice(planned: Workspace, tmp_path: Path) -> None:
    export_calendar(planned, tmp_path / "first.ics")
    export_calendar(planned, tmp_path / "second.ics")
    assert (tmp_path / "first.ics").read_bytes() == (tmp_path / "second.ics").read_bytes()
    assert _events(tmp_path / "first.ics").keys() == _events(tmp_path / "second.ics").keys()


def test_uids_stay_when_the_plan_changes_and_differ_between_files(
    planned: Workspace, tmp_path: Path
) -> None:
    export_calendar(planned, tmp_path / "before.ics")
    touches.reschedule_touch(planned, 1, date(2026, 3, 25))
    export_calendar(planned, tmp_path / "after.ics")
    before, after = _events(tmp_path / "before.ics"), _events(tmp_path / "after.ics")
    assert before.keys() == after.keys()
    moved = next(uid for uid in after if uid.startswith("touch-1@"))
    assert after[moved]["dtstart"].dt == datetime(2026, 3, 25, 9, 30)
    other = Workspace.open(tmp_path / "other.db", Clock.fixed(datetime(2026, 3, 16, tzinfo=UTC)))
    (lead_id,) = board.add_lead(other, LeadDraft(name="Other")).lead_ids
    touches.plan_touches(other, [TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 3, 18))], "Plan")
    export_calendar(other, tmp_path / "other.ics")
    other.close()
    (other_uid,) = _events(tmp_path / "other.ics")
    assert other_uid.startswith("touch-1@")
    assert other_uid not in before


def test_range_limits_touches_and_keeps_overlapping_campaigns(
    planned: Workspace, tmp_path: Path
) -> None:
    written = export_calendar(
        planned, tmp_path / "april.ics", start=date(2026, 3, 19), end=date(2026, 4, 2)
    )
    assert (written.campaigns, written.touches) == (1, 3)
    none = export_calendar(planned, tmp_path / "may.ics", start=date(2026, 5, 1))
    assert (none.campaigns, none.touches) == (0, 0)
    assert Calendar.from_ical((tmp_path / "may.ics").read_bytes()).walk("VEVENT") == []


def test_bad_targets_write_nothing(planned: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        export_calendar(planned, tmp_path / "missing" / "planner.ics")
    with pytest.raises(ValidationError, match="folder"):
        export_calendar(planned, tmp_path)
    with pytest.raises(ValidationError, match="before it starts"):
        export_calendar(planned, tmp_path / "x.ics", date(2026, 4, 2), date(2026, 4, 1))
    assert [
        path.name for path in tmp_path.iterdir() if not path.name.startswith("planner.db")
    ] == []
