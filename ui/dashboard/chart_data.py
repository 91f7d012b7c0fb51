"""What the dashboard's charts show, worked out from the report: labels, values, tooltips.

Kept apart from ``bar_chart`` so this reads the report without loading Qt Charts.
"""

from dataclasses import dataclass

from babel import Locale

from planner.domain import Column
from planner.metrics.report import Report, SourceFigures
from planner.metrics.selection import Stage
from planner.metrics.wording import money_text, percent_text
from planner.services.report_pdf import month_text
from ui.common.colours import column_accent


def cheapest_sale_text(report: Report, locale: Locale) -> str:
    """``Lowest cost per sale: Spring letters, 300.00 EUR``, or why there is none."""
    priced = [
        (campaign.cost_per_sale.money, campaign.name)
        for campaign in report.campaigns
        if campaign.cost_per_sale is not None
        and campaign.cost_per_sale.money is not None
        and campaign.cost_per_sale.is_complete
    ]
    if not priced:
        return "No campaign of the period has won a sale yet"
    cost, name = min(priced, key=lambda found: found[0].minor)
    return f"Lowest cost per sale: {name}, {cost.format(locale)}"


TOP_SOURCES = 8
"""Sources shown in the chart; the PDF report lists them all."""

NO_SOURCE = "(no source)"


@dataclass(frozen=True)
class BarData:
    """What one chart shows: a title, a label and a value per bar, and a tooltip per bar."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    tooltips: tuple[str, ...] = ()
    horizontal: bool = False
    colour: str = ""
    """A colour name for the bars; the palette's highlight when empty."""


def funnel_data(report: Report) -> BarData:
    funnel = report.funnel
    labels = []
    tooltips = []
    for stage in Stage:
        rate = funnel.rate_into(stage)
        rate_text = "" if stage is Stage.AWARENESS else f" · {percent_text(rate)}"
        labels.append(f"{stage.label}{rate_text}")
        tooltips.append(
            f"{stage.label}: {funnel.count(stage)} leads"
            + (
                ""
                if stage is Stage.AWARENESS
                else f", {percent_text(rate)} of {Stage(stage - 1).label}"
            )
        )
    came_in, won = funnel.count(Stage.AWARENESS), funnel.count(Stage.WON)
    return BarData(
        f"Funnel: {came_in} {'lead' if came_in == 1 else 'leads'} came in, "
        f"{won} became {'a customer' if won == 1 else 'customers'}",
        tuple(labels),
        tuple(float(funnel.count(stage)) for stage in Stage),
        tuple(tooltips),
        horizontal=True,
        colour=column_accent(Column.WARM).name(),
    )


def revenue_data(report: Report, locale: Locale) -> BarData:
    months = report.revenue_by_month
    apart = any(not figure.is_complete for _month, figure in months)
    title = f"Revenue per month ({report.currency})"
    if apart:
        title += " · some amounts have no rate"
    return BarData(
        title,
        tuple(month_text(month) for month, _figure in months),
        tuple(
            float(round(figure.money.decimal)) if figure.money is not None else 0.0
            for _month, figure in months
        ),
        tuple(f"{month_text(month)}: {money_text(figure, locale)}" for month, figure in months),
        colour=column_accent(Column.WON).name(),
    )


def top_sources(report: Report) -> tuple[SourceFigures, ...]:
    return report.sources[:TOP_SOURCES]


def source_data(report: Report) -> BarData:
    sources = top_sources(report)
    return BarData(
        "New leads by source",
        tuple(source.source or NO_SOURCE for source in sources),
        tuple(float(source.leads) for source in sources),
        tuple(
            f"{source.source or NO_SOURCE}: {source.leads} new leads"
            + "".join(f"\n{month_text(month)}: {count}" for month, count in source.by_month)
            for source in sources
        ),
        horizontal=True,
        colour=column_accent(Column.COLD).name(),
    )
