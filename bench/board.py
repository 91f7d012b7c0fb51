"""The board at 100,000 leads against the board at 1,000 (or against plain SQLite): moving a
card through the view, searching as one types, and the first paint of a new window."""

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from bench.harness import Outcome, interleaved
from planner.domain import Column
from planner.store.text_search import search_pattern
from planner.workspace import IntegrityCheck, Workspace
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings

SEARCHED_EMAIL = "contact54321@example.com"
"""One lead's address: typing it matches exactly one lead among 100,000."""


def open_window(workspace: Workspace, settings_file: Path) -> MainWindow:
    """A shown main window on ``workspace``, painted once."""
    settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    window.resize(1400, 800)
    window.show()
    window.repaint()
    QApplication.processEvents()
    return window


def dispose_window(window: MainWindow) -> None:
    """Closes ``window`` and deletes it now. ``processEvents`` leaves deferred deletions for
    the next event loop, which would be a later measure's: its first run paid for destroying
    every window the board measures had opened."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _paint_board() -> None:
    """Lets the windows paint what the change left to paint, as its event loop would: each
    column the change touched, its header and the search field, once each.

    (Repainting every column by hand, as this bench first did, painted each column again
    after Qt had, and the board beneath it with every column: three times the paints the window
    makes for a search.)
    """
    QApplication.processEvents()


def _drop_first_card(window: MainWindow, source: Column, target: Column) -> None:
    """Drags the top card of ``source`` onto ``target`` below its second card and drops it
    there, as a mouse would, then paints the board."""
    board = window.board
    model = board.models[source]
    mime = model.mimeData([model.index(0)])
    view = board.view(target)
    rect = view.visualRect(view.model().index(2, 0))
    point = QPointF(rect.center().x(), rect.top() + 1)
    action, button = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    modifier = Qt.KeyboardModifier.NoModifier
    view.dragMoveEvent(QDragMoveEvent(point.toPoint(), action, mime, button, modifier))
    view.dropEvent(QDropEvent(point, action, mime, button, modifier))
    _paint_board()


def measure_move(big: MainWindow, small: MainWindow, runs: int) -> Outcome:
    """One card dropped into the next column and the board repainted, 100k against 1k."""
    direction = {id(big): True, id(small): True}

    def move(window: MainWindow) -> Callable[[], float]:
        def once() -> float:
            forward = direction[id(window)]
            direction[id(window)] = not forward
            source, target = (Column.COLD, Column.WARM) if forward else (Column.WARM, Column.COLD)
            return _seconds(lambda: _drop_first_card(window, source, target))

        return once

    move(big)()
    move(small)()
    figures, baselines = interleaved(runs, move(big), move(small))
    return Outcome(
        "move_100k",
        "move one card through the view (drop + repaint), 100k vs 1k leads",
        "s",
        figures,
        baselines,
        target=1.3,
    )


def measure_search(window: MainWindow, database: Path, runs: int) -> Outcome:
    """Typing one lead's address into the search box (every column filtered and painted,
    the figures counted) against one raw SQLite query for the same text."""
    board = window.board
    raw = sqlite3.connect(database)
    pattern = search_pattern(SEARCHED_EMAIL)

    def search() -> float:
        def run() -> None:
            board.search_field.setText(SEARCHED_EMAIL)
            board.apply_search()
            _paint_board()

        seconds = _seconds(run)
        assert board.models[Column.COLD].search == SEARCHED_EMAIL
        board.search_field.setText("")
        board.apply_search()
        return seconds

    def query() -> float:
        return _seconds(
            lambda: raw.execute(
                "SELECT id FROM leads WHERE instr(search_text, ?) > 0", [pattern]
            ).fetchall()
        )

    search()
    query()
    figures, baselines = interleaved(runs, search, query)
    raw.close()
    return Outcome(
        "search_100k",
        "search as you type, one match, 100k leads, vs one raw SQLite query",
        "s",
        figures,
        baselines,
        target=1.5,
    )


def _checked_window(path: Path, settings_file: Path) -> MainWindow:
    """A window on ``path`` opened as the window opens its files: the integrity check runs
    on a worker thread once the board is painted."""
    return open_window(Workspace.open(path, integrity=IntegrityCheck.DEFERRED), settings_file)


def _wait_for_integrity_check(window: MainWindow) -> None:
    """Lets the window's integrity check finish before the next run starts, so no run is
    slowed by the check of the one before."""
    while window.integrity_check.running:
        QApplication.processEvents()
        time.sleep(0.001)


def measure_first_paint(big: Path, small: Path, settings_file: Path, runs: int) -> Outcome:
    """The file opened and a new window on its board shown and painted, 100k against 1k
    leads (the window closes the file when it closes). The integrity check the window starts
    after painting is not timed, but it is over before the next run begins."""

    def paint(path: Path) -> Callable[[], float]:
        def once() -> float:
            windows: list[MainWindow] = []
            seconds = _seconds(lambda: windows.append(_checked_window(path, settings_file)))
            _wait_for_integrity_check(windows[0])
            dispose_window(windows[0])
            return seconds

        return once

    paint(big)()
    paint(small)()
    figures, baselines = interleaved(runs, paint(big), paint(small))
    return Outcome(
        "paint_100k",
        "board first paint, 100k vs 1k leads",
        "s",
        figures,
        baselines,
        target=1.5,
    )
