"""Amounts typed in a locale, the plain form scripts use, and the currencies CLDR knows."""

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from planner.errors import ValidationError
from planner.locale import ENGLISH
from planner.money import Money, currency_code, minor_digits

GERMAN = Locale("de")


@pytest.mark.parametrize(
    ("text", "locale", "minor"),
    [
        ("12,500", "en", 1250000),
        ("12,500", "de", 1250),
        ("1250", "en", 125000),
        ("1250.00", "en", 125000),
        ("1,250.00", "en", 125000),
        ("1,250,000", "en", 125000000),
        ("0.5", "en", 50),
        ("1.250,00", "de", 125000),
        ("1.250.000", "de", 125000000),
        ("0,5", "de", 50),
        ("1 250,5", "fr", 125050),
        ("1\u202f250,50", "fr", 125050),
        ("1'250.50", "de_CH", 125050),
    ],
)
def test_typed_amounts_are_read_as_the_locale_writes_them(
    text: str, locale: str, minor: int
) -> None:
    assert Money.parse_local(text, "EUR", Locale.parse(locale)) == Money(minor, "EUR")


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("", "en"),
        ("twelve", "en"),
        ("-5", "en"),
        ("1e5", "en"),
        ("1,2,3", "en"),
        ("1,25", "en"),
        ("1.250,00", "en"),
        ("NaN", "en"),
        ("Infinity", "en"),
        ("1250.00", "de"),
        ("1,250.00", "de"),
    ],
)
def test_unreadable_or_misgrouped_amounts_are_refused_with_an_example(
    text: str, locale: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        Money.parse_local(text, "EUR", Locale.parse(locale))
    assert refused.value.field == "value"
    assert "is not an amount of money" in str(refused.value)


def test_the_refusal_shows_how_the_locale_writes_amounts() -> None:
    with pytest.raises(ValidationError, match=r"write it like 1\.250,00"):
        Money.parse_local("1250.00", "EUR", GERMAN)
    with pytest.raises(ValidationError, match=r"write it like 1,250\.00"):
        Money.parse_local("1,25", "EUR", ENGLISH)


def test_more_decimals_than_the_currency_has_are_refused_not_rounded() -> None:
    with pytest.raises(ValidationError, match="more than 2 decimal places"):
        Money.parse_local("12.345", "EUR", ENGLISH)
    with pytest.raises(ValidationError, match="more than 0 decimal places"):
        Money.parse_local("12.5", "jpy", ENGLISH)
    with pytest.raises(ValidationError, match="more than 3 decimal places"):
        Money.parse_local("1,2345", "KWD", GERMAN)
    assert Money.parse_local("1,234", "KWD", GERMAN) == Money(1234, "KWD")
    assert Money.parse_local("12,500", "JPY", ENGLISH) == Money(12500, "JPY")


@pytest.mark.parametrize(("text", "minor"), [("1250.00", 125000), ("1250", 125000), ("0.5", 50)])
def test_the_command_line_reads_the_plain_form(text: str, minor: int) -> None:
    assert Money.parse(text, "EUR") == Money(minor, "EUR")


@pytest.mark.parametrize("text", ["1,250.00", "1.250,00", "1 250", "12,5", "5.", ".5", "1e5", ""])
def test_the_command_line_refuses_anything_but_the_plain_form(text: str) -> None:
    with pytest.raises(ValidationError, match=r"write it like 1250\.00"):
        Money.parse(text, "EUR")


@pytest.mark.parametrize(
    ("currency", "digits"),
    [
        ("EUR", 2),
        ("JPY", 0),
        ("TWD", 2),
        ("KWD", 3),
        ("BHD", 3),
        ("JOD", 3),
        ("XOF", 0),
        ("PYG", 0),
    ],
)
def test_minor_digits_come_from_cldr(currency: str, digits: int) -> None:
    assert minor_digits(currency) == digits


def test_currency_codes_are_checked_against_cldr() -> None:
    assert currency_code(" eur ") == "EUR"
    assert currency_code("TWD") == "TWD"
    with pytest.raises(ValidationError, match="'ABC' is not a currency code in use") as unknown:
        currency_code("ABC")
    assert unknown.value.field == "currency"
    with pytest.raises(ValidationError, match="'EURO' is not a three-letter currency code"):
        currency_code("EURO")
    with pytest.raises(ValidationError, match="'ABC' is not a currency code"):
        Money.parse("10", "ABC")
    with pytest.raises(ValidationError, match="'ABC' is not a currency code"):
        Money.parse_local("10", "ABC", ENGLISH)


def test_amounts_are_shown_as_each_locale_writes_them() -> None:
    assert str(Money(125000, "EUR")) == "1,250.00 EUR"
    assert Money(125000, "EUR").format(GERMAN) == "1.250,00 EUR"
    assert Money(125000, "EUR").number_text(GERMAN, grouped=False) == "1250,00"
    assert str(Money(1234567, "KWD")) == "1,234.567 KWD"
    assert str(Money(1250, "XOF")) == "1,250 XOF"
    assert str(Money(125000, "TWD")) == "1,250.00 TWD"


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["EUR", "JPY", "KWD"]))
def test_what_the_app_shows_reads_back_as_the_same_amount(minor: int, currency: str) -> None:
    amount = Money(minor, currency)
    shown, _code = str(amount).split(" ")
    assert Money.parse_local(shown, currency, ENGLISH) == amount
    assert Money.parse(amount.as_decimal_string(), currency) == amount
    for locale in (ENGLISH, GERMAN):
        assert Money.parse_local(amount.number_text(locale), currency, locale) == amount
        edited = amount.number_text(locale, grouped=False)
        assert Money.parse_local(edited, currency, locale) == amount
