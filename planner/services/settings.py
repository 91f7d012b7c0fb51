"""Saving settings as undoable user actions."""

from typing import Any

from planner.changes import Change
from planner.services.actions import user_action
from planner.store.changes import recording
from planner.store.settings import SettingKey, encode_setting
from planner.workspace import Workspace


@user_action
def save_setting(workspace: Workspace, key: SettingKey, value: Any, description: str) -> Change:
    """Stores a JSON-serialisable value under ``key`` as one undoable step."""
    with recording(workspace.db, description) as recorder:
        recorder.put_setting(key.value, encode_setting(value))
        return recorder.finish()
