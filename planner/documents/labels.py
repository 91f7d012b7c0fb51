"""Address labels on Avery sheets, with "start at label N" for a partly used sheet.

The sheet measurements are Avery's published template specifications (label size, top and side
margins, pitch); each spec adds up exactly to its paper, which the tests check. Every address is
shrunk until it fits its label's printable area, so nothing ever spills into the next label.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from planner.documents.address import Recipient
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.pages import INCH, MM, PAGE_SIZES, Box
from planner.documents.profile import PaperSize
from planner.documents.style import INK, RULE
from planner.documents.textfit import draw_lines, fit_lines
from planner.errors import ValidationError


class LabelSheet(StrEnum):
    """The supported label sheets, named as on the command line."""

    AVERY_5160 = "avery-5160"
    AVERY_5163 = "avery-5163"
    AVERY_L7160 = "avery-l7160"
    AVERY_L7163 = "avery-l7163"

    @property
    def spec(self) -> "SheetSpec":
        """The sheet's geometry."""
        return SHEET_SPECS[self]


@dataclass(frozen=True)
class SheetSpec:
    """A label sheet's geometry in points, measured from the top left of the paper.

    ``padding`` is the margin kept clear inside each label (its corners are rounded and printers
    drift a little); ``max_font_size`` is where shrinking starts.
    """

    title: str
    paper: PaperSize
    columns: int
    rows: int
    label_width: float
    label_height: float
    left_margin: float
    top_margin: float
    horizontal_pitch: float
    vertical_pitch: float
    padding: float
    max_font_size: float

    @property
    def per_sheet(self) -> int:
        """How many labels one sheet holds."""
        return self.columns * self.rows

    def label_box(self, position: int) -> Box:
        """The rectangle of label ``position`` (0 is top left, counting along the rows)."""
        row, column = divmod(position, self.columns)
        _width, height = PAGE_SIZES[self.paper]
        return Box.from_top(
            height,
            self.left_margin + column * self.horizontal_pitch,
            self.top_margin + row * self.vertical_pitch,
            self.label_width,
            self.label_height,
        )


SHEET_SPECS: dict[LabelSheet, SheetSpec] = {
    LabelSheet.AVERY_5160: SheetSpec(
        title='Avery 5160 (30 per sheet, 1" x 2⅝", US Letter)',
        paper=PaperSize.LETTER,
        columns=3,
        rows=10,
        label_width=2.625 * INCH,
        label_height=1.0 * INCH,
        left_margin=0.1875 * INCH,
        top_margin=0.5 * INCH,
        horizontal_pitch=2.75 * INCH,
        vertical_pitch=1.0 * INCH,
        padding=0.09 * INCH,
        max_font_size=9.5,
    ),
    LabelSheet.AVERY_5163: SheetSpec(
        title='Avery 5163 (10 per sheet, 2" x 4", US Letter)',
        paper=PaperSize.LETTER,
        columns=2,
        rows=5,
        label_width=4.0 * INCH,
        label_height=2.0 * INCH,
        left_margin=0.15625 * INCH,
        top_margin=0.5 * INCH,
        horizontal_pitch=4.1875 * INCH,
        vertical_pitch=2.0 * INCH,
        padding=0.2 * INCH,
        max_font_size=12,
    ),
    LabelSheet.AVERY_L7160: SheetSpec(
        title="Avery L7160 (21 per sheet, 63.5 x 38.1 mm, A4)",
        paper=PaperSize.A4,
        columns=3,
        rows=7,
        label_width=63.5 * MM,
        label_height=38.1 * MM,
        left_margin=7.21 * MM,
        top_margin=15.15 * MM,
        horizontal_pitch=66.04 * MM,
        vertical_pitch=38.1 * MM,
        padding=3.0 * MM,
        max_font_size=10,
    ),
    LabelSheet.AVERY_L7163: SheetSpec(
        title="Avery L7163 (14 per sheet, 99.1 x 38.1 mm, A4)",
        paper=PaperSize.A4,
        columns=2,
        rows=7,
        label_width=99.1 * MM,
        label_height=38.1 * MM,
        left_margin=4.65 * MM,
        top_margin=15.15 * MM,
        horizontal_pitch=101.6 * MM,
        vertical_pitch=38.1 * MM,
        padding=4.0 * MM,
        max_font_size=11,
    ),
}


@dataclass(frozen=True)
class PlacedLabel:
    """Where one recipient was printed: page (from 0), label rectangle and the text's extent."""

    recipient: Recipient
    page: int
    label: Box
    text: Box
    font_size: float


def check_start(sheet: LabelSheet, start: int) -> None:
    """Raises ValidationError unless ``start`` names a label of the sheet (1 is the top left)."""
    if not 1 <= start <= sheet.spec.per_sheet:
        raise ValidationError(
            f"--start must be between 1 and {sheet.spec.per_sheet} for {sheet.value}", "start"
        )


def write_labels(
    output: str | BinaryIO,
    sheet: LabelSheet,
    recipients: Iterable[Recipient],
    start: int = 1,
    *,
    outline: bool = False,
) -> list[PlacedLabel]:
    """Prints one label per recipient, leaving the first ``start - 1`` labels of sheet one empty.

    ``outline`` also draws every label's edge, for a test print on plain paper held against a
    label sheet. Returns where each label went (the tests check every text lies in its label).
    """
    check_start(sheet, start)
    register_fonts()
    spec = sheet.spec
    canvas = Canvas(output, pagesize=PAGE_SIZES[spec.paper])
    canvas.setTitle(f"Address labels, {spec.title}")
    canvas.setCreator("planner")
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
        )
        canvas.setFillColor(INK)
        extent = draw_lines(canvas, area, fitted, Typeface.SANS, centre_vertically=True)
        placed.append(PlacedLabel(recipient, page, label, extent, fitted.size))
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
