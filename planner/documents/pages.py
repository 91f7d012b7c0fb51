"""Page geometry shared by all documents: paper sizes and where a letter's parts sit.

Everything is in PDF points (1/72 inch) with the origin at the bottom left, as reportlab draws;
``Box.from_top`` takes the measurements the standards give (from the top left edge).

A4 letters follow DIN 5008 form B: the address field 20 mm from the left and 45 mm from the top,
85 x 45 mm, whose first 17.7 mm hold the small return address line; it shows through the window of
DL envelopes (folded in three) and C5 envelopes (folded once). US Letter pages put the address where
a standard #10 window envelope (window 4½ x 1⅛ in, ⅞ in from the left and ½ in from the bottom)
shows it when the sheet is folded in three, however far the sheet slides inside the envelope.
"""

from dataclasses import dataclass

from planner.documents.profile import PaperSize

MM = 72 / 25.4
"""Points per millimetre."""

INCH = 72.0
"""Points per inch."""

PAGE_SIZES: dict[PaperSize, tuple[float, float]] = {
    PaperSize.A4: (210 * MM, 297 * MM),
    PaperSize.LETTER: (8.5 * INCH, 11 * INCH),
}


@dataclass(frozen=True)
class Box:
    """A rectangle on a page: bottom-left corner, width and height, in points."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def from_top(
        cls, page_height: float, left: float, top: float, width: float, height: float
    ) -> "Box":
        """The box whose top-left corner is ``left`` from the left and ``top`` from the top."""
        return cls(left, page_height - top - height, width, height)

    @property
    def top(self) -> float:
        """The y of the upper edge."""
        return self.y + self.height

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.width

    def inset(self, horizontal: float, vertical: float) -> "Box":
        """The box shrunk by a margin on each side."""
        return Box(
            self.x + horizontal,
            self.y + vertical,
            self.width - 2 * horizontal,
            self.height - 2 * vertical,
        )

    def contains_point(self, x: float, y: float) -> bool:
        """True when the point lies inside the box or on its edge."""
        return self.x <= x <= self.right and self.y <= y <= self.top

    def contains(self, other: "Box", tolerance: float = 0.0) -> bool:
        """True when ``other`` lies inside this box (allowing ``tolerance`` points)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )


@dataclass(frozen=True)
class LetterGeometry:
    """Where each part of a letter goes on its paper.

    ``return_address`` is the small sender line at the top of the window (A4 only; US window
    envelopes carry the sender on the envelope). ``body_top_first`` is the distance from the top
    of the page where the subject and body start on page one; later pages start at
    ``top_margin``. ``fold_marks`` and ``punch_mark`` are distances from the top.
    """

    paper: PaperSize
    page_width: float
    page_height: float
    left_margin: float
    right_margin: float
    top_margin: float
    bottom_margin: float
    letterhead: Box
    logo: Box
    return_address: Box | None
    recipient: Box
    info_block: Box
    body_top_first: float
    footer: Box
    fold_marks: tuple[float, ...]
    punch_mark: float | None

    @property
    def body_width(self) -> float:
        """The width of the text column."""
        return self.page_width - self.left_margin - self.right_margin


def letter_geometry(paper: PaperSize) -> LetterGeometry:
    """The layout of a window-envelope letter on ``paper``."""
    if paper is PaperSize.A4:
        return _din_5008_form_b()
    return _us_letter_number_10()


def _din_5008_form_b() -> LetterGeometry:
    width, height = PAGE_SIZES[PaperSize.A4]
    return LetterGeometry(
        paper=PaperSize.A4,
        page_width=width,
        page_height=height,
        left_margin=25 * MM,
        right_margin=20 * MM,
        top_margin=27 * MM,
        bottom_margin=30 * MM,
        letterhead=Box.from_top(height, 25 * MM, 12 * MM, 165 * MM, 26 * MM),
        logo=Box.from_top(height, 140 * MM, 12 * MM, 50 * MM, 24 * MM),
        return_address=Box.from_top(height, 25 * MM, 45 * MM + 11.7 * MM, 80 * MM, 5 * MM),
        recipient=Box.from_top(height, 25 * MM, 45 * MM + 17.7 * MM, 80 * MM, 27.3 * MM),
        info_block=Box.from_top(height, 125 * MM, 50 * MM, 65 * MM, 40 * MM),
        body_top_first=98.5 * MM,
        footer=Box.from_top(height, 25 * MM, 297 * MM - 20 * MM, 165 * MM, 12 * MM),
        fold_marks=(105 * MM, 210 * MM),
        punch_mark=148.5 * MM,
    )


def _us_letter_number_10() -> LetterGeometry:
    width, height = PAGE_SIZES[PaperSize.LETTER]
    return LetterGeometry(
        paper=PaperSize.LETTER,
        page_width=width,
        page_height=height,
        left_margin=1.0 * INCH,
        right_margin=0.9 * INCH,
        top_margin=1.0 * INCH,
        bottom_margin=1.15 * INCH,
        letterhead=Box.from_top(height, 1.0 * INCH, 0.5 * INCH, 6.6 * INCH, 1.0 * INCH),
        logo=Box.from_top(height, 5.6 * INCH, 0.5 * INCH, 2.0 * INCH, 0.95 * INCH),
        return_address=None,
        recipient=Box.from_top(height, 1.0 * INCH, 2.1 * INCH, 3.375 * INCH, 0.95 * INCH),
        info_block=Box.from_top(height, 4.75 * INCH, 1.95 * INCH, 2.85 * INCH, 1.4 * INCH),
        body_top_first=3.55 * INCH,
        footer=Box.from_top(height, 1.0 * INCH, 11 * INCH - 0.8 * INCH, 6.6 * INCH, 0.45 * INCH),
        fold_marks=(11 * INCH / 3, 22 * INCH / 3),
        punch_mark=None,
    )
