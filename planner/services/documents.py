"""What documents print, gathered from the planner file, and recording the letters sent.

Selecting leads and reading the call sheet's rows take a plain ``Database`` so a GUI worker can
run them on its own read connection; counting a selection is the dialogs' query on the Workspace,
so the window never reaches for the database itself; recording letters is a user action on the
Workspace (one undoable step).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlite_utils import Database

from planner.changes import Change
from planner.documents.batch import MergedLetter
from planner.documents.calls import CallSheet, CallSheetEntry
from planner.documents.context import CampaignInfo, LetterContext
from planner.documents.profile import SenderProfile
from planner.documents.template_text import LETTER_KINDS, LetterTemplate
from planner.domain import Column, Lead, Outcome, Temperature, Touch, TouchDraft, TouchKind
from planner.read_models import LeadFilter, TouchFilter
from planner.services.actions import user_action
from planner.services.sender import load_sender_profile
from planner.services.touches import insert_touches, validate_touch_drafts
from planner.store.campaigns import CampaignStore
from planner.store.changes import Table, recording
from planner.store.leads import LeadStore
from planner.store.touches import TouchStore
from planner.workspace import Workspace

CALL_SHEET_KINDS = frozenset({TouchKind.PHONE_CALL, TouchKind.MEETING, TouchKind.PRESENTATION})
"""The person-to-person touches a call sheet lists."""


@dataclass(frozen=True)
class LeadSelection:
    """Which leads a batch (letters, labels, envelopes) is for; empty fields do not narrow it.

    ``temperature`` means the open leads of that temperature (its board column): a won customer
    who was hot must not get a hot prospect's letter. ``campaign_id`` keeps the campaign's targets
    (the leads it planned touches for, or, for a campaign without touches, the leads matching its
    target now); ``lead_ids`` is the board's current selection.
    """

    temperature: Temperature | None = None
    column: Column | None = None
    campaign_id: int | None = None
    search: str = ""
    lead_ids: frozenset[int] | None = None


def select_leads(database: Database, selection: LeadSelection) -> list[Lead]:
    """The selected leads in board order (deleted leads never)."""
    found = LeadStore(database).find(
        LeadFilter(
            temperature=selection.temperature,
            outcome=Outcome.OPEN if selection.temperature is not None else None,
            column=selection.column,
            search=selection.search,
            ids=selection.lead_ids,
        )
    )
    if selection.campaign_id is None:
        return found
    targets = campaign_target_ids(database, selection.campaign_id)
    return [lead for lead in found if lead.id in targets]


def count_selected(workspace: Workspace, selection: LeadSelection) -> int:
    """How many leads the selection chooses, for the dialogs' running count.

    A column or a search alone is answered from the board's column counts without loading a
    single lead, because the dialogs count again as the user types.
    """
    if (
        selection.temperature is None
        and selection.campaign_id is None
        and selection.lead_ids is None
    ):
        summaries = workspace.leads.summaries(selection.search)
        if selection.column is None:
            return sum(summary.count for summary in summaries.values())
        return summaries[selection.column].count
    return len(select_leads(workspace.db, selection))


def campaign_target_ids(database: Database, campaign_id: int) -> set[int]:
    """The leads the campaign planned touches for, or its current target when it planned none."""
    campaign = CampaignStore(database).get(campaign_id)
    touched = {
        touch.lead_id for touch in TouchStore(database).find(TouchFilter(campaign_id=campaign_id))
    }
    return touched or set(CampaignStore(database).target_lead_ids(campaign.draft()))


def campaign_info(database: Database, campaign_id: int | None) -> CampaignInfo | None:
    """The printable part of a campaign (NotFoundError for an unknown id), or ``None``."""
    if campaign_id is None:
        return None
    return CampaignInfo.of(CampaignStore(database).get(campaign_id))


def letter_context(
    workspace: Workspace, lead_id: int, campaign_id: int | None = None
) -> LetterContext:
    """Everything a letter to one lead prints, dated today (the editor's preview uses this)."""
    return LetterContext(
        lead=workspace.leads.get(lead_id),
        sender=load_sender_profile(workspace),
        today=workspace.clock.today(),
        campaign=campaign_info(workspace.db, campaign_id),
    )


@user_action
def record_letters(
    workspace: Workspace,
    letters: Iterable[MergedLetter],
    template: LetterTemplate,
    campaign_id: int | None = None,
) -> Change:
    """Records each letter as a touch done today, all as one undoable step.

    A letter for a campaign completes the lead's planned letter touch of that campaign when
    there is one (so the meter counts it once); otherwise a new done touch of the template's kind
    is logged. Each touch notes the template and names the PDF in ``document``.
    """
    sent = list(letters)
    day = workspace.clock.today()
    planned = _planned_letter_touches(workspace, campaign_id, {letter.lead_id for letter in sent})
    drafts = [
        TouchDraft(
            lead_id=letter.lead_id,
            kind=template.kind,
            planned_on=day,
            done_on=day,
            notes=f"Letter: {template.title}",
            campaign_id=campaign_id,
            document=str(letter.file),
        )
        for letter in sent
        if letter.lead_id not in planned
    ]
    validate_touch_drafts(workspace, drafts)
    with recording(workspace.db, _record_description(sent, template)) as recorder:
        for letter in sent:
            touch = planned.get(letter.lead_id)
            if touch is not None:
                recorder.update(
                    Table.TOUCHES,
                    touch.id,
                    {"done_on": day.isoformat(), "document": str(letter.file)},
                )
        insert_touches(recorder, drafts, workspace.clock.timestamp())
        return recorder.finish()


def _record_description(letters: list[MergedLetter], template: LetterTemplate) -> str:
    if len(letters) == 1:
        return f"Log letter '{template.title}' for '{letters[0].name}'"
    return f"Log {len(letters)} letters '{template.title}'"


def _planned_letter_touches(
    workspace: Workspace, campaign_id: int | None, lead_ids: set[int]
) -> dict[int, Touch]:
    if campaign_id is None:
        return {}
    planned: dict[int, Touch] = {}
    for touch in workspace.touches.find(TouchFilter(campaign_id=campaign_id)):
        if touch.lead_id in lead_ids and not touch.is_done and touch.kind in LETTER_KINDS:
            planned.setdefault(touch.lead_id, touch)
    return planned


def call_sheet(database: Database, day: date, sender: SenderProfile) -> CallSheet:
    """The calls and meetings planned for ``day``, after those still open from earlier days."""
    touches = TouchStore(database)
    leads = LeadStore(database)
    overdue = touches.find(TouchFilter(overdue_on=day))
    today = touches.find(TouchFilter(start=day, end=day))
    wanted = [touch for touch in [*overdue, *today] if touch.kind in CALL_SHEET_KINDS]
    wanted.sort(
        key=lambda touch: (
            touch.planned_on,
            touch.planned_at is None,
            touch.planned_at or time(0),
            touch.id,
        )
    )
    entries = []
    for touch in wanted:
        lead = leads.get(touch.lead_id)
        entries.append(
            CallSheetEntry(
                time=touch.planned_at.strftime("%H:%M") if touch.planned_at else "",
                kind=touch.kind.label,
                lead_name=lead.name,
                company=lead.company,
                phone=lead.phone,
                touch_notes=touch.notes,
                last_touch=_last_touch_text(touches.for_lead(lead.id), sender),
                lead_notes=lead.notes,
                planned_on=touch.planned_on,
                done=touch.is_done,
            )
        )
    return CallSheet(day, sender, tuple(entries))


def _last_touch_text(timeline: list[Touch], sender: SenderProfile) -> str:
    done = [touch for touch in timeline if touch.done_on is not None]
    if not done:
        return ""
    last = max(done, key=lambda touch: (touch.done_on or touch.planned_on, touch.id))
    day = last.done_on or last.planned_on
    return f"{last.kind.label}, {sender.date_format.apply(day)}"
