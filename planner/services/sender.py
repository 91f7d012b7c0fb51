"""The sender profile: loading it (with locale defaults) and saving it as an undoable step."""

import dataclasses

from planner.changes import Change
from planner.documents.profile import SenderProfile, default_sender_profile
from planner.errors import ValidationError
from planner.limits import SETTING_VALUE, TextLimit
from planner.services.actions import user_action
from planner.services.settings import save_setting
from planner.store.settings import SettingKey
from planner.workspace import Workspace


def load_sender_profile(workspace: Workspace, locale_name: str | None = None) -> SenderProfile:
    """The saved profile; fields never saved take the defaults of the locale (the system's)."""
    default = default_sender_profile(locale_name)
    return SenderProfile.from_json(workspace.settings.get(SettingKey.SENDER_PROFILE), default)


@user_action
def save_sender_profile(workspace: Workspace, profile: SenderProfile) -> Change:
    """Stores the whole profile as one step: "Edit sender profile"."""
    _check_profile(profile)
    return save_setting(
        workspace, SettingKey.SENDER_PROFILE, profile.to_json(), "Edit sender profile"
    )


@user_action
def set_sender_field(workspace: Workspace, key: str, value: str) -> Change:
    """Changes one field (``planner settings set KEY VALUE``); ValidationError for bad input."""
    profile = load_sender_profile(workspace).with_field(key, value)
    _check_profile(profile)
    label = key.replace("_", " ")
    return save_setting(
        workspace, SettingKey.SENDER_PROFILE, profile.to_json(), f"Set sender {label}"
    )


def _check_profile(profile: SenderProfile) -> None:
    """Refuses a field too long for a letter head or holding control characters."""
    for field in dataclasses.fields(profile):
        value = getattr(profile, field.name)
        if not isinstance(value, str):
            continue
        limit = TextLimit(
            field.name.replace("_", " "), SETTING_VALUE.characters, field.name == "street"
        )
        problem = limit.problem(value)
        if problem is not None:
            raise ValidationError(problem, field.name)
