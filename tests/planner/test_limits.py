"""Field limits and day ranges: one rule for the services, the forms and the command line."""

from datetime import date

import pytest

from planner.changes import Kind
from planner.domain import CampaignDraft, Channel, LeadDraft, Temperature, TouchDraft, TouchKind
from planner.errors import ValidationError
from planner.limits import LEAD_LIMITS, printable, without_control
from planner.services import board, campaigns, touches
from planner.workspace import Workspace
from tests.conftest import dump_database


@pytest.mark.parametrize("field", sorted(LEAD_LIMITS))
def test_every_lead_field_is_refused_past_its_limit_with_the_limit_named(
    field: str, workspace: Workspace
) -> None:
    limit = LEAD_LIMITS[field]
    values = {"name": "Acme", field: "x" * (limit.characters + 1)}
    with pytest.raises(ValidationError, match=f"at most {limit.characters:,}") as refused:
        board.add_lead(workspace, LeadDraft(**values))
    assert refused.value.field == field
    longest = "x" * (limit.characters - 2) + "@x" if field == "email" else "x" * limit.characters
    board.add_lead(workspace, LeadDraft(**{**values, field: longest}))


def test_touch_and_campaign_days_stay_within_1900_to_2200(workspace: Workspace) -> None:
    lead_id = board.add_lead(workspace, LeadDraft(name="Acme")).created_id(Kind.LEAD)
    before = dump_database(workspace)
    with pytest.raises(ValidationError, match="out of range"):
        touches.add_touch(workspace, TouchDraft(lead_id, TouchKind.EMAIL, date(9999, 1, 1)))
    far = CampaignDraft("Far", Channel.EMAIL, Temperature.COLD, date(2200, 1, 1), date(2201, 1, 1))
    with pytest.raises(ValidationError, match="out of range") as refused:
        campaigns.create_campaign(workspace, far)
    assert refused.value.field == "end_on"
    assert dump_database(workspace) == before
    planned = touches.add_touch(workspace, TouchDraft(lead_id, TouchKind.EMAIL, date(2026, 4, 1)))
    with pytest.raises(ValidationError, match="out of range"):
        touches.reschedule_touch(workspace, planned.created_id(Kind.TOUCH), date(1899, 12, 31))
    spring = CampaignDraft(
        "Spring", Channel.EMAIL, Temperature.COLD, date(2026, 4, 1), date(2026, 4, 30)
    )
    campaign_id = campaigns.create_campaign(workspace, spring).created_id(Kind.CAMPAIGN)
    with pytest.raises(ValidationError, match="out of range"):
        campaigns.reschedule_campaign(workspace, campaign_id, date(2200, 12, 20))


def test_control_characters_are_refused_but_line_breaks_are_fine_in_notes(
    workspace: Workspace,
) -> None:
    with pytest.raises(ValidationError, match="control characters") as refused:
        board.add_lead(workspace, LeadDraft(name="Acme\x1b[31m"))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError, match="control characters"):
        board.add_lead(workspace, LeadDraft(name="Acme\nBakery"))
    board.add_lead(workspace, LeadDraft(name="Acme", notes="Line one\r\nLine two\tend"))


def test_output_escapes_and_calendar_text_drops_control_characters() -> None:
    assert printable("a\x1b]0;t\x07b\nc\td\x9b") == "a\\x1b]0;t\\x07b\nc\td\\x9b"
    assert without_control("a\x00b\r\nc") == "ab\nc"
