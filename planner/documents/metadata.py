"""What a PDF says about itself: a title, an author (the sender) and a subject.

Viewers show these in their title bar and properties, print queues and desktop search list them;
without them reportlab writes "(anonymous)" and "untitled".
"""

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from planner.documents.profile import SenderProfile

CREATOR = "planner"
"""The program named as the PDF's creator."""


def author_of(sender: SenderProfile) -> str:
    """Who a document is from: the business, else the person signing, else the program."""
    return sender.business_name.strip() or sender.signer_name.strip() or CREATOR


@dataclass(frozen=True)
class PdfMetadata:
    """The document information of one PDF."""

    title: str
    author: str
    subject: str

    def apply(self, canvas: Canvas) -> None:
        """Writes the information into a canvas (before it is saved)."""
        canvas.setTitle(self.title)
        canvas.setAuthor(self.author)
        canvas.setSubject(self.subject)
        canvas.setCreator(CREATOR)

    def template_arguments(self) -> dict[str, str]:
        """The same as keyword arguments of reportlab's ``SimpleDocTemplate``."""
        return {
            "title": self.title,
            "author": self.author,
            "subject": self.subject,
            "creator": CREATOR,
        }
