"""Planning settings: playbook steps per temperature, thresholds and auto-plan, saved undoably."""

import pytest
from pytestqt.qtbot import QtBot

from planner.changes import Change
from planner.domain import PlaybookStep, Temperature, TouchKind
from planner.errors import ValidationError
from planner.planning import DEFAULT_PLAYBOOKS, PlanningSettings
from planner.services.playbooks import load_planning_settings
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges
from ui.operations import Operations
from ui.touches import planning_settings_dialog
from ui.touches.planning_settings_dialog import PlanningSettingsDialog


def _dialog(qtbot: QtBot, operations: Operations) -> PlanningSettingsDialog:
    dialog = PlanningSettingsDialog(operations)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_the_playbooks_in_force(qtbot: QtBot, operations: Operations) -> None:
    dialog = _dialog(qtbot, operations)
    for temperature in Temperature:
        assert dialog.playbook_editors[temperature].steps() == DEFAULT_PLAYBOOKS[temperature]
    assert dialog.touch_target.value() == 8
    assert not dialog.auto_plan.isChecked()


def test_editing_steps_and_thresholds_saves_one_undoable_step(
    qtbot: QtBot, workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    before = dump_database(workspace)
    dialog = _dialog(qtbot, operations)
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
    assert [change.description for change in applied.changes] == ["Change planning settings"]
    assert applied.initiators == [dialog]
    operations.undo_stack.undo()
    assert dump_database(workspace) == before


def test_saving_unchanged_settings_records_nothing(
    qtbot: QtBot, operations: Operations, applied: AppliedChanges
) -> None:
    dialog = _dialog(qtbot, operations)
    dialog.accept()
    assert dialog.result() == PlanningSettingsDialog.DialogCode.Accepted
    assert applied.changes == []
    assert operations.undo_stack.count() == 0


def test_settings_that_cannot_be_kept_are_refused_on_the_error_line(
    qtbot: QtBot, operations: Operations, applied: AppliedChanges, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, operations)
    dialog.show()
    dialog.touch_target.setValue(6)
    refusal = ValidationError("The touch target is at least 1", "touch_target")

    def refuse(_workspace: Workspace, _settings: PlanningSettings) -> Change:
        raise refusal

    monkeypatch.setattr(planning_settings_dialog, "save_planning_settings", refuse)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The touch target is at least 1"
    assert applied.changes == []


def test_restore_defaults_puts_the_default_playbooks_back(
    qtbot: QtBot, operations: Operations
) -> None:
    dialog = _dialog(qtbot, operations)
    dialog.playbook_editors[Temperature.WARM].set_steps([])
    dialog.touch_target.setValue(3)
    dialog.defaults_button.click()
    assert dialog.playbook_editors[Temperature.WARM].steps() == DEFAULT_PLAYBOOKS[Temperature.WARM]
    assert dialog.touch_target.value() == 8
