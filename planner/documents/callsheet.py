"""The call sheet: a day's planned calls and meetings on paper, to take along.

Each row has the time, who (name, company, phone), what the touch is for, the lead's last done
touch and notes, and an empty column to write down how it went. Calls still open from earlier
days come first, marked with the day they were planned for.
"""

from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planner.documents.calls import CallSheet
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.markup import text_markup
from planner.documents.metadata import PdfMetadata, author_of
from planner.documents.pages import MM, PAGE_SIZES
from planner.documents.style import ACCENT, INK, MUTED, RULE, SHADE

NOTES_LIMIT = 280
"""Characters of a lead's notes printed; the rest is in the app."""


def _styles() -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle(
        "cell", fontName=Typeface.SANS.value, fontSize=8, leading=10, textColor=INK
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=cell,
            fontName=Typeface.SANS.face(bold=True),
            fontSize=16,
            leading=20,
            textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=cell, fontSize=9, leading=12, textColor=MUTED, leftIndent=4
        ),
        "cell": cell,
        "muted": ParagraphStyle("muted", parent=cell, textColor=MUTED),
        "head": ParagraphStyle(
            "head",
            parent=cell,
            fontName=Typeface.SANS.face(bold=True),
            fontSize=7.5,
            textColor=MUTED,
        ),
    }


def _cell(parts: list[tuple[str, str]], styles: dict[str, ParagraphStyle]) -> Paragraph:
    """A cell of lines; ``("b", text)`` is bold, ``("m", text)`` muted, ``("", text)`` plain."""
    lines = []
    for kind, text in parts:
        if not text:
            continue
        markup = text_markup(text, Typeface.SANS)
        if kind == "b":
            markup = f"<b>{markup}</b>"
        elif kind == "m":
            markup = f'<font color="#{MUTED.hexval()[2:]}">{markup}</font>'
        lines.append(markup)
    return Paragraph("<br/>".join(lines), styles["cell"])


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NOTES_LIMIT else flat[: NOTES_LIMIT - 1].rstrip() + "…"


def write_call_sheet(output: str | BinaryIO, sheet: CallSheet) -> int:
    """Writes the call sheet; returns its page count."""
    register_fonts()
    styles = _styles()
    page_width, page_height = PAGE_SIZES[sheet.sender.paper_size]
    margin = 15 * MM
    document = SimpleDocTemplate(
        output,
        pagesize=(page_width, page_height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        **PdfMetadata(
            f"Calls and meetings, {sheet.heading}",
            author_of(sheet.sender),
            f"{len(sheet.entries)} calls and meetings planned",
        ).template_arguments(),
    )
    count = len(sheet.entries)
    summary = f"{count} planned" if count else "Nothing planned"
    subtitle = " · ".join(
        part for part in (sheet.heading, summary, sheet.sender.business_name) if part
    )
    story = [
        Paragraph("Calls and meetings", styles["title"]),
        Paragraph(text_markup(subtitle, Typeface.SANS), styles["subtitle"]),
        Spacer(1, 6 * MM),
    ]
    if sheet.entries:
        story.append(_table(sheet, styles, page_width - 2 * margin))
    document.build(story)
    return int(document.page)


def _table(sheet: CallSheet, styles: dict[str, ParagraphStyle], width: float) -> Table:
    head = ["When", "Who", "What", "Last touch", "Notes", "How it went"]
    rows: list[list[Paragraph]] = [[Paragraph(text, styles["head"]) for text in head]]
    for entry in sheet.entries:
        when: list[tuple[str, str]] = [("b", entry.time or "any time")]
        if entry.planned_on < sheet.day:
            when.append(("m", f"overdue since {sheet.sender.date_format.apply(entry.planned_on)}"))
        if entry.done:
            when.append(("m", "done"))
        rows.append(
            [
                _cell(when, styles),
                _cell([("b", entry.lead_name), ("", entry.company), ("", entry.phone)], styles),
                _cell([("", entry.kind), ("m", _short(entry.touch_notes))], styles),
                _cell([("", entry.last_touch)], styles),
                _cell([("", _short(entry.lead_notes))], styles),
                Paragraph("", styles["cell"]),
            ]
        )
    fractions = (0.11, 0.19, 0.16, 0.17, 0.21, 0.16)
    table = Table(rows, colWidths=[width * share for share in fractions], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 12),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
