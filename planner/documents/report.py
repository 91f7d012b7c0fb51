"""The dashboard report on paper: key figures, then tables, under the business's letterhead.

Built from plain text values (``report_pages.ReportPages``): the job in
``planner/services/report_pdf.py`` words every figure, so the PDF reads exactly like ``planner
report`` and the dashboard. Every piece of user text (campaign names, sources, reasons) is
escaped on its way into the markup.
"""

from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planner.documents.fonts import Typeface, draw_text, register_fonts, text_width
from planner.documents.letter_pages import fit_image, load_image
from planner.documents.markup import text_markup
from planner.documents.pages import MM, PAGE_SIZES, Box
from planner.documents.report_pages import KeyFigure, ReportPages, ReportTable
from planner.documents.style import ACCENT, INK, MUTED, RULE, SHADE

_LETTERHEAD_HEIGHT = 22 * MM
_MARGIN = 15 * MM


def _styles() -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle(
        "cell", fontName=Typeface.SANS.value, fontSize=8.5, leading=11, textColor=INK
    )
    bold = Typeface.SANS.face(bold=True)
    return {
        "cell": cell,
        "figure": ParagraphStyle("figure", parent=cell, alignment=2),
        "head": ParagraphStyle("head", parent=cell, fontName=bold, fontSize=7.5, textColor=MUTED),
        "figure_head": ParagraphStyle(
            "figure_head", parent=cell, fontName=bold, fontSize=7.5, textColor=MUTED, alignment=2
        ),
        "title": ParagraphStyle(
            "title", parent=cell, fontName=bold, fontSize=16, leading=20, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle("subtitle", parent=cell, textColor=MUTED),
        "section": ParagraphStyle(
            "section",
            parent=cell,
            fontName=bold,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "tile_label": ParagraphStyle("tile_label", parent=cell, fontSize=7.5, textColor=MUTED),
        "tile_value": ParagraphStyle(
            "tile_value", parent=cell, fontName=bold, fontSize=12, leading=15
        ),
        "muted": ParagraphStyle("muted", parent=cell, fontSize=7.5, leading=9.5, textColor=MUTED),
    }


def write_report(output: str | BinaryIO, pages: ReportPages) -> int:
    """Writes the report; returns its page count."""
    register_fonts()
    styles = _styles()
    page_width, page_height = PAGE_SIZES[pages.sender.paper_size]
    width = page_width - 2 * _MARGIN
    document = SimpleDocTemplate(
        output,
        pagesize=(page_width, page_height),
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN + _LETTERHEAD_HEIGHT,
        bottomMargin=_MARGIN + 6 * MM,
        title=f"{pages.title}, {pages.period_text}",
        creator="planner",
    )
    story: list[Any] = [
        Paragraph(text_markup(pages.title, Typeface.SANS), styles["title"]),
        Paragraph(text_markup(pages.period_text, Typeface.SANS), styles["subtitle"]),
        Spacer(1, 5 * MM),
        _tiles(pages.key_figures, styles, width),
    ]
    for table in pages.tables:
        story.append(_section(table, styles, width))
    if pages.definitions:
        story.append(Paragraph("What the figures mean", styles["section"]))
        for label, definition in pages.definitions:
            markup = f"<b>{text_markup(label, Typeface.SANS)}</b>: " + text_markup(
                definition, Typeface.SANS
            )
            story.append(Paragraph(markup, styles["muted"]))
    furniture = _Furniture(pages)
    document.build(story, onFirstPage=furniture.first_page, onLaterPages=furniture.later_page)
    return int(document.page)


def _tiles(
    figures: tuple[KeyFigure, ...], styles: dict[str, ParagraphStyle], width: float
) -> Table:
    per_row = 4
    cells = [
        [
            Paragraph(text_markup(figure.label, Typeface.SANS), styles["tile_label"]),
            Paragraph(text_markup(figure.value, Typeface.SANS), styles["tile_value"]),
        ]
        for figure in figures
    ]
    while len(cells) % per_row:
        cells.append([])
    rows = [cells[index : index + per_row] for index in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 2, "white"),
                ("LINEAFTER", (0, 0), (-1, -1), 2, "white"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _section(table: ReportTable, styles: dict[str, ParagraphStyle], width: float) -> Any:
    title = Paragraph(text_markup(table.title, Typeface.SANS), styles["section"])
    if not table.rows:
        return KeepTogether(
            [title, Paragraph(text_markup(table.empty_text, Typeface.SANS), styles["muted"])]
        )
    head = [
        Paragraph(text_markup(text, Typeface.SANS), styles["head" if i == 0 else "figure_head"])
        for i, text in enumerate(table.head)
    ]
    rows: list[list[Paragraph]] = [head]
    for row in table.rows:
        rows.append(
            [
                Paragraph(text_markup(text, Typeface.SANS), styles["cell" if i == 0 else "figure"])
                for i, text in enumerate(row)
            ]
        )
    columns = len(table.head)
    first = 0.28 if columns > 3 else 0.5
    rest = (1 - first) / max(columns - 1, 1)
    grid = Table(rows, colWidths=[width * first] + [width * rest] * (columns - 1), repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return KeepTogether([title, grid]) if len(rows) <= 12 else [title, grid]


class _Furniture:
    """The letterhead on page one, a small header on later pages, page numbers on every page."""

    def __init__(self, pages: ReportPages) -> None:
        self._pages = pages
        self._logo = load_image(pages.sender.logo_path)

    def first_page(self, canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        sender = self._pages.sender
        page_width, page_height = document.pagesize
        top = page_height - _MARGIN
        right = page_width - _MARGIN
        if self._logo is not None:
            box = Box(right - 45 * MM, top - 16 * MM, 45 * MM, 16 * MM)
            logo_width, logo_height = fit_image(self._logo, box)
            canvas.drawImage(
                self._logo,
                box.right - logo_width,
                box.top - logo_height,
                logo_width,
                logo_height,
                mask="auto",
            )
        if sender.business_name:
            canvas.setFillColor(ACCENT)
            draw_text(canvas, _MARGIN, top - 14, sender.business_name, Typeface.SANS, 15, bold=True)
        details = "  ·  ".join(
            part for part in (*sender.address_lines()[:2], sender.phone, sender.email) if part
        )
        if details:
            canvas.setFillColor(MUTED)
            draw_text(canvas, _MARGIN, top - 28, details, Typeface.SANS, 8)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(
            _MARGIN, top - _LETTERHEAD_HEIGHT + 6 * MM, right, top - _LETTERHEAD_HEIGHT + 6 * MM
        )
        self._page_number(canvas, document)
        canvas.restoreState()

    def later_page(self, canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        _width, page_height = document.pagesize
        heading = " · ".join(
            part
            for part in (
                self._pages.sender.business_name,
                self._pages.title,
                self._pages.period_text,
            )
            if part
        )
        canvas.setFillColor(MUTED)
        draw_text(canvas, _MARGIN, page_height - _MARGIN - 8, heading, Typeface.SANS, 7.5)
        self._page_number(canvas, document)
        canvas.restoreState()

    def _page_number(self, canvas: Canvas, document: Any) -> None:
        page_width, _height = document.pagesize
        text = f"Page {document.page}"
        canvas.setFillColor(MUTED)
        draw_text(
            canvas,
            page_width - _MARGIN - text_width(text, Typeface.SANS, 7.5),
            _MARGIN,
            text,
            Typeface.SANS,
            7.5,
        )
