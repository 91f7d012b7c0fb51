"""Big boards: cards are painted, never built as widgets, and loaded a page at a time.

The quick test checks the structure on 5,000 leads; the benchmark (``make bench``) times opening
and scrolling a board of 100,000 leads.
"""

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.money import Money
from planner.services.board import add_leads
from planner.workspace import Workspace
from tests.ui.conftest import open_window
from ui.board.column_model import PAGE_SIZE
from ui.board.column_view import ColumnView
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings

_COLUMN_CYCLE = (Column.COLD, Column.COLD, Column.WARM, Column.HOT, Column.WON, Column.LOST)


def _fill(workspace: Workspace, count: int) -> None:
    drafts = [
        (
            LeadDraft(
                name=f"Prospect {index:06}",
                company=f"Company {index % 997}",
                city=("Lyon", "Łódź", "Leeds")[index % 3],
                value=Money((index % 500) * 1000),
            ),
            _COLUMN_CYCLE[index % len(_COLUMN_CYCLE)],
        )
        for index in range(count)
    ]
    add_leads(workspace, drafts, "Add prospects")


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _widgets_in(view: ColumnView) -> int:
    return len(view.findChildren(QWidget))


def test_a_big_column_loads_one_page_and_paints_without_card_widgets(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    _fill(workspace, 5000)
    window = open_window(qtbot, workspace, window_settings)
    view = window.board.view(Column.COLD)
    model = view.column_model()
    assert view.uniformItemSizes()
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    cold_count = sum(1 for index in range(5000) if _COLUMN_CYCLE[index % 6] is Column.COLD)
    assert window.board.panels[Column.COLD].header.summary.count == cold_count
    widgets_before = _widgets_in(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)
    view.viewport().repaint()
    assert _widgets_in(view) == widgets_before
    assert all(view.indexWidget(model.index(row, 0)) is None for row in range(model.rowCount()))


@pytest.mark.bench
def test_100k_leads_open_and_scroll_without_stalls(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    build = _seconds(lambda: _fill(workspace, 100_000))
    opened: list[MainWindow] = []
    opening = _seconds(lambda: opened.append(open_window(qtbot, workspace, window_settings)))
    board = opened[0].board
    view = board.view(Column.COLD)
    scroll_bar = view.verticalScrollBar()

    def next_screen() -> None:
        scroll_bar.setValue(scroll_bar.value() + view.viewport().height())
        view.viewport().repaint()
        QApplication.processEvents()

    frames = sorted(_seconds(next_screen) for _frame in range(300))
    loaded = view.column_model().rowCount()

    def search() -> None:
        board.search_field.setText("łódź")
        board.apply_search()

    searching = _seconds(search)
    print(
        f"\n100k leads: built in {build:.1f} s, window opened in {opening * 1000:.0f} ms; "
        f"300 screens scrolled, {loaded:,} cards loaded, slowest frame {frames[-1] * 1000:.0f} ms, "
        f"median {frames[len(frames) // 2] * 1000:.1f} ms; search of every column "
        f"{searching * 1000:.0f} ms"
    )
    assert loaded > 4 * PAGE_SIZE
    assert opening < 1.5
    assert frames[-1] < 0.25
