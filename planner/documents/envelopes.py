"""Envelopes to feed through the printer: DL, C5 and US #10, return address and recipient.

One envelope per page, landscape, the page exactly the envelope's size. The return address sits
in the top left corner; the recipient's block in the lower right area that postal sorting machines
read (in the UK and US the right half, below the middle; in DIN 678 from 120 mm left on C5).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from planner.documents.address import Recipient
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.pages import INCH, MM, Box
from planner.documents.profile import SenderProfile
from planner.documents.style import INK, MUTED
from planner.documents.textfit import draw_lines, fit_lines


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


def write_envelopes(
    output: str | BinaryIO,
    size: EnvelopeSize,
    recipients: Iterable[Recipient],
    sender: SenderProfile,
) -> list[Box]:
    """One envelope per recipient; returns the extent of each recipient's printed address."""
    register_fonts()
    spec = size.spec
    canvas = Canvas(output, pagesize=(spec.width, spec.height))
    canvas.setTitle(f"Envelopes, {spec.title}")
    canvas.setCreator("planner")
    return_lines = tuple(line for line in (sender.business_name, *sender.address_lines()) if line)
    placed: list[Box] = []
    for recipient in recipients:
        if return_lines:
            box = spec.return_box()
            fitted = fit_lines(
                return_lines, box.width, box.height, Typeface.SANS, max_size=8, min_size=6
            )
            canvas.setFillColor(MUTED)
            draw_lines(canvas, box, fitted, Typeface.SANS)
        box = spec.recipient_box()
        fitted = fit_lines(
            recipient.lines, box.width, box.height, Typeface.SANS, max_size=12, min_size=7
        )
        canvas.setFillColor(INK)
        placed.append(draw_lines(canvas, box, fitted, Typeface.SANS))
        canvas.showPage()
    canvas.save()
    return placed
