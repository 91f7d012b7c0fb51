"""Items typed on the command line, quantities and percentages."""

from decimal import Decimal

import pytest

from planner.errors import ValidationError
from planner.money import Money
from planner.sales.items import parse_item_spec, parse_quantity
from planner.sales.percent import parse_percent


def test_an_item_spec_reads_description_quantity_price_and_optional_tax() -> None:
    line = parse_item_spec("Design work:10:85.00:19", "EUR")
    assert (line.description, line.quantity, line.unit_price, line.tax_rate) == (
        "Design work",
        Decimal(10),
        Money(8500, "EUR"),
        Decimal(19),
    )
    untaxed = parse_item_spec("Bread:2.5:3", "JPY")
    assert (untaxed.quantity, untaxed.unit_price, untaxed.tax_rate) == (
        Decimal("2.5"),
        Money(3, "JPY"),
        Decimal(0),
    )


def test_colons_in_the_description_stay_in_it() -> None:
    assert parse_item_spec("Phase 1: design:1:100.00", "EUR").description == "Phase 1: design"
    assert parse_item_spec("Phase 1: design:1:100.00:7", "EUR").tax_rate == Decimal(7)


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ("Nothing", "item"),
        ("Two:parts", "item"),
        (":1:10.00", "description"),
        ("Negative:-1:10.00", "quantity"),
        ("Zero:0:10.00", "quantity"),
        ("Fine:1:10.001", "value"),
        ("Fine:1:10.00:101", "tax_rate"),
        ("Fine:1:10.00:abc", "tax_rate"),
    ],
)
def test_malformed_items_are_refused_naming_the_field(spec: str, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_item_spec(spec, "EUR")
    assert refused.value.field == field


def test_quantities_and_percentages() -> None:
    assert parse_quantity("0.25") == Decimal("0.25")
    assert parse_percent("7.5%", "tax") == Decimal("7.5")
    assert parse_percent(" 0 ", "tax") == Decimal(0)
    for bad in ("1.00001", "1e3x", "nan"):
        with pytest.raises(ValidationError):
            parse_quantity(bad)
    for bad in ("-1", "100.001", "19,5"):
        with pytest.raises(ValidationError):
            parse_percent(bad, "tax")
