"""Letters on paper: letterhead, window address, date, subject, body, closing, signature, footer.

A ``LetterWriter`` writes letters one after another onto one canvas, each starting on a new page:
every letter is laid out by its own small platypus document that draws into the shared canvas and
is then dropped, so a batch of a thousand letters never holds more than one letter's flowables
(the canvas keeps only the finished, compressed pages). Fonts and images are embedded once per
file. A letter longer than a page flows on with a small running header.
"""

from io import BytesIO
from typing import BinaryIO

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
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.letter_content import ComposedLetter, compose_letter
from planner.documents.letter_pages import PageFurniture, fit_image, load_image
from planner.documents.markup import BlockKind, text_markup
from planner.documents.metadata import PdfMetadata, author_of
from planner.documents.pages import MM, Box, LetterGeometry, letter_geometry
from planner.documents.profile import SenderProfile
from planner.documents.style import INK, MUTED
from planner.documents.templating import CompiledTemplate

SIGNATURE_SPACE = 16 * MM
"""Room left for a handwritten signature when the profile has no signature image."""


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


class LetterWriter:
    """Writes letters onto one PDF canvas; ``save`` finishes the file.

    ``warnings`` lists what the profile asked for but could not be used (an unreadable logo),
    and the addresses shortened to fit the envelope window.
    """

    def __init__(
        self,
        output: str | BinaryIO,
        sender: SenderProfile,
        title: str = "Letters",
        subject: str = "",
    ):
        register_fonts()
        self.sender = sender
        self.geometry: LetterGeometry = letter_geometry(sender.paper_size)
        self.canvas = Canvas(output, pagesize=(self.geometry.page_width, self.geometry.page_height))
        self._metadata = PdfMetadata(title, author_of(sender), subject or title)
        self._metadata.apply(self.canvas)
        self._styles = _styles()
        self.warnings: list[str] = []
        self._signature = self._image(sender.signature_path, "signature")
        logo = self._image(sender.logo_path, "logo")
        self._furniture = PageFurniture(sender, self.geometry, logo)

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
                PageTemplate(
                    "first", [first], onPage=self._furniture.drawer(letter, first_page=True)
                ),
                PageTemplate(
                    "later", [later], onPage=self._furniture.drawer(letter, first_page=False)
                ),
            ],
            **self._metadata.template_arguments(),  # the build writes them into the canvas
        )
        document.pageTemplates[0].autoNextPageTemplate = "later"
        document._doSave = 0
        canvas = self.canvas
        shortened_before = len(self._furniture.shortened_addresses)
        document.build(self._story(letter), canvasmaker=lambda *args, **kwargs: canvas)
        if len(self._furniture.shortened_addresses) > shortened_before:
            self.warnings.append(
                f"The address of '{letter.context.lead.name}' was shortened to fit the envelope "
                "window; check it before posting."
            )
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
            width, height = fit_image(self._signature, Box(0, 0, 55 * MM, 18 * MM))
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


def letter_pdf(template: CompiledTemplate, context: LetterContext) -> tuple[bytes, ComposedLetter]:
    """One letter as PDF bytes (the editor's live preview), with what was composed."""
    letter = compose_letter(template, context)
    buffer = BytesIO()
    writer = LetterWriter(
        buffer,
        context.sender,
        title=f"Letter to {context.lead.name}",
        subject=template.template.title,
    )
    writer.write(letter)
    writer.save()
    return buffer.getvalue(), letter
