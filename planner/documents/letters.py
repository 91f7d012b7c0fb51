"""Letters on paper: letterhead, window address, date, subject, body, closing, signature, footer.

A ``LetterWriter`` writes letters one after another onto one canvas, each starting on a new page:
every letter is laid out by its own small platypus document that draws into the shared canvas and
is then dropped, so a batch of a thousand letters never holds more than one letter's flowables
(the canvas keeps only the finished, compressed pages). Fonts and images are embedded once per
file. A letter longer than a page flows on with a small running header.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
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

from planner.documents.context import LetterContext
from planner.documents.fonts import Typeface, draw_text, register_fonts, text_width
from planner.documents.markup import Block, BlockKind, body_blocks, inline_markup, text_markup
from planner.documents.pages import MM, Box, LetterGeometry, letter_geometry
from planner.documents.profile import SenderProfile
from planner.documents.style import ACCENT, INK, MUTED, RULE
from planner.documents.templating import CompiledTemplate
from planner.documents.textfit import draw_lines, fit_lines

SIGNATURE_SPACE = 16 * MM
"""Room left for a handwritten signature when the profile has no signature image."""


@dataclass(frozen=True)
class ComposedLetter:
    """One letter ready to lay out: its context, subject and body markup, and what was missing."""

    context: LetterContext
    subject: str
    blocks: tuple[Block, ...]
    closing: str
    show_response_code: bool
    show_qr: bool
    missing: frozenset[str]

    @property
    def response_code(self) -> str:
        """The campaign's response code, when the template prints it and there is one."""
        campaign = self.context.campaign
        if not (self.show_response_code or self.show_qr) or campaign is None:
            return ""
        return campaign.response_code


def compose_letter(template: CompiledTemplate, context: LetterContext) -> ComposedLetter:
    """Renders the template for one lead and turns it into safe markup."""
    rendered = template.render(context)
    return ComposedLetter(
        context=context,
        subject=inline_markup(rendered.subject, Typeface.SERIF),
        blocks=tuple(body_blocks(rendered.body, Typeface.SERIF)),
        closing=text_markup(template.template.closing, Typeface.SERIF),
        show_response_code=template.template.show_response_code,
        show_qr=template.template.show_qr,
        missing=rendered.missing,
    )


def load_image(path_text: str) -> ImageReader | None:
    """The image at ``path_text``, or ``None`` when there is none or it cannot be read."""
    if not path_text.strip():
        return None
    path = Path(path_text).expanduser()
    if not path.is_file():
        return None
    try:
        reader = ImageReader(str(path))
        reader.getSize()
    except Exception:  # Pillow raises many kinds of errors for files that are not images
        return None
    return reader


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=Typeface.SERIF.value,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        spaceAfter=7,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "body": body,
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=Typeface.SERIF.face(bold=True), spaceAfter=14
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3
        ),
        "signer": ParagraphStyle("signer", parent=body, spaceAfter=0),
        "signer_title": ParagraphStyle(
            "signer_title", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=0
        ),
    }


