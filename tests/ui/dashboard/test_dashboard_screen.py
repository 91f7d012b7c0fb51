"""The dashboard over the story's quarter: tiles, period choice, leads behind a figure, refresh
on change, board selection, exports, and the palette."""

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.demo import demo_drafts
from planner.domain import Column
from planner.metrics.period import PeriodChoice
from planner.metrics.wording import Metric
from planner.services.board import add_leads, move_lead
from planner.workspace import Workspace
from tests.planner.metrics.conftest import Story
from tests.ui.conftest import open_window
from ui.dashboard.campaign_model import CampaignColumn
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.dashboard.lead_list import LEAD_ID_ROLE
from ui.operations import Operations
from ui.window_settings import WindowSettings


def _screen(qtbot: QtBot, operations: Operations) -> DashboardScreen:
    screen = DashboardScreen(operations)
    qtbot.addWidget(screen)
    screen.resize(1300, 900)
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        screen.show()
    qtbot.waitExposed(screen)
    return screen


WAIT_MS = 20_000
"""The longest a report may take to read on the worker thread."""


def _tile_values(screen: DashboardScreen) -> dict[Metric, str]:
    return {metric: tile.value.text() for metric, tile in screen.tiles.items()}


def _listed(screen: DashboardScreen) -> set[str]:
    dialog = screen.lead_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return {dialog.list.item(row).text() for row in range(dialog.list.count())}


def test_the_tiles_show_the_quarter(qtbot: QtBot, story: Story) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    assert _tile_values(screen) == {
        Metric.WIN_RATE: "50.0 %",
        Metric.AVERAGE_DEAL: "2,750.00 EUR",
        Metric.WEIGHTED_PIPELINE: "570.00 EUR + 1,200.00 USD without a rate",
        Metric.TOUCHES_TO_CLOSE: "2.75",
        Metric.REVENUE: "11,000.00 EUR",
        Metric.GONE_QUIET: "1",
    }
    assert screen.period_label.text() == "Thu 1 Jan 2026 – Tue 31 Mar 2026"
    assert "Won ÷ (won + lost)" in screen.tiles[Metric.WIN_RATE].toolTip()
    assert screen.funnel_chart is not None
    assert screen.funnel_chart.data.values == (10.0, 7.0, 5.0, 3.0)
    assert screen.funnel_chart.data.labels[1] == "Consideration · 70.0 %"
    assert screen.revenue_chart is not None
    assert screen.revenue_chart.data.values == (4000.0, 1000.0, 6000.0)


def test_choosing_another_period_reloads_every_figure(qtbot: QtBot, story: Story) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    box = screen.period_picker.box
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        box.setCurrentIndex(box.findData(PeriodChoice.MONTH))
    # March: Birch and Elm won, Cedar lost; Birch's 2,000 and Elm's 4,000.
    assert screen.period_label.text() == "Sun 1 Mar 2026 – Tue 31 Mar 2026"
    values = _tile_values(screen)
    assert values[Metric.WIN_RATE] == "66.7 %"
    assert values[Metric.REVENUE] == "6,000.00 EUR"
    assert values[Metric.AVERAGE_DEAL] == "3,000.00 EUR"
    assert not screen.period_picker.from_edit.isVisible()
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        box.setCurrentIndex(box.findData(PeriodChoice.CUSTOM))
    assert screen.period_picker.from_edit.isVisible()
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        screen.period_picker.from_edit.setDate(
            screen.period_picker.from_edit.date().addMonths(-1)
        )  # February and March
    assert _tile_values(screen)[Metric.REVENUE] == "7,000.00 EUR"


def test_clicking_a_tile_lists_its_leads(qtbot: QtBot, story: Story) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    tile = screen.tiles[Metric.WIN_RATE]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert _listed(screen) == {"Alder", "Birch", "Elm", "Larch", "Fir", "Cedar"}
    assert screen.lead_dialog is not None
    screen.lead_dialog.reject()
    screen.tiles[Metric.GONE_QUIET].setFocus()
    qtbot.keyClick(screen.tiles[Metric.GONE_QUIET], Qt.Key.Key_Return)
    assert _listed(screen) == {"Quince"}


def test_clicking_a_bar_or_a_campaign_lists_its_leads(qtbot: QtBot, story: Story) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    assert screen.funnel_chart is not None
    assert screen.funnel_chart.bar_set is not None
    screen.funnel_chart.bar_set.clicked.emit(0)  # the bottom bar of the funnel: Won
    assert _listed(screen) == {"Alder", "Birch", "Elm"}
    assert screen.revenue_chart is not None
    assert screen.revenue_chart.bar_set is not None
    screen.revenue_chart.bar_set.clicked.emit(2)  # March
    assert _listed(screen) == {"Birch", "Elm"}
    table = screen.campaign_table
    names = [table.model().index(row, 0).data() for row in range(table.model().rowCount())]
    assert names == ["Spring letters", "Seminar", "Radio"]  # best ROI first, none last
    table.activated.emit(table.model().index(1, CampaignColumn.LEADS))
    assert _listed(screen) == {"Cedar", "Dogwood"}


