"""How figures read, and that docs/metrics.md states every definition the tooltips show."""

from decimal import Decimal
from pathlib import Path

from planner.metrics.figures import MoneyFigure
from planner.metrics.wording import Metric, average_text, money_text, percent_text
from planner.money import Money
from planner.valuation import CurrencyAmount

DOCS = Path(__file__).parents[3] / "docs" / "metrics.md"


def test_amounts_without_a_rate_are_named_not_mixed() -> None:
    apart = (CurrencyAmount(Money(120000, "USD")), CurrencyAmount(Money(5000, "GBP")))
    figure = MoneyFigure(Money(370000, "EUR"), apart)
    assert money_text(figure) == "3,700.00 EUR + 1,200.00 USD + 50.00 GBP without a rate"
    assert money_text(figure, compact=True) == "3,700.00 EUR + 2 currencies without a rate"
    assert money_text(MoneyFigure(None, apart[:1])) == "1,200.00 USD without a rate"
    assert money_text(MoneyFigure(None)) == "–"
    assert money_text(None) == "–"


def test_rates_and_averages() -> None:
    assert percent_text(Decimal("0.7143")) == "71.4 %"
    assert percent_text(None) == "–"
    assert average_text(Decimal("2.75")) == "2.75"
    assert average_text(Decimal("33.00")) == "33"


def test_the_docs_state_every_definition() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [m for m in Metric if f"- **{m.label}**: {m.definition}" not in text]
    assert not missing
