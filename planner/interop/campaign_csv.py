"""The dashboard's campaign table as CSV, safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read as a
formula by Excel or LibreOffice (CSV injection, OWASP): such cells get a leading apostrophe. Amounts
are plain ``1234.50`` with their currency in a column of its own, so a spreadsheet sums them in
any locale. The file is written whole or not at all.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from planner.documents.output import atomic_file
from planner.metrics.figures import MoneyFigure
from planner.metrics.report import CampaignResult

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take as the start of a formula."""

HEADER = (
    "id",
    "name",
    "code",
    "channel",
    "budget",
    "responses",
    "leads",
    "won",
    "revenue",
    "cost_per_lead",
    "cost_per_sale",
    "roi",
    "currency",
    "without_rate",
)


def safe_cell(value: object) -> str:
    """``value`` as text a spreadsheet shows as written: ``=SUM(A1)`` becomes ``'=SUM(A1)``."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def campaign_rows(campaigns: Iterable[CampaignResult], currency: str) -> list[list[str]]:
    """The header and one row per campaign; negative ROIs are numbers, kept as written."""
    rows = [list(HEADER)]
    for campaign in campaigns:
        figures = (
            campaign.budget,
            campaign.revenue,
            campaign.cost_per_lead,
            campaign.cost_per_sale,
        )
        apart = sorted(
            {amount.money.currency for figure in figures if figure for amount in figure.unconverted}
        )
        rows.append(
            [
                str(campaign.id),
                safe_cell(campaign.name),
                safe_cell(campaign.code),
                campaign.channel.value,
                _amount(campaign.budget),
                str(campaign.responses),
                str(campaign.leads),
                str(campaign.won),
                _amount(campaign.revenue),
                _amount(campaign.cost_per_lead),
                _amount(campaign.cost_per_sale),
                str(campaign.roi) if campaign.roi is not None else "",
                currency,
                " ".join(apart),
            ]
        )
    return rows


def write_campaign_csv(path: Path, campaigns: Sequence[CampaignResult], currency: str) -> int:
    """Writes the table to ``path`` (UTF-8 with a BOM, so Excel reads accents); returns the
    number of campaigns written."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(campaign_rows(campaigns, currency))
    with atomic_file(path) as file:
        file.write(buffer.getvalue().encode("utf-8-sig"))
    return len(campaigns)


def _amount(figure: MoneyFigure | None) -> str:
    """The home-currency amount (``1234.50``); empty without data or without a rate."""
    if figure is None or figure.money is None:
        return ""
    return figure.money.as_decimal_string()
