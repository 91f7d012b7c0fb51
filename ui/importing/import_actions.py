"""File ▸ Import…, Import History… and Export…: the window's way into imports and exports."""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from planner.errors import PlannerError
from planner.read_models import LeadFilter
from ui.common.icons import Glyph
from ui.importing.import_history_dialog import ImportHistoryDialog
from ui.importing.import_wizard import ImportWizard
from ui.operations import Operations
from ui.window_actions import window_action

DialogT = TypeVar("DialogT", bound=QDialog)

CSV_FILTER = "CSV for Excel, LibreOffice, Google Sheets (*.csv)"
VCARD_FILTER = "vCard for address books (*.vcf)"


class ImportActions(QObject):
    """The File menu's import and export entries.

    ``board_search`` gives the board's search text and ``board_selection`` the ids of the cards
    selected on it: Export Leads… writes the leads the board shows, Export Selected… the cards.
    """

    def __init__(
        self,
        operations: Operations,
        window: QWidget,
        board_search: Callable[[], str] = str,
        board_selection: Callable[[], list[int]] = list,
    ) -> None:
        super().__init__(window)
        self._operations = operations
        self._window = window
        self._board_search = board_search
        self._board_selection = board_selection
        self.dialog: QDialog | None = None
        self.import_leads = window_action(
            window, "&Import…", self.open_import, "Ctrl+Shift+I", Glyph.IMPORT
        )
        self.import_history = window_action(
            window, "Import &History…", self.open_history, "", Glyph.IMPORT_HISTORY
        )
        self.export_leads = window_action(
            window, "E&xport Leads…", self.choose_export_file, "", Glyph.EXPORT
        )
        self.export_selected = window_action(
            window,
            "Export &Selected Leads…",
            self.choose_export_file_for_selection,
            "",
            Glyph.EXPORT,
        )

    def add_to(self, menu: QMenu) -> None:
        """Adds the entries to the File menu."""
        menu.addAction(self.import_leads)
        menu.addAction(self.import_history)
        menu.addAction(self.export_leads)
        menu.addAction(self.export_selected)

    def open_import(self) -> ImportWizard:
        """Opens the import wizard."""
        wizard = ImportWizard(self._operations, self._window)
        return self._show(wizard)

    def open_history(self) -> ImportHistoryDialog:
        """Opens the list of past imports."""
        return self._show(ImportHistoryDialog(self._operations, self._window))

    def choose_export_file(self) -> Path | None:
        """Asks where (and as CSV or vCard), then writes the leads the board shows: all of
        them, or those its search finds."""
        return self._ask_and_export("Export Leads", LeadFilter(search=self._board_search()))

    def choose_export_file_for_selection(self) -> Path | None:
        """Asks where, then writes the cards selected on the board (vCard by default)."""
        selected = self._board_selection()
        if not selected:
            self._operations.show_error("Select the cards to export on the board first.")
            return None
        return self._ask_and_export(
            "Export Selected Leads", LeadFilter(ids=frozenset(selected)), VCARD_FILTER
        )

    def _ask_and_export(
        self, title: str, lead_filter: LeadFilter, first_filter: str = CSV_FILTER
    ) -> Path | None:
        other = VCARD_FILTER if first_filter == CSV_FILTER else CSV_FILTER
        suffix = ".vcf" if first_filter == VCARD_FILTER else ".csv"
        suggested = Path.home() / f"{self._operations.workspace.path.stem}-leads{suffix}"
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window, title, str(suggested), f"{first_filter};;{other}"
        )
        if not chosen:
            return None
        path = Path(chosen)
        wanted = ".vcf" if chosen_filter == VCARD_FILTER else ".csv"
        if path.suffix.lower() not in (".csv", ".vcf"):
            path = path.with_name(f"{path.name}{wanted}")
        return self.export_to(path, lead_filter)

    def export_to(self, path: Path, lead_filter: LeadFilter = LeadFilter()) -> Path | None:
        """Writes the leads to ``path`` as CSV or vCard (by its extension); says how many."""
        workspace = self._operations.workspace
        try:
            if path.suffix.lower() == ".vcf":
                from planner.interop.vcard import export_vcards  # vobject loads only now

                written = export_vcards(workspace, path, lead_filter)
            else:
                from planner.interop.csv_export import export_csv

                written = export_csv(workspace, path, lead_filter)
        except (PlannerError, OSError) as error:
            self._operations.show_error(f"The leads could not be exported: {error}")
            return None
        leads = "lead" if written.leads == 1 else "leads"
        self._operations.show_message(f"Exported {written.leads:,} {leads} to {written.path}")
        return written.path

    def _show(self, dialog: DialogT) -> DialogT:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
