"""The report as JSON (``planner report --json``): amounts as ``{"amount", "currency"}``, rates
as numbers with four decimals, and ``null`` for a figure without data."""

from decimal import Decimal
from typing import Any

from planner.metrics.figures import MoneyFigure
from planner.metrics.report import CampaignResult, Report
from planner.metrics.selection import Stage


def report_to_json(report: Report) -> dict[str, Any]:
    """Every figure of the report, keyed as the issue and the docs name them."""
    funnel = report.funnel
    return {
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "currency": report.currency,
        "funnel": {
            **{stage.name.lower(): funnel.count(stage) for stage in Stage},
            "rates": {
                f"{Stage(stage - 1).name.lower()}_to_{stage.name.lower()}": number(
                    funnel.rate_into(stage)
                )
                for stage in list(Stage)[1:]
            },
        },
        "win_rate": number(report.win_rate),
        "won": report.won,
        "lost": report.lost,
        "deals": report.deals,
        "revenue": money(report.revenue),
        "average_deal": money(report.average_deal),
        "revenue_by_month": [
            {"month": month, "revenue": money(figure)} for month, figure in report.revenue_by_month
        ],
        "pipeline": money(report.pipeline),
        "weighted_pipeline": money(report.weighted_pipeline),
        "touches_to_close": number(report.touches_to_close),
        "days_to_close": number(report.days_to_close),
        "campaigns": [_campaign(campaign) for campaign in report.campaigns],
        "cost_per_lead_by_channel": [
            {
                "channel": cost.channel.value,
                "budget": money(cost.budget),
                "leads": cost.leads,
                "cost_per_lead": money(cost.cost_per_lead),
            }
            for cost in report.channel_costs
        ],
        "sources": [
            {"source": source.source, "leads": source.leads, "by_month": dict(source.by_month)}
            for source in report.sources
        ],
        "lost_reasons": [
            {"reason": reason.reason, "leads": reason.leads} for reason in report.lost_reasons
        ],
        "repeat_customers": report.repeat_customers,
        "referrals": {
            "leads": report.referrals,
            "referrers": report.referrers,
            "revenue": money(report.referral_revenue),
        },
        "gone_quiet": report.gone_quiet,
    }


def _campaign(campaign: CampaignResult) -> dict[str, Any]:
    return {
        "id": campaign.id,
        "name": campaign.name,
        "code": campaign.code,
        "channel": campaign.channel.value,
        "budget": money(campaign.budget),
        "responses": campaign.responses,
        "leads": campaign.leads,
        "won": campaign.won,
        "revenue": money(campaign.revenue),
        "cost_per_lead": money(campaign.cost_per_lead),
        "cost_per_sale": money(campaign.cost_per_sale),
        "roi": number(campaign.roi),
    }


def money(figure: MoneyFigure | None) -> dict[str, Any] | None:
    """``{"amount": "1234.50", "currency": "EUR"}``; amounts without a rate are listed under
    ``unconverted``, and the amount is ``null`` when nothing could be converted."""
    if figure is None or (figure.money is None and figure.is_complete):
        return None
    data: dict[str, Any] = {
        "amount": figure.money.as_decimal_string() if figure.money is not None else None,
        "currency": figure.money.currency if figure.money is not None else None,
    }
    if figure.unconverted:
        data["unconverted"] = [
            {
                "amount": amount.money.as_decimal_string(),
                "currency": amount.money.currency,
                "count": amount.leads,
            }
            for amount in figure.unconverted
        ]
    return data


def number(value: Decimal | None) -> float | None:
    """A rate or an average as a JSON number (``0.6667``), ``null`` without data."""
    return float(value) if value is not None else None
