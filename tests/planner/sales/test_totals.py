"""Totals under the documented rounding rule, for any lines in currencies of 0, 2 and 3 decimals."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.money import Money, minor_digits
from planner.sales.items import LineItem
from planner.sales.totals import compute_totals

CURRENCIES = ("JPY", "EUR", "KWD")
"""No minor unit, cents, and fils (three decimals)."""


def _lines(currency: str) -> st.SearchStrategy[list[LineItem]]:
    line = st.builds(
        LineItem,
        description=st.just("Work"),
        quantity=st.decimals(min_value="0.0001", max_value="10000", places=4),
        unit_price=st.integers(min_value=0, max_value=10**9).map(
            lambda minor: Money(minor, currency)
        ),
        discount=st.decimals(min_value=0, max_value=100, places=2),
        tax_rate=st.sampled_from(
            [Decimal(0), Decimal(7), Decimal("7.7"), Decimal(19), Decimal(20)]
        ),
    )
    return st.lists(line, min_size=1, max_size=12)


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[LineItem], str, Decimal]:
    currency = draw(st.sampled_from(CURRENCIES))
    lines = draw(_lines(currency))
    discount = draw(st.decimals(min_value=0, max_value=100, places=2))
    return lines, currency, discount


def _to_minor(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(minor_digits(currency)).to_integral_value(rounding=ROUND_HALF_UP))


@given(documents())
def test_total_is_the_sum_of_rounded_lines_after_discounts_plus_tax_per_rate(
    document: tuple[list[LineItem], str, Decimal],
) -> None:
    lines, currency, discount = document
    totals = compute_totals(lines, currency, discount)
    unit = Decimal(1).scaleb(-minor_digits(currency))

    line_nets = [
        _to_minor(line.quantity * line.unit_price.decimal * (1 - line.discount / 100), currency)
        for line in lines
    ]
    assert [net.minor for net in totals.line_nets] == line_nets
    assert totals.subtotal.minor == sum(line_nets)

    expected_tax = 0
    expected_discount = 0
    for rate in {line.tax_rate for line in lines}:
        rate_net = sum(
            net for line, net in zip(lines, line_nets, strict=True) if line.tax_rate == rate
        )
        rate_discount = _to_minor(Decimal(rate_net) * unit * discount / 100, currency)
        expected_discount += rate_discount
        expected_tax += _to_minor(Decimal(rate_net - rate_discount) * unit * rate / 100, currency)
    assert totals.discount.minor == expected_discount
    assert totals.tax.minor == expected_tax
    assert totals.net.minor == totals.subtotal.minor - totals.discount.minor
    assert totals.total.minor == totals.net.minor + totals.tax.minor
    assert totals.total.minor == sum(rate.taxable.minor + rate.tax.minor for rate in totals.rates)
    assert {money.currency for money in (totals.total, totals.tax, *totals.line_nets)} == {currency}


@given(documents())
def test_rounding_stays_within_half_a_minor_unit_per_rounded_figure(
    document: tuple[list[LineItem], str, Decimal],
) -> None:
    lines, currency, discount = document
    totals = compute_totals(lines, currency, discount)
    unit = Decimal(1).scaleb(-minor_digits(currency))
    exact_net = sum(
        (line.quantity * line.unit_price.decimal * (1 - line.discount / 100) for line in lines),
        Decimal(0),
    ) * (1 - discount / 100)
    roundings = len(lines) + len(totals.rates)
    assert abs(totals.net.decimal - exact_net) <= unit * roundings / 2


def test_a_worked_example_with_two_rates_and_an_overall_discount() -> None:
    euro = "EUR"
    lines = [
        LineItem("Website design", Decimal(1), Money(120000, euro), tax_rate=Decimal(19)),
        LineItem("Hosting", Decimal(12), Money(1999, euro), "month", Decimal(10), Decimal(19)),
        LineItem("Printed brochure", Decimal(250), Money(133, euro), tax_rate=Decimal(7)),
    ]
    totals = compute_totals(lines, euro, Decimal(5))
    assert [net.minor for net in totals.line_nets] == [120000, 21589, 33250]
    assert totals.subtotal == Money(174839, euro)
    nineteen, seven = totals.rates
    assert (nineteen.rate, nineteen.lines_net, nineteen.discount) == (
        Decimal(19),
        Money(141589, euro),
        Money(7079, euro),
    )
    assert nineteen.tax == Money(25557, euro)  # 1,345.10 × 19 % = 255.569
    assert seven.discount == Money(1663, euro)  # 332.50 × 5 % = 16.625, half up
    assert seven.tax == Money(2211, euro)  # 315.87 × 7 % = 22.1109
    assert totals.total == Money(174839 - 7079 - 1663 + 25557 + 2211, euro)


@pytest.mark.parametrize("currency", CURRENCIES)
def test_half_a_minor_unit_rounds_up_in_every_currency(currency: str) -> None:
    """Five minor units × 0.1 is half a minor unit: commercial rounding makes it one (banker's
    rounding would make it none)."""
    line = LineItem("Sample", Decimal("0.1"), Money(5, currency))
    totals = compute_totals([line], currency)
    assert totals.line_nets[0] == Money(1, currency)
    assert totals.total == Money(1, currency)
