"""Proposals, invoices and contracts on paper.

Page one carries the letters' letterhead, the recipient in the envelope window and the facts
(number, dates) beside it; later pages a running header. The items table repeats its header on
every page and never splits a row; the totals (tax per rate), the terms, the payment block with
its EPC QR code (invoices) and the acceptance block with signature lines for both parties
(proposals, contracts) are each kept whole. Every page ends with "Page 1 of 3".
"""

from collections.abc import Callable
from decimal import Decimal
from io import BytesIO
from typing import Any, BinaryIO

from babel.numbers import format_decimal
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.documents.fonts import Typeface, draw_text, register_fonts, text_width
from planner.documents.letter_pages import PageFurniture, load_image
from planner.documents.markup import BlockKind, body_blocks, text_markup
from planner.documents.pages import MM, LetterGeometry, letter_geometry
from planner.documents.sales_values import PaymentDetails, PrintedSale
from planner.documents.style import ACCENT, INK, MUTED, RULE, SHADE
from planner.documents.textfit import draw_lines, fit_lines
from planner.money import Money
from planner.sales.banking import formatted_iban
from planner.sales.epc import epc_qr_matrix
from planner.sales.numbering import DocumentKind

TABLE_HEADINGS = ("#", "Description", "Qty", "Unit", "Unit price", "Disc.", "Tax", "Amount")
"""The items table's header, repeated on every page it runs over."""


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=Typeface.SERIF.value, fontSize=9.5, leading=13.5, textColor=INK
    )
    cell = ParagraphStyle(
        "cell", fontName=Typeface.SANS.value, fontSize=8, leading=10, textColor=INK
    )
    return {
        "body": ParagraphStyle("paragraph", parent=body, spaceAfter=6),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=Typeface.SANS.face(bold=True),
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        "note": ParagraphStyle("note", parent=cell, textColor=MUTED, spaceAfter=8),
        "heading": ParagraphStyle(
            "heading",
            parent=cell,
            fontName=Typeface.SANS.face(bold=True),
            fontSize=9.5,
            leading=13,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": cell,
        "number": ParagraphStyle("number", parent=cell, alignment=2),
        "head": ParagraphStyle(
            "head", parent=cell, fontName=Typeface.SANS.face(bold=True), textColor=MUTED
        ),
        "head_number": ParagraphStyle(
            "head_number",
            parent=cell,
            fontName=Typeface.SANS.face(bold=True),
            textColor=MUTED,
            alignment=2,
        ),
        "total": ParagraphStyle(
            "total", parent=cell, fontName=Typeface.SANS.face(bold=True), fontSize=9.5, leading=12
        ),
        "total_number": ParagraphStyle(
            "total_number",
            parent=cell,
            fontName=Typeface.SANS.face(bold=True),
            fontSize=9.5,
            leading=12,
            alignment=2,
        ),
    }


def _markup(text: str) -> str:
    return text_markup(text, Typeface.SANS)


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


class _QrFlowable(Flowable):  # type: ignore[misc]
    """A QR symbol from its module matrix, ``size`` points square with a four-module margin."""

    def __init__(self, matrix: list[list[bool]], size: float) -> None:
        super().__init__()
        self._matrix = matrix
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self._matrix) + 8
        module = self.width / count
        canvas = self.canv
        canvas.setFillColor(INK)
        for row_index, row in enumerate(self._matrix):
            y = self.height - (row_index + 5) * module
            for column_index, dark in enumerate(row):
                if dark:
                    x = (column_index + 4) * module
                    canvas.rect(x, y, module, module, stroke=0, fill=1)


