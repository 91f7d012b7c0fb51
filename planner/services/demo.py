"""Loads the demo business into the open file: leads with their column history, touches,
campaigns and the demo's exchange rate, as one undoable step (``planner demo``, File menu)."""

import dataclasses
from types import MappingProxyType

from fractional_indexing import generate_n_keys_between

from planner.changes import Change, Kind
from planner.demo import DemoHistory, demo_history
from planner.demo.history import DemoLead
from planner.domain import Column, Outcome, Temperature, TouchDraft
from planner.services.actions import user_action
from planner.services.board import validate_draft
from planner.services.campaigns import new_response_code
from planner.services.valuation import home_currency, load_pipeline_settings
from planner.store.campaigns import campaign_row
from planner.store.changes import ChangeRecorder, Table, recording
from planner.store.leads import draft_to_row
from planner.store.settings import SettingKey, encode_setting
from planner.store.touches import touch_row
from planner.workspace import Workspace

DEMO_DESCRIPTION = "Add demo data"


@user_action
def add_demo_data(workspace: Workspace) -> Change:
    """Adds the demo's six months of history, ending today, in the file's home currency.

    The leads go to the end of their columns; the demo's exchange rate is added to the user's
    rates without replacing one already set.
    """
    history = demo_history(workspace.clock.today(), home_currency(workspace))
    for lead in history.leads:
        validate_draft(workspace, lead.draft)
    with recording(workspace.db, DEMO_DESCRIPTION) as recorder:
        campaign_ids = _insert_campaigns(workspace, recorder, history)
        lead_ids = _insert_leads(workspace, recorder, history)
        for lead, lead_id in zip(history.leads, lead_ids, strict=True):
            for touch in lead.touches:
                campaign = campaign_ids[touch.campaign] if touch.campaign is not None else None
                draft = TouchDraft(
                    lead_id,
                    touch.kind,
                    touch.planned_on,
                    touch.planned_at,
                    notes=touch.notes,
                    campaign_id=campaign,
                    done_on=touch.done_on,
                    outcome=touch.outcome,
                )
                created = min(touch.planned_on, lead.added_at.date()).isoformat()
                recorder.insert(Table.TOUCHES, touch_row(draft, f"{created}T08:00:00+00:00"))
        _add_rates(workspace, recorder, history)
        return recorder.finish()


def demo_summary(change: Change) -> str:
    """``Added 62 demo leads, 606 touches and 2 campaigns``: what the demo brought."""
    leads = len(change.created_ids(Kind.LEAD))
    touches = len(change.created_ids(Kind.TOUCH))
    campaigns = len(change.created_ids(Kind.CAMPAIGN))
    return f"Added {leads} demo leads, {touches} touches and {campaigns} campaigns"


def _insert_campaigns(
    workspace: Workspace, recorder: ChangeRecorder, history: DemoHistory
) -> list[int]:
    ids = []
    for campaign in history.campaigns:
        code = campaign.response_code
        if workspace.campaigns.response_code_taken(code):
            code = new_response_code(workspace.campaigns, campaign.draft.name)
        row = campaign_row(campaign.draft)
        row.update(response_code=code, created_at=campaign.created_at.isoformat())
        ids.append(recorder.insert(Table.CAMPAIGNS, row))
    return ids


def _insert_leads(
    workspace: Workspace, recorder: ChangeRecorder, history: DemoHistory
) -> list[int]:
    """Inserts the leads at the end of their columns, in the demo's order, with their moves.

    Referrers are written before the leads they referred, so an undo (which deletes newest
    first) never has a deleted referrer clear a ``referred_by`` it is about to check.
    """
    ranks: dict[int, str] = {}
    for column in Column:
        indexes = [index for index, lead in enumerate(history.leads) if lead.column is column]
        keys = generate_n_keys_between(workspace.leads.last_rank(column), None, len(indexes))
        ranks.update(zip(indexes, keys, strict=True))
    ids: dict[int, int] = {}
    referred_last = sorted(
        range(len(history.leads)), key=lambda index: history.leads[index].referred_by is not None
    )
    for index in referred_last:
        lead = history.leads[index]
        row = draft_to_row(lead.draft)
        row.update(_placement(lead))
        row.update(
            created_at=lead.added_at.isoformat(),
            updated_at=lead.moves[-1].at.isoformat(),
            rank=ranks[index],
            lost_reason=lead.lost_reason,
            referred_by=ids[lead.referred_by] if lead.referred_by is not None else None,
        )
        lead_id = recorder.insert(Table.LEADS, row)
        previous: Column | None = None
        for move in lead.moves:
            recorder.record_move(lead_id, previous, move.column, move.at.isoformat())
            previous = move.column
        ids[index] = lead_id
    return [ids[index] for index in range(len(history.leads))]


def _placement(lead: DemoLead) -> dict[str, str]:
    """Column, outcome and temperature: a closed lead keeps the temperature it had last."""
    column = lead.column
    last_open = next(move.column for move in reversed(lead.moves) if not move.column.is_outcome)
    outcome = Outcome(column.value) if column.is_outcome else Outcome.OPEN
    return {
        "board_column": column.value,
        "outcome": outcome.value,
        "temperature": Temperature(last_open.value).value,
    }


def _add_rates(workspace: Workspace, recorder: ChangeRecorder, history: DemoHistory) -> None:
    settings = load_pipeline_settings(workspace)
    missing = {code: rate for code, rate in history.rates.items() if code not in settings.rates}
    if not missing:
        return
    rates = MappingProxyType({**settings.rates, **missing})
    updated = dataclasses.replace(settings, rates=rates)
    recorder.put_setting(SettingKey.PIPELINE.value, encode_setting(updated.to_json()))
