"""Fixtures for the window's tests: settings in tmp_path, a board of demo leads, the main window.

Nothing here touches the user's real QSettings: every window gets an ini file in ``tmp_path``.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from pytestqt.qtbot import QtBot

from planner.changes import Change
from planner.demo import demo_drafts
from planner.domain import Column
from planner.services.board import add_leads
from planner.workspace import Workspace
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.window_settings import WindowSettings

OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
"""Warnings of the offscreen platform (window hints, raising and grabbing popups); not ours."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Lets the window tests fail on Qt warnings except the offscreen platform's own noise."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def application_look_restored(qapp: QApplication) -> object:
    """Gives every test the application's first style, palette and style sheet: a window applies
    its colour scheme to the whole application, which would otherwise leak into later tests."""
    style_sheet, palette, style = qapp.styleSheet(), QPalette(qapp.palette()), qapp.style().name()
    yield
    qapp.setStyleSheet(style_sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def window_settings(tmp_path: Path) -> WindowSettings:
    """Window settings kept in an ini file of this test."""
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


class AppliedChanges:
    """Collects the changes ``Operations.change_applied`` broadcasts, newest last."""

    def __init__(self, operations: Operations) -> None:
        self.changes: list[Change] = []
        self.initiators: list[object] = []
        operations.change_applied.connect(self._applied)

    def _applied(self, change: Change, initiator: object) -> None:
        self.changes.append(change)
        self.initiators.append(initiator)


@pytest.fixture
def operations(qtbot: QtBot, workspace: Workspace) -> Operations:
    """The action runner on the test's planner file, for widgets tested without the window."""
    return Operations(workspace)


@pytest.fixture
def applied(operations: Operations) -> AppliedChanges:
    """What the runner broadcast during the test."""
    return AppliedChanges(operations)


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    """The test's planner file filled with the sixty-odd demo leads."""
    add_leads(workspace, demo_drafts(), "Add demo leads")
    return workspace


def open_window(qtbot: QtBot, workspace: Workspace, settings: WindowSettings) -> MainWindow:
    """A shown main window on ``workspace``, closed when the test ends."""
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def main_window(
    qtbot: QtBot, demo_workspace: Workspace, window_settings: WindowSettings
) -> MainWindow:
    """The main window on the demo board."""
    return open_window(qtbot, demo_workspace, window_settings)


@pytest.fixture
def empty_window(qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings) -> MainWindow:
    """The main window on an empty planner file."""
    return open_window(qtbot, workspace, window_settings)


def hover_and_drop(view: QAbstractScrollArea, point: QPointF, mime: QMimeData) -> None:
    """Hovers ``mime`` over ``point`` of ``view`` and drops it there, both accepted.

    The events go straight to the view's handlers: without a platform drag in progress, Qt's
    event dispatch would not deliver a drop to a widget that never saw the drag enter. The
    events do not own their data, so the caller keeps ``mime`` alive while the view reads it.
    """
    action, button, modifier = (
        Qt.DropAction.MoveAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    hover = QDragMoveEvent(point.toPoint(), action, mime, button, modifier)
    view.dragMoveEvent(hover)
    assert hover.isAccepted()
    drop = QDropEvent(point, action, mime, button, modifier)
    view.dropEvent(drop)
    assert drop.isAccepted()


def drop_cards(
    window: MainWindow, source: Column, rows: list[int], target: Column, at: int
) -> list[int]:
    """Drags the cards at ``rows`` of ``source`` over ``target`` and drops them above card ``at``;
    returns the dragged leads."""
    board = window.board
    source_model = board.models[source]
    dragged = [source_model.card(row).id for row in rows]
    mime = source_model.mimeData([source_model.index(row) for row in rows])
    view = board.view(target)
    rect = view.visualRect(view.model().index(at, 0))
    hover_and_drop(view, QPointF(rect.center().x(), rect.top() + 1), mime)
    return dragged
