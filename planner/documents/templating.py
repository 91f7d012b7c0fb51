"""Rendering letter templates in Jinja2's immutable sandbox.

Templates may be written by anyone who can edit the planner file, so they only ever run in
``ImmutableSandboxedEnvironment``: no underscore attributes, no calls that change data, no huge
ranges, and here also no string or list multiplication (or powers) that would eat the memory.
Every problem becomes a ``TemplateError`` naming the template, the part and the line.

The sandbox alone still lets a template run for hours (nested loops, each under the range limit)
or build huge strings without ``*`` (``"x".ljust(10**8)``). So each render of one part gets a
budget of time and loop steps, checked on every call and every loop step, and any call or filter
whose result (or plainly announced size) is too long for a letter is refused. Texts that grow by
joining are measured before they are joined: ``~`` and ``+`` (which can double a text on every
line or loop step), ``join``, and the output gathered by ``{% set %}`` and ``{% filter %}``
blocks, macros and ``caller()``. A render therefore always ends within about ``RENDER_SECONDS``,
without ever holding much more than ``MAX_OUTPUT`` characters in one text, which is what lets the
GUI wait for a preview or mail-merge thread when a window closes.

A line holding nothing but block tags (``{% if … %}``, ``{% endif %}``) or comments disappears
with its line break, while a tag at the end of a line of text keeps the break after it: the rule
people expect when they write letters, which Jinja's ``trim_blocks`` gets wrong for the latter.

Placeholder values come out wrapped in two private-use characters (``VALUE_START`` and
``VALUE_END``), so the markup step can tell the template's own text, where ``**bold**`` means
bold, from the user's data, which is printed literally.
"""

import functools
import re
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.filters import make_attrgetter
from jinja2.sandbox import ImmutableSandboxedEnvironment

from planner.documents.context import FieldGroup, LetterContext, note_if_missing
from planner.documents.template_text import LetterTemplate, TemplateDraft, TemplateError

VALUE_START = "\ue000"
VALUE_END = "\ue001"

MAX_OUTPUT = 100_000
"""Characters a template may produce for one letter: far more than any letter needs."""

RENDER_SECONDS = 2.0
"""Time one part (subject or body) of one letter may take: letters need milliseconds."""

MAX_LOOP_STEPS = 100_000
"""Loop steps one part of one letter may take, summed over all its loops (nested ones multiply)."""

_STANDALONE_TAGS = re.compile(r"[ \t]*(?:(?:\{%.*?%\}|\{#.*?#\})[ \t]*)+")
_RAW_START = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_MAX_SEQUENCE = 10_000
_MAX_EXPONENT = 1_000
MAX_NUMBER_BITS = 4_096
"""How large a whole number a template may compute (about 1,200 digits): Python's integers grow
without end, and ``((9**999)**999)**999`` would compute for hours inside one operation."""
_WIDTH_FIRST = frozenset({"ljust", "rjust", "center", "zfill", "indent"})
"""Methods and filters whose first argument (or ``width=``) is the width of the text they make."""
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[^a-zA-Z%]*")
_BRACE_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")
_NUMBER = re.compile(r"\d+")


@dataclass
class _Budget:
    """What is left of one render's time and loop steps."""

    deadline: float
    loop_steps_left: int

    def spend(self, loop_steps: int = 0) -> None:
        """Takes ``loop_steps`` off the budget; raises SecurityError once it is used up."""
        self.loop_steps_left -= loop_steps
        if self.loop_steps_left < 0:
            raise SecurityError(f"its loops run more than {MAX_LOOP_STEPS:,} times")
        if time.monotonic() > self.deadline:
            raise SecurityError(f"it takes longer than {RENDER_SECONDS:g} seconds to render")


_BUDGET: ContextVar[_Budget] = ContextVar("letter_render_budget")
"""The running render's budget; a context variable, so each thread renders with its own."""


def _too_long() -> SecurityError:
    return SecurityError("that text is too long for a template")


