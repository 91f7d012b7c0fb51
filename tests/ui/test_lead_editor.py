"""The lead editor: inline validation, saving new and edited leads, choosing a referrer."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.domain import CampaignDraft, Channel, Column, LeadDraft, Temperature
from planner.money import Money
from planner.services import board, campaigns
from planner.workspace import Workspace
from tests.conftest import dump_database
from ui.lead_editor import LeadEditor
from ui.operations import Operations


def _editor(qtbot: QtBot, workspace: Workspace, lead_id: int | None = None) -> LeadEditor:
    editor = LeadEditor(Operations(workspace), lead_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _click_ok(qtbot: QtBot, editor: LeadEditor) -> None:
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_an_empty_name_shows_an_error_and_ok_does_not_save(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    lead_id = demo_workspace.leads.cards(Column.WARM)[0].id
    before = dump_database(demo_workspace)
    editor = _editor(qtbot, demo_workspace, lead_id)
    name = editor.fields["name"]
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    assert not editor.errors["name"].isHidden()
    assert editor.errors["name"].text() == "A lead needs a name"
    _click_ok(qtbot, editor)
    assert editor.isVisible()
    assert editor.change is None
    assert dump_database(demo_workspace) == before
    qtbot.keyClicks(name, "Maria Lopes")
    assert editor.errors["name"].isHidden()


def test_a_new_lead_shows_no_error_until_ok_is_tried(qtbot: QtBot, workspace: Workspace) -> None:
    editor = _editor(qtbot, workspace)
    assert all(label.isHidden() for label in editor.errors.values())
    _click_ok(qtbot, editor)
    assert not editor.errors["name"].isHidden()
    assert editor.focusWidget() is editor.fields["name"]
    assert workspace.leads.count() == 0


def test_bad_email_and_value_are_shown_beside_their_fields(
    qtbot: QtBot, workspace: Workspace
) -> None:
    editor = _editor(qtbot, workspace)
    editor.fields["name"].setText("Zoë Adler")
    qtbot.keyClicks(editor.fields["email"], "zoe.example.com")
    qtbot.keyClicks(editor.value_field, "12,5,0")
    assert editor.errors["email"].text() == "'zoe.example.com' is not an email address"
    assert editor.errors["value"].text() == (
        "'12,5,0' is not an amount of money (write it like 1,250.00)"
    )
    _click_ok(qtbot, editor)
    assert workspace.leads.count() == 0


def test_every_problem_is_shown_at_once(qtbot: QtBot, workspace: Workspace) -> None:
    editor = _editor(qtbot, workspace)
    qtbot.keyClicks(editor.fields["email"], "bad")
    _click_ok(qtbot, editor)
    assert editor.errors["name"].text() == "A lead needs a name"
    assert editor.errors["email"].text() == "'bad' is not an email address"
    assert not editor.errors["name"].isHidden()
    assert not editor.errors["email"].isHidden()
    assert editor.focusWidget() is editor.fields["name"]
    assert workspace.leads.count() == 0


def test_a_valid_new_lead_is_saved_as_one_change(qtbot: QtBot, workspace: Workspace) -> None:
    editor = _editor(qtbot, workspace)
    editor.fields["name"].setText("Zoë Adler")
    qtbot.keyClicks(editor.fields["company"], "Adler Kaffee")
    qtbot.keyClicks(editor.fields["city"], "Wien")
    editor.temperature_box.setCurrentIndex(editor.temperature_box.findData(Temperature.WARM))
    qtbot.keyClicks(editor.value_field, "2400")
    editor.currency_box.setCurrentText("CHF")
    editor.notes_field.setPlainText("Asked about the autumn seminar.")
    _click_ok(qtbot, editor)
    assert not editor.isVisible()
    assert editor.change is not None
    assert editor.change.description == "Add 'Zoë Adler'"
    (lead,) = workspace.leads.find()
    assert (lead.name, lead.company, lead.city, lead.column) == (
        "Zoë Adler",
        "Adler Kaffee",
        "Wien",
        Column.WARM,
    )
    assert lead.value == Money(240000, "CHF")
    assert lead.notes == "Asked about the autumn seminar."


def test_saving_unchanged_fields_records_nothing(qtbot: QtBot, demo_workspace: Workspace) -> None:
    lead_id = demo_workspace.leads.cards(Column.HOT)[0].id
    before = dump_database(demo_workspace)
    editor = _editor(qtbot, demo_workspace, lead_id)
    _click_ok(qtbot, editor)
    assert not editor.isVisible()
    assert editor.change is None
    assert dump_database(demo_workspace) == before


def test_the_referrer_is_picked_from_suggestions(qtbot: QtBot, demo_workspace: Workspace) -> None:
    lead_id = demo_workspace.leads.cards(Column.COLD)[0].id
    editor = _editor(qtbot, demo_workspace, lead_id)
    referrer = editor.referrer_field
    qtbot.keyClicks(referrer, "Lewandowska")
    assert referrer.is_unresolved
    assert editor.errors["referred_by"].text().startswith("Pick the referrer")
    referrer.look_up()
    suggestions = referrer.suggestions()
    assert {label for _id, label in suggestions} >= {
        "Agnieszka Lewandowska — Kwiaciarnia Lewandowska"
    }
    chosen_id, _label = suggestions[0]
    referrer.set_lead(chosen_id)
    assert editor.errors["referred_by"].isHidden()
    _click_ok(qtbot, editor)
    assert demo_workspace.leads.get(lead_id).referred_by == chosen_id


def test_a_lost_lead_shows_and_saves_why_it_was_lost(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    lead_id = demo_workspace.leads.cards(Column.LOST)[0].id
    editor = _editor(qtbot, demo_workspace, lead_id)
    field = editor.lost_reason_field
    assert field.isVisible()
    assert field.text() == demo_workspace.leads.get(lead_id).lost_reason
    field.selectAll()
    qtbot.keyClicks(field, "Went with a bigger agency")
    _click_ok(qtbot, editor)
    assert not editor.isVisible()
    assert editor.change is not None
    assert demo_workspace.leads.get(lead_id).lost_reason == "Went with a bigger agency"


def test_an_open_lead_has_no_lost_reason_field(qtbot: QtBot, demo_workspace: Workspace) -> None:
    lead_id = demo_workspace.leads.cards(Column.HOT)[0].id
    editor = _editor(qtbot, demo_workspace, lead_id)
    assert not editor.lost_reason_field.isVisible()


def test_a_german_user_typing_12_500_saves_twelve_and_a_half(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_NUMERIC", "de_DE.UTF-8")
    editor = _editor(qtbot, workspace)
    assert editor.value_field.placeholderText() == "e.g. 1250,00"
    editor.fields["name"].setText("Jonas Weber")
    qtbot.keyClicks(editor.value_field, "12,500")
    assert editor.value_hint.isVisible()
    assert editor.value_hint.text() == "= 12,50 EUR"
    _click_ok(qtbot, editor)
    (lead,) = workspace.leads.find()
    assert lead.value == Money(1250, "EUR")
    reopened = _editor(qtbot, workspace, lead.id)
    assert reopened.value_field.text() == "12,50"


def test_too_long_fields_are_refused_with_their_limit_named(
    qtbot: QtBot, workspace: Workspace
) -> None:
    editor = _editor(qtbot, workspace)
    editor.fields["name"].setText("x" * 201)
    editor.fields["city"].setText("Lisbon\x1b]0;owned\x07")
    editor.notes_field.setPlainText("n" * 10_001)
    _click_ok(qtbot, editor)
    assert editor.errors["name"].text() == "The name is too long (201 characters; at most 200)"
    assert editor.errors["city"].text() == "The city contains control characters; remove them"
    assert editor.errors["form"].text() == (
        "The notes are too long (10,001 characters; at most 10,000)"
    )
    assert editor.isVisible()
    assert workspace.leads.count() == 0


def test_the_code_from_a_returned_letter_records_a_response(
    qtbot: QtBot, workspace: Workspace
) -> None:
    draft = CampaignDraft(
        "Spring offer", Channel.DIRECT_MAIL, Temperature.WARM, date(2026, 3, 1), date(2026, 3, 31)
    )
    campaign_id = campaigns.create_campaign(workspace, draft).created_id(Kind.CAMPAIGN)
    code = workspace.campaigns.get(campaign_id).response_code
    lead_id = board.add_lead(workspace, LeadDraft(name="Acme Bakery")).created_id(Kind.LEAD)
    operations = Operations(workspace)
    editor = LeadEditor(operations, lead_id)
    qtbot.addWidget(editor)
    editor.show()
    field = editor.response_field
    assert field is not None
    qtbot.keyClicks(field.code_field, "nope")
    assert field.hint.text() == "No campaign has this code yet"
    assert not field.record_button.isEnabled()
    field.code_field.clear()
    qtbot.keyClicks(field.code_field, code.lower())
    assert field.hint.text() == "Answers 'Spring offer'"
    qtbot.keyClick(field.code_field, Qt.Key.Key_Return)
    assert editor.isVisible()  # Enter recorded the response; it did not close the editor
    (response,) = [touch for touch in workspace.touches.for_lead(lead_id) if touch.is_response]
    assert response.campaign_id == campaign_id
    assert (
        operations.undo_stack.undoText() == "Record response from 'Acme Bakery' to 'Spring offer'"
    )
    operations.undo_stack.undo()
    assert not [touch for touch in workspace.touches.for_lead(lead_id) if touch.is_response]
