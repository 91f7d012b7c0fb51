"""The window's planning: the calendar screen, the Plan menu and File ▸ Export calendar…

The calendar and the dialogs act through the runner; this module only builds and opens them.
"""

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from planner.errors import PlannerError
from ui.calendar.calendar_screen import CalendarScreen
from ui.common.icons import Glyph
from ui.operations import Operations
from ui.touches.campaign_dialog import CampaignDialog
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.planning_settings_dialog import PlanningSettingsDialog
from ui.window_actions import window_action

CALENDAR_FILE_FILTER = "iCalendar files (*.ics)"


class ScreenAdder(Protocol):
    """Adds a screen to the window with its switch (``MainWindow.add_screen``)."""

    def __call__(self, title: str, widget: QWidget, glyph: Glyph | None = None) -> int:
        """Returns the screen's index."""
        ...


class PlanningActions(QObject):
    """Adds the calendar screen and the planning actions to the window."""

    def __init__(self, operations: Operations, add_screen: ScreenAdder, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._window = window
        self.dialog: QDialog | None = None
        self.calendar = CalendarScreen(operations)
        add_screen("Calendar", self.calendar, Glyph.CALENDAR)
        self.new_campaign = window_action(
            window, "New &Campaign…", self.open_new_campaign, glyph=Glyph.CAMPAIGN
        )
        self.new_touch = window_action(
            window, "New &Touch…", self.open_new_touch, "Ctrl+Shift+T", Glyph.NEW_TOUCH
        )
        self.planning_settings = window_action(
            window,
            "Planning &Settings…",
            self.open_planning_settings,
            QKeySequence.StandardKey.Preferences,
            Glyph.SETTINGS,
        )
        self.export_calendar = window_action(
            window, "Export &Calendar…", self.choose_export_file, glyph=Glyph.EXPORT
        )

    def add_to(self, menu: QMenu) -> None:
        """Fills the Plan menu."""
        menu.addAction(self.new_touch)
        menu.addAction(self.new_campaign)
        menu.addSeparator()
        menu.addAction(self.planning_settings)

    def open_new_campaign(self) -> QDialog | None:
        """Opens the dialog that creates a campaign: from the shown days when the calendar is
        on screen, else from today."""
        if self.calendar.isVisible():
            return self.calendar.new_campaign()
        return self._show(CampaignDialog(self._operations, parent=self._window))

    def open_new_touch(self) -> QDialog:
        """Opens the dialog that plans a touch for any lead, today."""
        today = self._operations.workspace.clock.today()
        return self._show(NewTouchDialog(self._operations, today, parent=self._window))

    def open_planning_settings(self) -> QDialog:
        """Opens the playbooks and planning thresholds."""
        return self._show(PlanningSettingsDialog(self._operations, self._window))

    def choose_export_file(self) -> Path | None:
        """File ▸ Export calendar…: asks where, then writes the .ics file."""
        suggested = Path.home() / f"{self._operations.workspace.path.stem}.ics"
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, "Export calendar", str(suggested), CALENDAR_FILE_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(f"{path.name}.ics")
        return self.export_to(path)

    def export_to(self, path: Path) -> Path | None:
        """Writes every campaign and planned touch to ``path``; says how many in the status bar."""
        from planner.interop.ical import export_calendar  # icalendar loads only when exporting

        try:
            written = export_calendar(self._operations.workspace, path)
        except (PlannerError, OSError) as error:
            self._operations.show_error(f"The calendar could not be exported: {error}")
            return None
        campaigns = "campaign" if written.campaigns == 1 else "campaigns"
        touches = "planned touch" if written.touches == 1 else "planned touches"
        self._operations.show_message(
            f"Exported {written.campaigns:,} {campaigns} and {written.touches:,} {touches} "
            f"to {written.path}"
        )
        return written.path

    def _show(self, dialog: CampaignDialog | NewTouchDialog | PlanningSettingsDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
