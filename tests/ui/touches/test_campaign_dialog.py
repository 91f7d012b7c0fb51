"""The campaign dialog: the live target count, creating (with spread), editing and deleting."""

from datetime import date

from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.domain import CampaignDraft, Channel, Column, Temperature
from planner.read_models import TouchFilter
from planner.services.campaigns import create_campaign
from planner.services.touches import mark_touch_done
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges
from ui.common.form_parts import to_qdate
from ui.operations import Operations
from ui.touches.campaign_dialog import CampaignDialog


def _dialog(qtbot: QtBot, operations: Operations, campaign_id: int | None = None) -> CampaignDialog:
    dialog = CampaignDialog(operations, campaign_id)
    qtbot.addWidget(dialog)
    return dialog


def test_the_target_count_follows_the_fields(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    dialog = _dialog(qtbot, operations)
    cold = len(demo_workspace.leads.cards(Column.COLD))
    assert dialog.target_count == cold
    assert dialog.target_label.text() == (
        f"Targets {cold} leads: one direct-mail letter each, on Mon 16 Mar 2026"
    )
    dialog.temperature_box.setCurrentIndex(dialog.temperature_box.findData(Temperature.HOT))
    assert dialog.target_count == len(demo_workspace.leads.cards(Column.HOT))
    city = demo_workspace.leads.get(demo_workspace.leads.cards(Column.HOT)[0].id).city
    dialog.city_field.setText(city)
    dialog.city_field.textEdited.emit(city)
    qtbot.waitUntil(
        lambda: (
            dialog.target_count
            == sum(
                1
                for card in demo_workspace.leads.cards(Column.HOT)
                if demo_workspace.leads.get(card.id).city == city
            )
        )
    )
    dialog.city_field.setText("Atlantis")
    dialog.update_preview()
    assert dialog.target_count == 0
    assert dialog.target_label.text().startswith("Targets no leads")


def test_creating_a_spread_campaign_plans_one_touch_per_target_over_its_days(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, operations)
    dialog.name_field.setText("Spring letters; “Łódź” edition")
    dialog.start_edit.setDate(to_qdate(date(2026, 3, 20)))
    dialog.end_edit.setDate(to_qdate(date(2026, 3, 29)))
    dialog.spread_box.setChecked(True)
    dialog.budget_field.setText("450.00")
    assert "spread from Fri 20 Mar 2026 to Sun 29 Mar 2026" in dialog.target_label.text()
    dialog.accept()
    (campaign,) = demo_workspace.campaigns.all()
    assert campaign.name == "Spring letters; “Łódź” edition"
    assert campaign.budget is not None
    assert campaign.budget.as_decimal_string() == "450.00"
    touches = demo_workspace.touches.find(TouchFilter(campaign_id=campaign.id))
    assert len(touches) == dialog.target_count
    assert len({touch.planned_on for touch in touches}) == 10
    assert applied.changes[0].description == (
        f"Create campaign 'Spring letters; “Łódź” edition' with {len(touches)} touches"
    )
    assert applied.initiators == [dialog]
    assert dialog.result() == CampaignDialog.DialogCode.Accepted
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before


def test_a_campaign_without_a_name_or_with_a_bad_budget_is_refused(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    dialog = _dialog(qtbot, operations)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "A campaign needs a name"
    dialog.name_field.setText("Promo")
    dialog.budget_field.setText("lots")
    dialog.accept()
    assert "not an amount of money" in dialog.error_label.text()
    assert applied.changes == []
    assert demo_workspace.campaigns.all() == []


def test_the_end_follows_a_start_moved_past_it(qtbot: QtBot, operations: Operations) -> None:
    dialog = _dialog(qtbot, operations)
    dialog.start_edit.setDate(to_qdate(date(2026, 6, 1)))
    assert dialog.end_edit.date() == to_qdate(date(2026, 6, 1))


def _existing(workspace: Workspace) -> int:
    change = create_campaign(
        workspace,
        CampaignDraft(
            "Seminar", Channel.SEMINAR, Temperature.WARM, date(2026, 3, 23), date(2026, 3, 24)
        ),
    )
    return change.created_id(Kind.CAMPAIGN)


def test_editing_saves_the_fields_and_leaves_the_target_alone(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    campaign_id = _existing(demo_workspace)
    dialog = _dialog(qtbot, operations, campaign_id)
    dialog.show()
    assert dialog.windowTitle() == "Campaign 'Seminar'"
    assert not dialog.temperature_box.isEnabled()
    assert dialog.target_label.text().startswith("Response code ")
    dialog.goal_field.setText("Ten sign-ups")
    dialog.accept()
    assert demo_workspace.campaigns.get(campaign_id).goal == "Ten sign-ups"
    assert [change.description for change in applied.changes] == ["Edit campaign 'Seminar'"]
    assert applied.initiators == [dialog]


def test_saving_an_unchanged_campaign_closes_without_a_step(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    dialog = _dialog(qtbot, operations, _existing(demo_workspace))
    dialog.show()
    dialog.accept()
    assert dialog.result() == CampaignDialog.DialogCode.Accepted
    assert applied.changes == []
    assert operations.undo_stack.count() == 0


def test_saving_a_campaign_deleted_meanwhile_says_why_and_stays_open(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    campaign_id = _existing(demo_workspace)
    dialog = _dialog(qtbot, operations, campaign_id)
    dialog.show()
    _dialog(qtbot, operations, campaign_id).delete_now(keep_planned_touches=False)
    dialog.goal_field.setText("Ten sign-ups")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "no campaign" in dialog.error_label.text()
    assert [change.description for change in applied.changes] == ["Delete campaign 'Seminar'"]


def test_deleting_keeps_or_drops_the_planned_touches(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    campaign_id = _existing(demo_workspace)
    planned = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    before = dump_database(demo_workspace)
    keeping = _dialog(qtbot, operations, campaign_id)
    keeping.delete_now(keep_planned_touches=True)
    assert demo_workspace.campaigns.all() == []
    kept = [demo_workspace.touches.get(touch.id) for touch in planned]
    assert all(touch.campaign_id is None for touch in kept)
    assert applied.initiators == [keeping]
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before
    dropping = _dialog(qtbot, operations, campaign_id)
    dropping.delete_now(keep_planned_touches=False)
    assert demo_workspace.touches.find(TouchFilter(planned_only=True)) == []
    assert applied.initiators[-1] is dropping
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before


def test_new_dates_take_the_planned_touches_along_in_one_step(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    campaign_id = _existing(demo_workspace)
    first, *planned = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    assert planned
    mark_touch_done(demo_workspace, first.id)
    done = demo_workspace.touches.get(first.id)
    before = dump_database(demo_workspace)
    dialog = _dialog(qtbot, operations, campaign_id)
    assert dialog.moving_count == 0
    dialog.start_edit.setDate(to_qdate(date(2026, 4, 10)))
    dialog.end_edit.setDate(to_qdate(date(2026, 4, 20)))
    assert dialog.moving_count == len(planned)
    assert dialog.target_label.text().endswith(
        f"saving moves {len(planned)} planned touches to fit the new dates"
    )
    dialog.accept()
    (change,) = applied.changes
    assert change.description == f"Edit campaign 'Seminar' and move {len(planned)} touches"
    moved = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    assert {touch.planned_on for touch in moved if touch.done_on is None} == {date(2026, 4, 10)}
    assert demo_workspace.touches.get(first.id) == done
    operations.undo_stack.undo()
    assert dump_database(demo_workspace) == before
