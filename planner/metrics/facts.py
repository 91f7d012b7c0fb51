"""What the store's aggregate queries return: counts and sums per currency, not rows per lead.

The store (``planner/store/metrics.py``) fills these; ``planner.metrics.report`` turns them into
figures in the home currency. Every amount keeps its own currency here: converting is the
report's job, so a missing rate can be told apart from a zero.
"""

from dataclasses import dataclass, field

from planner.domain import Channel, Column
from planner.money import Money
from planner.valuation import CurrencyAmount


@dataclass(frozen=True)
class FunnelCounts:
    """Leads that entered the funnel in the period, and how far each got by the period's end.

    A lead counts in every stage up to the furthest one it reached, so one that jumped from
    Cold to Hot has passed Warm.
    """

    awareness: int = 0
    consideration: int = 0
    conversion: int = 0
    won: int = 0


@dataclass(frozen=True)
class ClosedCounts:
    """Leads whose last close in the period was a win, or a loss."""

    won: int = 0
    lost: int = 0


@dataclass(frozen=True)
class DealTotals:
    """The deals won in the period: how many, and their values per currency (``leads`` of each
    amount counts deals with a value). ``by_month`` holds the same per ``YYYY-MM``."""

    deals: int = 0
    amounts: tuple[CurrencyAmount, ...] = ()
    by_month: tuple[tuple[str, CurrencyAmount], ...] = ()


@dataclass(frozen=True)
class CloseEffort:
    """What the deals won in the period took: touches done before each win, and days from the
    first of them to the win (only deals with a touch have a first touch)."""

    deals: int = 0
    touches: int = 0
    deals_with_touches: int = 0
    days: int = 0


@dataclass(frozen=True)
class PipelineAmounts:
    """The open leads' values per column and currency, as the board shows them today."""

    by_column: tuple[tuple[Column, CurrencyAmount], ...] = ()


@dataclass(frozen=True)
class SourceMonth:
    """New leads from one source in one month (``source`` empty when none was given)."""

    source: str
    month: str
    leads: int


@dataclass(frozen=True)
class ReasonCount:
    """How many leads lost in the period give one reason (empty when none was given)."""

    reason: str
    leads: int


@dataclass(frozen=True)
class CampaignFacts:
    """A campaign and what came back: responses recorded against its code, the leads that
    answered, the wins among them after their first answer, and those wins' values."""

    id: int
    name: str
    code: str
    channel: Channel
    budget: Money | None
    responses: int = 0
    leads: int = 0
    won: int = 0
    revenue: tuple[CurrencyAmount, ...] = ()


@dataclass(frozen=True)
class RelationshipFacts:
    """Repeat customers (won more than once by the period's end), leads added in the period
    with a referrer, how many people referred them, the value of referred leads' wins in the
    period, and open leads gone quiet today."""

    repeat_customers: int = 0
    referrals: int = 0
    referrers: int = 0
    referral_revenue: tuple[CurrencyAmount, ...] = ()
    gone_quiet: int = 0


@dataclass(frozen=True)
class ReportFacts:
    """Everything one report needs, read in one go from the file."""

    funnel: FunnelCounts = FunnelCounts()
    closed: ClosedCounts = ClosedCounts()
    deals: DealTotals = DealTotals()
    effort: CloseEffort = CloseEffort()
    pipeline: PipelineAmounts = PipelineAmounts()
    sources: tuple[SourceMonth, ...] = ()
    lost_reasons: tuple[ReasonCount, ...] = ()
    campaigns: tuple[CampaignFacts, ...] = ()
    relationships: RelationshipFacts = field(default_factory=RelationshipFacts)
