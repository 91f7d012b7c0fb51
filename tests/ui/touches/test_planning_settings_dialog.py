"""Planning settings: playbook steps per temperature, thresholds and auto-plan, saved undoably."""

from pytestqt.qtbot import QtBot

from planner.domain import PlaybookStep, Temperature, TouchKind
from planner.planning import DEFAULT_PLAYBOOKS
from planner.services.history import undo_change
from planner.services.playbooks import load_planning_settings
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.touches.conftest import ChangeCatcher
from ui.touches.planning_settings_dialog import PlanningSettingsDialog


def _dialog(qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher) -> PlanningSettingsDialog:
    dialog = PlanningSettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.change_made.connect(caught)
    return dialog


def test_the_dialog_shows_the_playbooks_in_force(
    qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, workspace, caught)
    for temperature in Temperature:
        assert dialog.playbook_editors[temperature].steps() == DEFAULT_PLAYBOOKS[temperature]
    assert dialog.touch_target.value() == 8
    assert not dialog.auto_plan.isChecked()


def test_editing_steps_and_thresholds_saves_one_undoable_step(
    qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher
) -> None:
    before = dump_database(workspace)
    dialog = _dialog(qtbot, workspace, caught)
    cold = dialog.playbook_editors[Temperature.COLD]
    cold.add_step()
    cold.move_selected(-1)
    hot = dialog.playbook_editors[Temperature.HOT]
    hot.table.selectRow(0)
    hot.remove_selected()
    dialog.touch_target.setValue(6)
    dialog.quiet_after.setValue(45)
    dialog.auto_plan.setChecked(True)
    dialog.accept()
    saved = load_planning_settings(workspace)
    assert saved.playbook(Temperature.COLD) == (
        DEFAULT_PLAYBOOKS[Temperature.COLD][0],
        PlaybookStep(TouchKind.PHONE_CALL, 21),
        DEFAULT_PLAYBOOKS[Temperature.COLD][1],
    )
    assert saved.playbook(Temperature.HOT) == DEFAULT_PLAYBOOKS[Temperature.HOT][1:]
    assert (saved.touch_target, saved.quiet_after_days, saved.auto_plan) == (6, 45, True)
    assert [change.description for change in caught.changes] == ["Change planning settings"]
    undo_change(workspace, caught.changes[0])
    assert dump_database(workspace) == before


def test_saving_unchanged_settings_records_nothing(
    qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, workspace, caught)
    dialog.accept()
    assert caught.changes == []


def test_restore_defaults_puts_the_default_playbooks_back(
    qtbot: QtBot, workspace: Workspace, caught: ChangeCatcher
) -> None:
    dialog = _dialog(qtbot, workspace, caught)
    dialog.playbook_editors[Temperature.WARM].set_steps([])
    dialog.touch_target.setValue(3)
    dialog.defaults_button.click()
    assert dialog.playbook_editors[Temperature.WARM].steps() == DEFAULT_PLAYBOOKS[Temperature.WARM]
    assert dialog.touch_target.value() == 8
