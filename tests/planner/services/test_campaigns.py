"""Campaigns: targeting, scheduling on the start day or spread, reschedule, delete, undo."""

import re
from datetime import date, timedelta
from typing import Any

import pytest

from planner.changes import Change, Kind
from planner.domain import CampaignDraft, Channel, Column, LeadDraft, Temperature, TouchKind
from planner.errors import NotFoundError, ValidationError
from planner.money import Money
from planner.read_models import TouchFilter
from planner.services import board, campaigns, touches
from planner.services.history import redo_change, undo_change
from planner.store.campaigns import CampaignStore
from planner.store.touches import TouchStore
from planner.workspace import Workspace
from tests.conftest import dump_database

APRIL_1 = date(2026, 4, 1)


def _draft(**changes: Any) -> CampaignDraft:
    fields: dict[str, Any] = {
        "name": "Spring offer",
        "channel": Channel.DIRECT_MAIL,
        "target_temperature": Temperature.COLD,
        "start_on": APRIL_1,
        "end_on": date(2026, 4, 10),
        **changes,
    }
    return CampaignDraft(**fields)


@pytest.fixture
def town(workspace: Workspace) -> dict[str, int]:
    """Leads in Łódź and elsewhere, cold and warm, from two sources."""
    drafts = [
        (LeadDraft(name="Piekarnia", city="Łódź", source="Fair"), Column.COLD),
        (LeadDraft(name="Drukarnia", city="lodz ", source="Website"), Column.COLD),
        (LeadDraft(name="Kwiaciarnia", city="Łódź", source="fair"), Column.COLD),
        (LeadDraft(name="Bäckerei", city="Berlin", source="Fair"), Column.COLD),
        (LeadDraft(name="Warm one", city="Łódź", temperature=Temperature.WARM), Column.WARM),
        (LeadDraft(name="Customer", city="Łódź"), Column.WON),
    ]
    board.add_leads(workspace, drafts, "Add leads")
    return {lead.name: lead.id for lead in workspace.leads.find()}


def _names(workspace: Workspace, ids: list[int]) -> list[str]:
    names = workspace.leads.names(ids)
    return [names[lead_id] for lead_id in ids]


def test_targets_are_open_leads_of_the_temperature(
    workspace: Workspace, town: dict[str, int]
) -> None:
    assert _names(workspace, campaigns.campaign_targets(workspace, _draft())) == [
        "Piekarnia",
        "Drukarnia",
        "Kwiaciarnia",
        "Bäckerei",
    ]


def test_city_and_source_narrow_ignoring_case_and_accents(
    workspace: Workspace, town: dict[str, int]
) -> None:
    in_lodz = campaigns.campaign_targets(workspace, _draft(target_city="LODZ"))
    assert _names(workspace, in_lodz) == ["Piekarnia", "Drukarnia", "Kwiaciarnia"]
    from_fair = campaigns.campaign_targets(
        workspace, _draft(target_city="Łódź", target_source="FAIR")
    )
    assert _names(workspace, from_fair) == ["Piekarnia", "Kwiaciarnia"]
    searched = campaigns.campaign_targets(workspace, _draft(target_search="arnia"))
    assert _names(workspace, searched) == ["Piekarnia", "Drukarnia", "Kwiaciarnia"]
    warm = campaigns.campaign_targets(workspace, _draft(target_temperature=Temperature.WARM))
    assert _names(workspace, warm) == ["Warm one"]


def test_create_plans_one_touch_per_target_on_the_start_day(
    workspace: Workspace, town: dict[str, int]
) -> None:
    draft = _draft(target_city="Łódź", budget=Money(50000, "PLN"), offer="10% off; free tea")
    change = campaigns.create_campaign(workspace, draft)
    assert change.description == "Create campaign 'Spring offer' with 3 touches"
    (campaign_id,) = change.ids(Kind.CAMPAIGN)
    campaign = CampaignStore(workspace.db).get(int(campaign_id))
    assert (campaign.budget, campaign.offer, campaign.days) == (
        Money(50000, "PLN"),
        "10% off; free tea",
        10,
    )
    assert re.fullmatch(r"SPR-[A-HJKMNP-Z2-9]{4}", campaign.response_code)
    planned = TouchStore(workspace.db).find(TouchFilter(campaign_id=campaign.id))
    assert [(touch.kind, touch.planned_on, touch.done_on) for touch in planned] == [
        (TouchKind.DIRECT_MAIL_LETTER, APRIL_1, None)
    ] * 3


