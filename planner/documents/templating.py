"""Rendering letter templates in Jinja2's immutable sandbox.

Templates may be written by anyone who can edit the planner file, so they only ever run in
``ImmutableSandboxedEnvironment``: no underscore attributes, no calls that change data, no huge
ranges, and here also no string or list multiplication (or powers) that would eat the memory.
Every problem becomes a ``TemplateError`` naming the template, the part and the line.

A line holding nothing but block tags (``{% if … %}``, ``{% endif %}``) or comments disappears
with its line break, while a tag at the end of a line of text keeps the break after it: the rule
people expect when they write letters, which Jinja's ``trim_blocks`` gets wrong for the latter.

Placeholder values come out wrapped in two private-use characters (``VALUE_START`` and
``VALUE_END``), so the markup step can tell the template's own text, where ``**bold**`` means
bold, from the user's data, which is printed literally.
"""

import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from planner.documents.context import FieldGroup, LetterContext, note_if_missing
from planner.documents.template_text import LetterTemplate, TemplateDraft, TemplateError

VALUE_START = "\ue000"
VALUE_END = "\ue001"

MAX_OUTPUT = 100_000
"""Characters a template may produce for one letter: far more than any letter needs."""

_STANDALONE_TAGS = re.compile(r"[ \t]*(?:(?:\{%.*?%\}|\{#.*?#\})[ \t]*)+")
_RAW_START = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_MAX_SEQUENCE = 10_000
_MAX_EXPONENT = 1_000


class _LetterEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with size limits on ``*`` and ``**`` and helpful unknown-field errors."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuses products that would build huge strings or lists, and huge powers."""
        if operator == "**":
            if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                raise SecurityError(f"the power {right} is too large for a template")
            return left**right
        for sequence, count in ((left, right), (right, left)):
            if (
                isinstance(sequence, str | list | tuple)
                and isinstance(count, int)
                and len(sequence) * count > _MAX_SEQUENCE
            ):
                raise SecurityError("that repetition is too long for a template")
        return left * right

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Like the sandbox's, but an unknown field of ``lead`` names the fields it has."""
        if (
            isinstance(obj, FieldGroup)
            and not attribute.startswith("_")
            and attribute not in vars(obj)
        ):
            known = ", ".join(vars(obj))
            return self.undefined(hint=f"there is no field '{attribute}' (there are: {known})")
        return super().getattr(obj, attribute)


def _finalize(value: Any) -> str:
    """Wraps a printed value in the markers, noting empty placeholder fields."""
    if value is None:
        return ""
    note_if_missing(value)
    text = str(value).replace(VALUE_START, "").replace(VALUE_END, "")
    return f"{VALUE_START}{text}{VALUE_END}"


_ENVIRONMENT = _LetterEnvironment(
    undefined=StrictUndefined,
    finalize=_finalize,
    autoescape=False,
    trim_blocks=False,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


@dataclass(frozen=True)
class RenderedText:
    """A template's output for one letter: subject and body with marked values.

    ``missing`` lists the placeholder fields printed empty (``lead.company``).
    """

    subject: str
    body: str
    missing: frozenset[str]


class CompiledTemplate:
    """A template parsed once, to render many letters quickly."""

    def __init__(self, template: LetterTemplate) -> None:
        """Compiles subject and body; raises TemplateError naming the line of a syntax error."""
        self.template = template
        self._subject = _compile(template.subject, template.name, "subject")
        self._body = _compile(template.body, template.name, "body")

    def render(self, context: LetterContext) -> RenderedText:
        """The subject and body for one letter; raises TemplateError for anything refused."""
        missing: set[str] = set()
        variables = context.placeholders(missing)
        subject = _render(self._subject, variables, self.template.name, "subject")
        body = _render(self._body, variables, self.template.name, "body")
        return RenderedText(subject, body, frozenset(missing))


def check_template(name: str, draft: TemplateDraft) -> None:
    """Raises TemplateError when the draft's subject or body would not compile."""
    _compile(draft.subject, name, "subject")
    _compile(draft.body, name, "body")


def _drop_standalone_tag_lines(source: str) -> str:
    """Hides the line break of lines that hold only tags inside a comment.

    The break stays in the source (inside ``{#`` … ``#}``), so error line numbers are unchanged.
    """
    original = source.split("\n")
    lines = list(original)
    in_raw = False
    for index, line in enumerate(original[:-1]):
        if in_raw:
            in_raw = not _RAW_END.search(line)
            continue
        if _RAW_START.search(line):
            in_raw = not _RAW_END.search(line)
            continue
        if _STANDALONE_TAGS.fullmatch(line):
            lines[index] = lines[index] + "{#"
            lines[index + 1] = "#}" + lines[index + 1]
    return "\n".join(lines)


def _compile(source: str, name: str, part: str) -> Template:
    try:
        code = _ENVIRONMENT.compile(
            _drop_standalone_tag_lines(source), name=part, filename=_filename(part)
        )
    except TemplateSyntaxError as error:
        raise TemplateError(error.message or "syntax error", name, part, error.lineno) from None
    return _ENVIRONMENT.template_class.from_code(
        _ENVIRONMENT, code, _ENVIRONMENT.make_globals(None), None
    )


def _filename(part: str) -> str:
    return f"<letter template {part}>"


def _render(template: Template, variables: Mapping[str, object], name: str, part: str) -> str:
    pieces: list[str] = []
    size = 0
    try:
        for piece in template.generate(variables):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateError(
                    f"produces more than {MAX_OUTPUT:,} characters for one letter", name, part
                )
            pieces.append(piece)
    except TemplateError:
        raise
    except SecurityError as error:
        raise TemplateError(
            f"templates may not do that ({error})", name, part, _line_of(error, part)
        ) from None
    except JinjaTemplateError as error:
        raise TemplateError(str(error.message), name, part, _line_of(error, part)) from None
    except Exception as error:  # whatever the template's own code raises is the template's fault
        message = f"{type(error).__name__}: {error}"
        raise TemplateError(message, name, part, _line_of(error, part)) from None
    return "".join(pieces)


def _line_of(error: BaseException, part: str) -> int | None:
    """The template line the error happened on (Jinja maps its frames back to template lines)."""
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == _filename(part)
    ]
    return lines[-1] if lines else None
