"""The main window: screens in tabs, the Edit menu over the runner's undo stack, menus and the
status bar.

Widgets change the database only through the window's ``Operations`` (``ui/operations.py``),
which pushes each change on the undo stack and broadcasts it; the window shows the runner's
errors and messages and opens other files through it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from planner import __version__
from planner.domain import Column
from planner.errors import PlannerError
from planner.workspace import Workspace
from ui.board.board_widget import BoardWidget
from ui.common.colours import overdue
from ui.common.icons import Glyph, set_glyph, warning_pixmap
from ui.common.path_label import PathLabel
from ui.common.theme import ThemeManager
from ui.dashboard.dashboard_actions import DashboardActions
from ui.database_files import ask_database_to_open, ask_new_database, open_confirming_empty
from ui.deferred_check import DeferredIntegrityCheck
from ui.documents.document_actions import DocumentActions
from ui.file_safety import FileSafety, release
from ui.importing.import_actions import ImportActions
from ui.lead_actions import LeadActions
from ui.operations import Operations
from ui.planning_actions import PlanningActions
from ui.playbook_bar import PlaybookBar, with_bar_above
from ui.sales.sales_actions import SalesActions
from ui.view_actions import ViewActions
from ui.widget_text import literal_ampersands
from ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from ui.board.pipeline_settings_dialog import PipelineSettingsDialog

APPLICATION_TITLE = "Planner"
STATUS_MESSAGE_MS = 6000
MINIMUM_SIZE_IN_LINES = QSize(56, 36)
"""The smallest window, in font lines: every column still shows its header, amounts and cards."""


class MainWindow(QMainWindow):
    """The planner's window over one open database."""

    def __init__(self, workspace: Workspace, settings: WindowSettings) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self._settings = settings
        self.theme = ThemeManager.for_application(_application())
        self.theme.set_choice(settings.colour_scheme())
        self._message_box: QMessageBox | None = None
        self.operations = Operations(workspace, self)
        self.operations.error.connect(self.show_error)
        self.operations.message.connect(self.show_message)
        self.operations.set_focus_home(self.focus_work_area)
        self.undo_stack = self.operations.undo_stack
        self.screens = QTabWidget()
        self.screens.setObjectName("screens")
        self.screens.setDocumentMode(True)
        self.screens.setTabBarAutoHide(True)
        self.setCentralWidget(self.screens)
        self.view_actions = ViewActions(self, self.screens, self.theme, settings)
        self.addToolBar(self.view_actions.toolbar)
        self.board = BoardWidget(self.operations)
        self.playbook_bar = PlaybookBar(self.operations)
        self.add_screen("Board", with_bar_above(self.playbook_bar, self.board), Glyph.BOARD)
        self.lead_actions = LeadActions(self.operations, self.board, self)
        self.planning_actions = PlanningActions(self.operations, self.add_screen, self)
        self.dashboard_actions = DashboardActions(
            self.operations, self.add_screen, self.board, self
        )
        self.document_actions = DocumentActions(self.operations, self.board, self)
        self.sales_actions = SalesActions(self.operations, self.board, self)
        self.database_label = PathLabel()
        self.database_label.setObjectName("database-path")
        self.import_actions = ImportActions(
            self.operations, self, self.board.search_field.text, self.board.selected_lead_ids
        )
        self.board.empty_panel.import_requested.connect(self.import_actions.open_import)
        self.file_safety = FileSafety(self.operations, self)
        self.integrity_check = DeferredIntegrityCheck(
            self.operations, self.file_safety, self, self.board.view(Column.COLD).viewport()
        )
        self.statusBar().addPermanentWidget(self.file_safety.read_only_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.undo_stack.indexChanged.connect(self._forget_message)
        self.operations.workspace_changed.connect(lambda _workspace: self._show_database())
        self._build_menus()
        self._build_toolbar()
        self._show_database()
        self.setMinimumSize(self.minimum_size())
        self._restore_layout()
        settings.remember_database(workspace.path)
        self.file_safety.tell_notices(workspace)

    @property
    def workspace(self) -> Workspace:
        """The open database; screens read through it and act on it through ``operations``."""
        return self.operations.workspace

    @property
    def settings(self) -> WindowSettings:
        """What the window remembers between runs."""
        return self._settings

    def add_screen(self, title: str, widget: QWidget, glyph: Glyph | None = None) -> int:
        """Adds a screen (the board is the first) with its switch on the toolbar and in the View
        menu; returns its index. The first nine screens are one Ctrl+digit away (Ctrl+1 the
        board, Ctrl+2 the calendar)."""
        index = self.screens.addTab(widget, title)
        self.view_actions.add_screen_switch(title, widget, glyph)
        return index

    def minimum_size(self) -> QSize:
        """The smallest size at which nothing is cut, from the font's line height."""
        line = self.fontMetrics().height()
        return QSize(MINIMUM_SIZE_IN_LINES.width() * line, MINIMUM_SIZE_IN_LINES.height() * line)

    def focus_work_area(self) -> None:
        """Gives the keyboard focus to the shown screen's main view (the board's cards)."""
        screen = self.screens.currentWidget()
        if screen is not None and screen.isAncestorOf(self.board):
            self.board.focus_cards()
        elif screen is not None:
            screen.setFocus()

    def show_message(self, text: str) -> None:
        """A passing note in the status bar."""
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _forget_message(self) -> None:
        """Undo and redo make the last note stale ("Ctrl+Z removes them again"): drop it.

        An action's own note comes after its step is pushed, so it survives this.
        """
        self.statusBar().clearMessage()

    def show_error(self, text: str) -> None:
        """Tells the user something could not be done, without blocking the window."""
        box = QMessageBox(QMessageBox.Icon.Warning, APPLICATION_TITLE, text, parent=self)
        box.setIconPixmap(warning_pixmap(self.fontMetrics().height() * 3, overdue()))
        box.setObjectName("error-message")
        self._message_box = box
        box.open()

    def open_database(self, path: Path) -> bool:
        """Switches to another planner file; on failure explains why and keeps the current one."""
        if Path(path).resolve() == self.workspace.path.resolve():
            return True
        try:
            opened = open_confirming_empty(path, self)
        except PlannerError as error:
            self.show_error(f"{error}\n\nThe database that was open stays open.")
            return False
        sound = self.integrity_check.found_sound
        release(self.workspace.path)
        self.operations.open_workspace(opened).close(backup_after=_backup_age_at_close(sound))
        self.file_safety.tell_notices(opened)
        self._settings.remember_database(opened.path)
        self._show_database()
        self.show_message(f"Opened {opened.path}")
        return True

    def choose_database_to_open(self) -> None:
        """File ▸ Open Database…"""
        path = ask_database_to_open(self, self.workspace.path)
        if path is not None:
            self.open_database(path)

    def choose_new_database(self) -> None:
        """File ▸ New Database…"""
        path = ask_new_database(self, self.workspace.path)
        if path is not None:
            self.open_database(path)

    def open_pipeline_settings(self) -> PipelineSettingsDialog:
        """Edit ▸ Pipeline Settings…: exchange rates, win probabilities and stale limits."""
        from ui.board.pipeline_settings_dialog import PipelineSettingsDialog

        dialog = PipelineSettingsDialog(self.operations, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remembers the layout and the database, then closes the file."""
        sound = self.integrity_check.found_sound
        self.integrity_check.stop()
        self._settings.save_layout(self.saveGeometry(), self.saveState())
        self._settings.remember_database(self.workspace.path)
        self.undo_stack.clear()
        self.board.cancel_pending_search()
        self.workspace.close(backup_after=_backup_age_at_close(sound))
        release(self.workspace.path)
        super().closeEvent(event)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        new_database = self._action(
            file_menu, "&New Database…", self.choose_new_database, Glyph.NEW_DATABASE
        )
        new_database.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self._action(
            file_menu,
            "&Open Database…",
            self.choose_database_to_open,
            Glyph.OPEN,
            QKeySequence.StandardKey.Open,
        )
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.lead_actions.demo_data)
        self.import_actions.add_to(file_menu)
        file_menu.addAction(self.planning_actions.export_calendar)
        file_menu.addSeparator()
        self.file_safety.add_to(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, Glyph.QUIT, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        set_glyph(self.undo_action, Glyph.UNDO)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            if key not in redo_keys:
                redo_keys.append(key)
        self.redo_action.setShortcuts(redo_keys)
        set_glyph(self.redo_action, Glyph.REDO)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(
            edit_menu, "&Find…", self.find_leads, Glyph.SEARCH, QKeySequence.StandardKey.Find
        )
        self.find_action.setToolTip("Search the leads on the board (Ctrl+F)")
        edit_menu.addSeparator()
        self._action(edit_menu, "&Pipeline Settings…", self.open_pipeline_settings, Glyph.SETTINGS)
        self.view_actions.add_to(self.menuBar().addMenu("&View"))
        self.lead_actions.add_to(self.menuBar().addMenu("&Lead"))
        self.planning_actions.add_to(self.menuBar().addMenu("&Plan"))
        documents_menu = self.menuBar().addMenu("&Documents")
        self.document_actions.add_to(documents_menu)
        self.sales_actions.add_to(documents_menu)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About Planner", self._show_about, Glyph.ABOUT)

    def _build_toolbar(self) -> None:
        """The main actions on the toolbar, the screens at its right end."""
        self.view_actions.fill_toolbar(
            [
                self.lead_actions.new_lead,
                self.document_actions.mail_merge,
                self.planning_actions.new_campaign,
                None,
                self.find_action,
            ]
        )

    def find_leads(self) -> None:
        """Edit ▸ Find…: shows the board and puts the cursor in its search box."""
        self.screens.setCurrentIndex(0)
        self.board.focus_search()

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        glyph: Glyph,
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        set_glyph(action, glyph)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_databases()
        for path in recent:
            action = self.recent_menu.addAction(literal_ampersands(str(path)))
            action.triggered.connect(lambda _checked=False, path=path: self.open_database(path))
        if not recent:
            self.recent_menu.addAction("No Recent Databases").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("&Clear Recent").triggered.connect(
            self._settings.clear_recent_databases
        )

    def _show_database(self) -> None:
        path = self.workspace.path
        self.setWindowTitle(f"{path.name} — {APPLICATION_TITLE}")
        self.setWindowFilePath(str(path))
        self.database_label.set_path(str(path))
        self.file_safety.show_state(self.lead_actions.editing_actions(), self.board)

    def _restore_layout(self) -> None:
        geometry = self._settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        state = self._settings.state()
        if state is not None:
            self.restoreState(state)

    def _default_size(self) -> QSize:
        line = self.fontMetrics().height()
        wanted = QSize(line * 80, line * 46)
        screen = self.screen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return wanted.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APPLICATION_TITLE}",
            f"<b>{APPLICATION_TITLE} {__version__}</b><p>An offline sales-and-marketing planner: "
            "a lead board, touches, campaigns and letters, in one file on your computer.</p>",
        )


def _application() -> QApplication:
    """The running QApplication (the window cannot exist without one)."""
    application = QApplication.instance()
    if not isinstance(application, QApplication):
        raise RuntimeError("The main window needs a QApplication")
    return application


def _backup_age_at_close(sound: bool) -> timedelta:
    """How old the newest backup may be before closing the file makes another: always one when
    the file is known to be sound, never before (``DeferredIntegrityCheck.found_sound``)."""
    return timedelta(0) if sound else timedelta.max
