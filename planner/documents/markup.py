"""From rendered template text to reportlab Paragraph markup, with user text kept literal.

User text (names, companies, notes) is escaped before it reaches reportlab's markup, so
``Smith & <Sons>``, ``<img src=…>`` and ``<a href=…>`` print as written and nothing is fetched.
The template's own text is escaped too; its only markup is a tiny safe subset:

- ``**bold**`` and ``*italic*`` (``\\*`` prints a star), which may span placeholders;
- a blank line starts a new paragraph, a single line break stays a line break;
- a paragraph whose lines all start with ``- `` becomes a bulleted list.

Stars inside placeholder values never start bold or italic: values arrive wrapped in the
``VALUE_START``/``VALUE_END`` markers from ``templating``.
"""

import re
from dataclasses import dataclass
from enum import Enum

from planner.documents.fonts import Typeface, clean_text, runs
from planner.documents.templating import VALUE_END, VALUE_START

_MARKER = re.compile(r"\\\*|\*\*|\*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_VALUE_MARKS = re.compile(f"([{VALUE_START}{VALUE_END}])")
_BULLET_PREFIXES = ("- ", "• ")
_TAGS = {"**": "b", "*": "i"}


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` escaped for reportlab's Paragraph parser."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_markup(text: str, typeface: Typeface) -> str:
    """User text as safe Paragraph markup, with fallback fonts for the runs that need them."""
    pieces = []
    for run in runs(text, typeface):
        escaped = escape(run.text)
        pieces.append(escaped if run.font == typeface.value else _font(run.font, escaped))
    return "".join(pieces)


def _font(name: str, markup: str) -> str:
    return f'<font name="{name}">{markup}</font>'


class BlockKind(Enum):
    """How a block of the body is set."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True)
class Block:
    """One paragraph or bullet item of a letter body, as Paragraph markup."""

    kind: BlockKind
    markup: str


@dataclass(frozen=True)
class _Piece:
    text: str
    literal: bool


def body_blocks(rendered: str, typeface: Typeface) -> list[Block]:
    """Splits rendered template text into paragraphs and bullets of safe markup."""
    blocks: list[Block] = []
    for paragraph in _paragraphs(_pieces(rendered)):
        lines = _split_lines(paragraph)
        if all(_is_bullet(line) for line in lines):
            blocks.extend(
                Block(BlockKind.BULLET, _inline(_strip_bullet(line), typeface)) for line in lines
            )
        else:
            markup = "<br/>".join(_inline(line, typeface) for line in lines)
            blocks.append(Block(BlockKind.PARAGRAPH, markup))
    return blocks


def inline_markup(rendered: str, typeface: Typeface) -> str:
    """One line of rendered template text (a subject) as safe markup; line breaks become spaces."""
    pieces = [_Piece(piece.text.replace("\n", " "), piece.literal) for piece in _pieces(rendered)]
    return _inline(pieces, typeface).strip()


def _pieces(rendered: str) -> list[_Piece]:
    """The template's own text and the placeholder values (literal), in order."""
    pieces: list[_Piece] = []
    depth = 0
    for part in _VALUE_MARKS.split(clean_text(rendered).replace("\r\n", "\n")):
        if part == VALUE_START:
            depth += 1
        elif part == VALUE_END:
            depth = max(depth - 1, 0)
        elif part:
            pieces.append(_Piece(part, depth > 0))
    return pieces


def _paragraphs(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Splits at blank lines of the template's own text; empty paragraphs are dropped."""
    paragraphs: list[list[_Piece]] = [[]]
    for piece in pieces:
        if piece.literal:
            paragraphs[-1].append(piece)
            continue
        parts = _PARAGRAPH_BREAK.split(piece.text)
        for index, part in enumerate(parts):
            if index:
                paragraphs.append([])
            if part:
                paragraphs[-1].append(_Piece(part, False))
    return [paragraph for paragraph in paragraphs if "".join(p.text for p in paragraph).strip()]


def _split_lines(paragraph: list[_Piece]) -> list[list[_Piece]]:
    lines: list[list[_Piece]] = [[]]
    for piece in paragraph:
        for index, part in enumerate(piece.text.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append(_Piece(part, piece.literal))
    trimmed = [_trim(line) for line in lines]
    return [line for line in trimmed if line] or [[]]


def _trim(line: list[_Piece]) -> list[_Piece]:
    if line and not line[0].literal:
        line = [_Piece(line[0].text.lstrip(" "), False), *line[1:]]
    if line and not line[-1].literal:
        line = [*line[:-1], _Piece(line[-1].text.rstrip(), False)]
    return [piece for piece in line if piece.text]


def _is_bullet(line: list[_Piece]) -> bool:
    return bool(line) and not line[0].literal and line[0].text.startswith(_BULLET_PREFIXES)


def _strip_bullet(line: list[_Piece]) -> list[_Piece]:
    return [_Piece(line[0].text[2:].lstrip(), False), *line[1:]]


def _inline(line: list[_Piece], typeface: Typeface) -> str:
    """Markup for one line: values escaped, template text escaped with its emphasis markers."""
    tokens: list[tuple[str, str]] = []
    for piece in line:
        if piece.literal:
            tokens.append(("text", piece.text))
            continue
        position = 0
        for match in _MARKER.finditer(piece.text):
            tokens.append(("text", piece.text[position : match.start()]))
            marker = match.group()
            tokens.append(("text", "*") if marker == "\\*" else ("marker", marker))
            position = match.end()
        tokens.append(("text", piece.text[position:]))
    return _emphasis(tokens, typeface)


def _emphasis(tokens: list[tuple[str, str]], typeface: Typeface) -> str:
    """Pairs the markers (properly nested only); unpaired ones print as typed."""
    opened: list[int] = []
    pairs: dict[int, str] = {}
    for index, (kind, value) in enumerate(tokens):
        if kind != "marker":
            continue
        if opened and tokens[opened[-1]][1] == value:
            start = opened.pop()
            pairs[start] = f"<{_TAGS[value]}>"
            pairs[index] = f"</{_TAGS[value]}>"
        else:
            opened.append(index)
    return "".join(
        pairs.get(index) or text_markup(value, typeface)
        for index, (_kind, value) in enumerate(tokens)
    )
