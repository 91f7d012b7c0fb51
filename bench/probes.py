"""The bench's child processes: each does one thing in a fresh interpreter and reports it.

A cold start and a peak memory are only honest in a process of their own. The parent
(``bench.measures``) starts these as ``python -m bench.probes KIND ...``; they import only what
their own kind needs, so the bare baseline pays for nothing of the planner.
"""

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

PAINTED = "painted"
"""What a start probe prints the moment its window has been painted."""


def _report_first_paint(widget: "QObject") -> "QObject":
    """Prints ``painted`` once ``widget`` has been painted, then leaves at once; the caller
    keeps the returned watcher alive."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, _leave)
            return False

    def _leave() -> None:
        print(PAINTED, flush=True)
        os._exit(0)

    watcher = _FirstPaint()
    widget.installEventFilter(watcher)
    return watcher


def start_bare() -> None:
    """A bare QMainWindow with a central widget, shown and painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    application = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget()
    window.setCentralWidget(central)
    window.resize(1400, 800)
    watcher = _report_first_paint(central)
    window.show()
    application.exec()
    watcher.deleteLater()


def start_floor(database: Path) -> None:
    """The least a board can be: five list views of lead names read with plain ``sqlite3``,
    each under a one-line header, with no theme, menus, icons, formatting or planner module.

    Not the planner: a yardstick for what any board costs over a bare window (``bench.floor``).
    """
    import sqlite3

    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import (
        QApplication,
        QHBoxLayout,
        QLabel,
        QListView,
        QMainWindow,
        QVBoxLayout,
        QWidget,
    )

    application = QApplication(sys.argv[:1])
    connection = sqlite3.connect(database)
    window = QMainWindow()
    central = QWidget()
    columns = QHBoxLayout(central)
    views: list[QListView] = []
    for column in ("cold", "warm", "hot", "won", "lost"):
        names = [
            f"{name}\n{company}"
            for name, company in connection.execute(
                "SELECT name, company FROM leads WHERE board_column = ? AND deleted_at IS NULL "
                "ORDER BY rank LIMIT 60",
                [column],
            )
        ]
        lane = QVBoxLayout()
        lane.addWidget(QLabel(f"{column.title()} · {len(names)} leads"))
        view = QListView()
        view.setModel(QStringListModel(names, view))
        lane.addWidget(view)
        columns.addLayout(lane)
        views.append(view)
    window.setCentralWidget(central)
    window.resize(1400, 800)
    watcher = _report_first_paint(views[0].viewport())
    window.show()
    application.exec()
    watcher.deleteLater()


def start_board(database: Path, settings_file: Path) -> None:
    """What ``planner --db FILE`` does, until the board's first column has been painted."""
    from PySide6.QtCore import QSettings

    from planner.domain import Column
    from ui.app import planner_application
    from ui.database_files import open_workspace_asking
    from ui.main_window import MainWindow
    from ui.window_settings import WindowSettings

    application = planner_application()
    workspace = open_workspace_asking(database)
    assert workspace is not None
    settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    window.resize(1400, 800)
    watcher = _report_first_paint(window.board.view(Column.COLD).viewport())
    window.show()
    application.exec()
    watcher.deleteLater()


def add_leads_ours(database: Path, count: int) -> None:
    """Adds ``count`` sample leads through the service, as the demo and imports do."""
    from bench.data import sample_leads
    from planner.services.board import add_leads
    from planner.workspace import Workspace

    drafts = list(sample_leads(count))
    workspace = Workspace.open(database)
    started = time.perf_counter()
    add_leads(workspace, drafts, f"Add {count:,} leads")
    _report_run(time.perf_counter() - started)


def add_leads_insert_all(database: Path, count: int) -> None:
    """The same leads as plain rows through ``sqlite_utils`` ``insert_all``, one transaction."""
    from bench.data import sample_leads
    from planner.money import DEFAULT_CURRENCY
    from planner.store.database import open_database
    from planner.store.leads import draft_to_row

    drafts = list(sample_leads(count))
    db = open_database(database)
    started = time.perf_counter()
    rows = (
        {
            "currency": DEFAULT_CURRENCY,
            **draft_to_row(draft),
            "board_column": column.value,
            "outcome": "open" if not column.is_outcome else column.value,
            "rank": f"a{number:07}",
            "created_at": "2026-03-16T09:30:00+00:00",
            "updated_at": "2026-03-16T09:30:00+00:00",
        }
        for number, (draft, column) in enumerate(drafts)
    )
    with db.conn:
        db.table("leads").insert_all(rows, batch_size=500)
    _report_run(time.perf_counter() - started)


def merge_memory(database: Path, count: int, output: Path) -> None:
    """The mail merge of ``count`` letters to the leads of ``database``; its peak memory."""
    from bench.merging import merge_letters
    from planner.workspace import Workspace

    workspace = Workspace.open(database)
    leads = workspace.leads.find()[:count]
    workspace.close()
    started = time.perf_counter()
    merge_letters(leads, output)
    _report_run(time.perf_counter() - started)


def _report_run(seconds: float) -> None:
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}), flush=True)


def main() -> None:
    """``python -m bench.probes KIND [ARGS]``."""
    parser = argparse.ArgumentParser(prog="python -m bench.probes")
    kinds = parser.add_subparsers(dest="kind", required=True)
    kinds.add_parser("start-bare")
    kinds.add_parser("start-floor").add_argument("database", type=Path)
    board = kinds.add_parser("start-board")
    board.add_argument("database", type=Path)
    board.add_argument("settings", type=Path)
    merging = kinds.add_parser("merge-memory")
    merging.add_argument("database", type=Path)
    merging.add_argument("count", type=int)
    merging.add_argument("output", type=Path)
    for name in ("add-ours", "add-insert-all"):
        adding = kinds.add_parser(name)
        adding.add_argument("database", type=Path)
        adding.add_argument("count", type=int)
    arguments = parser.parse_args()
    if arguments.kind == "start-bare":
        start_bare()
    elif arguments.kind == "start-floor":
        start_floor(arguments.database)
    elif arguments.kind == "start-board":
        start_board(arguments.database, arguments.settings)
    elif arguments.kind == "merge-memory":
        merge_memory(arguments.database, arguments.count, arguments.output)
    elif arguments.kind == "add-ours":
        add_leads_ours(arguments.database, arguments.count)
    else:
        add_leads_insert_all(arguments.database, arguments.count)


if __name__ == "__main__":
    main()