def test_spread_places_touches_evenly_over_the_days(workspace: Workspace) -> None:
    board.add_leads(
        workspace, [(LeadDraft(name=f"Lead {n}"), Column.COLD) for n in range(20)], "Add"
    )
    change = campaigns.create_campaign(workspace, _draft(channel=Channel.PHONE), spread=True)
    planned = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))
    days = [touch.planned_on for touch in planned]
    assert days == [APRIL_1 + timedelta(days=n // 2) for n in range(20)]
    assert {touch.kind for touch in planned} == {TouchKind.PHONE_CALL}
    assert len(change.ids(Kind.TOUCH)) == 20


def test_schedule_days_covers_the_span_both_ends() -> None:
    days = campaigns.schedule_days(APRIL_1, date(2026, 4, 3), 3, spread=True)
    assert days == [APRIL_1, date(2026, 4, 2), date(2026, 4, 3)]
    assert campaigns.schedule_days(APRIL_1, date(2026, 4, 30), 2, spread=False) == [APRIL_1] * 2
    assert campaigns.schedule_days(APRIL_1, date(2026, 4, 30), 0, spread=True) == []


def test_end_before_start_and_blank_names_write_nothing(
    workspace: Workspace, town: dict[str, int]
) -> None:
    before = dump_database(workspace)
    with pytest.raises(ValidationError, match="ends") as raised:
        campaigns.create_campaign(workspace, _draft(end_on=date(2026, 3, 31)))
    assert raised.value.field == "end_on"
    with pytest.raises(ValidationError):
        campaigns.create_campaign(workspace, _draft(name="  "))
    assert dump_database(workspace) == before


def test_response_codes_are_unique_and_unambiguous(workspace: Workspace) -> None:
    store = CampaignStore(workspace.db)
    for _ in range(30):
        campaigns.create_campaign(workspace, _draft())
    codes = {campaign.response_code for campaign in store.all()}
    assert len(codes) == 30
    assert campaigns.response_code_prefix("Olive oil days") == "VED"
    assert campaigns.response_code_prefix("Żurek fest") == "ZUR"
    assert campaigns.response_code_prefix("1") == "CMP"
    found = store.by_response_code(sorted(codes)[0].lower())
    assert found.response_code == sorted(codes)[0]
    with pytest.raises(NotFoundError):
        store.by_response_code("XXX-0000")


def _assert_exact_undo_redo(workspace: Workspace, change: Change, before: Any) -> None:
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after


def test_create_undo_redo_restore_exactly(workspace: Workspace, town: dict[str, int]) -> None:
    before = dump_database(workspace)
    change = campaigns.create_campaign(workspace, _draft(), spread=True)
    _assert_exact_undo_redo(workspace, change, before)


def test_reschedule_shifts_dates_and_planned_touches_only(
    workspace: Workspace, town: dict[str, int]
) -> None:
    campaigns.create_campaign(workspace, _draft(), spread=True)
    first, *rest = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))
    touches.mark_touch_done(workspace, first.id, done_on=date(2026, 3, 16))
    before = dump_database(workspace)
    change = campaigns.reschedule_campaign(workspace, 1, date(2026, 4, 8))
    assert change.description == "Move campaign 'Spring offer' to 2026-04-08"
    campaign = CampaignStore(workspace.db).get(1)
    assert (campaign.start_on, campaign.end_on) == (date(2026, 4, 8), date(2026, 4, 17))
    moved = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))
    assert moved[0].planned_on == first.planned_on
    assert [touch.planned_on for touch in moved[1:]] == [
        touch.planned_on + timedelta(days=7) for touch in rest
    ]
    _assert_exact_undo_redo(workspace, change, before)
    assert campaigns.reschedule_campaign(workspace, 1, date(2026, 4, 8)).is_empty


@pytest.mark.parametrize("keep", [True, False])
def test_delete_keeps_done_touches_and_keeps_or_drops_planned_ones(
    workspace: Workspace, town: dict[str, int], keep: bool
) -> None:
    campaigns.create_campaign(workspace, _draft())
    done, *planned = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))
    touches.mark_touch_done(workspace, done.id)
    before = dump_database(workspace)
    change = campaigns.delete_campaign(workspace, 1, keep_planned_touches=keep)
    assert change.description == "Delete campaign 'Spring offer'"
    with pytest.raises(NotFoundError):
        CampaignStore(workspace.db).get(1)
    remaining = TouchStore(workspace.db).find()
    assert {touch.campaign_id for touch in remaining} == {None}
    expected = [done.id, *(touch.id for touch in planned)] if keep else [done.id]
    assert [touch.id for touch in remaining] == expected
    _assert_exact_undo_redo(workspace, change, before)


