"""The campaign dialog: the live target count, creating (with spread), editing and deleting."""

from datetime import date

from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.domain import CampaignDraft, Channel, Column, Temperature
from planner.services.campaigns import create_campaign
from planner.services.history import undo_change
from planner.services.touches import mark_touch_done
from planner.store.touches import TouchFilter
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.touches.conftest import TODAY, ChangeCatcher
from ui.common.form_parts import to_qdate
from ui.touches.campaign_dialog import CampaignDialog


def _new_dialog(qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher) -> CampaignDialog:
    dialog = CampaignDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    return dialog


def test_the_target_count_follows_the_fields(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _new_dialog(qtbot, demo_workspace, caught)
    cold = len(demo_workspace.leads.cards(Column.COLD))
    assert dialog.target_count == cold
    assert dialog.target_label.text() == (
        f"Targets {cold} leads: one direct-mail letter each, on {TODAY.isoformat()}"
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
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    before = dump_database(demo_workspace)
    dialog = _new_dialog(qtbot, demo_workspace, caught)
    dialog.name_field.setText("Spring letters; “Łódź” edition")
    dialog.start_edit.setDate(to_qdate(date(2026, 3, 20)))
    dialog.end_edit.setDate(to_qdate(date(2026, 3, 29)))
    dialog.spread_box.setChecked(True)
    dialog.budget_field.setText("450.00")
    assert "spread from 2026-03-20 to 2026-03-29" in dialog.target_label.text()
    dialog.accept()
    (campaign,) = demo_workspace.campaigns.all()
    assert campaign.name == "Spring letters; “Łódź” edition"
    assert campaign.budget is not None
    assert campaign.budget.as_decimal_string() == "450.00"
    touches = demo_workspace.touches.find(TouchFilter(campaign_id=campaign.id))
    assert len(touches) == dialog.target_count
    assert len({touch.planned_on for touch in touches}) == 10
    assert caught.changes[0].description == (
        f"Create campaign 'Spring letters; “Łódź” edition' with {len(touches)} touches"
    )
    undo_change(demo_workspace, caught.changes[0])
    assert dump_database(demo_workspace) == before


def test_a_campaign_without_a_name_or_with_a_bad_budget_is_refused(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _new_dialog(qtbot, demo_workspace, caught)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "A campaign needs a name"
    dialog.name_field.setText("Promo")
    dialog.budget_field.setText("lots")
    dialog.accept()
    assert "not an amount of money" in dialog.error_label.text()
    assert caught.changes == []
    assert demo_workspace.campaigns.all() == []


def test_the_end_follows_a_start_moved_past_it(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _new_dialog(qtbot, demo_workspace, caught)
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
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    campaign_id = _existing(demo_workspace)
    dialog = CampaignDialog(demo_workspace, campaign_id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    dialog.show()
    assert dialog.windowTitle() == "Campaign 'Seminar'"
    assert not dialog.temperature_box.isEnabled()
    assert dialog.target_label.text().startswith("Response code ")
    dialog.goal_field.setText("Ten sign-ups")
    dialog.accept()
    assert demo_workspace.campaigns.get(campaign_id).goal == "Ten sign-ups"
    assert caught.changes[0].description == "Edit campaign 'Seminar'"


def test_deleting_keeps_or_drops_the_planned_touches(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    campaign_id = _existing(demo_workspace)
    planned = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    before = dump_database(demo_workspace)
    keeping = CampaignDialog(demo_workspace, campaign_id)
    qtbot.addWidget(keeping)
    keeping.change_made.connect(caught)
    keeping.delete_now(keep_planned_touches=True)
    assert demo_workspace.campaigns.all() == []
    kept = [demo_workspace.touches.get(touch.id) for touch in planned]
    assert all(touch.campaign_id is None for touch in kept)
    undo_change(demo_workspace, caught.changes[-1])
    assert dump_database(demo_workspace) == before
    dropping = CampaignDialog(demo_workspace, campaign_id)
    qtbot.addWidget(dropping)
    dropping.change_made.connect(caught)
    dropping.delete_now(keep_planned_touches=False)
    assert demo_workspace.touches.find(TouchFilter(planned_only=True)) == []
    undo_change(demo_workspace, caught.changes[-1])
    assert dump_database(demo_workspace) == before


def test_new_dates_take_the_planned_touches_along_in_one_step(
    qtbot: QtBot, demo_workspace: Workspace, caught: ChangeCatcher
) -> None:
    campaign_id = _existing(demo_workspace)
    first, *planned = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    assert planned
    mark_touch_done(demo_workspace, first.id)
    done = demo_workspace.touches.get(first.id)
    before = dump_database(demo_workspace)
    dialog = CampaignDialog(demo_workspace, campaign_id)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    assert dialog.moving_count == 0
    dialog.start_edit.setDate(to_qdate(date(2026, 4, 10)))
    dialog.end_edit.setDate(to_qdate(date(2026, 4, 20)))
    assert dialog.moving_count == len(planned)
    assert dialog.target_label.text().endswith(
        f"saving moves {len(planned)} planned touches to fit the new dates"
    )
    dialog.accept()
    (change,) = caught.changes
    assert change.description == f"Edit campaign 'Seminar' and move {len(planned)} touches"
    moved = demo_workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    assert {touch.planned_on for touch in moved if touch.done_on is None} == {date(2026, 4, 10)}
    assert demo_workspace.touches.get(first.id) == done
    undo_change(demo_workspace, change)
    assert dump_database(demo_workspace) == before
