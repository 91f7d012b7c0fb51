"""Reading the user's own letter templates (built-in ones are files, see ``documents``)."""

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from planner.documents.template_text import LetterTemplate, TemplateDraft
from planner.domain import TouchKind
from planner.errors import NotFoundError


def template_row(draft: TemplateDraft) -> dict[str, Any]:
    """The stored columns for the editable fields of a template."""
    return {
        "title": draft.title.strip(),
        "kind": draft.kind.value,
        "subject": draft.subject,
        "body": draft.body,
        "closing": draft.closing.strip(),
        "show_response_code": int(draft.show_response_code),
        "show_qr": int(draft.show_qr),
    }


def template_from_row(row: Mapping[str, Any]) -> LetterTemplate:
    """A LetterTemplate from a row of the ``letter_templates`` table."""
    return LetterTemplate(
        name=row["name"],
        title=row["title"],
        body=row["body"],
        kind=TouchKind(row["kind"]),
        subject=row["subject"],
        closing=row["closing"],
        show_response_code=bool(row["show_response_code"]),
        show_qr=bool(row["show_qr"]),
        template_id=row["id"],
    )


class TemplateStore:
    """Queries over user templates; writes go through the services' change recorder."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[LetterTemplate]:
        """Every user template, by title."""
        rows = self._db.query("SELECT * FROM letter_templates ORDER BY title COLLATE NOCASE, id")
        return [template_from_row(row) for row in rows]

    def get(self, template_id: int) -> LetterTemplate:
        """The template with this id; NotFoundError if there is none."""
        rows = list(self._db.query("SELECT * FROM letter_templates WHERE id = ?", [template_id]))
        if not rows:
            raise NotFoundError(f"There is no letter template with id {template_id}")
        return template_from_row(rows[0])

    def by_name(self, name: str) -> LetterTemplate | None:
        """The template called ``name`` (any case), or ``None``."""
        rows = list(self._db.query("SELECT * FROM letter_templates WHERE name = ?", [name.strip()]))
        return template_from_row(rows[0]) if rows else None

    def names(self) -> set[str]:
        """The names in use, lower-cased."""
        return {row[0].lower() for row in self._db.execute("SELECT name FROM letter_templates")}
