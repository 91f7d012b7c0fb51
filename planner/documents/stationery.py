"""Stationery as measurements: the label sheets and envelopes documents are printed on.

Plain data, free of reportlab, so the command line and the window can offer the choices
without loading the document engine.

The label sheets use Avery's published template specifications (label size, top and side
margins, pitch); each adds up exactly to its paper, which the tests check.
"""

from dataclasses import dataclass
from enum import StrEnum

from planner.documents.pages import INCH, MM, PAGE_SIZES, Box
from planner.documents.profile import PaperSize
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


def check_start(sheet: LabelSheet, start: int) -> None:
    """Raises ValidationError unless ``start`` names a label of the sheet (1 is the top left)."""
    if not 1 <= start <= sheet.spec.per_sheet:
        raise ValidationError(
            f"--start must be between 1 and {sheet.spec.per_sheet} for {sheet.value}", "start"
        )


class EnvelopeSize(StrEnum):
    """The supported envelopes, named as on the command line."""

    DL = "dl"
    C5 = "c5"
    NO10 = "no10"

    @property
    def spec(self) -> "EnvelopeSpec":
        """The envelope's geometry."""
        return ENVELOPE_SPECS[self]


@dataclass(frozen=True)
class EnvelopeSpec:
    """An envelope's size and where its two addresses go, in points from the top left."""

    title: str
    width: float
    height: float
    margin: float
    recipient_left: float
    recipient_top: float
    recipient_width: float
    recipient_height: float

    def recipient_box(self) -> Box:
        """The area the recipient's address is fitted into."""
        return Box.from_top(
            self.height,
            self.recipient_left,
            self.recipient_top,
            self.recipient_width,
            self.recipient_height,
        )

    def return_box(self) -> Box:
        """The return address's corner: top left, a third of the width."""
        return Box.from_top(
            self.height, self.margin, self.margin, self.width / 3, self.height * 0.3
        )


ENVELOPE_SPECS = {
    EnvelopeSize.DL: EnvelopeSpec(
        title="DL (110 x 220 mm)",
        width=220 * MM,
        height=110 * MM,
        margin=10 * MM,
        recipient_left=100 * MM,
        recipient_top=50 * MM,
        recipient_width=110 * MM,
        recipient_height=45 * MM,
    ),
    EnvelopeSize.C5: EnvelopeSpec(
        title="C5 (162 x 229 mm)",
        width=229 * MM,
        height=162 * MM,
        margin=12 * MM,
        recipient_left=110 * MM,
        recipient_top=80 * MM,
        recipient_width=105 * MM,
        recipient_height=50 * MM,
    ),
    EnvelopeSize.NO10: EnvelopeSpec(
        title="US #10 (4⅛ x 9½ in)",
        width=9.5 * INCH,
        height=4.125 * INCH,
        margin=0.4 * INCH,
        recipient_left=4.0 * INCH,
        recipient_top=1.9 * INCH,
        recipient_width=5.0 * INCH,
        recipient_height=1.7 * INCH,
    ),
}
