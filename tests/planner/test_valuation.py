"""Converting the pipeline to the home currency, and the settings that say how."""

from decimal import Decimal

import pytest

from planner.domain import Column
from planner.errors import ValidationError
from planner.money import Money
from planner.valuation import (
    DEFAULT_STALE_AFTER_DAYS,
    CurrencyAmount,
    PipelineSettings,
    convert_total,
    weighted,
)


def test_amounts_in_other_currencies_are_converted_at_the_users_rates() -> None:
    settings = PipelineSettings(rates={"USD": Decimal("0.9"), "CZK": Decimal("0.04")})
    amounts = [
        CurrencyAmount(Money(100_000, "EUR"), 2),
        CurrencyAmount(Money(50_000, "USD"), 1),
        CurrencyAmount(Money(8_600_000, "CZK"), 3),
    ]

    converted = convert_total(amounts, "EUR", settings)

    assert converted.total == Money(100_000 + 45_000 + 344_000, "EUR")
    assert converted.unconverted == ()
    assert [amount.money.currency for amount in converted.breakdown] == ["CZK", "EUR", "USD"]


def test_a_currency_without_a_rate_is_counted_apart_not_guessed() -> None:
    amounts = [
        CurrencyAmount(Money(10_000, "EUR"), 1),
        CurrencyAmount(Money(500, "JPY"), 1),
        CurrencyAmount(Money(700, "JPY"), 1),
    ]

    converted = convert_total(amounts, "EUR", PipelineSettings())

    assert converted.total == Money(10_000, "EUR")
    assert converted.unconverted == (CurrencyAmount(Money(1_200, "JPY"), 2),)
    assert converted.unconverted_leads == 2


def test_conversion_rounds_once_half_to_even_into_the_home_unit() -> None:
    settings = PipelineSettings(rates={"EUR": Decimal("162.345")})

    converted = convert_total([CurrencyAmount(Money(100, "EUR"))], "JPY", settings)

    assert converted.total == Money(162, "JPY")


def test_the_weighted_total_applies_the_columns_probability() -> None:
    total = convert_total([CurrencyAmount(Money(12_345, "EUR"))], "EUR", PipelineSettings())

    assert weighted(total, PipelineSettings().probability(Column.WARM)) == Money(3_086, "EUR")
    assert PipelineSettings().probability(Column.WON) == 1
    assert PipelineSettings().probability(Column.LOST) == 0


def test_settings_survive_their_stored_form() -> None:
    settings = PipelineSettings(
        rates={"USD": Decimal("0.92")},
        probabilities={Column.HOT: Decimal("0.7")},
        stale_after_days={Column.WARM: 10},
    )

    again = PipelineSettings.from_json(settings.to_json())

    assert again.rates == {"USD": Decimal("0.92")}
    assert again.probability(Column.HOT) == Decimal("0.7")
    assert again.probability(Column.COLD) == Decimal("0.05")
    assert again.stale_limit(Column.WARM) == 10
    assert again.stale_limit(Column.HOT) == DEFAULT_STALE_AFTER_DAYS[Column.HOT]
    assert again.stale_limit(Column.WON) is None


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"rates": {"USD": Decimal(0)}}, "rates"),
        ({"rates": {"XYZ": Decimal(1)}}, "rates"),
        ({"probabilities": {Column.HOT: Decimal("1.5")}}, "probabilities"),
        ({"probabilities": {Column.WON: Decimal("0.5")}}, "probabilities"),
        ({"stale_after_days": {Column.COLD: 0}}, "stale_after_days"),
    ],
)
def test_impossible_settings_are_refused(settings: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        PipelineSettings(**settings)  # type: ignore[arg-type]

    assert refused.value.field == field
