"""Big boards: cards are painted, never built as widgets, and loaded a page at a time.

The test checks that structure on 5,000 leads; ``make bench`` compares opening, moving a card
and searching on 100,000 leads with the same on 1,000 (``paint_100k``, ``move_100k``,
``search_100k``).
"""

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.money import Money
from planner.services.board import add_leads
from planner.workspace import Workspace
from tests.ui.conftest import open_window
from ui.board.column_model import PAGE_SIZE
from ui.board.column_view import ColumnView
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
