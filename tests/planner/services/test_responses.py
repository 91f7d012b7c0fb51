"""Recording a response: a touch on the lead against the campaign's code, undoable; an unknown
code or lead writes nothing."""

from datetime import date
from pathlib import Path

import pytest

from planner.changes import Kind
from planner.cli import main
from planner.clock import Clock
from planner.domain import CampaignDraft, Channel, Column, LeadDraft, Temperature, TouchKind
from planner.errors import NotFoundError, ValidationError
from planner.services import board, campaigns
from planner.services.history import undo_change
from planner.services.responses import record_response
from planner.workspace import Workspace
from tests.conftest import dump_database


@pytest.fixture
def code(workspace: Workspace) -> str:
    draft = CampaignDraft(
        "Spring offer", Channel.DIRECT_MAIL, Temperature.WARM, date(2026, 3, 1), date(2026, 3, 31)
    )
    change = campaigns.create_campaign(workspace, draft)
    board.add_lead(workspace, LeadDraft(name="Acme Bakery"), Column.COLD)
    return workspace.campaigns.get(change.created_id(Kind.CAMPAIGN)).response_code


def test_a_response_is_a_done_touch_against_the_campaign(workspace: Workspace, code: str) -> None:
    change = record_response(workspace, code.lower(), 1, date(2026, 3, 12))
    touch = workspace.touches.get(change.created_id(Kind.TOUCH))
    assert touch.is_response
    assert (touch.lead_id, touch.kind, touch.done_on) == (1, TouchKind.OTHER, date(2026, 3, 12))
    assert touch.campaign_id == workspace.campaigns.by_response_code(code).id
    assert change.description == "Record response from 'Acme Bakery' to 'Spring offer'"
    assert change.touched_leads == frozenset({1})


def test_undo_takes_the_response_back(workspace: Workspace, code: str) -> None:
    before = dump_database(workspace)
    change = record_response(workspace, code, 1)
    undo_change(workspace, change)
    assert dump_database(workspace) == before


@pytest.mark.parametrize(
    ("given_code", "lead_id", "error"),
    [("NOPE-1234", 1, NotFoundError), (None, 99, NotFoundError)],
)
def test_an_unknown_code_or_lead_writes_nothing(
    workspace: Workspace, code: str, given_code: str | None, lead_id: int, error: type[Exception]
) -> None:
    before = dump_database(workspace)
    with pytest.raises(error):
        record_response(workspace, given_code or code, lead_id)
    assert dump_database(workspace) == before


def test_a_response_cannot_come_tomorrow(workspace: Workspace, code: str) -> None:
    with pytest.raises(ValidationError, match="still to come"):
        record_response(workspace, code, 1, date(2026, 3, 17))


def test_the_command_line_records_and_refuses(
    database_path: Path,
    workspace: Workspace,
    code: str,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("planner.workspace.Clock", lambda: clock)
    arguments = ["--db", str(database_path), "campaign", "response"]
    assert main([*arguments, code, "1", "--on", "2026-03-10"]) == 0
    assert capsys.readouterr().out.split(maxsplit=1)[1].startswith("Record response from")
    before = dump_database(workspace)
    assert main([*arguments, "NOPE-1234", "1"]) == 2
    assert "No campaign has the response code 'NOPE-1234'" in capsys.readouterr().err
    assert main([*arguments, code, "42"]) == 2
    assert "There is no lead with id 42" in capsys.readouterr().err
    assert dump_database(workspace) == before