class SaleWriter:
    """Lays out one document; ``write`` returns the page count."""

    def __init__(self, sale: PrintedSale) -> None:
        register_fonts()
        self.sale = sale
        self.geometry: LetterGeometry = letter_geometry(sale.sender.paper_size)
        self._styles = _styles()
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
        styles = self._styles
        story: list[Flowable] = [Paragraph(_markup(sale.title), styles["title"])]
        if sale.note:
            story.append(Paragraph(_markup(sale.note), styles["note"]))
        else:
            story.append(Spacer(1, 6))
        story.extend(self._text_blocks(sale.introduction))
        story.append(Spacer(1, 4))
        story.append(self._items_table())
        story.append(Spacer(1, 6))
        story.append(KeepTogether(self._totals_table()))
        if sale.payment is not None:
            story.append(KeepTogether(self._payment_block(sale.payment)))
        if sale.terms.strip():
            story.append(Paragraph("Terms", styles["heading"]))
            story.extend(self._text_blocks(sale.terms))
        if sale.has_acceptance:
            story.append(KeepTogether(self._acceptance_block()))
        return story

    def _text_blocks(self, text: str) -> list[Flowable]:
        blocks: list[Flowable] = []
        for block in body_blocks(text, Typeface.SERIF):
            if block.kind is BlockKind.BULLET:
                blocks.append(Paragraph(block.markup, self._styles["bullet"], bulletText="•"))
            else:
                blocks.append(Paragraph(block.markup, self._styles["body"]))
        return blocks

    def _number(self, value: Decimal) -> str:
        return str(format_decimal(value, locale=self.sale.locale))

    def _percent(self, value: Decimal) -> str:
        return f"{self._number(value)} %"

    def _items_table(self) -> Table:
        sale = self.sale
        styles = self._styles
        content = sale.content
        totals = content.totals
        discounted = any(line.discount for line in content.lines)
        headings = [heading for heading in TABLE_HEADINGS if discounted or heading != "Disc."]
        numeric = {"Qty", "Unit price", "Disc.", "Tax", "Amount"}
        rows: list[list[Paragraph]] = [
            [
                Paragraph(
                    f"{heading} ({content.currency})" if heading == "Amount" else heading,
                    styles["head_number" if heading in numeric else "head"],
                )
                for heading in headings
            ]
        ]
        for index, (line, net) in enumerate(
            zip(content.lines, totals.line_nets, strict=True), start=1
        ):
            cells = {
                "#": Paragraph(str(index), styles["cell"]),
                "Description": Paragraph(_markup(line.description), styles["cell"]),
                "Qty": Paragraph(self._number(line.quantity), styles["number"]),
                "Unit": Paragraph(_markup(line.unit), styles["cell"]),
                "Unit price": Paragraph(line.unit_price.number_text(sale.locale), styles["number"]),
                "Disc.": Paragraph(
                    self._percent(line.discount) if line.discount else "", styles["number"]
                ),
                "Tax": Paragraph(self._percent(line.tax_rate), styles["number"]),
                "Amount": Paragraph(net.number_text(sale.locale), styles["number"]),
            }
            rows.append([cells[heading] for heading in headings])
        widths = {
            "#": 9 * MM,
            "Qty": 14 * MM,
            "Unit": 13 * MM,
            "Unit price": 21 * MM,
            "Disc.": 13 * MM,
            "Tax": 13 * MM,
            "Amount": 25 * MM,
        }
        fixed = sum(widths[heading] for heading in headings if heading in widths)
        widths["Description"] = self.geometry.body_width - fixed
        table = Table(
            rows,
            colWidths=[widths[heading] for heading in headings],
            repeatRows=1,
            splitInRow=0,
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def _money(self, money: Money) -> str:
        return money.format(self.sale.locale)

    def _totals_table(self) -> list[Flowable]:
        sale = self.sale
        styles = self._styles
        content = sale.content
        totals = content.totals
        rows: list[tuple[str, str]] = [("Subtotal", self._money(totals.subtotal))]
        if totals.discount.minor:
            rows.append(
                (f"Discount {self._percent(content.discount)}", "− " + self._money(totals.discount))
            )
            rows.append(("Net", self._money(totals.net)))
        for rate in totals.rates:
            rows.append(
                (
                    f"VAT {self._percent(rate.rate)} on {self._money(rate.taxable)}",
                    self._money(rate.tax),
                )
            )
        data = [
            [Paragraph(_markup(label), styles["cell"]), Paragraph(value, styles["number"])]
            for label, value in rows
        ]
        data.append(
            [
                Paragraph("Total", styles["total"]),
                Paragraph(self._money(totals.total), styles["total_number"]),
            ]
        )
        width = self.geometry.body_width
        table = Table(data, colWidths=[width * 0.38, width * 0.2], hAlign="RIGHT")
        table.setStyle(
            TableStyle(
                [
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return [table]

    def _payment_block(self, payment: PaymentDetails) -> list[Flowable]:
        sale = self.sale
        styles = self._styles
        lines = []
        due = (
            f" by {sale.sender.date_format.apply(payment.due_on)}"
            if payment.due_on is not None
            else ""
        )
        lines.append(
            f"Please transfer {self._money(sale.content.totals.total)}{due}, "
            f"quoting {payment.reference}."
        )
        if payment.iban:
            lines.append(f"IBAN {formatted_iban(payment.iban)}")
        if payment.bic:
            lines.append(f"BIC {payment.bic}")
        if sale.sender.business_name:
            lines.append(f"Account holder {sale.sender.business_name}")
        text = Paragraph("<br/>".join(_markup(line) for line in lines), styles["body"])
        parts: list[Flowable] = [Paragraph("Payment", styles["heading"])]
        if payment.epc is None:
            parts.append(text)
            return parts
        size = 30 * MM
        scan = Paragraph("Scan with your banking app to pay (EPC QR code).", styles["note"])
        table = Table(
            [[text, _QrFlowable(epc_qr_matrix(payment.epc), size)], ["", scan]],
            colWidths=[self.geometry.body_width - size - 4 * MM, size + 4 * MM],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        parts.append(table)
        return parts

    def _acceptance_block(self) -> list[Flowable]:
        sale = self.sale
        styles = self._styles
        proposal = sale.kind is DocumentKind.PROPOSAL
        heading = "Acceptance" if proposal else "Signatures"
        intro = (
            f"By signing below, {sale.recipient_name} accepts {sale.title} as set out above."
            if proposal
            else f"Both parties agree to {sale.title} as set out above."
        )
        sender_name = sale.sender.business_name or "the supplier"
        columns = (f"For {sender_name}", f"For {sale.recipient_name}")
        line_rows = []
        for label in ("Signature", "Name", "Place and date"):
            line_rows.append(
                [
                    Paragraph(label, styles["note"]),
                    "",
                    Paragraph(label, styles["note"]),
                ]
            )
        width = self.geometry.body_width
        data = [
            [
                Paragraph(_markup(columns[0]), styles["total"]),
                "",
                Paragraph(_markup(columns[1]), styles["total"]),
            ],
            *line_rows,
        ]
        table = Table(
            data,
            colWidths=[width * 0.45, width * 0.1, width * 0.45],
            rowHeights=[40, 30, 30, 14],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 1), (0, -1), 0.5, INK),
                    ("LINEABOVE", (2, 1), (2, -1), 0.5, INK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [
            Paragraph(heading, styles["heading"]),
            Paragraph(_markup(intro), styles["body"]),
            Spacer(1, 6),
            table,
        ]


def sale_pdf(sale: PrintedSale) -> tuple[bytes, int]:
    """The document as PDF bytes, with its page count."""
    buffer = BytesIO()
    pages = SaleWriter(sale).write(buffer)
    return buffer.getvalue(), pages
