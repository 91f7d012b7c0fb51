"""Address labels on Avery sheets, with "start at label N" for a partly used sheet.

A line too long for its label wraps onto the next line first; only an address that still does
not fit is shrunk until it fits the label's printable area, so nothing ever spills into the next
label. The sheets' measurements are in ``stationery``.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from planner.documents.address import Recipient
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.metadata import CREATOR, PdfMetadata
from planner.documents.pages import MM, PAGE_SIZES, Box
from planner.documents.stationery import LabelSheet, SheetSpec, check_start
from planner.documents.style import INK, RULE
from planner.documents.textfit import draw_lines, fit_lines


@dataclass(frozen=True)
class PlacedLabel:
    """Where one recipient was printed: page (from 0), label rectangle and the text's extent."""

    recipient: Recipient
    page: int
    label: Box
    text: Box
    font_size: float
    shortened: bool = False


def write_labels(
    output: str | BinaryIO,
    sheet: LabelSheet,
    recipients: Iterable[Recipient],
    start: int = 1,
    *,
    outline: bool = False,
    author: str = CREATOR,
) -> list[PlacedLabel]:
    """Prints one label per recipient, leaving the first ``start - 1`` labels of sheet one empty.

    ``outline`` also draws every label's edge, for a test print on plain paper held against a
    label sheet. Returns where each label went (the tests check every text lies in its label).
    """
    check_start(sheet, start)
    register_fonts()
    spec = sheet.spec
    canvas = Canvas(output, pagesize=PAGE_SIZES[spec.paper])
    placed: list[PlacedLabel] = []
    for recipient, (page, position) in zip(recipients, _positions(spec, start - 1), strict=False):
        while page > canvas.getPageNumber() - 1:
            canvas.showPage()
        label = spec.label_box(position)
        if outline:
            _draw_outline(canvas, label)
        area = label.inset(spec.padding, spec.padding)
        fitted = fit_lines(
            recipient.lines,
            area.width,
            area.height,
            Typeface.SANS,
            max_size=spec.max_font_size,
            min_size=5.5,
            wrap=True,
        )
        canvas.setFillColor(INK)
        extent = draw_lines(canvas, area, fitted, Typeface.SANS, centre_vertically=True)
        placed.append(
            PlacedLabel(recipient, page, label, extent, fitted.size, shortened=fitted.shortened)
        )
    count = len(placed)
    PdfMetadata(
        f"Address labels, {spec.title}",
        author,
        f"{count} address label{'s' if count != 1 else ''}",
    ).apply(canvas)
    canvas.showPage()
    canvas.save()
    return placed


def _draw_outline(canvas: Canvas, label: Box) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.roundRect(label.x, label.y, label.width, label.height, radius=2 * MM)
    canvas.restoreState()


def _positions(spec: SheetSpec, first: int) -> Iterator[tuple[int, int]]:
    """(page, position on the page) for each label in turn, from ``first`` on page 0."""
    index = first
    while True:
        yield divmod(index, spec.per_sheet)
        index += 1
