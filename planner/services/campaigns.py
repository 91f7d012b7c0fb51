"""Campaign actions: create one with a touch per target lead, edit, reschedule and delete it.

Each function is one user action: one transaction, a ``Change``, undoable through
``planner.services.history``; creating a campaign for 5,000 leads is one step.
"""

import secrets
from datetime import date, timedelta

from planner.changes import Change
from planner.domain import CampaignDraft, TouchDraft
from planner.errors import ValidationError
from planner.limits import CAMPAIGN_LIMITS, LATEST_DAY, day_problem
from planner.locale import format_day
from planner.services.actions import user_action
from planner.services.touches import count_text, insert_touches
from planner.store.campaigns import CampaignStore, campaign_row
from planner.store.changes import ChangeRecorder, Table, recording
from planner.store.text_search import fold
from planner.workspace import Workspace

_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"
RESPONSE_CODE_ALPHABET = _CODE_LETTERS + "23456789"
"""Letters and digits that cannot be misread for each other (no 0/O, 1/I/L) on a reply card."""

_FALLBACK_PREFIX = "CMP"


def validate_campaign(draft: CampaignDraft) -> None:
    """Raises ValidationError naming the field when the draft cannot be stored."""
    for field, limit in CAMPAIGN_LIMITS.items():
        problem = limit.problem(getattr(draft, field))
        if problem is not None:
            raise ValidationError(problem, field)
    if not draft.name.strip():
        raise ValidationError("A campaign needs a name", "name")
    for field, label in (("start_on", "start"), ("end_on", "end")):
        problem = day_problem(label, getattr(draft, field))
        if problem is not None:
            raise ValidationError(problem, field)
    if draft.end_on < draft.start_on:
        raise ValidationError(
            f"The campaign ends ({format_day(draft.end_on)}) "
            f"before it starts ({format_day(draft.start_on)})",
            "end_on",
        )


def campaign_targets(workspace: Workspace, draft: CampaignDraft) -> list[int]:
    """The ids of the leads the campaign would plan a touch for, in board order.

    Open leads of the target temperature, narrowed by city, source and search; the dialog shows
    the count before the user creates the campaign.
    """
    return workspace.campaigns.target_lead_ids(draft)


