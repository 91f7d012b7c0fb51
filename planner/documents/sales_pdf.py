"""Proposals, invoices and contracts on paper.

Page one carries the letters' letterhead, the recipient in the envelope window and the facts
(number, dates) beside it; later pages a running header. The items table repeats its header on
every page and never splits a row; the totals (tax per rate), the terms, the payment block with
its EPC QR code (invoices) and the acceptance block with signature lines for both parties
(proposals, contracts) are each kept whole. Every page ends with "Page 1 of 3".
"""

from collections.abc import Callable
from io import BytesIO
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from planner.documents.fonts import Typeface, draw_text, register_fonts, text_width
from planner.documents.letter_pages import PageFurniture, load_image
from planner.documents.markup import text_markup
from planner.documents.pages import MM, LetterGeometry, letter_geometry
from planner.documents.sales_blocks import SaleBlocks
from planner.documents.sales_values import PrintedSale
from planner.documents.style import INK, MUTED, RULE
from planner.documents.textfit import draw_lines, fit_lines


def page_label(page: int, pages: int) -> str:
    """``Page 1 of 3``."""
    return f"Page {page} of {pages}"


def _numbered_canvas(draw_label: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each can say how many there are."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw_label(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class SaleWriter:
    """Lays out one document; ``write`` returns the page count."""

    def __init__(self, sale: PrintedSale) -> None:
        register_fonts()
        self.sale = sale
        self.geometry: LetterGeometry = letter_geometry(sale.sender.paper_size)
        self._blocks = SaleBlocks(sale, self.geometry.body_width)
        self._furniture = PageFurniture(
            sale.sender, self.geometry, load_image(sale.sender.logo_path)
        )

    def write(self, output: str | BinaryIO) -> int:
        geometry = self.geometry
        frame_options = {
            "leftPadding": 0,
            "rightPadding": 0,
            "topPadding": 0,
            "bottomPadding": 0,
        }
        first = Frame(
            geometry.left_margin,
            geometry.bottom_margin,
            geometry.body_width,
            geometry.page_height - geometry.body_top_first - geometry.bottom_margin,
            id="first",
            **frame_options,
        )
        later = Frame(
            geometry.left_margin,
            geometry.bottom_margin,
            geometry.body_width,
            geometry.page_height - geometry.top_margin - geometry.bottom_margin,
            id="later",
            **frame_options,
        )
        sale = self.sale
        document = BaseDocTemplate(
            output,
            pagesize=(geometry.page_width, geometry.page_height),
            title=sale.title,
            author=sale.sender.business_name,
            creator="planner",
            pageTemplates=[
                PageTemplate("first", [first], onPage=self._first_page),
                PageTemplate("later", [later], onPage=self._later_page),
            ],
        )
        document.pageTemplates[0].autoNextPageTemplate = "later"
        document.build(self._story(), canvasmaker=_numbered_canvas(self._draw_page_label))
        return int(document.page)

    def _first_page(self, canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        self._furniture.draw_letterhead(canvas)
        geometry = self.geometry
        recipient = fit_lines(
            self.sale.recipient_lines,
            geometry.recipient.width,
            geometry.recipient.height,
            Typeface.SERIF,
            max_size=10.5,
            min_size=7,
        )
        canvas.setFillColor(INK)
        draw_lines(canvas, geometry.recipient, recipient, Typeface.SERIF)
        box = geometry.info_block
        y = box.top - 8
        for label, value in self.sale.facts:
            canvas.setFillColor(MUTED)
            draw_text(canvas, box.x, y, label, Typeface.SANS, 7.5)
            canvas.setFillColor(INK)
            draw_text(canvas, box.x + 24 * MM, y, value, Typeface.SANS, 8.5, bold=label == "Number")
            y -= 11.5
        self._furniture.draw_footer(canvas)
        canvas.restoreState()

    def _later_page(self, canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        geometry = self.geometry
        y = geometry.page_height - geometry.top_margin + 14
        right = geometry.page_width - geometry.right_margin
        canvas.setFillColor(MUTED)
        sender = self.sale.sender.business_name
        if sender:
            draw_text(canvas, geometry.left_margin, y, sender, Typeface.SANS, 7.5)
        summary = f"{self.sale.title} · {self.sale.recipient_name}"
        draw_text(
            canvas, right - text_width(summary, Typeface.SANS, 7.5), y, summary, Typeface.SANS, 7.5
        )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(geometry.left_margin, y - 5, right, y - 5)
        self._furniture.draw_footer(canvas)
        canvas.restoreState()

    def _draw_page_label(self, canvas: Canvas, page: int, pages: int) -> None:
        geometry = self.geometry
        label = page_label(page, pages)
        right = geometry.page_width - geometry.right_margin
        canvas.saveState()
        canvas.setFillColor(MUTED)
        draw_text(
            canvas,
            right - text_width(label, Typeface.SANS, 7.5),
            geometry.footer.top + 10,
            label,
            Typeface.SANS,
            7.5,
        )
        canvas.restoreState()

    def _story(self) -> list[Flowable]:
        sale = self.sale
        blocks = self._blocks
        styles = blocks.styles
        story: list[Flowable] = [Paragraph(text_markup(sale.title, Typeface.SANS), styles["title"])]
        if sale.note:
            story.append(Paragraph(text_markup(sale.note, Typeface.SANS), styles["note"]))
        else:
            story.append(Spacer(1, 6))
        story.extend(blocks.text_blocks(sale.introduction))
        story.append(Spacer(1, 4))
        story.append(blocks.items_table())
        story.append(Spacer(1, 6))
        story.append(KeepTogether(blocks.totals_block()))
        if sale.payment is not None:
            story.append(KeepTogether(blocks.payment_block(sale.payment)))
        if sale.terms.strip():
            story.append(Paragraph("Terms", styles["heading"]))
            story.extend(blocks.text_blocks(sale.terms))
        if sale.has_acceptance:
            story.append(KeepTogether(blocks.acceptance_block()))
        return story


def sale_pdf(sale: PrintedSale) -> tuple[bytes, int]:
    """The document as PDF bytes, with its page count."""
    buffer = BytesIO()
    pages = SaleWriter(sale).write(buffer)
    return buffer.getvalue(), pages
