"""The campaign table as CSV: formula-safe cells, plain amounts, written whole or not at all."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from planner.documents.output import OutputError
from planner.domain import Channel
from planner.interop.campaign_csv import safe_cell, write_campaign_csv
from planner.metrics.figures import MoneyFigure
from planner.metrics.report import CampaignResult
from planner.money import Money
from planner.valuation import CurrencyAmount


def _campaign(name: str, **changes: object) -> CampaignResult:
    fields: dict[str, object] = {
        "id": 1,
        "name": name,
        "code": "SPR-7KQ2",
        "channel": Channel.DIRECT_MAIL,
        "budget": MoneyFigure(Money(60000, "EUR")),
        "responses": 3,
        "leads": 2,
        "won": 1,
        "revenue": MoneyFigure(Money(250000, "EUR")),
        "cost_per_lead": MoneyFigure(Money(30000, "EUR")),
        "cost_per_sale": MoneyFigure(Money(60000, "EUR")),
        "roi": Decimal("3.1667"),
        **changes,
    }
    return CampaignResult(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(start: str) -> None:
    assert safe_cell(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"


def test_the_table_reads_back_with_plain_amounts(tmp_path: Path) -> None:
    no_rate = MoneyFigure(None, (CurrencyAmount(Money(20000, "USD")),))
    campaigns = [
        _campaign('=HYPERLINK("http://evil")'),
        _campaign("Łódź fair", id=2, budget=no_rate, cost_per_lead=None, roi=Decimal("-1")),
    ]
    path = tmp_path / "campaigns.csv"
    assert write_campaign_csv(path, campaigns, "EUR") == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        header, first, second = list(csv.reader(file))
    assert header[:5] == ["id", "name", "code", "channel", "budget"]
    assert first[1] == '\'=HYPERLINK("http://evil")'
    assert (first[4], first[8], first[11], first[12]) == ("600.00", "2500.00", "3.1667", "EUR")
    assert (second[1], second[4], second[9], second[13]) == ("Łódź fair", "", "", "USD")


def test_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_campaign_csv(tmp_path / "gone" / "campaigns.csv", [_campaign("A")], "EUR")
    assert list(tmp_path.iterdir()) == []
