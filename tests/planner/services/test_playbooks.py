"""Playbooks: proposals dated from the clock's today, planning as one step, offers after moves."""

from datetime import date, timedelta

import pytest

from planner.domain import Column, LeadDraft, PlaybookStep, Temperature, TouchKind
from planner.errors import ValidationError
from planner.planning import DEFAULT_PLAYBOOKS, PlanningSettings
from planner.services import board, playbooks, touches
from planner.services.history import redo_change, undo_change
from planner.store.touches import TouchStore
from planner.workspace import Workspace
from tests.conftest import dump_database

MONDAY = date(2026, 3, 16)


def _lead(workspace: Workspace, name: str = "Acme Bakery", **fields: object) -> int:
    (lead_id,) = board.add_lead(workspace, LeadDraft(name=name, **fields)).lead_ids  # type: ignore[arg-type]
    return lead_id


def test_defaults_follow_the_domain_notes() -> None:
    kinds = {
        temperature: [step.kind for step in steps]
        for temperature, steps in DEFAULT_PLAYBOOKS.items()
    }
    assert kinds == {
        Temperature.COLD: [TouchKind.DIRECT_MAIL_LETTER, TouchKind.PROMOTION],
        Temperature.WARM: [TouchKind.PHONE_CALL, TouchKind.SALES_LETTER, TouchKind.SEMINAR],
        Temperature.HOT: [TouchKind.MEETING, TouchKind.PRESENTATION, TouchKind.PROPOSAL],
    }
    settings = PlanningSettings()
    assert (settings.touch_target, settings.quiet_after_days, settings.auto_plan) == (8, 30, False)


