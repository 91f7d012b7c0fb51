"""File ▸ Import…: a wizard from the file to the finished import.

File → how it was read (correctable) → the mapping → the rows with their problems → the
duplicates → the batch's column, source and tag, and the import with progress and Cancel. The
check and the import run off the GUI thread on their own connection; the import's change goes
on the undo stack like any action ("Undo Import of 312 leads").
"""

from PySide6.QtWidgets import QWidget, QWizard

from ui.importing.review_pages import DuplicatesPage, PreviewPage
from ui.importing.run_page import RunPage
from ui.importing.session import ImportSession
from ui.importing.source_pages import FilePage, MappingPage, ReadingPage
from ui.operations import Operations


class ImportWizard(QWizard):
    """The import wizard over the window's open file."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-wizard")
        self.setWindowTitle("Import Leads")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.session = ImportSession()
        self.file_page = FilePage(self.session)
        self.reading_page = ReadingPage(self.session)
        self.mapping_page = MappingPage(self.session, operations)
        self.preview_page = PreviewPage(self.session, operations)
        self.duplicates_page = DuplicatesPage(self.session)
        self.run_page = RunPage(self.session, operations)
        for page in (
            self.file_page,
            self.reading_page,
            self.mapping_page,
            self.preview_page,
            self.duplicates_page,
            self.run_page,
        ):
            self.addPage(page)
        line = self.fontMetrics().height()
        self.resize(line * 60, line * 36)

    def reject(self) -> None:
        """Closing mid-way stops a check or an import still running; nothing is kept."""
        self.preview_page.step.stop()
        self.run_page.stop()
        super().reject()
