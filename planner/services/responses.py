"""Recording a lead's answer to a campaign: the response code from a returned reply card, a
coupon or a call. A response is a touch on the lead, and the dashboard counts a campaign's leads
from these."""

from datetime import date

from planner.changes import Change
from planner.domain import TouchDraft, TouchKind
from planner.errors import ValidationError
from planner.services.actions import user_action
from planner.services.touches import insert_touches
from planner.store.changes import recording
from planner.workspace import Workspace


@user_action
def record_response(
    workspace: Workspace, code: str, lead_id: int, on: date | None = None
) -> Change:
    """Logs that the lead answered the campaign whose response code is ``code`` (any case), on
    ``on`` (today unless given), as one undoable touch. An unknown code or lead, or a day still
    to come, is refused and nothing is written."""
    campaign = workspace.campaigns.by_response_code(code)
    lead = workspace.leads.get(lead_id)
    today = workspace.clock.today()
    day = on or today
    if day > today:
        raise ValidationError("A response cannot come on a day still to come", "on")
    draft = TouchDraft(
        lead_id=lead.id,
        kind=TouchKind.OTHER,
        planned_on=day,
        done_on=day,
        notes=f"Answered '{campaign.name}' with code {campaign.response_code}",
        campaign_id=campaign.id,
        is_response=True,
    )
    description = f"Record response from '{lead.name}' to '{campaign.name}'"
    with recording(workspace.db, description) as recorder:
        insert_touches(recorder, [draft], workspace.clock.timestamp())
        return recorder.finish()