def _check_format(pattern: str, values: Iterable[object], fields: re.Pattern[str]) -> None:
    """Refuses ``%`` or ``str.format`` fields whose width or precision is beyond ``MAX_OUTPUT``.

    ``fields`` finds the pattern's fields (``_PERCENT_FIELD`` or ``_BRACE_FIELD``). Widths taken
    from the values (``%*s``, ``{:{}}``) count when a value is such a number.
    """
    numbers = [value for value in values if isinstance(value, int)]
    for field in fields.findall(pattern):
        sizes = [int(number) for number in _NUMBER.findall(field)]
        if "*" in field or "{" in field[1:]:
            sizes += numbers
        if any(size > MAX_OUTPUT for size in sizes):
            raise _too_long()


def _format_values(values: object) -> list[object]:
    """The values ``%`` formats: a tuple's items, a mapping's values, or the one value."""
    if isinstance(values, tuple):
        return list(values)
    if isinstance(values, Mapping):
        return list(values.values())
    return [values]


def _check_arguments(
    name: str, subject: object, args: Sequence[object], kwargs: Mapping[str, object]
) -> None:
    """Refuses a call on ``subject`` (a method's object or a filter's value) whose result is
    plainly too long, before that result is built; results are measured afterwards anyway."""
    if not isinstance(subject, str):
        return
    if name in _WIDTH_FIRST:
        width = args[0] if args else kwargs.get("width")
        if isinstance(width, int) and width > MAX_OUTPUT:
            raise _too_long()
        if isinstance(width, str) and len(width) * (subject.count("\n") + 1) > MAX_OUTPUT:
            raise _too_long()
    elif name == "expandtabs":
        tab_size = args[0] if args else kwargs.get("tabsize")
        if isinstance(tab_size, int) and subject.count("\t") * tab_size > MAX_OUTPUT:
            raise _too_long()
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str) and isinstance(new, str):
            count = subject.count(old) if old else len(subject) + 1
            if len(subject) + count * len(new) > MAX_OUTPUT:
                raise _too_long()
    elif name == "format_map" and args and isinstance(args[0], Mapping):
        _check_format(subject, args[0].values(), _BRACE_FIELD)
    elif name == "format":
        _check_format(subject, [*args, *kwargs.values()], _BRACE_FIELD)


def _text_length(value: object) -> int:
    """How many characters ``value`` has once it is turned into text."""
    return len(value) if isinstance(value, str) else len(str(value))


def _joinable(items: Iterable[Any], separator: object) -> list[Any]:
    """``items`` as a list, refused once they and the separators between them would make a text
    too long for a letter; the items are only measured, nothing is joined yet.

    ``items`` may be a generator (``map``), so it is taken one item at a time: a list of many
    references to one long text costs little memory until it is joined.
    """
    kept: list[Any] = []
    size = 0
    gap = _text_length(separator)
    for item in items:
        size += _text_length(item) + (gap if kept else 0)
        if size > MAX_OUTPUT:
            raise _too_long()
        kept.append(item)
    return kept