class _ImageFlowable(Flowable):  # type: ignore[misc]
    """An already loaded image at a fixed size (the signature)."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self._reader = reader
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self._reader, 0, 0, self.width, self.height, mask="auto")


def _fit_image(reader: ImageReader, box: Box) -> tuple[float, float]:
    image_width, image_height = reader.getSize()
    scale = min(box.width / image_width, box.height / image_height)
    return image_width * scale, image_height * scale


class LetterWriter:
    """Writes letters onto one PDF canvas; ``save`` finishes the file.

    ``warnings`` lists what the profile asked for but could not be used (an unreadable logo).
    """

    def __init__(self, output: str | BinaryIO, sender: SenderProfile, title: str = "Letters"):
        register_fonts()
        self.sender = sender
        self.geometry: LetterGeometry = letter_geometry(sender.paper_size)
        self.canvas = Canvas(output, pagesize=(self.geometry.page_width, self.geometry.page_height))
        self.canvas.setTitle(title)
        self.canvas.setAuthor(sender.business_name)
        self.canvas.setCreator("planner")
        self._styles = _styles()
        self.warnings: list[str] = []
        self._forms: set[str] = set()
        self._logo = self._image(sender.logo_path, "logo")
        self._signature = self._image(sender.signature_path, "signature")

    def _image(self, path_text: str, what: str) -> ImageReader | None:
        reader = load_image(path_text)
        if reader is None and path_text.strip():
            self.warnings.append(f"The {what} image {path_text} could not be read; left out.")
        return reader

    @property
    def page_count(self) -> int:
        """Pages finished so far."""
        return int(self.canvas.getPageNumber()) - 1

    def write(self, letter: ComposedLetter) -> int:
        """Lays out one letter from a new page; returns how many pages it took."""
        before = self.page_count
        geometry = self.geometry
        first = Frame(
            geometry.left_margin,
            geometry.bottom_margin,
            geometry.body_width,
            geometry.page_height - geometry.body_top_first - geometry.bottom_margin,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="first",
        )
        later = Frame(
            geometry.left_margin,
            geometry.bottom_margin,
            geometry.body_width,
            geometry.page_height - geometry.top_margin - geometry.bottom_margin,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="later",
        )
        document = BaseDocTemplate(
            "",
            pagesize=(geometry.page_width, geometry.page_height),
            pageTemplates=[
                PageTemplate("first", [first], onPage=self._page_drawer(letter, first_page=True)),
                PageTemplate("later", [later], onPage=self._page_drawer(letter, first_page=False)),
            ],
        )
        document.pageTemplates[0].autoNextPageTemplate = "later"
        document._doSave = 0
        canvas = self.canvas
        document.build(self._story(letter), canvasmaker=lambda *args, **kwargs: canvas)
        return self.page_count - before

    def blank_page(self) -> None:
        """Adds an empty page (duplex padding)."""
        self.canvas.showPage()

    def save(self) -> None:
        """Finishes and writes the PDF."""
        self.canvas.save()

    def _story(self, letter: ComposedLetter) -> list[Flowable]:
        styles = self._styles
        story: list[Flowable] = []
        if letter.subject:
            story.append(Paragraph(letter.subject, styles["subject"]))
        for block in letter.blocks:
            if block.kind is BlockKind.BULLET:
                story.append(Paragraph(block.markup, styles["bullet"], bulletText="•"))
            else:
                story.append(Paragraph(block.markup, styles["body"]))
        story.append(KeepTogether(self._closing(letter)))
        return story

    def _closing(self, letter: ComposedLetter) -> list[Flowable]:
        styles = self._styles
        sender = self.sender
        parts: list[Flowable] = [Spacer(1, 4)]
        if letter.closing:
            parts.append(Paragraph(letter.closing + ",", styles["signer"]))
        if self._signature is not None:
            width, height = _fit_image(self._signature, Box(0, 0, 55 * MM, 18 * MM))
            parts.extend([Spacer(1, 3), _ImageFlowable(self._signature, width, height)])
        else:
            parts.append(Spacer(1, SIGNATURE_SPACE))
        if sender.signer_name:
            parts.append(
                Paragraph(text_markup(sender.signer_name, Typeface.SERIF), styles["signer"])
            )
        if sender.signer_title:
            parts.append(
                Paragraph(text_markup(sender.signer_title, Typeface.SERIF), styles["signer_title"])
            )
        return parts

    def _page_drawer(
        self, letter: ComposedLetter, *, first_page: bool
    ) -> Callable[[Canvas, Any], None]:
        def draw(canvas: Canvas, document: Any) -> None:
            canvas.saveState()
            if first_page:
                self._draw_letterhead(canvas)
                self._draw_marks(canvas)
                self._draw_window(canvas, letter)
                self._draw_info_block(canvas, letter)
            else:
                self._draw_running_header(canvas, letter, int(document.page))
            self._draw_footer(canvas)
            canvas.restoreState()

        return draw

    def _draw_letterhead(self, canvas: Canvas) -> None:
        box = self.geometry.letterhead
        sender = self.sender
        text_right = box.right
        if self._logo is not None:
            width, height = _fit_image(self._logo, self.geometry.logo)
            logo = self.geometry.logo
            canvas.drawImage(
                self._logo, logo.right - width, logo.top - height, width, height, mask="auto"
            )
            text_right = logo.right - width - 6 * MM
        available = text_right - box.x
        if sender.business_name:
            name = fit_lines(
                (sender.business_name,), available, 22, Typeface.SANS, max_size=17, min_size=10
            )
            canvas.setFillColor(ACCENT)
            draw_lines(canvas, Box(box.x, box.top - 24, available, 24), name, Typeface.SANS)
        details = "  ·  ".join(part for part in (*sender.address_lines()[:2], sender.phone) if part)
        if details:
            line = fit_lines((details,), available, 12, Typeface.SANS, max_size=8, min_size=6)
            canvas.setFillColor(MUTED)
            draw_lines(canvas, Box(box.x, box.top - 40, available, 12), line, Typeface.SANS)

    def _draw_marks(self, canvas: Canvas) -> None:
        geometry = self.geometry
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        for distance in geometry.fold_marks:
            y = geometry.page_height - distance
            canvas.line(4 * MM, y, 9 * MM, y)
        if geometry.punch_mark is not None:
            y = geometry.page_height - geometry.punch_mark
            canvas.line(4 * MM, y, 11 * MM, y)

    def _draw_window(self, canvas: Canvas, letter: ComposedLetter) -> None:
        geometry = self.geometry
        return_box = geometry.return_address
        if return_box is not None:
            sender = self.sender
            parts = [sender.business_name, *sender.address_lines()[:2]]
            line = " · ".join(part for part in parts if part)
            if line:
                fitted = fit_lines(
                    (line,),
                    return_box.width,
                    return_box.height,
                    Typeface.SANS,
                    max_size=7,
                    min_size=5,
                )
                canvas.setFillColor(MUTED)
                extent = draw_lines(canvas, return_box, fitted, Typeface.SANS)
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.3)
                canvas.line(extent.x, extent.y - 1, extent.right, extent.y - 1)
        recipient = geometry.recipient
        fitted = fit_lines(
            letter.context.recipient_lines,
            recipient.width,
            recipient.height,
            Typeface.SERIF,
            max_size=10.5,
            min_size=7,
        )
        canvas.setFillColor(INK)
        draw_lines(canvas, recipient, fitted, Typeface.SERIF)

    def _info_rows(self, letter: ComposedLetter) -> list[tuple[str, str]]:
        sender = self.sender
        rows = [("Date", letter.context.date_text)]
        if sender.signer_name:
            rows.append(("Contact", sender.signer_name))
        if sender.phone:
            rows.append(("Phone", sender.phone))
        if sender.email:
            rows.append(("Email", sender.email))
        if letter.show_response_code and letter.response_code:
            rows.append(("Reply code", letter.response_code))
        return rows

    def _draw_info_block(self, canvas: Canvas, letter: ComposedLetter) -> None:
        """Date and contact rows beside the window; the QR code of the reply code below them."""
        box = self.geometry.info_block
        label_width = 18 * MM
        y = box.top - 8
        for label, value in self._info_rows(letter):
            canvas.setFillColor(MUTED)
            draw_text(canvas, box.x, y, label, Typeface.SANS, 7.5)
            value_width = box.width - label_width
            fitted = fit_lines((value,), value_width, 12, Typeface.SANS, max_size=8.5, min_size=6)
            canvas.setFillColor(INK)
            bold = label == "Reply code"
            draw_text(
                canvas,
                box.x + label_width,
                y,
                fitted.lines[0],
                Typeface.SANS,
                fitted.size,
                bold=bold,
            )
            y -= 11.5
        code = letter.response_code
        if letter.show_qr and code:
            size = 16 * MM
            self._draw_qr(canvas, code, box.x + label_width - 1.5 * MM, y - size + 4, size)

    def _draw_qr(self, canvas: Canvas, code: str, x: float, y: float, size: float) -> None:
        """Places the code's QR symbol, drawn once per file as a form and reused on every page."""
        name = "QR" + hashlib.sha1(code.encode("utf-8")).hexdigest()[:16]
        if name not in self._forms:
            canvas.beginForm(name, 0, 0, size, size)
            _draw_qr(canvas, code, 0, 0, size)
            canvas.endForm()
            self._forms.add(name)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()

    def _draw_running_header(self, canvas: Canvas, letter: ComposedLetter, page: int) -> None:
        geometry = self.geometry
        y = geometry.page_height - geometry.top_margin + 14
        right = geometry.page_width - geometry.right_margin
        canvas.setFillColor(MUTED)
        if self.sender.business_name:
            draw_text(
                canvas, geometry.left_margin, y, self.sender.business_name, Typeface.SANS, 7.5
            )
        summary = f"{letter.context.lead.name} · {letter.context.date_text} · Page {page}"
        width = text_width(summary, Typeface.SANS, 7.5)
        draw_text(canvas, right - width, y, summary, Typeface.SANS, 7.5)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(geometry.left_margin, y - 5, right, y - 5)

    def _draw_footer(self, canvas: Canvas) -> None:
        sender = self.sender
        columns = [
            [sender.business_name, *sender.address_lines()],
            [
                f"Phone {sender.phone}" if sender.phone else "",
                f"Email {sender.email}" if sender.email else "",
                sender.website,
            ],
        ]
        filled = [[line for line in column if line] for column in columns]
        filled = [column for column in filled if column]
        if not filled:
            return
        box = self.geometry.footer
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(box.x, box.top + 4, box.right, box.top + 4)
        column_width = box.width / 3
        canvas.setFillColor(MUTED)
        for index, column in enumerate(filled):
            area = Box(box.x + index * column_width, box.y, column_width - 4 * MM, box.height)
            fitted = fit_lines(
                tuple(column[:4]), area.width, area.height, Typeface.SANS, max_size=7, min_size=5.5
            )
            draw_lines(canvas, area, fitted, Typeface.SANS)


def _draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def letter_pdf(template: CompiledTemplate, context: LetterContext) -> tuple[bytes, ComposedLetter]:
    """One letter as PDF bytes (the editor's live preview), with what was composed."""
    letter = compose_letter(template, context)
    buffer = BytesIO()
    writer = LetterWriter(buffer, context.sender, title=f"Letter to {context.lead.name}")
    writer.write(letter)
    writer.save()
    return buffer.getvalue(), letter
