"""The window's planning: the calendar screen, the playbook bar's wiring, the Plan menu and
File ▸ Export calendar…

Everything here calls one service per action and hands the Change to the window's undo stack.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from planner.errors import PlannerError
from ui.calendar.calendar_screen import CalendarScreen
from ui.touches.campaign_dialog import CampaignDialog
from ui.touches.new_touch_dialog import NewTouchDialog
from ui.touches.planning_settings_dialog import PlanningSettingsDialog
from ui.window_actions import window_action

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CALENDAR_FILE_FILTER = "iCalendar files (*.ics)"


class PlanningActions(QObject):
    """Adds the calendar screen and the planning actions to the window and keeps them in step."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self.dialog: QDialog | None = None
        self.calendar = CalendarScreen(window.workspace)
        window.add_screen("Calendar", self.calendar)
        self.new_campaign = window_action(window, "New &Campaign…", self.open_new_campaign)
        self.new_touch = window_action(window, "New &Touch…", self.open_new_touch, "Ctrl+Shift+T")
        self.planning_settings = window_action(
            window, "Planning &Settings…", self.open_planning_settings
        )
        self.export_calendar = window_action(window, "Export &Calendar…", self.choose_export_file)
        self._connect()

    def add_to(self, menu: QMenu) -> None:
        """Fills the Plan menu."""
        menu.addAction(self.new_touch)
        menu.addAction(self.new_campaign)
        menu.addSeparator()
        menu.addAction(self.planning_settings)

    def open_new_campaign(self) -> QDialog:
        """Opens the dialog that creates a campaign."""
        return self._show(CampaignDialog(self._window.workspace, parent=self._window))

    def open_new_touch(self) -> QDialog:
        """Opens the dialog that plans a touch for any lead, today."""
        workspace = self._window.workspace
        return self._show(NewTouchDialog(workspace, workspace.clock.today(), parent=self._window))

    def open_planning_settings(self) -> QDialog:
        """Opens the playbooks and planning thresholds."""
        return self._show(PlanningSettingsDialog(self._window.workspace, self._window))

    def choose_export_file(self) -> Path | None:
        """File ▸ Export calendar…: asks where, then writes the .ics file."""
        suggested = Path.home() / f"{self._window.workspace.path.stem}.ics"
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
            written = export_calendar(self._window.workspace, path)
        except (PlannerError, OSError) as error:
            self._window.show_error(f"The calendar could not be exported: {error}")
            return None
        campaigns = "campaign" if written.campaigns == 1 else "campaigns"
        touches = "planned touch" if written.touches == 1 else "planned touches"
        self._window.show_message(
            f"Exported {written.campaigns:,} {campaigns} and {written.touches:,} {touches} "
            f"to {written.path}"
        )
        return written.path

    def _connect(self) -> None:
        window = self._window
        calendar = self.calendar
        bar = window.playbook_bar
        window.change_applied.connect(calendar.apply_change)
        window.change_applied.connect(bar.retract_if_undone)
        window.change_pushed.connect(bar.consider)
        window.workspace_changed.connect(calendar.set_workspace)
        window.workspace_changed.connect(bar.set_workspace)
        for source in (calendar, bar):
            source.change_made.connect(window.push_change)
            source.action_failed.connect(window.show_error)
            source.message.connect(window.show_message)

    def _show(self, dialog: CampaignDialog | NewTouchDialog | PlanningSettingsDialog) -> QDialog:
        dialog.change_made.connect(self._window.push_change)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
