"""The whole report: every dashboard figure, computed from the store's facts.

``build_report`` is a pure function of the facts, the home currency and the user's rates and
probabilities, so tests check it against figures worked out by hand.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from planner.domain import Channel
from planner.metrics.facts import CampaignFacts, FunnelCounts, ReasonCount, ReportFacts
from planner.metrics.figures import (
    Converter,
    MoneyFigure,
    mean,
    per,
    ratio,
    return_on_investment,
)
from planner.metrics.period import Period
from planner.metrics.selection import Stage
from planner.money import Money
from planner.valuation import (
    OPEN_COLUMNS,
    CurrencyAmount,
    Valuation,
)


@dataclass(frozen=True)
class Funnel:
    """Counts per stage and the rate from each stage to the next (``None`` after an empty one)."""

    counts: FunnelCounts

    def count(self, stage: Stage) -> int:
        """How many leads reached ``stage``."""
        return int(getattr(self.counts, stage.name.lower()))

    def rate_into(self, stage: Stage) -> Decimal | None:
        """The share of the previous stage's leads that reached ``stage``."""
        if stage is Stage.AWARENESS:
            return None
        return ratio(self.count(stage), self.count(Stage(stage - 1)))


@dataclass(frozen=True)
class CampaignResult:
    """What one campaign cost and brought, in the home currency."""

    id: int
    name: str
    code: str
    channel: Channel
    budget: MoneyFigure | None
    responses: int
    leads: int
    won: int
    revenue: MoneyFigure
    cost_per_lead: MoneyFigure | None
    cost_per_sale: MoneyFigure | None
    roi: Decimal | None


@dataclass(frozen=True)
class ChannelCost:
    """The campaigns of one channel together: their budgets, their leads, cost per lead."""

    channel: Channel
    budget: MoneyFigure
    leads: int
    cost_per_lead: MoneyFigure | None


@dataclass(frozen=True)
class SourceFigures:
    """New leads from one source in the period, and per month."""

    source: str
    leads: int
    by_month: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Report:
    """Every figure of the dashboard and of ``planner report`` for one period."""

    period: Period
    currency: str
    funnel: Funnel
    won: int
    lost: int
    win_rate: Decimal | None
    deals: int
    revenue: MoneyFigure
    average_deal: MoneyFigure
    revenue_by_month: tuple[tuple[str, MoneyFigure], ...]
    pipeline: MoneyFigure
    weighted_pipeline: MoneyFigure
    touches_to_close: Decimal | None
    days_to_close: Decimal | None
    lost_reasons: tuple[ReasonCount, ...]
    sources: tuple[SourceFigures, ...]
    campaigns: tuple[CampaignResult, ...]
    channel_costs: tuple[ChannelCost, ...]
    repeat_customers: int
    referrals: int
    referrers: int
    referral_revenue: MoneyFigure
    gone_quiet: int


def build_report(facts: ReportFacts, period: Period, valuation: Valuation) -> Report:
    """The report over ``period`` from its facts, in the home currency at the user's rates."""
    convert = Converter(valuation)
    campaigns = tuple(_campaign_result(campaign, convert) for campaign in facts.campaigns)
    pipeline, weighted_pipeline = _pipeline(facts, convert)
    return Report(
        period=period,
        currency=valuation.home_currency,
        funnel=Funnel(facts.funnel),
        won=facts.closed.won,
        lost=facts.closed.lost,
        win_rate=ratio(facts.closed.won, facts.closed.won + facts.closed.lost),
        deals=facts.deals.deals,
        revenue=convert.total(facts.deals.amounts),
        average_deal=convert.average(facts.deals.amounts),
        revenue_by_month=_by_month(facts, period, convert),
        pipeline=pipeline,
        weighted_pipeline=weighted_pipeline,
        touches_to_close=mean(facts.effort.touches, facts.effort.deals),
        days_to_close=mean(facts.effort.days, facts.effort.deals_with_touches),
        lost_reasons=facts.lost_reasons,
        sources=_sources(facts),
        campaigns=campaigns,
        channel_costs=_channel_costs(facts.campaigns, convert),
        repeat_customers=facts.relationships.repeat_customers,
        referrals=facts.relationships.referrals,
        referrers=facts.relationships.referrers,
        referral_revenue=convert.total(facts.relationships.referral_revenue),
        gone_quiet=facts.relationships.gone_quiet,
    )


def _campaign_result(campaign: CampaignFacts, convert: Converter) -> CampaignResult:
    budget = convert.amount(campaign.budget)
    revenue = convert.total(campaign.revenue)
    return CampaignResult(
        id=campaign.id,
        name=campaign.name,
        code=campaign.code,
        channel=campaign.channel,
        budget=budget,
        responses=campaign.responses,
        leads=campaign.leads,
        won=campaign.won,
        revenue=revenue,
        cost_per_lead=per(budget, campaign.leads),
        cost_per_sale=per(budget, campaign.won),
        roi=return_on_investment(revenue, budget),
    )


def _channel_costs(
    campaigns: tuple[CampaignFacts, ...], convert: Converter
) -> tuple[ChannelCost, ...]:
    budgets: dict[Channel, list[CurrencyAmount]] = defaultdict(list)
    leads: dict[Channel, int] = defaultdict(int)
    for campaign in campaigns:
        if campaign.budget is None:
            continue
        budgets[campaign.channel].append(CurrencyAmount(campaign.budget))
        leads[campaign.channel] += campaign.leads
    costs = []
    for channel in Channel:
        if channel not in budgets:
            continue
        budget = convert.total(budgets[channel])
        costs.append(ChannelCost(channel, budget, leads[channel], per(budget, leads[channel])))
    return tuple(costs)


def _pipeline(facts: ReportFacts, convert: Converter) -> tuple[MoneyFigure, MoneyFigure]:
    """The open leads' value, and that value weighted by each column's win probability (each
    column's share rounded once, then added), reckoned as the board's column headers are."""
    everything = convert.total(amount for _column, amount in facts.pipeline.by_column)
    weighted_minor = 0
    for column in OPEN_COLUMNS:
        amounts = [amount for found, amount in facts.pipeline.by_column if found is column]
        weighted_minor += convert.valuation.worth(column, amounts).weighted.minor
    weighted_total = MoneyFigure(
        Money(weighted_minor, convert.home_currency), everything.unconverted
    )
    return everything, weighted_total


def _by_month(
    facts: ReportFacts, period: Period, convert: Converter
) -> tuple[tuple[str, MoneyFigure], ...]:
    amounts: dict[str, list[CurrencyAmount]] = defaultdict(list)
    for month, amount in facts.deals.by_month:
        amounts[month].append(amount)
    return tuple((month, convert.total(amounts[month])) for month in period.months())


def _sources(facts: ReportFacts) -> tuple[SourceFigures, ...]:
    months: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in facts.sources:
        months[row.source].append((row.month, row.leads))
    found = [
        SourceFigures(source, sum(count for _month, count in by_month), tuple(by_month))
        for source, by_month in months.items()
    ]
    return tuple(sorted(found, key=lambda figures: (-figures.leads, figures.source)))