def schedule_days(start_on: date, end_on: date, count: int, *, spread: bool) -> list[date]:
    """The day of each of ``count`` touches: all on the start day, or spread over the span."""
    if not spread:
        return [start_on] * count
    days = (end_on - start_on).days + 1
    return [start_on + timedelta(days=index * days // count) for index in range(count)]


@user_action
def create_campaign(workspace: Workspace, draft: CampaignDraft, spread: bool = False) -> Change:
    """Creates the campaign and plans one touch per target lead, all as one undoable step.

    The touches fall on the start day, or with ``spread`` evenly over the campaign's days; their
    kind follows the channel (direct mail plans direct-mail letters).
    """
    validate_campaign(draft)
    store = workspace.campaigns
    targets = store.target_lead_ids(draft)
    name = draft.name.strip()
    description = f"Create campaign '{name}' with {count_text(len(targets))}"
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        row = campaign_row(draft)
        row.update(response_code=new_response_code(store, name), created_at=now)
        campaign_id = recorder.insert(Table.CAMPAIGNS, row)
        days = schedule_days(draft.start_on, draft.end_on, len(targets), spread=spread)
        drafts = [
            TouchDraft(lead_id, draft.channel.touch_kind, day, campaign_id=campaign_id)
            for lead_id, day in zip(targets, days, strict=True)
        ]
        insert_touches(recorder, drafts, now)
        return recorder.finish()


@user_action
def edit_campaign(workspace: Workspace, campaign_id: int, draft: CampaignDraft) -> Change:
    """Saves the campaign's fields as one step; new dates take its planned touches along.

    When the start or end changes, the planned touches shift by as many days as the start moved
    and are then kept inside the new start..end span ("Edit campaign 'Fair' and move 3 touches");
    done touches stay on the days they happened.
    """
    workspace.campaigns.get(campaign_id)
    validate_campaign(draft)
    description = f"Edit campaign '{draft.name.strip()}'"
    with recording(workspace.db, description) as recorder:
        moves = touches_moved_by_dates(workspace, campaign_id, draft.start_on, draft.end_on)
        if moves:
            recorder.description = f"{description} and move {count_text(len(moves))}"
        recorder.update(Table.CAMPAIGNS, campaign_id, campaign_row(draft))
        _move_touches(recorder, moves)
        return recorder.finish()


def touches_moved_by_dates(
    workspace: Workspace, campaign_id: int, start_on: date, end_on: date
) -> dict[int, date]:
    """The planned touches that saving the campaign with these dates moves, with their new days.

    Nothing moves while the dates stay as they are (touches the user placed outside the span
    stay there); the campaign dialog shows the count before saving.
    """
    campaign = workspace.campaigns.get(campaign_id)
    if (start_on, end_on) == (campaign.start_on, campaign.end_on):
        return {}
    return planned_touch_moves(workspace, campaign_id, start_on, end_on)


def planned_touch_moves(
    workspace: Workspace, campaign_id: int, start_on: date, end_on: date | None = None
) -> dict[int, date]:
    """The new day of each planned touch of the campaign that moves if it ran from ``start_on``.

    Touches shift by as many days as the start moves; with ``end_on`` they are also kept inside
    ``start_on..end_on`` (the dialog can shorten a campaign), without it they all shift alike
    (a drag on the calendar keeps the campaign's length). Done touches never move; touches whose
    day stays the same are left out, so the count is what the user sees change.
    """
    campaign = workspace.campaigns.get(campaign_id)
    shift = start_on - campaign.start_on
    moves: dict[int, date] = {}
    for touch_id, day in workspace.campaigns.planned_touch_days(campaign_id).items():
        new_day = day + shift
        if end_on is not None:
            new_day = min(max(new_day, start_on), end_on)
        if new_day != day:
            moves[touch_id] = new_day
    return dict(sorted(moves.items()))


@user_action
def reschedule_campaign(workspace: Workspace, campaign_id: int, start_on: date) -> Change:
    """Moves the campaign to start on ``start_on``; its end and its planned touches shift by as
    many days. Done touches stay on the days they happened."""
    store = workspace.campaigns
    campaign = store.get(campaign_id)
    shift = start_on - campaign.start_on
    problem = day_problem("start", start_on)
    if problem is None and campaign.end_on + shift > LATEST_DAY:
        problem = day_problem("end", LATEST_DAY + timedelta(days=1))
    if problem is not None:
        raise ValidationError(problem, "start_on")
    description = f"Move campaign '{campaign.name}' to {format_day(start_on)}"
    if not shift:
        return Change(description)
    with recording(workspace.db, description) as recorder:
        moves = planned_touch_moves(workspace, campaign_id, start_on)
        recorder.update(
            Table.CAMPAIGNS,
            campaign_id,
            {"start_on": start_on.isoformat(), "end_on": (campaign.end_on + shift).isoformat()},
        )
        _move_touches(recorder, moves)
        return recorder.finish()


def _move_touches(recorder: ChangeRecorder, moves: dict[int, date]) -> None:
    for touch_id, day in moves.items():
        recorder.update(Table.TOUCHES, touch_id, {"planned_on": day.isoformat()})


@user_action
def delete_campaign(workspace: Workspace, campaign_id: int, keep_planned_touches: bool) -> Change:
    """Deletes the campaign; its planned touches are kept (as plain touches) or deleted.

    Done touches are history and always stay on their leads' timelines.
    """
    store = workspace.campaigns
    campaign = store.get(campaign_id)
    with recording(workspace.db, f"Delete campaign '{campaign.name}'") as recorder:
        for touch_id in store.touch_ids(campaign_id, done=True):
            recorder.update(Table.TOUCHES, touch_id, {"campaign_id": None})
        for touch_id in store.touch_ids(campaign_id, done=False):
            if keep_planned_touches:
                recorder.update(Table.TOUCHES, touch_id, {"campaign_id": None})
            else:
                recorder.delete(Table.TOUCHES, touch_id)
        recorder.delete(Table.CAMPAIGNS, campaign_id)
        return recorder.finish()


def response_code_prefix(name: str) -> str:
    """``SPR`` for "Spring offer": the first unambiguous letters of the campaign's name."""
    letters = [char for char in fold(name).upper() if char in _CODE_LETTERS]
    return "".join(letters[:3]) if len(letters) >= 2 else _FALLBACK_PREFIX


def new_response_code(store: CampaignStore, name: str) -> str:
    """A response code no campaign of the file has yet: ``SPR-7K3Q`` for "Spring offer"."""
    prefix = response_code_prefix(name)
    while True:
        suffix = "".join(secrets.choice(RESPONSE_CODE_ALPHABET) for _ in range(4))
        code = f"{prefix}-{suffix}"
        if not store.response_code_taken(code):
            return code
