"""Printing a PDF through Qt: pages rendered by QtPdf and painted into a QPrinter.

Qt has no way to hand a PDF to a printer as it is, so each page is rendered to an image at the
printer's resolution (capped, so a 1200 dpi driver does not need half a gigabyte per page) and
drawn over the whole sheet. The printer is set up beforehand with the document's own page size and
orientation, so the print dialog offers the right paper for letters, labels and envelopes alike.
"""

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from planner.errors import PlannerError

MAX_PRINT_DPI = 300
"""Pages are rendered at the printer's resolution up to this: sharp text, bounded memory."""


class PrintError(PlannerError):
    """The printer could not be used (it refused to start a page)."""


def match_printer_to_document(printer: QPrinter, document: QPdfDocument) -> None:
    """Sets the printer's paper and orientation to the document's first page, margins to none."""
    if document.pageCount() == 0:
        return
    size = document.pagePointSize(0)
    landscape = size.width() > size.height()
    portrait_size = QSizeF(size.height(), size.width()) if landscape else size
    page_size = QPageSize(
        portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)


def pages_to_print(printer: QPrinter, document: QPdfDocument) -> range:
    """The page indices (from 0) the printer's page range asks for; every page when unset."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(count)
    return range(max(first, 1) - 1, min(last, count))


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paints the chosen pages of a loaded document into the printer; returns how many."""
    pages = pages_to_print(printer, document)
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be started; nothing was printed")
    try:
        for number, index in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError(f"The printer stopped before page {index + 1}")
            _paint_page(painter, printer, document, index)
    finally:
        painter.end()
    return len(pages)


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int) -> None:
    """Draws one page as large as the sheet allows, centred, keeping its proportions."""
    sheet = QRectF(painter.viewport())
    page = document.pagePointSize(index)
    scale = min(sheet.width() / page.width(), sheet.height() / page.height())
    target = QRectF(0, 0, page.width() * scale, page.height() * scale)
    target.moveCenter(sheet.center())
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    pixels = QSize(round(page.width() * dpi / 72), round(page.height() * dpi / 72))
    image = document.render(index, pixels)
    painter.drawImage(target, image)
