"""Setting a few lines (an address) into a fixed box: wrap or shrink to fit, never spill.

Labels, envelopes and the letter window all print an address block into a rectangle that must
not be left. Where asked (labels), a line too long for the box first wraps at a space onto the
next line, as long as the block still fits, so one long street does not print far smaller than
its neighbours; otherwise the text shrinks down to a minimum size; below that, long lines end in
"…" and, when
there are still too many lines, the company line goes first. Such a block is marked
``shortened``, so that the user hears which addresses to check before posting.
"""

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from planner.documents.fonts import Typeface, clean_text, draw_text, register_fonts, text_width
from planner.documents.pages import Box

ELLIPSIS = "…"
LEADING = 1.2
"""Line spacing as a multiple of the font size."""


@dataclass(frozen=True)
class FittedLines:
    """Lines and the size that fits them into a box; ``height`` is the whole block's height.

    ``shortened`` is true when even the smallest size did not fit and lines were cut or left out.
    """

    lines: tuple[str, ...]
    size: float
    bold_first: bool = False
    shortened: bool = False

    @property
    def leading(self) -> float:
        """The distance between baselines."""
        return self.size * LEADING

    @property
    def height(self) -> float:
        """From the top of the first line's ascenders to the bottom of the last's descenders."""
        ascent, descent = _extent(self.size)
        return ascent + descent + (len(self.lines) - 1) * self.leading if self.lines else 0.0


def _extent(size: float) -> tuple[float, float]:
    register_fonts()
    ascent, descent = pdfmetrics.getAscentDescent(Typeface.SANS.face(), size)
    return float(ascent), float(-descent)


def _width(line: str, typeface: Typeface, size: float, bold: bool) -> float:
    return text_width(line, typeface, size, bold=bold)


def _fits(fitted: FittedLines, typeface: Typeface, width: float, height: float) -> bool:
    if fitted.height > height:
        return False
    return all(
        _width(line, typeface, fitted.size, fitted.bold_first and index == 0) <= width
        for index, line in enumerate(fitted.lines)
    )


def fit_lines(
    lines: tuple[str, ...],
    width: float,
    height: float,
    typeface: Typeface,
    *,
    max_size: float,
    min_size: float = 6.0,
    bold_first: bool = False,
    wrap: bool = False,
) -> FittedLines:
    """The largest size from ``max_size`` down to ``min_size`` (half points) that fits; with
    ``wrap``, lines too wide are wrapped at spaces before the size goes down.

    If even ``min_size`` does not fit, the company line (the second of more than three) is
    dropped while the block is too tall, then lines are cut to fit with an ellipsis.
    """
    cleaned = tuple(clean_text(line) for line in lines)
    size = max_size
    while size >= min_size:
        fitted = FittedLines(cleaned, size, bold_first)
        if _fits(fitted, typeface, width, height):
            return fitted
        if wrap:
            wrapped = FittedLines(
                _wrapped(cleaned, width, typeface, size, bold_first), size, bold_first
            )
            if _fits(wrapped, typeface, width, height):
                return wrapped
        size -= 0.5
    kept = list(cleaned)
    while len(kept) > 1 and FittedLines(tuple(kept), min_size).height > height:
        del kept[1 if len(kept) > 3 else -1]
    shortened = tuple(
        _shorten(line, width, typeface, min_size, bold_first and index == 0)
        for index, line in enumerate(kept)
    )
    return FittedLines(shortened, min_size, bold_first, shortened=shortened != cleaned)


def _wrapped(
    lines: tuple[str, ...], width: float, typeface: Typeface, size: float, bold_first: bool
) -> tuple[str, ...]:
    """The lines with each one too wide broken at spaces, filling each piece as far as it goes
    (a single word wider than the box stays whole; the caller then shrinks)."""
    result: list[str] = []
    for index, line in enumerate(lines):
        bold = bold_first and index == 0
        if _width(line, typeface, size, bold) <= width or " " not in line:
            result.append(line)
            continue
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and _width(candidate, typeface, size, bold) > width:
                result.append(current)
                current = word
            else:
                current = candidate
        result.append(current)
    return tuple(result)


def _shorten(line: str, width: float, typeface: Typeface, size: float, bold: bool) -> str:
    if _width(line, typeface, size, bold) <= width:
        return line
    text = line
    while text and _width(text + ELLIPSIS, typeface, size, bold) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS if text else ""


def draw_lines(
    canvas: Canvas,
    box: Box,
    fitted: FittedLines,
    typeface: Typeface,
    *,
    centre_vertically: bool = False,
) -> Box:
    """Draws the lines from the box's top left (or centred in its height); returns their extent."""
    ascent, _descent = _extent(fitted.size)
    top = box.top
    if centre_vertically:
        top = box.top - (box.height - fitted.height) / 2
    widest = 0.0
    for index, line in enumerate(fitted.lines):
        bold = fitted.bold_first and index == 0
        baseline = top - ascent - index * fitted.leading
        draw_text(canvas, box.x, baseline, line, typeface, fitted.size, bold=bold)
        widest = max(widest, _width(line, typeface, fitted.size, bold))
    return Box(box.x, top - fitted.height, widest, fitted.height)
