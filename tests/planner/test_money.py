"""Amounts as people type them: grouping and decimal points in the common national styles."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.errors import ValidationError
from planner.money import Money


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("1250", 125000),
        ("1250.00", 125000),
        ("1,250", 125000),
        ("12,500", 1250000),
        ("1,250.00", 125000),
        ("1,250,000", 125000000),
        ("1.250,00", 125000),
        ("1.250.000", 125000000),
        ("1 250,5", 125050),
        ("1\u00a0250,50", 125050),
        ("1'250.50", 125050),
        ("1,25", 125),
        ("0.5", 50),
    ],
)
def test_grouped_and_decimal_amounts_are_read_as_meant(text: str, minor: int) -> None:
    assert Money.parse(text, "EUR") == Money(minor, "EUR")


@pytest.mark.parametrize(
    "text", ["", "twelve", "-5", "1e5", "1,2,3", "12.345", "1,25,000", "NaN", "Infinity", "5."]
)
def test_unreadable_or_ambiguous_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Money.parse(text, "EUR")
    assert refused.value.field == "value"


def test_yen_have_no_minor_unit() -> None:
    assert Money.parse("12,500", "JPY") == Money(12500, "JPY")
    with pytest.raises(ValidationError, match="0 decimal places"):
        Money.parse("12.5", "jpy")


@given(st.integers(min_value=0, max_value=10**12))
def test_what_the_board_shows_reads_back_as_the_same_amount(minor: int) -> None:
    amount = Money(minor, "EUR")
    shown, _code = str(amount).split(" ")
    assert Money.parse(shown, "EUR") == amount
    assert Money.parse(amount.as_decimal_string(), "EUR") == amount