def _check_result(result: Any) -> Any:
    """Passes ``result`` on unless it is a text or list too long for a letter."""
    if isinstance(result, str) and len(result) > MAX_OUTPUT:
        raise _too_long()
    if isinstance(result, list | tuple) and len(result) > _MAX_SEQUENCE:
        raise SecurityError("that list is too long for a template")
    return result


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` as a filter whose arguments and result are checked for size.

    Filters are called straight from the compiled template, not through ``call``. A filter that
    asks for the context, eval context or environment (``jinja_pass_arg``) gets it first.
    """
    skipped = 1 if hasattr(function, "jinja_pass_arg") else 0

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        value, rest = (args[skipped], args[skipped + 1 :]) if len(args) > skipped else (None, ())
        if name == "format" and isinstance(value, str):
            _check_format(value, [*rest, *kwargs.values()], _PERCENT_FIELD)
        elif name == "join" and skipped:
            return _check_result(_join_filter(function, args[0], value, *rest, **kwargs))
        else:
            _check_arguments(name, value, rest, kwargs)
        return _check_result(function(*args, **kwargs))

    return guarded


def _join_filter(
    join: Callable[..., Any],
    eval_context: Any,
    value: Any,
    d: object = "",
    attribute: str | int | None = None,
) -> Any:
    """The ``join`` filter, its items (or their ``attribute``) measured before they are joined."""
    items = value
    if attribute is not None:
        items = map(make_attrgetter(eval_context.environment, attribute), items)
    return join(eval_context, _joinable(items, d), d)


class _OutputBuffer(list[str]):
    """Where a ``{% set %}`` or ``{% filter %}`` block, a macro or a ``caller()`` gathers its
    output, refused as soon as that adds up to more than ``MAX_OUTPUT`` characters.

    Every printed value is a new text (``_finalize`` marks it), so a block printing a long text
    in a loop would fill the memory long before its output is joined.
    """

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def append(self, piece: str, /) -> None:
        """Adds one piece of output."""
        self._grow(_text_length(piece))
        super().append(piece)

    def extend(self, pieces: Iterable[str], /) -> None:
        """Adds several pieces of output."""
        pieces = list(pieces)
        self._grow(sum(_text_length(piece) for piece in pieces))
        super().extend(pieces)

    def _grow(self, size: int) -> None:
        self.size += size
        if self.size > MAX_OUTPUT:
            raise _too_long()


class _LetterCodeGenerator(CodeGenerator):
    """Jinja's code generator, but ``~`` joins its parts through ``join_parts`` and blocks
    gather their output in an ``_OutputBuffer``.

    Jinja compiles ``a ~ b`` straight to a call of its own ``str_join`` (or ``markup_join``), out
    of reach of ``intercepted_binops``; this sends the same parts and the same join function
    through the environment, which measures them first.
    """

    def buffer(self, frame: Frame) -> None:
        """Like Jinja's, but the buffer is an ``_OutputBuffer`` rather than a plain list."""
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """Writes ``environment.join_parts(<Jinja's join function>, (<parts>, ))``."""
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.join_parts({join}, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


class _LetterEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with a time and loop budget, size limits and helpful unknown-field errors."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _LetterCodeGenerator

    def __init__(self, **options: Any) -> None:
        """The sandbox, with every filter checked for size (see ``_guarded_filter``)."""
        super().__init__(**options)
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """The sandbox's call, charged to the render's budget and refused when too long.

        Every function, method and macro call of a template comes through here, so a template
        that recurses through macros is stopped by the time budget too. The parameters have
        double underscores, like Jinja's, so no keyword argument of the template can clash.
        """
        _BUDGET.get().spend()
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        name, subject = getattr(method, "__name__", ""), getattr(method, "__self__", None)
        if name == "join" and isinstance(subject, str) and len(args) == 1 and not kwargs:
            args = (_joinable(args[0], subject),)
        _check_arguments(name, subject, args, kwargs)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def concat(self, pieces: Iterable[str], /) -> str:
        """Joins the output of a ``{% set %}`` or ``{% filter %}`` block, a macro or a
        ``caller()``, refused when it adds up to more than ``MAX_OUTPUT`` characters.

        Jinja's compiled templates take ``concat`` from the environment, and ``"".join`` would
        build the text before anything could measure it: a block that prints a long text in a
        loop, or twice on every level of nesting, would fill the memory.
        """
        return "".join(_joinable(pieces, ""))

    def output_buffer(self) -> _OutputBuffer:
        """A new buffer for a block's output (see ``_LetterCodeGenerator.buffer``)."""
        return _OutputBuffer()

    def join_parts(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]) -> str:
        """``join(parts)`` for ``~``, refused when the parts add up to more than ``MAX_OUTPUT``
        characters, before they are joined (so ``s ~ s`` cannot double a text without end)."""
        if sum(_text_length(part) for part in parts) > MAX_OUTPUT:
            raise _too_long()
        joined: str = _check_result(join(parts))
        return joined

    def loop_items(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a ``{% for %}`` loop, each one charged to the render's budget."""
        budget = _BUDGET.get()
        for item in iterable:
            budget.spend(1)
            yield item

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuses sums and products that would build huge strings, lists or numbers, huge
        powers and ``%`` formats with huge widths; every operation is charged to the budget."""
        _BUDGET.get().spend()
        _check_number_size(operator, left, right)
        if operator == "+":
            texts = isinstance(left, str) and isinstance(right, str)
            sequences = isinstance(left, list | tuple) and isinstance(right, list | tuple)
            if texts and len(left) + len(right) > MAX_OUTPUT:
                raise _too_long()
            if sequences and len(left) + len(right) > _MAX_SEQUENCE:
                raise SecurityError("that list is too long for a template")
            return left + right
        if operator == "%":
            if isinstance(left, str):
                _check_format(left, _format_values(right), _PERCENT_FIELD)
            return left % right
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


def _check_number_size(operator: str, left: Any, right: Any) -> None:
    """Refuses ``*`` and ``**`` of whole numbers whose result would pass ``MAX_NUMBER_BITS``,
    judged from the sizes of the operands before anything is computed."""
    if not (_is_whole(left) and _is_whole(right)):
        return
    if operator == "*":
        bits = left.bit_length() + right.bit_length()
    elif operator == "**" and right > 0 and abs(left) > 1:
        bits = (left.bit_length() - 1) * right + 1  # the fewest bits the power can have
    else:
        return
    if bits > MAX_NUMBER_BITS:
        raise SecurityError("that number is too large for a template")


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _printed_size(value: Any, limit: int) -> int:
    """About how long ``str(value)`` is, measured part by part and given up past ``limit``:
    a printed collection is spelled out whole, so it is measured before it is built."""
    if isinstance(value, dict):
        parts: Iterable[Any] = (part for pair in value.items() for part in pair)
    elif isinstance(value, list | tuple | set | frozenset):
        parts = value
    else:
        return len(str(value))
    total = 2
    for part in parts:
        total += _printed_size(part, limit - total) + 2
        if total > limit:
            break
    return total


def _finalize(value: Any) -> str:
    """Wraps a printed value in the markers, noting empty placeholder fields."""
    if value is None:
        return ""
    note_if_missing(value)
    if _printed_size(value, MAX_OUTPUT) > MAX_OUTPUT:
        raise _too_long()
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
del _ENVIRONMENT.globals["lipsum"]  # placeholder text by the megabyte has no place in a letter


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
        tree = _ENVIRONMENT.parse(
            _drop_standalone_tag_lines(source), name=part, filename=_filename(part)
        )
        _meter_loops(tree)
        code = _ENVIRONMENT.compile(tree, name=part, filename=_filename(part))
    except TemplateSyntaxError as error:
        raise TemplateError(error.message or "syntax error", name, part, error.lineno) from None
    return _ENVIRONMENT.template_class.from_code(
        _ENVIRONMENT, code, _ENVIRONMENT.make_globals(None), None
    )


def _meter_loops(tree: nodes.Template) -> None:
    """Makes every ``{% for %}`` loop take its items through ``loop_items``, which counts them.

    Loops call nothing by themselves, so without this an empty nested loop would escape the
    budget that ``call`` checks.
    """
    for loop in list(tree.find_all(nodes.For)):
        loop.iter = nodes.Call(
            nodes.EnvironmentAttribute("loop_items", lineno=loop.iter.lineno),
            [loop.iter],
            [],
            None,
            None,
            lineno=loop.iter.lineno,
        )


def _filename(part: str) -> str:
    return f"<letter template {part}>"


def _render(template: Template, variables: Mapping[str, object], name: str, part: str) -> str:
    pieces: list[str] = []
    size = 0
    budget = _BUDGET.set(_Budget(time.monotonic() + RENDER_SECONDS, MAX_LOOP_STEPS))
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
    finally:
        _BUDGET.reset(budget)
    return "".join(pieces)


def _line_of(error: BaseException, part: str) -> int | None:
    """The template line the error happened on (Jinja maps its frames back to template lines)."""
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == _filename(part)
    ]
    return lines[-1] if lines else None
