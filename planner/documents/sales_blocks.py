"""The blocks a proposal, invoice or contract is made of: its texts, the items table, the
totals with tax per rate, the payment details with the EPC QR code, and the signature lines.

Each block is built from the ``PrintedSale`` alone; user text reaches reportlab's markup only
escaped (``text_markup``), and template text only through ``body_blocks``.
"""

from decimal import Decimal

from babel.numbers import format_decimal
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from planner.documents.fonts import Typeface
from planner.documents.markup import BlockKind, body_blocks, text_markup
from planner.documents.pages import MM
from planner.documents.sales_values import PaymentDetails, PrintedSale
from planner.documents.style import ACCENT, INK, MUTED, RULE, SHADE
from planner.money import Money
from planner.sales.banking import formatted_iban
from planner.sales.epc import epc_qr_matrix
from planner.sales.numbering import DocumentKind

TABLE_HEADINGS = ("#", "Description", "Qty", "Unit", "Unit price", "Disc.", "Tax", "Amount")
"""The items table's header, repeated on every page it runs over."""


def sale_styles() -> dict[str, ParagraphStyle]:
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


class SaleBlocks:
    """Builds the flowing parts of one document for a text column ``width`` points wide."""

    def __init__(self, sale: PrintedSale, width: float) -> None:
        self.sale = sale
        self.width = width
        self.styles = sale_styles()

    def text_blocks(self, text: str) -> list[Flowable]:
        blocks: list[Flowable] = []
        for block in body_blocks(text, Typeface.SERIF):
            if block.kind is BlockKind.BULLET:
                blocks.append(Paragraph(block.markup, self.styles["bullet"], bulletText="•"))
            else:
                blocks.append(Paragraph(block.markup, self.styles["body"]))
        return blocks

    def _number(self, value: Decimal) -> str:
        return str(format_decimal(value, locale=self.sale.locale))

    def _percent(self, value: Decimal) -> str:
        return f"{self._number(value)} %"

    def items_table(self) -> Table:
        sale = self.sale
        styles = self.styles
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
        widths["Description"] = self.width - fixed
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

    def totals_block(self) -> list[Flowable]:
        sale = self.sale
        styles = self.styles
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
        width = self.width
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

    def payment_block(self, payment: PaymentDetails) -> list[Flowable]:
        sale = self.sale
        styles = self.styles
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
            colWidths=[self.width - size - 4 * MM, size + 4 * MM],
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

    def acceptance_block(self) -> list[Flowable]:
        sale = self.sale
        styles = self.styles
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
        width = self.width
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