def test_edit_changes_fields_not_touches(workspace: Workspace, town: dict[str, int]) -> None:
    campaigns.create_campaign(workspace, _draft())
    outside = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))[0]
    touches.reschedule_touch(workspace, outside.id, date(2026, 4, 20))
    before_touches = TouchStore(workspace.db).find()
    before = dump_database(workspace)
    change = campaigns.edit_campaign(workspace, 1, _draft(name="Spring, sunny; offer", goal="20"))
    edited = CampaignStore(workspace.db).get(1)
    assert (edited.name, edited.goal) == ("Spring, sunny; offer", "20")
    assert TouchStore(workspace.db).find() == before_touches
    _assert_exact_undo_redo(workspace, change, before)
    assert change.description == "Edit campaign 'Spring, sunny; offer'"
    with pytest.raises(NotFoundError):
        campaigns.edit_campaign(workspace, 9, _draft())


def _planned_days(workspace: Workspace) -> list[date]:
    return [touch.planned_on for touch in TouchStore(workspace.db).find(TouchFilter(campaign_id=1))]


def test_new_dates_shift_the_planned_touches_and_keep_them_inside(
    workspace: Workspace, town: dict[str, int]
) -> None:
    campaigns.create_campaign(workspace, _draft(), spread=True)
    assert _planned_days(workspace) == [date(2026, 4, day) for day in (1, 3, 6, 8)]
    first = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))[0]
    touches.mark_touch_done(workspace, first.id, done_on=date(2026, 3, 16))
    before = dump_database(workspace)
    start, end = date(2026, 4, 10), date(2026, 4, 14)
    assert campaigns.touches_moved_by_dates(workspace, 1, start, end) == {
        first.id + 1: date(2026, 4, 12),
        first.id + 2: date(2026, 4, 14),
        first.id + 3: date(2026, 4, 14),
    }
    change = campaigns.edit_campaign(workspace, 1, _draft(start_on=start, end_on=end))
    assert change.description == "Edit campaign 'Spring offer' and move 3 touches"
    campaign = CampaignStore(workspace.db).get(1)
    assert (campaign.start_on, campaign.end_on) == (start, end)
    done, *planned = TouchStore(workspace.db).find(TouchFilter(campaign_id=1))
    assert (done.id, done.planned_on, done.done_on) == (first.id, APRIL_1, date(2026, 3, 16))
    assert [touch.planned_on for touch in planned] == [
        date(2026, 4, 12),
        date(2026, 4, 14),
        date(2026, 4, 14),
    ]
    _assert_exact_undo_redo(workspace, change, before)


def test_an_earlier_end_pulls_only_the_touches_past_it(
    workspace: Workspace, town: dict[str, int]
) -> None:
    campaigns.create_campaign(workspace, _draft(), spread=True)
    before = dump_database(workspace)
    change = campaigns.edit_campaign(workspace, 1, _draft(end_on=date(2026, 4, 5)))
    assert change.description == "Edit campaign 'Spring offer' and move 2 touches"
    assert _planned_days(workspace) == [date(2026, 4, day) for day in (1, 3, 5, 5)]
    _assert_exact_undo_redo(workspace, change, before)


def test_between_finds_campaigns_overlapping_the_range(workspace: Workspace) -> None:
    campaigns.create_campaign(
        workspace, _draft(name="March", start_on=date(2026, 3, 20), end_on=date(2026, 4, 2))
    )
    campaigns.create_campaign(
        workspace, _draft(name="May", start_on=date(2026, 5, 1), end_on=date(2026, 5, 3))
    )
    store = CampaignStore(workspace.db)
    assert [c.name for c in store.between(date(2026, 4, 1), date(2026, 4, 30))] == ["March"]
    assert [c.name for c in store.between(date(2026, 3, 1), date(2026, 5, 1))] == ["March", "May"]
    assert store.between(date(2026, 4, 3), date(2026, 4, 30)) == []
