"""What every letter page carries around its text.

Page one: the letterhead with the logo, fold and punch marks, the return address and recipient in
the envelope window, and the information block (date, contact, reply code and its QR code). Later
pages: a small running header. Every page: the footer with the business's details.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from planner.documents.fonts import Typeface, draw_text, text_width
from planner.documents.letter_content import ComposedLetter
from planner.documents.pages import MM, Box, LetterGeometry
from planner.documents.profile import SenderProfile
from planner.documents.style import ACCENT, INK, MUTED, RULE
from planner.documents.textfit import draw_lines, fit_lines


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


def fit_image(reader: ImageReader, box: Box) -> tuple[float, float]:
    image_width, image_height = reader.getSize()
    scale = min(box.width / image_width, box.height / image_height)
    return image_width * scale, image_height * scale


class PageFurniture:
    """Draws the parts of a letter's pages that are not its flowing text.

    The QR code of a reply code is drawn once per file as a form and reused on every page.
    """

    def __init__(
        self, sender: SenderProfile, geometry: LetterGeometry, logo: ImageReader | None
    ) -> None:
        self.sender = sender
        self.geometry = geometry
        self._logo = logo
        self._forms: set[str] = set()
        self.shortened_addresses: list[str] = []
        """Names of the recipients whose address had to be cut to fit the window."""

    def drawer(self, letter: ComposedLetter, *, first_page: bool) -> Callable[[Canvas, Any], None]:
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

    def draw_letterhead(self, canvas: Canvas) -> None:
        """The business name, address line and logo at the top of a first page (proposals and
        invoices share the letters' letterhead)."""
        self._draw_letterhead(canvas)

    def draw_footer(self, canvas: Canvas) -> None:
        """The business's details at the foot of every page."""
        self._draw_footer(canvas)

    def _draw_letterhead(self, canvas: Canvas) -> None:
        box = self.geometry.letterhead
        sender = self.sender
        text_right = box.right
        if self._logo is not None:
            width, height = fit_image(self._logo, self.geometry.logo)
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
        if fitted.shortened:
            self.shortened_addresses.append(letter.context.lead.name)

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
            _draw_qr_symbol(canvas, code, size)
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


def _draw_qr_symbol(canvas: Canvas, value: str, size: float) -> None:
    """reportlab's own QR widget, scaled to ``size`` points square, at the origin."""
    widget = QrCodeWidget(value, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, 0, 0)
