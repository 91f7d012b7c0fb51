"""Starting the application: the QApplication, the main window, and the database it opens."""

import gc
import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner import __version__
from planner.errors import DatabaseDamagedError
from planner.workspace import APP_NAME, IntegrityCheck, Workspace, default_database_path
from ui.database_files import open_workspace_asking
from ui.file_safety import DamageReporter, release
from ui.main_window import APPLICATION_TITLE, MainWindow
from ui.window_settings import WindowSettings

ORGANIZATION_NAME = "planner"


def run_gui(database: Path | None) -> int:
    """Opens the main window on ``database`` (or the last used one) and runs until it closes."""
    application = planner_application()
    return run_window(application, database, WindowSettings.for_user())


def planner_application() -> QApplication:
    """The QApplication, named so QSettings finds the user's preferences."""
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setOrganizationName(ORGANIZATION_NAME)
    application.setApplicationDisplayName(APPLICATION_TITLE)
    application.setApplicationVersion(__version__)
    application.setDesktopFileName(APP_NAME)
    return application


def initial_database(requested: Path | None, settings: WindowSettings) -> Path:
    """The file to open: the one asked for, else the last one used, else the default."""
    return requested or settings.last_database() or default_database_path()


def run_window(application: QApplication, database: Path | None, settings: WindowSettings) -> int:
    """Opens the window and runs the event loop; 1 when no database could be opened."""
    workspace = open_workspace_asking(initial_database(database, settings))
    if workspace is None:
        return 1
    window = open_main_window(workspace, settings)
    if window is None:
        return 1
    checking = window.integrity_check
    sys.excepthook = DamageReporter(window, sys.excepthook, lambda: checking.running)
    window.show()
    settle_startup_objects()
    return application.exec()


def open_main_window(workspace: Workspace, settings: WindowSettings) -> MainWindow | None:
    """The window on ``workspace``; ``None`` when the user gave up on opening a file.

    The window checks its file after painting the board (``ui.deferred_check``). When damage
    already shows while the board is first read, the file is checked at once, as the command
    line does at open, and repaired from its newest sound backup; when it cannot be, the user
    chooses another file, as with any file that does not open.
    """
    try:
        return MainWindow(workspace, settings)
    except (sqlite3.DatabaseError, DatabaseDamagedError):
        if workspace.integrity is not IntegrityCheck.DEFERRED:
            raise
    workspace.close(backup_after=timedelta.max)  # nothing changed; never back up damage
    release(workspace.path)
    checked = open_workspace_asking(workspace.path, integrity=IntegrityCheck.AT_OPEN)
    return None if checked is None else MainWindow(checked, settings)


def settle_startup_objects() -> None:
    """Leaves what start-up made (Qt wrappers, locale data, fonts) out of the garbage
    collector's full passes: they live as long as the program, and scanning them made each
    full pass hold the interpreter for 100 ms or more, a hitch in the window whenever a job on
    a worker thread (a big mail merge) set one off."""
    gc.freeze()
