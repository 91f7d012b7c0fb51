"""Letter template actions: create, copy, edit and delete the user's own templates.

Built-in templates (files shipped with the planner) are read-only: copying one gives a user
template to change. Every action is one undoable step. A template is checked before it is saved,
so a stored template always compiles; its syntax errors name the line.
"""

import dataclasses
import os
import re
import stat
import unicodedata
from pathlib import Path

from planner.changes import Change, Kind
from planner.documents.template_text import (
    LETTER_KINDS,
    LetterTemplate,
    TemplateDraft,
    builtin_templates,
    valid_template_name,
)
from planner.errors import NotFoundError, ValidationError
from planner.limits import MAX_TEMPLATE_FILE_BYTES, TEMPLATE_LIMITS
from planner.services.actions import user_action
from planner.store.changes import Table, recording
from planner.store.templates import TemplateStore, template_row
from planner.workspace import Workspace

_NAME_LIMIT = 50


def _store(workspace: Workspace) -> TemplateStore:
    return TemplateStore(workspace.db)


def all_templates(workspace: Workspace) -> list[LetterTemplate]:
    """The built-in templates, then the user's own, each by title."""
    return [*builtin_templates(), *_store(workspace).all()]


def find_template(workspace: Workspace, name: str) -> LetterTemplate:
    """The template called ``name`` (any case); NotFoundError listing the names there are."""
    wanted = name.strip().lower()
    for template in builtin_templates():
        if template.name == wanted:
            return template
    found = _store(workspace).by_name(wanted)
    if found is None:
        known = ", ".join(template.name for template in all_templates(workspace))
        raise NotFoundError(f"There is no letter template called '{name}' (there are: {known})")
    return found


def read_template_file(path: Path) -> str:
    """The text of a template file, refused (ValidationError) unless it is a regular UTF-8 file
    of at most ``MAX_TEMPLATE_FILE_BYTES``.

    A device (``/dev/zero``) would be read until the memory runs out and a named pipe would
    block for ever; the file is opened without blocking and checked before a byte is read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ValidationError(f"{path} cannot be read: {error.strerror}", "file") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise ValidationError(f"{path} is not a regular file", "file")
    with os.fdopen(descriptor, "rb") as file:
        data = file.read(MAX_TEMPLATE_FILE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_FILE_BYTES:
        raise ValidationError(
            f"{path} is too large for a letter template "
            f"(at most {MAX_TEMPLATE_FILE_BYTES // 1024} KB)",
            "file",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not UTF-8 text", "file") from None


def validate_template_draft(draft: TemplateDraft, name: str = "new template") -> None:
    """Raises ValidationError for empty fields, TemplateError for a subject or body that fails."""
    from planner.documents.templating import check_template

    for field, limit in TEMPLATE_LIMITS.items():
        problem = limit.problem(getattr(draft, field))
        if problem is not None:
            raise ValidationError(problem, field)
    if not draft.title.strip():
        raise ValidationError("A template needs a title", "title")
    if not draft.body.strip():
        raise ValidationError("A template needs a body", "body")
    if draft.kind not in LETTER_KINDS:
        allowed = ", ".join(kind.value for kind in LETTER_KINDS)
        raise ValidationError(f"A letter template's kind is one of {allowed}", "kind")
    check_template(name, draft)


def template_name_for(title: str, taken: set[str]) -> str:
    """``spring-offer`` for "Spring offer!": a free name derived from the title."""
    folded = unicodedata.normalize("NFKD", title.casefold().replace("ł", "l"))
    ascii_only = "".join(char for char in folded if not unicodedata.combining(char))
    base = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:_NAME_LIMIT].strip("-")
    base = base or "template"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _taken_names(workspace: Workspace) -> set[str]:
    return {template.name for template in builtin_templates()} | _store(workspace).names()


@user_action
def create_template(workspace: Workspace, draft: TemplateDraft, name: str | None = None) -> Change:
    """Adds a user template called ``name``, or named after its title (``spring-offer``)."""
    return _insert(workspace, draft, f"Add letter template '{draft.title.strip()}'", name)


def _insert(
    workspace: Workspace, draft: TemplateDraft, description: str, wanted: str | None = None
) -> Change:
    taken = _taken_names(workspace)
    if wanted is None:
        name = template_name_for(draft.title, taken)
    elif not valid_template_name(wanted):
        raise ValidationError(
            f"'{wanted}' is not a template name: use lower-case letters, digits and dashes", "name"
        )
    elif wanted in taken:
        raise ValidationError(f"There already is a letter template called '{wanted}'", "name")
    else:
        name = wanted
    validate_template_draft(draft, name)
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        recorder.insert(
            Table.TEMPLATES,
            {**template_row(draft), "name": name, "created_at": now, "updated_at": now},
        )
        return recorder.finish()


@user_action
def copy_template(workspace: Workspace, name: str) -> Change:
    """Adds a user template copied from any template, titled "… (copy)"."""
    original = find_template(workspace, name)
    copy = dataclasses.replace(original.draft(), title=f"{original.title} (copy)")
    return _insert(workspace, copy, f"Copy letter template '{original.title}'")


def _own(workspace: Workspace, template_id: int) -> LetterTemplate:
    return _store(workspace).get(template_id)


@user_action
def edit_template(workspace: Workspace, template_id: int, draft: TemplateDraft) -> Change:
    """Saves the editor's fields over a user template; its name stays."""
    template = _own(workspace, template_id)
    validate_template_draft(draft, template.name)
    with recording(workspace.db, f"Edit letter template '{draft.title.strip()}'") as recorder:
        values = {**template_row(draft), "updated_at": workspace.clock.timestamp()}
        recorder.update(Table.TEMPLATES, template_id, values)
        return recorder.finish()


@user_action
def delete_template(workspace: Workspace, template_id: int) -> Change:
    """Removes a user template (touches that name it keep their text)."""
    template = _own(workspace, template_id)
    with recording(workspace.db, f"Delete letter template '{template.title}'") as recorder:
        recorder.delete(Table.TEMPLATES, template_id)
        return recorder.finish()


def user_template_id(workspace: Workspace, name: str) -> int:
    """The id of the user template called ``name``; ValidationError for a built-in one."""
    template = find_template(workspace, name)
    if template.template_id is None:
        raise ValidationError(
            f"'{template.name}' is built in and cannot be changed; copy it to make your own",
            "name",
        )
    return template.template_id


def template_of(workspace: Workspace, change: Change) -> LetterTemplate:
    """The template a create or copy just added (to show its name or open it in the editor)."""
    return _store(workspace).get(change.created_id(Kind.TEMPLATE))
