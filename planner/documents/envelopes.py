"""Envelopes to feed through the printer: DL, C5 and US #10, return address and recipient.

One envelope per page, landscape, the page exactly the envelope's size. The return address sits
in the top left corner; the recipient's block in the lower right area that postal sorting machines
read (in the UK and US the right half, below the middle; in DIN 678 from 120 mm left on C5).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from planner.documents.address import Recipient
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.metadata import PdfMetadata, author_of
from planner.documents.pages import Box
from planner.documents.profile import SenderProfile
from planner.documents.stationery import EnvelopeSize
from planner.documents.style import INK, MUTED
from planner.documents.textfit import draw_lines, fit_lines


@dataclass(frozen=True)
class PlacedEnvelope:
    """Where one recipient's address was printed, and whether it had to be shortened."""

    recipient: Recipient
    text: Box
    shortened: bool = False


def write_envelopes(
    output: str | BinaryIO,
    size: EnvelopeSize,
    recipients: Iterable[Recipient],
    sender: SenderProfile,
) -> list[PlacedEnvelope]:
    """One envelope per recipient; returns where each recipient's address was printed."""
    register_fonts()
    spec = size.spec
    canvas = Canvas(output, pagesize=(spec.width, spec.height))
    return_lines = tuple(line for line in (sender.business_name, *sender.address_lines()) if line)
    placed: list[PlacedEnvelope] = []
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
        extent = draw_lines(canvas, box, fitted, Typeface.SANS)
        placed.append(PlacedEnvelope(recipient, extent, shortened=fitted.shortened))
        canvas.showPage()
    count = len(placed)
    PdfMetadata(
        f"Envelopes, {spec.title}",
        author_of(sender),
        f"{count} envelope{'s' if count != 1 else ''}",
    ).apply(canvas)
    canvas.save()
    return placed
