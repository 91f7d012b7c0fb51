"""User letter templates: create, copy, edit, delete as undoable steps; built-ins never change."""

import dataclasses

import pytest

from planner.changes import Change, Kind
from planner.documents.template_text import TemplateDraft, TemplateError, builtin_templates
from planner.domain import TouchKind
from planner.errors import NotFoundError, ValidationError
from planner.services import templates
from planner.services.history import redo_change, undo_change
from planner.workspace import Workspace
from tests.conftest import dump_database

DRAFT = TemplateDraft(
    title="Spring offer für Łódź!",
    body="{{ salutation }},\n\nHello from {{ sender.business_name }}.",
    kind=TouchKind.SALES_LETTER,
    subject="Spring",
    closing="Cheers",
    show_response_code=True,
)


def _undo_redo_restores(workspace: Workspace, before: object, change: Change) -> None:
    after = dump_database(workspace)
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    redo_change(workspace, change)
    assert dump_database(workspace) == after


def test_a_new_template_is_named_after_its_title_and_undoable(workspace: Workspace) -> None:
    before = dump_database(workspace)
    change = templates.create_template(workspace, DRAFT)
    assert change.description == "Add letter template 'Spring offer für Łódź!'"
    created = templates.template_of(workspace, change)
    assert created.name == "spring-offer-fur-lodz"
    assert created.draft() == DRAFT
    assert templates.find_template(workspace, "Spring-Offer-Fur-Lodz") == created
    _undo_redo_restores(workspace, before, change)


def test_names_never_collide_with_builtin_or_existing_ones(workspace: Workspace) -> None:
    first = templates.template_of(
        workspace,
        templates.create_template(workspace, dataclasses.replace(DRAFT, title="Win-back")),
    )
    second = templates.template_of(
        workspace,
        templates.create_template(workspace, dataclasses.replace(DRAFT, title="Win back")),
    )
    assert (first.name, second.name) == ("win-back-2", "win-back-3")
    with pytest.raises(ValidationError, match="already is a letter template called 'win-back'"):
        templates.create_template(workspace, DRAFT, name="win-back")
    with pytest.raises(ValidationError, match="not a template name"):
        templates.create_template(workspace, DRAFT, name="Bad Name")


def test_copying_a_builtin_gives_an_editable_template(workspace: Workspace) -> None:
    before = dump_database(workspace)
    change = templates.copy_template(workspace, "cold-introduction")
    assert change.description == "Copy letter template 'Cold introduction with a special offer'"
    copy = templates.template_of(workspace, change)
    original = templates.find_template(workspace, "cold-introduction")
    assert copy.title == "Cold introduction with a special offer (copy)"
    assert copy.name == "cold-introduction-with-a-special-offer-copy"
    assert (copy.body, copy.show_qr) == (original.body, original.show_qr)
    _undo_redo_restores(workspace, before, change)


def test_editing_and_deleting_are_undoable(workspace: Workspace) -> None:
    created = templates.template_of(workspace, templates.create_template(workspace, DRAFT))
    assert created.template_id is not None
    before = dump_database(workspace)
    edited = dataclasses.replace(DRAFT, title="Summer offer", body="Hi {{ lead.name }}")
    change = templates.edit_template(workspace, created.template_id, edited)
    assert change.ids(Kind.TEMPLATE) == {created.template_id}
    assert templates.find_template(workspace, created.name).title == "Summer offer"
    _undo_redo_restores(workspace, before, change)
    before = dump_database(workspace)
    change = templates.delete_template(workspace, created.template_id)
    assert change.description == "Delete letter template 'Summer offer'"
    with pytest.raises(NotFoundError, match="there are: cold-introduction"):
        templates.find_template(workspace, created.name)
    _undo_redo_restores(workspace, before, change)


def test_a_template_that_does_not_compile_is_not_saved(workspace: Workspace) -> None:
    before = dump_database(workspace)
    broken = dataclasses.replace(DRAFT, body="Line one\n{% if lead.city %}\nno end")
    with pytest.raises(TemplateError, match="body line 3"):
        templates.create_template(workspace, broken)
    with pytest.raises(ValidationError, match="needs a title"):
        templates.create_template(workspace, dataclasses.replace(DRAFT, title=" "))
    with pytest.raises(ValidationError, match="kind is one of"):
        templates.create_template(workspace, dataclasses.replace(DRAFT, kind=TouchKind.EMAIL))
    assert dump_database(workspace) == before


def test_builtin_templates_cannot_be_changed(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="is built in and cannot be changed; copy it"):
        templates.user_template_id(workspace, "win-back")
    assert [template.name for template in templates.all_templates(workspace)] == [
        template.name for template in builtin_templates()
    ]
