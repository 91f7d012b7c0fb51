"""The report as a PDF: every figure worded as the dashboard words it, under the letterhead.

``PrintReport`` is a document job like the letters' (``document_jobs``): frozen, run with a
progress callback and a cancel check, reading through its own connection and writing its file
whole or not at all, so the window can run it on a worker thread.
"""

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from planner.clock import Clock
from planner.documents.batch import CancelCheck, MergeCancelledError, ProgressCallback
from planner.documents.profile import SenderProfile
from planner.documents.report_pages import KeyFigure, ReportPages, ReportTable
from planner.locale import ENGLISH, format_day, month_name
from planner.metrics.figures import MoneyFigure
from planner.metrics.period import Period
from planner.metrics.report import Report
from planner.metrics.selection import Stage
from planner.metrics.wording import (
    NO_DATA,
    Metric,
    average_text,
    money_text,
    percent_text,
)
from planner.services.report import load_report
from planner.store.database import open_reader
from planner.workspace import Workspace

NO_SOURCE = "(no source)"
NO_REASON = "(no reason given)"


def period_text(period: Period) -> str:
    """``1 Jan 2026 – 31 Mar 2026``."""
    return f"{format_day(period.start)} – {format_day(period.end)}"


def month_text(month: str) -> str:
    """``Mar 2026`` for ``2026-03``."""
    year, number = month.split("-")
    return f"{month_name(int(number))[:3]} {year}"


def report_pages(report: Report, sender: SenderProfile, locale: Locale = ENGLISH) -> ReportPages:
    """The report's figures as the text the PDF prints.

    Cells name how many currencies lack a rate; a last table lists those amounts in full."""
    funnel = report.funnel
    apart: list[tuple[str, str]] = []

    def money(figure: MoneyFigure | None, label: str = "") -> str:
        if figure is not None and not figure.is_complete and label:
            apart.append((label, money_text(figure, locale)))
        return money_text(figure, locale, compact=True)

    key_figures = (
        KeyFigure(Metric.WIN_RATE.label, percent_text(report.win_rate, locale)),
        KeyFigure(Metric.AVERAGE_DEAL.label, money(report.average_deal, Metric.AVERAGE_DEAL.label)),
        KeyFigure(
            Metric.WEIGHTED_PIPELINE.label,
            money(report.weighted_pipeline, Metric.WEIGHTED_PIPELINE.label),
        ),
        KeyFigure(Metric.TOUCHES_TO_CLOSE.label, average_text(report.touches_to_close, locale)),
        KeyFigure(Metric.REVENUE.label, money(report.revenue, Metric.REVENUE.label)),
        KeyFigure(Metric.PIPELINE.label, money(report.pipeline, Metric.PIPELINE.label)),
        KeyFigure(Metric.DAYS_TO_CLOSE.label, average_text(report.days_to_close, locale)),
        KeyFigure("Won · lost · deals", f"{report.won} · {report.lost} · {report.deals}"),
        KeyFigure(Metric.REPEAT_CUSTOMERS.label, str(report.repeat_customers)),
        KeyFigure(
            Metric.REFERRALS.label,
            f"{report.referrals} · {money(report.referral_revenue, 'Referral revenue')}",
        ),
        KeyFigure(Metric.GONE_QUIET.label, str(report.gone_quiet)),
    )
    tables: tuple[ReportTable, ...] = (
        ReportTable(
            "Funnel",
            ("Stage", "Leads", "Rate from the stage before"),
            tuple(
                (
                    stage.label,
                    str(funnel.count(stage)),
                    percent_text(funnel.rate_into(stage), locale)
                    if stage is not Stage.AWARENESS
                    else NO_DATA,
                )
                for stage in Stage
            ),
        ),
        ReportTable(
            "Revenue per month",
            ("Month", "Revenue"),
            tuple(
                (month_text(month), money(figure, f"Revenue, {month_text(month)}"))
                for month, figure in report.revenue_by_month
            ),
        ),
        ReportTable(
            "Campaigns: what they cost and brought",
            ("Campaign", "Budget", "Responses", "Leads", "Won", "Revenue"),
            tuple(
                (
                    f"{campaign.name} ({campaign.code})",
                    money(campaign.budget, f"Budget, {campaign.name}"),
                    str(campaign.responses),
                    str(campaign.leads),
                    str(campaign.won),
                    money(campaign.revenue, f"Revenue, {campaign.name}"),
                )
                for campaign in report.campaigns
            ),
            "No campaign ran in this period",
        ),
        ReportTable(
            "Campaigns: cost per lead, per sale, and return",
            ("Campaign", "Cost per lead", "Cost per sale", "ROI"),
            tuple(
                (
                    f"{campaign.name} ({campaign.code})",
                    money(campaign.cost_per_lead, f"Cost per lead, {campaign.name}"),
                    money(campaign.cost_per_sale, f"Cost per sale, {campaign.name}"),
                    percent_text(campaign.roi, locale),
                )
                for campaign in report.campaigns
            ),
            "No campaign ran in this period",
        ),
        ReportTable(
            "Cost per lead by channel",
            ("Channel", "Budget", "Leads", "Cost per lead"),
            tuple(
                (
                    cost.channel.label,
                    money(cost.budget, f"Budget, {cost.channel.label}"),
                    str(cost.leads),
                    money(cost.cost_per_lead, f"Cost per lead, {cost.channel.label}"),
                )
                for cost in report.channel_costs
            ),
        ),
        ReportTable(
            Metric.SOURCES.label,
            ("Source", "New leads"),
            tuple((source.source or NO_SOURCE, str(source.leads)) for source in report.sources),
        ),
        ReportTable(
            Metric.LOST_REASONS.label,
            ("Reason", "Leads"),
            tuple(
                (reason.reason or NO_REASON, str(reason.leads)) for reason in report.lost_reasons
            ),
        ),
    )
    if apart:
        tables += (
            ReportTable(
                "Amounts without an exchange rate",
                ("Figure", "In full"),
                tuple(dict.fromkeys(apart)),
            ),
        )
    return ReportPages(
        title="Sales and marketing report",
        period_text=period_text(report.period),
        sender=sender,
        key_figures=key_figures,
        tables=tables,
        definitions=tuple((metric.label, metric.definition) for metric in Metric),
    )


@dataclass(frozen=True)
class PrintedReport:
    """A report written: the file and its page count."""

    path: Path
    pages: int


@dataclass(frozen=True)
class PrintReport:
    """The report over ``period`` into ``output``; ``clock`` says what today is."""

    database: Path
    period: Period
    sender: SenderProfile
    output: Path
    clock: Clock

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> PrintedReport:
        """Writes the report; failure or cancelling leaves no file."""
        from planner.documents.output import atomic_file
        from planner.documents.report import write_report

        progress(0, 2)
        with closing(open_reader(self.database)) as reader:
            report = load_report(Workspace(self.database, reader, self.clock), self.period)
        progress(1, 2)
        if is_cancelled():
            raise MergeCancelledError
        with atomic_file(self.output) as file:
            pages = write_report(file, report_pages(report, self.sender))
        progress(2, 2)
        return PrintedReport(self.output, pages)
