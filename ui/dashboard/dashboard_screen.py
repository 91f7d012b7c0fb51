"""The dashboard: is marketing bringing leads, is selling converting them, which campaign paid?

Every figure comes from one ``Report`` (``planner.services.report``) for the chosen period. The
screen reloads when a change is broadcast (``Operations.change_applied``), at once when shown and
otherwise when next shown. Clicking a tile, a bar or a campaign lists the leads behind it.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.errors import PlannerError
from planner.interop.campaign_csv import write_campaign_csv
from planner.locale import user_locale
from planner.metrics.period import Period
from planner.metrics.report import Report
from planner.metrics.selection import Behind, LeadSelection, Stage
from planner.metrics.wording import Metric, average_text, money_text, percent_text
from planner.services.report import ReadReport, leads_behind
from planner.services.report_pdf import PrintedReport, PrintReport, month_text, period_text
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from ui.common.workers import JobThread
from ui.dashboard.campaign_model import (
    CAMPAIGN_ID_ROLE,
    CampaignColumn,
    CampaignTableModel,
    sorted_by_roi,
)
from ui.dashboard.chart_data import NO_SOURCE, funnel_data, revenue_data, source_data, top_sources
from ui.dashboard.figure_tile import FigureTile
from ui.dashboard.lead_list import LeadListDialog
from ui.dashboard.period_picker import PeriodPicker
from ui.operations import Operations

if TYPE_CHECKING:
    from ui.dashboard.bar_chart import BarChart

TILES = (
    Metric.WIN_RATE,
    Metric.AVERAGE_DEAL,
    Metric.WEIGHTED_PIPELINE,
    Metric.TOUCHES_TO_CLOSE,
    Metric.REVENUE,
    Metric.GONE_QUIET,
)
"""The tiles across the top, most asked-for first."""

_TILE_LEADS = {
    Metric.WIN_RATE: LeadSelection(Behind.CLOSED),
    Metric.AVERAGE_DEAL: LeadSelection(Behind.WON),
    Metric.WEIGHTED_PIPELINE: LeadSelection(Behind.PIPELINE),
    Metric.TOUCHES_TO_CLOSE: LeadSelection(Behind.WON),
    Metric.REVENUE: LeadSelection(Behind.WON),
    Metric.GONE_QUIET: LeadSelection(Behind.QUIET),
}

_RUNNING: set[JobThread] = set()
"""Report readers still running: kept alive here, not by the screen, so a screen that goes
away mid-read never destroys a running thread (Qt aborts the program when that happens)."""


def stop_report_readers() -> None:
    """Waits for the readers still running as the program quits, so none is cut off."""
    for loading in list(_RUNNING):
        loading.stop()


PDF_BUTTON_TEXT = "Export Report…"
"""The PDF button's text; while the report is written it reads "Cancel Export"."""


