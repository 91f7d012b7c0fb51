"""Gathering what documents print: lead selections, recording letters as touches, the call sheet."""

from datetime import date, time
from pathlib import Path

import pytest

from planner.documents.batch import MergedLetter
from planner.documents.profile import SenderProfile
from planner.documents.template_text import builtin_templates
from planner.domain import (
    CampaignDraft,
    Channel,
    Column,
    Lead,
    LeadDraft,
    Temperature,
    TouchDraft,
    TouchKind,
)
from planner.read_models import TouchFilter
from planner.services import board, campaigns, documents, touches
from planner.services.history import redo_change, undo_change
from planner.workspace import Workspace
from tests.conftest import dump_database

MONDAY = date(2026, 3, 16)
COLD_LETTER = next(template for template in builtin_templates() if template.name == "win-back")


@pytest.fixture
def leads(workspace: Workspace) -> dict[str, int]:
    """Cold, warm and won leads in two cities, one without a street."""
    drafts = [
        (
            LeadDraft(name="Piekarnia", street="ul. Długa 1", city="Łódź", phone="+48 42 1"),
            Column.COLD,
        ),
        (
            LeadDraft(name="Drukarnia", street="ul. Krótka 2", city="Łódź", notes="Two shops"),
            Column.COLD,
        ),
        (LeadDraft(name="Bäckerei", street="Hauptstr. 3", city="Berlin"), Column.COLD),
        (LeadDraft(name="No Street", city="Łódź"), Column.COLD),
        (
            LeadDraft(name="Warm one", street="Rynek 4", city="Łódź", temperature=Temperature.WARM),
            Column.WARM,
        ),
        (LeadDraft(name="Customer", street="Rynek 5", city="Łódź"), Column.WON),
    ]
    board.add_leads(workspace, drafts, "Add leads")
    return {lead.name: lead.id for lead in workspace.leads.find()}


def _names(found: list[Lead]) -> list[str]:
    return [lead.name for lead in found]


def test_selections_narrow_by_temperature_column_search_and_ids(
    workspace: Workspace, leads: dict[str, int]
) -> None:
    select = documents.select_leads
    db = workspace.db
    # The won customer was cold too, but a temperature means open prospects.
    assert _names(select(db, documents.LeadSelection(temperature=Temperature.COLD))) == [
        "Piekarnia",
        "Drukarnia",
        "Bäckerei",
        "No Street",
    ]
    assert _names(select(db, documents.LeadSelection(column=Column.COLD))) == [
        "Piekarnia",
        "Drukarnia",
        "Bäckerei",
        "No Street",
    ]
    assert _names(select(db, documents.LeadSelection(column=Column.COLD, search="lodz"))) == [
        "Piekarnia",
        "Drukarnia",
        "No Street",
    ]
    chosen = frozenset({leads["Customer"], leads["Bäckerei"]})
    assert _names(select(db, documents.LeadSelection(lead_ids=chosen))) == ["Bäckerei", "Customer"]


def test_a_campaign_selects_the_leads_it_planned_touches_for(
    workspace: Workspace, leads: dict[str, int]
) -> None:
    draft = CampaignDraft(
        name="Łódź mailing",
        channel=Channel.DIRECT_MAIL,
        target_temperature=Temperature.COLD,
        start_on=MONDAY,
        end_on=date(2026, 3, 31),
        target_city="Lodz",
        offer="10% off",
    )
    campaigns.create_campaign(workspace, draft)
    (campaign,) = workspace.campaigns.all()
    board.move_lead(workspace, leads["Drukarnia"], Column.WARM)
    selection = documents.LeadSelection(campaign_id=campaign.id)
    assert _names(documents.select_leads(workspace.db, selection)) == [
        "Piekarnia",
        "No Street",
        "Drukarnia",
    ]
    info = documents.campaign_info(workspace.db, campaign.id)
    assert info is not None
    assert (info.offer, info.response_code, info.end_on) == (
        "10% off",
        campaign.response_code,
        date(2026, 3, 31),
    )