def test_proposal_dates_count_from_the_clocks_today(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    proposals = playbooks.propose_playbook(workspace, lead_id, Temperature.WARM)
    assert [(draft.kind, draft.planned_on) for draft in proposals] == [
        (TouchKind.PHONE_CALL, MONDAY + timedelta(days=2)),
        (TouchKind.SALES_LETTER, MONDAY + timedelta(days=7)),
        (TouchKind.SEMINAR, MONDAY + timedelta(days=21)),
    ]
    assert {draft.from_playbook for draft in proposals} == {Temperature.WARM}
    assert all(draft.lead_id == lead_id and draft.done_on is None for draft in proposals)


def test_plan_playbook_is_one_undoable_step(workspace: Workspace) -> None:
    lead_id = _lead(workspace, temperature=Temperature.HOT)
    before = dump_database(workspace)
    change = playbooks.plan_playbook(workspace, lead_id)
    assert change.description == "Plan 3 touches for 'Acme Bakery'"
    planned = TouchStore(workspace.db).for_lead(lead_id)
    assert [touch.kind for touch in planned] == [
        TouchKind.MEETING,
        TouchKind.PRESENTATION,
        TouchKind.PROPOSAL,
    ]
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after


def test_planning_twice_does_not_duplicate_unfinished_steps(workspace: Workspace) -> None:
    lead_id = _lead(workspace, temperature=Temperature.WARM)
    playbooks.plan_playbook(workspace, lead_id)
    (call, *_rest) = TouchStore(workspace.db).for_lead(lead_id)
    touches.mark_touch_done(workspace, call.id)
    again = playbooks.propose_playbook(workspace, lead_id, Temperature.WARM)
    assert [draft.kind for draft in again] == [TouchKind.PHONE_CALL]


def test_closed_leads_have_no_playbook(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    board.move_lead(workspace, lead_id, Column.WON)
    with pytest.raises(ValidationError, match="won"):
        playbooks.plan_playbook(workspace, lead_id)


def test_edited_settings_are_saved_undoably_and_used(workspace: Workspace) -> None:
    before = dump_database(workspace)
    edited = PlanningSettings(
        playbooks={
            **DEFAULT_PLAYBOOKS,
            Temperature.COLD: (PlaybookStep(TouchKind.POSTCARD, 3, "Spring postcard"),),
        },
        touch_target=6,
        quiet_after_days=14,
        auto_plan=True,
    )
    change = playbooks.save_planning_settings(workspace, edited)
    assert change.description == "Change planning settings"
    assert playbooks.load_planning_settings(workspace) == edited
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    assert playbooks.load_planning_settings(workspace) == PlanningSettings()
    redo_change(workspace, change)
    (draft,) = playbooks.propose_playbook(workspace, _lead(workspace), Temperature.COLD)
    assert (draft.kind, draft.planned_on, draft.notes) == (
        TouchKind.POSTCARD,
        MONDAY + timedelta(days=3),
        "Spring postcard",
    )
    assert workspace.leads.cards(Column.COLD)[0].touch_target == 6


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(ValidationError):
        PlanningSettings(touch_target=0)
    with pytest.raises(ValidationError):
        PlanningSettings(quiet_after_days=0)
    with pytest.raises(ValidationError):
        PlanningSettings(playbooks={Temperature.COLD: (PlaybookStep(TouchKind.EMAIL, -1),)})


def test_entering_a_column_offers_its_playbook(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    board.move_lead(workspace, lead_id, Column.WARM)
    offer = playbooks.offer_after_move(workspace, lead_id, Column.COLD)
    assert offer.plan_question == "Plan 3 touches for 'Acme Bakery'?"
    assert offer.to_drop == ()
    assert offer.auto_plan is False


def test_moving_back_offers_to_drop_unfinished_playbook_touches(workspace: Workspace) -> None:
    lead_id = _lead(workspace, temperature=Temperature.WARM)
    playbooks.plan_playbook(workspace, lead_id)
    call, letter, seminar = TouchStore(workspace.db).for_lead(lead_id)
    touches.mark_touch_done(workspace, call.id)
    board.move_lead(workspace, lead_id, Column.COLD)
    offer = playbooks.offer_after_move(workspace, lead_id, Column.WARM)
    assert [touch.id for touch in offer.to_drop] == [letter.id, seminar.id]
    assert offer.drop_question == "Drop 2 unfinished playbook touches for 'Acme Bakery'?"
    assert [
        playbook_touch.id
        for playbook_touch in playbooks.unfinished_playbook_touches(
            workspace, lead_id, Temperature.WARM
        )
    ] == [letter.id, seminar.id]
    before = dump_database(workspace)
    change = touches.drop_touches(workspace, [touch.id for touch in offer.to_drop])
    assert change.description == "Drop 2 touches for 'Acme Bakery'"
    assert [touch.id for touch in TouchStore(workspace.db).for_lead(lead_id)] == [call.id]
    undo_change(workspace, change)
    assert dump_database(workspace) == before


def test_moving_warmer_or_to_won_offers_nothing_to_drop(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    playbooks.plan_playbook(workspace, lead_id)
    board.move_lead(workspace, lead_id, Column.HOT)
    assert playbooks.offer_after_move(workspace, lead_id, Column.COLD).to_drop == ()
    board.move_lead(workspace, lead_id, Column.WON)
    won = playbooks.offer_after_move(workspace, lead_id, Column.HOT)
    assert (won.to_plan, won.to_drop, won.plan_question) == ((), (), "")


def test_moving_to_lost_offers_to_drop_every_playbook_touch(workspace: Workspace) -> None:
    lead_id = _lead(workspace)
    playbooks.plan_playbook(workspace, lead_id)
    board.move_lead(workspace, lead_id, Column.LOST, lost_reason="Closed the shop")
    offer = playbooks.offer_after_move(workspace, lead_id, Column.COLD)
    assert len(offer.to_drop) == 2
    assert offer.to_plan == ()


def test_a_new_lead_is_offered_its_columns_playbook(workspace: Workspace) -> None:
    lead_id = _lead(workspace, "Zoë's Café", temperature=Temperature.HOT)
    offer = playbooks.offer_after_add(workspace, lead_id)
    assert offer.plan_question == "Plan 3 touches for 'Zoë's Café'?"
    assert [draft.kind for draft in offer.to_plan] == [
        TouchKind.MEETING,
        TouchKind.PRESENTATION,
        TouchKind.PROPOSAL,
    ]
    assert {draft.from_playbook for draft in offer.to_plan} == {Temperature.HOT}
    assert (offer.to_drop, offer.drop_question, offer.auto_plan) == ((), "", False)


def test_a_lead_added_as_won_or_lost_is_offered_nothing(workspace: Workspace) -> None:
    for column in (Column.WON, Column.LOST):
        (lead_id,) = board.add_lead(workspace, LeadDraft(name="Old customer"), column).lead_ids
        offer = playbooks.offer_after_add(workspace, lead_id)
        assert (offer.to_plan, offer.to_drop, offer.plan_question) == ((), (), "")