class DashboardScreen(QWidget):
    """The dashboard over the open file.

    Signals:
        show_on_board(list): lead ids the user wants to see on the board, the chosen one first.
        report_shown(): the figures of a newly read report are on the screen.
    """

    show_on_board = Signal(list)
    report_shown = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._loading: JobThread | None = None
        self._reload_pending = False
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(stop_report_readers)
        self._operations = operations
        self._locale = user_locale()
        self._stale = True
        self.report: Report | None = None
        self.lead_dialog: LeadListDialog | None = None
        self.export_job: JobThread | None = None
        self.funnel_chart: BarChart | None = None
        self.revenue_chart: BarChart | None = None
        self.source_chart: BarChart | None = None
        self.period_picker = PeriodPicker(lambda: self.workspace.clock.today())
        self.period_label = QLabel()
        self.period_label.setObjectName("dashboard-period-text")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("dashboard-problem")
        self.problem_label.hide()
        self.pdf_button = QPushButton(PDF_BUTTON_TEXT)
        self.pdf_button.setToolTip("The dashboard's figures as a PDF report with your letterhead")
        self.csv_button = QPushButton("Export Campaigns…")
        self.csv_button.setToolTip("The campaign table as a CSV file for a spreadsheet")
        self.tiles = {metric: FigureTile(metric) for metric in TILES}
        self.campaign_model = CampaignTableModel(self._locale, self)
        self.campaign_proxy = sorted_by_roi(self.campaign_model, self)
        self.campaign_table = QTableView()
        self.campaign_table.setObjectName("dashboard-campaigns")
        self.campaign_table.setModel(self.campaign_proxy)
        self.campaign_table.setSortingEnabled(True)
        self.campaign_table.sortByColumn(CampaignColumn.ROI, Qt.SortOrder.DescendingOrder)
        self.campaign_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.campaign_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.campaign_table.verticalHeader().hide()
        header = self.campaign_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CampaignColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.campaign_table.setMinimumHeight(self.fontMetrics().height() * 9)
        self.campaign_table.setToolTip(
            "Double-click (or Enter) a campaign for the leads that answered it"
        )
        self._chart_grid = QGridLayout()
        self._build_layout()
        self._connect()

    @property
    def workspace(self) -> Workspace:
        """The open database."""
        return self._operations.workspace

    def period(self) -> Period:
        """The period chosen: this month, quarter or year, or the custom days."""
        return self.period_picker.period()

    @property
    def is_loading(self) -> bool:
        """True while the report is read on the worker thread."""
        return self._loading is not None

    def reload(self) -> None:
        """Reads the report for the chosen period off the GUI thread, then shows every figure
        (``report_shown``). Asked again while reading, it reads once more when done."""
        self._stale = False
        try:
            period = self.period()
        except PlannerError as error:
            self.problem_label.setText(str(error))
            self.problem_label.show()
            return
        self.problem_label.hide()
        if self._loading is not None:
            self._reload_pending = True
            return
        job = ReadReport(self.workspace.path, period, self.workspace.clock)
        loading = JobThread(job)
        _RUNNING.add(loading)
        loading.finished.connect(self._show_report)
        loading.failed.connect(self._show_problem)
        loading.done.connect(lambda: self._loaded(loading))
        self._loading = loading
        self.period_label.setText(f"{period_text(period)} · reading…")
        loading.start()

    def _loaded(self, loading: JobThread) -> None:
        _RUNNING.discard(loading)
        if self._loading is not loading:
            return
        self._loading = None
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    def _show_problem(self, reason: str) -> None:
        self.problem_label.setText(f"The figures could not be read: {reason}")
        self.problem_label.show()

    def _show_report(self, result: object) -> None:
        if not isinstance(result, Report) or self._reload_pending:
            return
        report = result
        self._ensure_charts()
        self.report = report
        self.period_label.setText(period_text(report.period))
        locale = self._locale
        amounts = {
            Metric.AVERAGE_DEAL: report.average_deal,
            Metric.WEIGHTED_PIPELINE: report.weighted_pipeline,
            Metric.REVENUE: report.revenue,
        }
        values = {
            Metric.WIN_RATE: percent_text(report.win_rate, locale),
            Metric.TOUCHES_TO_CLOSE: average_text(report.touches_to_close, locale),
            Metric.GONE_QUIET: str(report.gone_quiet),
        }
        for metric, tile in self.tiles.items():
            figure = amounts.get(metric)
            if figure is None:
                tile.set_value(values[metric])
            else:
                tile.set_value(money_text(figure, locale, compact=True), money_text(figure, locale))
        self.campaign_model.set_campaigns(report.campaigns)
        self._show_charts(report)
        self.report_shown.emit()

    def apply_change(self, _change: Change, _initiator: object = None) -> None:
        """Any change can move a figure: reload now when shown, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def show_workspace(self, _workspace: Workspace) -> None:
        """Another file was opened."""
        self.apply_change(Change("Open"))

    def show_leads(self, selection: LeadSelection, title: str, explanation: str) -> None:
        """Lists the leads behind a figure of the shown period."""
        lead_ids = leads_behind(self.workspace, selection, self.period())
        dialog = LeadListDialog(self.workspace, title, explanation, lead_ids, self)
        dialog.show_on_board.connect(self.show_on_board)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.lead_dialog = dialog
        dialog.open()

    def export_csv(self, path: Path) -> None:
        """Writes the campaign table to ``path``; a problem is shown in the window."""
        if self.report is None:
            return
        try:
            count = write_campaign_csv(path, self.report.campaigns, self.report.currency)
        except (PlannerError, OSError) as error:
            self._operations.show_error(f"The campaigns could not be exported: {error}")
            return
        self._operations.show_message(f"Exported {count} campaigns to {path}")

    def export_pdf(self, path: Path) -> JobThread:
        """Writes the report as a PDF on a worker thread; the status bar says when it is done."""
        job = PrintReport(
            self.workspace.path,
            self.period(),
            load_sender_profile(self.workspace),
            path,
            self.workspace.clock,
        )
        running = JobThread(job)
        _RUNNING.add(running)
        running.finished.connect(self._report_written)
        running.failed.connect(
            lambda reason: self._operations.show_error(f"The report was not written: {reason}")
        )
        running.cancelled.connect(
            lambda: self._operations.show_message("Export cancelled; nothing was written")
        )
        running.done.connect(lambda: self._export_done(running))
        self.export_job = running
        self.pdf_button.setText("Cancel Export")
        self._operations.show_message(f"Writing the report to {path}…")
        running.start()
        return running

    def showEvent(self, event: QShowEvent) -> None:
        """Catches up with changes made while another screen was shown."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _ensure_charts(self) -> None:
        """Builds the charts the first time they are needed (Qt Charts loads only then)."""
        if self.funnel_chart is not None:
            return
        from ui.dashboard.bar_chart import BarChart

        self.funnel_chart = BarChart("dashboard-funnel")
        self.revenue_chart = BarChart("dashboard-revenue")
        self.source_chart = BarChart("dashboard-sources")
        self.funnel_chart.bar_clicked.connect(self._funnel_clicked)
        self.revenue_chart.bar_clicked.connect(self._month_clicked)
        self.source_chart.bar_clicked.connect(self._source_clicked)
        self.funnel_chart.setToolTip(Metric.FUNNEL.definition)
        self._chart_grid.addWidget(self.funnel_chart, 0, 0)
        self._chart_grid.addWidget(self.revenue_chart, 0, 1)
        self._chart_grid.addWidget(self.source_chart, 0, 2)

    def _show_charts(self, report: Report) -> None:
        if self.funnel_chart is None or self.revenue_chart is None or self.source_chart is None:
            return
        self.funnel_chart.set_data(funnel_data(report))
        self.revenue_chart.set_data(revenue_data(report, self._locale))
        self.source_chart.set_data(source_data(report))

    def _funnel_clicked(self, index: int) -> None:
        stage = Stage(index)
        self.show_leads(
            LeadSelection(Behind.FUNNEL, stage=stage),
            f"Funnel: {stage.label}",
            Metric.FUNNEL.definition,
        )

    def _month_clicked(self, index: int) -> None:
        if self.report is None:
            return
        month, _figure = self.report.revenue_by_month[index]
        self.show_leads(
            LeadSelection(Behind.WON, month=month),
            f"Won in {month_text(month)}",
            Metric.REVENUE.definition,
        )

    def _source_clicked(self, index: int) -> None:
        if self.report is None:
            return
        source = top_sources(self.report)[index].source
        self.show_leads(
            LeadSelection(Behind.SOURCE, source=source),
            f"New leads from {source or NO_SOURCE}",
            Metric.SOURCES.definition,
        )

    def _tile_clicked(self, metric: Metric) -> None:
        self.show_leads(_TILE_LEADS[metric], metric.label, metric.definition)

    def _campaign_activated(self, index: QModelIndex) -> None:
        campaign_id = index.data(CAMPAIGN_ID_ROLE)
        name = self.campaign_proxy.index(index.row(), 0).data()
        self.show_leads(
            LeadSelection(Behind.CAMPAIGN, campaign_id=campaign_id),
            f"Leads that answered '{name}'",
            Metric.CAMPAIGN_LEADS.definition,
        )

    def _choose_pdf(self) -> None:
        if self.export_job is not None:
            self.export_job.cancel()
            return
        period = self.period()
        suggested = f"report-{period.start.isoformat()}-{period.end.isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export Report", suggested, "PDF files (*.pdf)"
        )
        if path:
            self.export_pdf(Path(path))

    def _choose_csv(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export Campaigns", "campaigns.csv", "CSV files (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def _report_written(self, result: object) -> None:
        if isinstance(result, PrintedReport):
            self._operations.show_message(f"Report written to {result.path}")

    def _export_done(self, running: JobThread) -> None:
        _RUNNING.discard(running)
        self.export_job = None
        self.pdf_button.setText(PDF_BUTTON_TEXT)

    def _forget_dialog(self) -> None:
        self.lead_dialog = None

    def _connect(self) -> None:
        self._operations.change_applied.connect(self.apply_change)
        self._operations.workspace_changed.connect(self.show_workspace)
        self.period_picker.changed.connect(self.reload)
        for metric, tile in self.tiles.items():
            tile.clicked.connect(lambda chosen=metric: self._tile_clicked(chosen))
        self.campaign_table.activated.connect(self._campaign_activated)
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.csv_button.clicked.connect(self._choose_csv)

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.period_picker)
        controls.addWidget(self.period_label)
        controls.addStretch(1)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.csv_button)
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        campaigns = QVBoxLayout()
        heading = QLabel("Campaigns, best return first (click a heading to sort)")
        heading.setToolTip(Metric.CAMPAIGN_LEADS.definition)
        campaigns.addWidget(heading)
        campaigns.addWidget(self.campaign_table)
        self._chart_grid.addLayout(campaigns, 1, 0, 1, 3)
        for column in range(3):
            self._chart_grid.setColumnStretch(column, 1)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(controls)
        body.addWidget(self.problem_label)
        body.addLayout(tiles)
        body.addLayout(self._chart_grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