def test_recording_letters_completes_planned_campaign_touches_in_one_undoable_step(
    workspace: Workspace, leads: dict[str, int], tmp_path: Path
) -> None:
    draft = CampaignDraft(
        name="Łódź mailing",
        channel=Channel.DIRECT_MAIL,
        target_temperature=Temperature.COLD,
        start_on=MONDAY,
        end_on=date(2026, 3, 31),
        target_city="Lodz",
    )
    campaigns.create_campaign(workspace, draft)
    (campaign,) = workspace.campaigns.all()
    before = dump_database(workspace)
    sent = [
        MergedLetter(leads[name], name, 1, tmp_path / "letters.pdf")
        for name in ("Piekarnia", "Bäckerei")
    ]
    change = documents.record_letters(workspace, sent, COLD_LETTER, campaign.id)
    assert change.description == "Log 2 letters 'Win-back letter'"
    assert change.touched_leads >= {leads["Piekarnia"], leads["Bäckerei"]}
    recorded = workspace.touches.find(TouchFilter(campaign_id=campaign.id))
    done = {
        (workspace.leads.get(t.lead_id).name, t.kind, t.done_on, t.document)
        for t in recorded
        if t.is_done
    }
    assert done == {
        ("Piekarnia", TouchKind.DIRECT_MAIL_LETTER, MONDAY, str(tmp_path / "letters.pdf")),
        ("Bäckerei", TouchKind.DIRECT_MAIL_LETTER, MONDAY, str(tmp_path / "letters.pdf")),
    }
    assert len(recorded) == 4
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after


def test_recording_without_a_campaign_logs_new_done_touches(
    workspace: Workspace, leads: dict[str, int], tmp_path: Path
) -> None:
    warm = next(template for template in builtin_templates() if template.name == "warm-follow-up")
    letter = MergedLetter(leads["Warm one"], "Warm one", 1, tmp_path / "w.pdf")
    change = documents.record_letters(workspace, [letter], warm)
    assert change.description == "Log letter 'Warm follow-up after a call' for 'Warm one'"
    (touch,) = workspace.touches.for_lead(leads["Warm one"])
    assert (touch.kind, touch.done_on, touch.campaign_id, touch.notes) == (
        TouchKind.SALES_LETTER,
        MONDAY,
        None,
        "Letter: Warm follow-up after a call",
    )


@pytest.mark.parametrize(
    "selection",
    [
        documents.LeadSelection(),
        documents.LeadSelection(column=Column.COLD),
        documents.LeadSelection(column=Column.COLD, search="lodz"),
        documents.LeadSelection(search="lodz"),
        documents.LeadSelection(temperature=Temperature.COLD),
        documents.LeadSelection(search="nobody"),
    ],
)
def test_counting_a_selection_agrees_with_selecting_it(
    workspace: Workspace, leads: dict[str, int], selection: documents.LeadSelection
) -> None:
    expected = len(documents.select_leads(workspace.db, selection))
    assert documents.count_selected(workspace, selection) == expected


def test_counting_chosen_leads_leaves_out_deleted_ones(
    workspace: Workspace, leads: dict[str, int]
) -> None:
    board.delete_leads(workspace, [leads["Customer"]])
    chosen = frozenset({leads["Customer"], leads["Bäckerei"]})
    assert documents.count_selected(workspace, documents.LeadSelection(lead_ids=chosen)) == 1


def test_the_call_sheet_has_the_days_calls_after_overdue_ones(
    workspace: Workspace, leads: dict[str, int]
) -> None:
    plan = [
        TouchDraft(
            leads["Piekarnia"], TouchKind.PHONE_CALL, MONDAY, time(11, 0), "Ask about bread"
        ),
        TouchDraft(leads["Drukarnia"], TouchKind.MEETING, MONDAY, time(9, 30)),
        TouchDraft(leads["Bäckerei"], TouchKind.PHONE_CALL, date(2026, 3, 12)),
        TouchDraft(leads["Warm one"], TouchKind.DIRECT_MAIL_LETTER, MONDAY),
        TouchDraft(leads["Customer"], TouchKind.PHONE_CALL, date(2026, 3, 17)),
        TouchDraft(
            leads["Piekarnia"],
            TouchKind.DIRECT_MAIL_LETTER,
            date(2026, 3, 2),
            done_on=date(2026, 3, 2),
        ),
    ]
    touches.plan_touches(workspace, plan, "Plan")
    sheet = documents.call_sheet(workspace.db, MONDAY, SenderProfile())
    assert [(entry.lead_name, entry.time, entry.kind) for entry in sheet.entries] == [
        ("Bäckerei", "", "Phone call"),
        ("Drukarnia", "09:30", "Meeting"),
        ("Piekarnia", "11:00", "Phone call"),
    ]
    piekarnia = sheet.entries[2]
    assert (piekarnia.phone, piekarnia.touch_notes, piekarnia.last_touch) == (
        "+48 42 1",
        "Ask about bread",
        "Direct-mail letter, 2 March 2026",
    )
    assert sheet.entries[1].lead_notes == "Two shops"
    assert sheet.heading == "Monday, 16 March 2026"


def test_a_letter_context_is_dated_by_the_clock(
    workspace: Workspace, leads: dict[str, int]
) -> None:
    context = documents.letter_context(workspace, leads["Piekarnia"])
    assert (context.today, context.lead.name, context.campaign) == (MONDAY, "Piekarnia", None)
