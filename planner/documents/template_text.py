"""Letter templates as data, and their text form: a small front matter, then the body.

Built-in templates are files in ``resources/templates/`` written in this form; ``planner template
show`` prints any template in it. Only the standard library is used here, so listing templates
never loads Jinja2.

::

    ---
    name: cold-introduction
    title: Cold introduction with a special offer
    kind: direct_mail_letter
    subject: A small welcome offer for {{ lead.company or lead.name }}
    closing: Warm regards
    show_response_code: yes
    show_qr: no
    ---
    {{ salutation }},

    The body, with **bold** and *italic*, paragraphs separated by blank lines and
    lines starting with "- " as bullet points.
"""

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from planner.domain import TouchKind
from planner.errors import PlannerError

LETTER_KINDS = (TouchKind.DIRECT_MAIL_LETTER, TouchKind.SALES_LETTER)
"""The touch kinds a letter is recorded as: a mailing to many, or a personal sales letter."""

DEFAULT_CLOSING = "Kind regards"

_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_FRONT_MATTER_KEYS = (
    "name",
    "title",
    "kind",
    "subject",
    "closing",
    "show_response_code",
    "show_qr",
)
_TRUE = frozenset({"yes", "true", "on", "1"})
_FALSE = frozenset({"no", "false", "off", "0", ""})


class TemplateError(PlannerError):
    """A template that cannot be read, compiled or rendered.

    ``part`` is ``body``, ``subject`` or ``file``; ``line`` counts from 1 within that part, or is
    ``None`` when the problem has no line.
    """

    def __init__(self, message: str, template: str, part: str = "body", line: int | None = None):
        where = f"{part} line {line}" if line is not None else part
        super().__init__(f"Template '{template}', {where}: {message}")
        self.template = template
        self.part = part
        self.line = line
        self.reason = message


@dataclass(frozen=True)
class TemplateDraft:
    """What the template editor edits: everything but the name, which is derived from the title."""

    title: str
    body: str
    kind: TouchKind = TouchKind.DIRECT_MAIL_LETTER
    subject: str = ""
    closing: str = DEFAULT_CLOSING
    show_response_code: bool = False
    show_qr: bool = False


@dataclass(frozen=True)
class LetterTemplate:
    """A letter template, built in (``template_id`` is ``None``) or the user's own."""

    name: str
    title: str
    body: str
    kind: TouchKind = TouchKind.DIRECT_MAIL_LETTER
    subject: str = ""
    closing: str = DEFAULT_CLOSING
    show_response_code: bool = False
    show_qr: bool = False
    template_id: int | None = None

    @classmethod
    def from_draft(
        cls, name: str, draft: TemplateDraft, template_id: int | None = None
    ) -> "LetterTemplate":
        """A template from the editor's fields (the live preview renders unsaved drafts)."""
        return cls(name=name, template_id=template_id, **dataclasses.asdict(draft))

    @property
    def builtin(self) -> bool:
        """True for the templates shipped with the planner (they are copied, not edited)."""
        return self.template_id is None

    def draft(self) -> TemplateDraft:
        """The editable part, to change a few fields and save it as a user template."""
        return TemplateDraft(
            title=self.title,
            body=self.body,
            kind=self.kind,
            subject=self.subject,
            closing=self.closing,
            show_response_code=self.show_response_code,
            show_qr=self.show_qr,
        )

    def to_text(self) -> str:
        """The text form: front matter and body, as ``parse_template_text`` reads it."""
        header = [
            "---",
            f"name: {self.name}",
            f"title: {self.title}",
            f"kind: {self.kind.value}",
            f"subject: {self.subject}",
            f"closing: {self.closing}",
            f"show_response_code: {'yes' if self.show_response_code else 'no'}",
            f"show_qr: {'yes' if self.show_qr else 'no'}",
            "---",
        ]
        return "\n".join(header) + "\n" + self.body.rstrip("\n") + "\n"


def valid_template_name(name: str) -> bool:
    """True for names like ``cold-introduction``: lower-case letters, digits and dashes."""
    return bool(_NAME_PATTERN.match(name))


def parse_template_text(text: str, source: str) -> LetterTemplate:
    """Reads the text form; ``source`` names the file in error messages.

    Raises TemplateError with the line of the front matter that is wrong.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise TemplateError(
            "must start with a '---' line opening the front matter", source, "file", 1
        )
    try:
        end = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
    except StopIteration:
        raise TemplateError("the front matter has no closing '---' line", source, "file") from None
    values: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, separator, value = line.partition(":")
        key = key.strip()
        if not separator or key not in _FRONT_MATTER_KEYS:
            known = ", ".join(_FRONT_MATTER_KEYS)
            raise TemplateError(
                f"'{line.strip()}' is not 'key: value' (keys: {known})", source, "file", number
            )
        values[key] = value.strip()
    name = values.get("name", "")
    if not valid_template_name(name):
        raise TemplateError(
            f"name '{name}' must be lower-case letters, digits and dashes", source, "file"
        )
    if not values.get("title"):
        raise TemplateError("the front matter needs a title", source, "file")
    return LetterTemplate(
        name=name,
        title=values["title"],
        body="\n".join(lines[end + 1 :]).strip("\n"),
        kind=_kind(values.get("kind", TouchKind.DIRECT_MAIL_LETTER.value), source),
        subject=values.get("subject", ""),
        closing=values.get("closing", DEFAULT_CLOSING),
        show_response_code=_flag(values, "show_response_code", source),
        show_qr=_flag(values, "show_qr", source),
    )


def _kind(text: str, source: str) -> TouchKind:
    for kind in LETTER_KINDS:
        if kind.value == text.strip().lower():
            return kind
    allowed = ", ".join(kind.value for kind in LETTER_KINDS)
    raise TemplateError(f"kind '{text}' is not one of {allowed}", source, "file")


def _flag(values: dict[str, str], key: str, source: str) -> bool:
    text = values.get(key, "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise TemplateError(f"{key} must be yes or no, not '{text}'", source, "file")


@cache
def builtin_templates() -> tuple[LetterTemplate, ...]:
    """The templates shipped in ``resources/templates`` (``*.letter``), by title."""
    folder = files("resources").joinpath("templates")
    found = [
        parse_template_text(entry.read_text(encoding="utf-8"), entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".letter")
    ]
    return tuple(sorted(found, key=lambda template: template.title.casefold()))
