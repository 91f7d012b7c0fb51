"""Printing a proposal, invoice or contract off the GUI thread, then showing it in the preview.

Signals:
    printed(object): the ``PrintedSaleFile`` once its PDF is written.
    failed(str): why it could not be printed.
"""

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planner.services.sales_jobs import PrintedSaleFile, PrintSale
from ui.common.workers import JobThread
from ui.documents.preview_window import DocumentPreview
from ui.operations import Operations


class SalePrinter(QObject):
    """Prints documents into a folder of this session and opens each in a preview window.

    It belongs to the runner, not to the dialog that asked: "Send and Print" closes the editor
    while the PDF is still being written. The preview's Save as PDF keeps a copy wherever the
    user wants it.
    """

    printed = Signal(object)
    failed = Signal(str)

    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self._operations = operations
        self._session_folder: tempfile.TemporaryDirectory[str] | None = None
        self._chosen_folder: Path | None = None
        self.threads: list[JobThread] = []
        self.previews: list[DocumentPreview] = []
        self.open_preview = True

    @property
    def folder(self) -> Path:
        """Where the PDFs go: a folder of this session (made on the first print, removed at
        exit) unless another one was set."""
        if self._chosen_folder is not None:
            return self._chosen_folder
        if self._session_folder is None:
            self._session_folder = tempfile.TemporaryDirectory(prefix="planner-sales-")
        return Path(self._session_folder.name)

    @folder.setter
    def folder(self, folder: Path) -> None:
        self._chosen_folder = folder

    def print_document(self, document_id: int, lead_name: str, *, factur_x: bool = False) -> None:
        """Starts printing; ``printed`` or ``failed`` follows."""
        workspace = self._operations.workspace
        number = workspace.documents.get(document_id).display_number
        output = self.folder / f"{number}.pdf"
        job = PrintSale(workspace.path, document_id, workspace.clock.today(), output, factur_x)
        thread = JobThread(job, self)
        thread.finished.connect(lambda result: self._show(result, lead_name))
        thread.failed.connect(self._failed)
        thread.done.connect(lambda: self.threads.remove(thread))
        self.threads.append(thread)
        thread.start()

    def stop(self) -> None:
        """Stops printing (a closing window)."""
        for thread in list(self.threads):
            thread.stop()

    def _show(self, result: object, lead_name: str) -> None:
        assert isinstance(result, PrintedSaleFile)
        if self.open_preview and result.path is not None:
            preview = DocumentPreview(result.path, f"{result.number} for {lead_name}")
            preview.destroyed.connect(lambda: self.previews.remove(preview))
            self.previews.append(preview)
            preview.show()
        self.printed.emit(result)

    def _failed(self, reason: str) -> None:
        self._operations.error.emit(reason)
        self.failed.emit(reason)
