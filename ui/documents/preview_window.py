"""The preview every document opens in: Qt's PDF view with Print, Save as PDF and Open.

The window shows a finished file; saving copies it, opening hands it to the system's PDF viewer,
and printing goes through the system print dialog.

Reading a PDF is quick, but the page view lays out every page at once and the first look at a
page's size makes PDFium parse that page: a 1,000-letter merge would freeze the window for a
few hundred milliseconds. So a long document's page sizes are read on a worker thread first, and
the view gets the document once they are known.
"""

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from planner.documents.batch import CancelCheck, ProgressCallback
from ui.common.icons import Glyph, set_glyph
from ui.common.workers import Job, JobThread
from ui.documents.printing import PrintError, match_printer_to_document, print_document

PDF_FILE_FILTER = "PDF files (*.pdf)"

PAGES_LAID_OUT_AT_ONCE = 40
"""Documents up to this long go to the view at once; longer ones after their page sizes."""


PAGES_PER_STEP = 10
"""Pages measured between two progress reports, each of which hands the interpreter lock over."""


def page_sizes_reader(document: QPdfDocument) -> Job:
    """A job reading every page's size once, so PDFium has parsed each page before the view
    asks (PDFium keeps what it parsed; Qt PDF serialises calls into it).

    It reports progress every few pages, and the report yields the interpreter lock: a loop of
    short calls into Qt PDF otherwise kept the lock from the GUI thread for the whole reading
    (150 ms for 1,000 pages), which froze the window just as the preview opened.
    """

    def read(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
        pages = document.pageCount()
        for page in range(pages):
            if is_cancelled():
                break
            document.pagePointSize(page)
            if (page + 1) % PAGES_PER_STEP == 0 or page + 1 == pages:
                progress(page + 1, pages)
        return pages

    return read


class DocumentPreview(QMainWindow):
    """A window on one PDF: pages to scroll through, and what to do with the file; Esc or
    Ctrl+W (the platform's Close key) closes it."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = Path(path)
        # Children go in the order they were made: the view (and its page renderer) before the
        # document it draws.
        self.view = QPdfView(self)
        self.view.setObjectName("document-view")
        self.document = QPdfDocument(self)
        self._measuring: JobThread | None = None
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(self.fontMetrics().height())
        self.setCentralWidget(self.view)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview-pages")
        self.print_action = self._action(
            "&Print…", self.print_with_dialog, QKeySequence.StandardKey.Print
        )
        self.save_action = self._action(
            "&Save as PDF…", self.choose_copy_path, QKeySequence.StandardKey.SaveAs
        )
        self.open_action = self._action("&Open in PDF Viewer", self.open_in_viewer)
        self.fit_width_action = self._action("Fit &Width", self.fit_width)
        self.fit_page_action = self._action("Whole &Page", self.fit_page)
        self.close_action = self._action("&Close", self.close, QKeySequence.StandardKey.Close)
        self.close_action.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Close), QKeySequence("Esc")]
        )
        set_glyph(self.print_action, Glyph.PRINT)
        set_glyph(self.save_action, Glyph.PDF)
        set_glyph(self.open_action, Glyph.OPEN)
        set_glyph(self.close_action, Glyph.CLOSE)
        self._build_toolbar()
        self.setWindowTitle(f"{title} — {self.path.name}")
        self._message_box: QMessageBox | None = None
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.load()
        line = self.fontMetrics().height()
        self.resize(line * 48, line * 56)

    @property
    def page_count(self) -> int:
        """Pages in the loaded document (0 until it loaded)."""
        return self.document.pageCount()

    def load(self) -> bool:
        """Reads the file again; False (and a note in the window) when it cannot be read."""
        self._stop_measuring()
        self.view.setDocument(None)  # type: ignore[arg-type]
        error = self.document.load(str(self.path))
        loaded = error == QPdfDocument.Error.None_
        for action in (self.print_action, self.save_action):
            action.setEnabled(loaded)
        if not loaded:
            self.page_label.setText(f"{self.path} could not be read")
            return False
        self._show_page_number(0)
        if self.page_count <= PAGES_LAID_OUT_AT_ONCE:
            self._show_document()
        else:
            self._show_layout_progress(0, self.page_count)
            self._measuring = JobThread(page_sizes_reader(self.document), self)
            self._measuring.progress.connect(self._show_layout_progress)
            self._measuring.finished.connect(self._show_document)
            self._measuring.start()
        return True

    @property
    def is_laid_out(self) -> bool:
        """True once the view shows the document (a long one after its pages were measured)."""
        return self.view.document() is self.document

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stops measuring pages before the window goes."""
        self._stop_measuring()
        super().closeEvent(event)

    def _show_document(self, _pages: object = None) -> None:
        self.view.setDocument(self.document)
        self._show_page_number(self.view.pageNavigator().currentPage())
        self.statusBar().clearMessage()

    def _show_layout_progress(self, measured: int, pages: int) -> None:
        self.statusBar().showMessage(f"Laying out {pages:,} pages… {measured * 100 // pages}%")

    def _stop_measuring(self) -> None:
        if self._measuring is not None:
            self._measuring.stop()
            self._measuring = None

    def print_to(self, printer: QPrinter) -> int:
        """Prints every page, or the range the printer was given; returns the pages printed."""
        return print_document(self.document, printer)

    def print_with_dialog(self) -> None:
        """File ▸ Print…: the system print dialog, set to the document's paper."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        match_printer_to_document(printer, self.document)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            printed = self.print_to(printer)
        except PrintError as error:
            self._warn(str(error))
            return
        self.statusBar().showMessage(f"Sent {printed} page{'s' if printed != 1 else ''} to print")

    def choose_copy_path(self) -> Path | None:
        """Asks where to keep a copy of the PDF, then copies it there."""
        suggested = Path.home() / self.path.name
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save as PDF", str(suggested), PDF_FILE_FILTER
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        return self.save_copy(target)

    def save_copy(self, target: Path) -> Path | None:
        """Copies the PDF to ``target``; says so in the status bar, or why not."""
        if target.resolve() == self.path.resolve():
            return target
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self._warn(f"The PDF could not be saved to {target}: {error.strerror or error}")
            return None
        self.statusBar().showMessage(f"Saved {target}")
        return target

    def open_in_viewer(self) -> bool:
        """Opens the file in the system's PDF viewer."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        if not opened:
            self._warn(f"No program to open {self.path} was found")
        return opened

    def fit_width(self) -> None:
        """Pages as wide as the window."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        """A whole page in view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _show_page_number(self, index: int) -> None:
        pages = self.page_count
        self.page_label.setText("1 page" if pages == 1 else f"Page {index + 1} of {pages}")

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Document")
        toolbar.setObjectName("preview-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.print_action, self.save_action, self.open_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.page_label)
        toolbar.addAction(self.close_action)
        self.addToolBar(toolbar)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.addAction(action)
        return action

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text, parent=self)
        self._message_box = box
        box.open()