def test_a_change_on_the_board_refreshes_the_figures(qtbot: QtBot, story: Story) -> None:
    operations = Operations(story.workspace)
    screen = _screen(qtbot, operations)
    hazel = story.leads["Hazel"]
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        operations.run(lambda workspace: move_lead(workspace, hazel, Column.WON))
    assert _tile_values(screen)[Metric.REVENUE] == "11,700.00 EUR"
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        operations.undo_stack.undo()
    assert _tile_values(screen)[Metric.REVENUE] == "11,000.00 EUR"


def test_leads_listed_open_on_the_board(
    qtbot: QtBot, story: Story, window_settings: WindowSettings
) -> None:
    window = open_window(qtbot, story.workspace, window_settings)
    window.board.focus_cards()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is not None
    screen = window.dashboard_actions.dashboard
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        qtbot.keyClick(focused, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is screen
    tile = screen.tiles[Metric.WEIGHTED_PIPELINE]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    dialog = screen.lead_dialog
    assert dialog is not None
    hazel = next(
        dialog.list.item(row)
        for row in range(dialog.list.count())
        if dialog.list.item(row).text() == "Hazel"
    )
    dialog.list.setCurrentItem(hazel)
    qtbot.mouseClick(dialog.board_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentIndex() == 0
    assert window.board.selected_lead_ids() == [hazel.data(LEAD_ID_ROLE)]


def test_exports_write_the_campaigns_and_the_report(
    qtbot: QtBot, story: Story, tmp_path: Path
) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    table = tmp_path / "campaigns.csv"
    screen.export_csv(table)
    with table.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert [row[1] for row in rows[1:]] == ["Spring letters", "Seminar", "Radio"]
    report = tmp_path / "report.pdf"
    running = screen.export_pdf(report)
    with qtbot.waitSignal(running.done, timeout=30_000):
        pass
    assert report.read_bytes().startswith(b"%PDF")
    assert screen.pdf_button.text() == "Export Report…"


def test_the_charts_follow_a_dark_palette(qtbot: QtBot, story: Story) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    dark = QPalette(screen.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    screen.setPalette(dark)
    assert screen.funnel_chart is not None
    chart = screen.funnel_chart.chart()
    assert chart.backgroundBrush().color() == QColor("#1e1f22")
    assert chart.titleBrush().color() == QColor("#e8e8e8")


def test_the_dashboard_renders_the_demo_data(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    add_leads(workspace, demo_drafts(), "Add demo leads")
    screen = _screen(qtbot, Operations(workspace))
    assert screen.report is not None
    # Every demo lead was added today; the ones added straight into Lost never entered the funnel.
    entered = [lead for lead in workspace.leads.find() if lead.column is not Column.LOST]
    assert screen.report.funnel.counts.awareness == len(entered)
    assert all(tile.value.text() for tile in screen.tiles.values())
    assert not screen.grab().isNull()


def test_a_hidden_dashboard_catches_up_when_shown(
    qtbot: QtBot, story: Story, window_settings: WindowSettings
) -> None:
    window = open_window(qtbot, story.workspace, window_settings)
    screen = window.dashboard_actions.dashboard
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        window.screens.setCurrentWidget(screen)
    window.screens.setCurrentIndex(0)
    hazel = story.leads["Hazel"]
    with qtbot.assertNotEmitted(screen.report_shown, wait=200):
        window.operations.run(lambda workspace: move_lead(workspace, hazel, Column.WON))
    assert _tile_values(screen)[Metric.REVENUE] == "11,000.00 EUR"
    with qtbot.waitSignal(screen.report_shown, timeout=WAIT_MS):
        window.screens.setCurrentWidget(screen)
    assert _tile_values(screen)[Metric.REVENUE] == "11,700.00 EUR"


def test_a_change_while_reading_reads_again(qtbot: QtBot, story: Story) -> None:
    operations = Operations(story.workspace)
    screen = _screen(qtbot, operations)
    hazel = story.leads["Hazel"]
    screen.reload()
    assert screen.is_loading
    operations.run(lambda workspace: move_lead(workspace, hazel, Column.WON))
    qtbot.waitUntil(lambda: not screen.is_loading, timeout=WAIT_MS)
    assert _tile_values(screen)[Metric.REVENUE] == "11,700.00 EUR"


def test_an_export_can_be_cancelled(qtbot: QtBot, story: Story, tmp_path: Path) -> None:
    screen = _screen(qtbot, Operations(story.workspace))
    report = tmp_path / "report.pdf"
    running = screen.export_pdf(report)
    assert screen.pdf_button.text() == "Cancel Export"
    with qtbot.waitSignal(running.done, timeout=WAIT_MS):
        qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    assert running.cancel_requested
    assert not report.exists()
    assert list(tmp_path.glob("*.part")) == []
