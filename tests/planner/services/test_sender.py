"""The sender profile: locale defaults until saved, then one undoable step per save."""

import dataclasses

import pytest

from planner.documents.profile import DateFormat, PaperSize
from planner.errors import ValidationError
from planner.services.history import redo_change, undo_change
from planner.services.sender import load_sender_profile, save_sender_profile, set_sender_field
from planner.workspace import Workspace
from tests.conftest import dump_database


def test_an_unsaved_profile_takes_the_locale_defaults(workspace: Workspace) -> None:
    us = load_sender_profile(workspace, "en_US.UTF-8")
    assert (us.paper_size, us.date_format, us.currency) == (
        PaperSize.LETTER,
        DateFormat.MONTH_DAY_YEAR,
        "USD",
    )
    assert load_sender_profile(workspace, "de_DE.UTF-8").paper_size is PaperSize.A4


def test_saving_and_setting_fields_are_undoable(workspace: Workspace) -> None:
    before = dump_database(workspace)
    profile = dataclasses.replace(
        load_sender_profile(workspace, "de_DE"), business_name="Łódź & Söhne"
    )
    change = save_sender_profile(workspace, profile)
    assert change.description == "Edit sender profile"
    assert load_sender_profile(workspace, "en_US") == profile
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after
    change = set_sender_field(workspace, "paper_size", "letter")
    assert change.description == "Set sender paper size"
    assert load_sender_profile(workspace).paper_size is PaperSize.LETTER
    assert load_sender_profile(workspace).business_name == "Łódź & Söhne"


def test_a_bad_value_changes_nothing(workspace: Workspace) -> None:
    before = dump_database(workspace)
    with pytest.raises(ValidationError, match="'huge' is not one of a4, letter"):
        set_sender_field(workspace, "paper_size", "huge")
    assert dump_database(workspace) == before
