"""The window's Documents menu: letters, mail merge, labels, envelopes, call sheet, templates and
the sender profile, and the previews they open.

The dialogs act through the runner; every document opens in a preview.
"""

import tempfile
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QStandardPaths
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ui.board.board_widget import BoardWidget
from ui.common.icons import Glyph
from ui.documents.address_dialogs import EnvelopesDialog, LabelsDialog
from ui.documents.call_sheet_dialog import CallSheetDialog
from ui.documents.job_dialog import DocumentJobDialog
from ui.documents.lead_selection import SelectionMode
from ui.documents.merge_dialog import MailMergeDialog
from ui.documents.preview_window import DocumentPreview
from ui.documents.sender_dialog import SenderProfileDialog
from ui.documents.template_manager import TemplateManager
from ui.operations import Operations
from ui.window_actions import window_action

JobDialog = TypeVar("JobDialog", bound=DocumentJobDialog)


def default_letters_folder() -> Path:
    """Where letters are written unless the user picks another place: their documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class DocumentActions(QObject):
    """The document actions, the dialogs they open, and the preview windows."""

    def __init__(self, operations: Operations, board: BoardWidget, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._board = board
        self._window = window
        self.letters_folder = default_letters_folder()
        self._working_folder: tempfile.TemporaryDirectory[str] | None = None
        self._chosen_working_folder: Path | None = None
        self.dialog: DocumentJobDialog | None = None
        self.templates: TemplateManager | None = None
        self.sender_dialog: SenderProfileDialog | None = None
        self.previews: list[DocumentPreview] = []
        self.letter_to_lead = window_action(
            window, "Lette&r to Selected Lead…", self.open_letter_to_lead, glyph=Glyph.LETTER
        )
        self.write_letter = window_action(
            window, "&Write Letter…", self.open_letter_to_lead, glyph=Glyph.LETTER
        )
        self.mail_merge = window_action(
            window, "&Mail Merge…", self.open_mail_merge, "Ctrl+Shift+M", Glyph.MAIL_MERGE
        )
        self.labels = window_action(window, "Address &Labels…", self.open_labels, glyph=Glyph.LABEL)
        self.envelopes = window_action(
            window, "&Envelopes…", self.open_envelopes, glyph=Glyph.ENVELOPE
        )
        self.call_sheet = window_action(
            window, "&Call Sheet…", self.open_call_sheet, glyph=Glyph.CALL_SHEET
        )
        self.letter_templates = window_action(
            window, "Letter &Templates…", self.open_templates, glyph=Glyph.TEMPLATES
        )
        self.sender_profile = window_action(
            window, "&Sender Profile…", self.open_sender_profile, glyph=Glyph.SENDER
        )
        board.set_card_actions([self.write_letter])
        board.current_lead_changed.connect(self._enable_for)
        operations.workspace_changed.connect(self._workspace_changed)
        window.installEventFilter(self)
        self._enable_for(board.current_lead_id())

    @property
    def working_folder(self) -> Path:
        """Where call sheets go: a folder of this session, removed at exit.

        The preview's Save as PDF keeps a copy elsewhere.
        """
        if self._chosen_working_folder is not None:
            return self._chosen_working_folder
        if self._working_folder is None:
            self._working_folder = tempfile.TemporaryDirectory(prefix="planner-documents-")
        return Path(self._working_folder.name)

    @working_folder.setter
    def working_folder(self, folder: Path) -> None:
        self._chosen_working_folder = folder

    def add_to(self, menu: QMenu) -> None:
        """Fills the Documents menu."""
        menu.addAction(self.letter_to_lead)
        menu.addAction(self.mail_merge)
        menu.addSeparator()
        menu.addAction(self.labels)
        menu.addAction(self.envelopes)
        menu.addAction(self.call_sheet)
        menu.addSeparator()
        menu.addAction(self.letter_templates)
        menu.addAction(self.sender_profile)

    def open_mail_merge(self) -> MailMergeDialog:
        """Opens the mail merge on the cold leads."""
        dialog = MailMergeDialog(
            self._operations, self.letters_folder, self._selected_leads(), self._window
        )
        dialog.sender_profile_requested.connect(self.open_sender_profile)
        return self._show_job_dialog(dialog)

    def open_letter_to_lead(self) -> MailMergeDialog:
        """Opens the mail merge set to the leads selected on the board."""
        dialog = self.open_mail_merge()
        dialog.selection_panel.set_mode(SelectionMode.SELECTED)
        dialog.setWindowTitle("Letter")
        return dialog

    def open_labels(self) -> LabelsDialog:
        """Opens the address labels dialog."""
        dialog = LabelsDialog(
            self._operations, self.letters_folder, self._selected_leads(), self._window
        )
        return self._show_job_dialog(dialog)

    def open_envelopes(self) -> EnvelopesDialog:
        """Opens the envelopes dialog."""
        dialog = EnvelopesDialog(
            self._operations, self.letters_folder, self._selected_leads(), self._window
        )
        return self._show_job_dialog(dialog)

    def open_call_sheet(self) -> CallSheetDialog:
        """Opens the call sheet dialog on today."""
        return self._show_job_dialog(
            CallSheetDialog(self._operations, self.working_folder, self._window)
        )

    def open_templates(self) -> TemplateManager:
        """Opens the list of letter templates (not modal, so Edit ▸ Undo stays at hand)."""
        if self.templates is not None:
            self.templates.close()
        manager = TemplateManager(self._operations, self._selected_lead(), self._window)
        manager.finished.connect(lambda: self._closed(manager))
        manager.finished.connect(manager.deleteLater)
        self.templates = manager
        manager.show()
        return manager

    def open_sender_profile(self) -> SenderProfileDialog:
        """Opens the sender profile."""
        dialog = SenderProfileDialog(self._operations, self._window)
        dialog.finished.connect(lambda: self._closed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.sender_dialog = dialog
        dialog.open()
        return dialog

    def open_preview(self, path: Path, title: str) -> DocumentPreview:
        """Shows a PDF in a preview window of its own."""
        preview = DocumentPreview(path, title, self._window)
        self.previews.append(preview)
        preview.destroyed.connect(lambda: self._forget(preview))
        preview.show()
        return preview

    def close_dialogs(self) -> None:
        """Closes the document dialogs, cancelling and waiting for any job still running."""
        dialogs: list[QDialog | None] = [self.dialog, self.templates, self.sender_dialog]
        for dialog in dialogs:
            if dialog is not None:
                dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window first stops the jobs, so no thread outlives its dialog."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.close_dialogs()
        return super().eventFilter(watched, event)

    def _selected_lead(self) -> int | None:
        return self._board.current_lead_id()

    def _selected_leads(self) -> list[int]:
        return self._board.selected_lead_ids()

    def _show_job_dialog(self, dialog: JobDialog) -> JobDialog:
        if self.dialog is not None:
            self.dialog.reject()
        dialog.preview_requested.connect(self.open_preview)
        dialog.finished.connect(lambda: self._closed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self.templates is dialog:
            self.templates = None
        if self.sender_dialog is dialog:
            self.sender_dialog = None

    def _forget(self, preview: DocumentPreview) -> None:
        if preview in self.previews:
            self.previews.remove(preview)

    def _workspace_changed(self) -> None:
        """Another database was opened: dialogs on the old one close."""
        self.close_dialogs()

    def _enable_for(self, lead_id: int | None) -> None:
        for action in (self.letter_to_lead, self.write_letter):
            action.setEnabled(lead_id is not None)
