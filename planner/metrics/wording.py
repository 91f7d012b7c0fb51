"""How the figures read: their names, the formula each stands for, and their text.

The dashboard's tooltips, the PDF report and ``docs/metrics.md`` use these same sentences, so
what a figure means is written once.
"""

from decimal import Decimal
from enum import StrEnum

from babel import Locale
from babel.numbers import format_decimal

from planner.locale import ENGLISH
from planner.metrics.figures import MoneyFigure

NO_DATA = "–"
"""What a figure without data shows: no division by zero, no made-up zero."""


class Metric(StrEnum):
    """The figures a user can ask about."""

    FUNNEL = "funnel"
    WIN_RATE = "win_rate"
    AVERAGE_DEAL = "average_deal"
    REVENUE = "revenue"
    PIPELINE = "pipeline"
    WEIGHTED_PIPELINE = "weighted_pipeline"
    TOUCHES_TO_CLOSE = "touches_to_close"
    DAYS_TO_CLOSE = "days_to_close"
    LOST_REASONS = "lost_reasons"
    SOURCES = "sources"
    CAMPAIGN_LEADS = "campaign_leads"
    COST_PER_LEAD = "cost_per_lead"
    COST_PER_SALE = "cost_per_sale"
    REVENUE_ATTRIBUTED = "revenue_attributed"
    ROI = "roi"
    REPEAT_CUSTOMERS = "repeat_customers"
    REFERRALS = "referrals"
    GONE_QUIET = "gone_quiet"

    @property
    def label(self) -> str:
        """``Win rate``: the figure's name."""
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @property
    def definition(self) -> str:
        """The formula, in words, shown on hover and in the docs."""
        return _DEFINITIONS[self]


_LABELS = {
    Metric.ROI: "Return on investment",
    Metric.SOURCES: "New leads by source",
    Metric.CAMPAIGN_LEADS: "Campaign leads",
}

_DEFINITIONS = {
    Metric.FUNNEL: (
        "Leads that entered the funnel in the period (added, or reopened after a win or a loss) "
        "and the furthest column each reached by the period's end: awareness = all of them, "
        "consideration = reached Warm, conversion = reached Hot, won = reached Won. A lead that "
        "jumped a column counts as having passed it. Each rate is a stage ÷ the stage before."
    ),
    Metric.WIN_RATE: (
        "Won ÷ (won + lost): of the leads closed in the period, the share whose last close "
        "was a win."
    ),
    Metric.AVERAGE_DEAL: (
        "Revenue ÷ deals with a value: a deal is a move into Won in the period, worth the "
        "lead's value."
    ),
    Metric.REVENUE: "The values of the deals won in the period (moves into Won), by month.",
    Metric.PIPELINE: "The values of the open leads (Cold, Warm, Hot) today.",
    Metric.WEIGHTED_PIPELINE: (
        "Each open column's value × its win probability (pipeline settings), added up: what "
        "the open leads are likely to bring."
    ),
    Metric.TOUCHES_TO_CLOSE: (
        "Touches done before each deal won in the period (since the lead's previous win) ÷ "
        "deals. It commonly takes about eight."
    ),
    Metric.DAYS_TO_CLOSE: (
        "Days from a won deal's first touch to the win, averaged over the deals won in the "
        "period that had a touch."
    ),
    Metric.LOST_REASONS: "Why the leads lost in the period were lost, the commonest first.",
    Metric.SOURCES: "Leads added in the period, by their source and month.",
    Metric.CAMPAIGN_LEADS: (
        "A campaign's leads are the leads that answered it: responses recorded against its "
        "response code."
    ),
    Metric.COST_PER_LEAD: "Budget ÷ the campaign's leads (those that answered it).",
    Metric.COST_PER_SALE: "Budget ÷ wins among the campaign's leads after they answered.",
    Metric.REVENUE_ATTRIBUTED: "The won amounts of the campaign's leads after they answered.",
    Metric.ROI: "(Revenue attributed − budget) ÷ budget.",
    Metric.REPEAT_CUSTOMERS: "Leads won more than once, by the period's end.",
    Metric.REFERRALS: (
        "Leads added in the period who name a referrer, and the revenue referred leads "
        "brought in the period."
    ),
    Metric.GONE_QUIET: (
        "Open leads with nothing planned and no touch or move for the planning settings' "
        "quiet days, today."
    ),
}


def money_text(
    figure: MoneyFigure | None, locale: Locale = ENGLISH, *, compact: bool = False
) -> str:
    """``3,700.00 EUR + 1,200.00 USD without a rate``; ``–`` without data.

    ``compact`` (for a tile or a table cell) counts two or more currencies without a rate
    instead of listing them: ``3,700.00 EUR + 4 currencies without a rate``."""
    if figure is None or (figure.money is None and figure.is_complete):
        return NO_DATA
    if compact and len(figure.unconverted) > 1:
        apart = f"{len(figure.unconverted)} currencies"
    else:
        apart = " + ".join(amount.money.format(locale) for amount in figure.unconverted)
    if figure.money is None or (apart and not figure.money.minor):
        return f"{apart} without a rate"
    if apart:
        return f"{figure.money.format(locale)} + {apart} without a rate"
    return figure.money.format(locale)


def percent_text(value: Decimal | None, locale: Locale = ENGLISH) -> str:
    """``71.4 %``; ``–`` without data."""
    if value is None:
        return NO_DATA
    return f"{format_decimal(value * 100, format='#,##0.0', locale=locale)} %"


def average_text(value: Decimal | None, locale: Locale = ENGLISH) -> str:
    """``2.75``; ``–`` without data."""
    if value is None:
        return NO_DATA
    return str(format_decimal(value, format="#,##0.##", locale=locale))
