"""The user's locale and the CLDR names and formats behind it, in English and German."""

from datetime import date

import pytest
from babel import Locale

from planner.locale import (
    ENGLISH,
    DateOrder,
    LocaleCategory,
    NameWidth,
    country_code,
    country_name,
    date_order,
    first_weekday,
    format_day,
    format_day_as,
    format_short_day,
    month_name,
    parse_locale_name,
    territory_currency,
    user_locale,
    weekday_name,
)

GERMAN = Locale("de")
WEDNESDAY = date(2026, 12, 2)


def test_month_and_weekday_names_in_english_and_german() -> None:
    assert month_name(3) == "March"
    assert month_name(3, GERMAN) == "März"
    assert month_name(12, ENGLISH, NameWidth.ABBREVIATED) == "Dec"
    assert weekday_name(WEDNESDAY) == "Wednesday"
    assert weekday_name(WEDNESDAY, GERMAN) == "Mittwoch"
    assert weekday_name(WEDNESDAY, GERMAN, NameWidth.ABBREVIATED) == "Mi."


def test_days_read_with_weekday_and_month_named() -> None:
    assert format_day(WEDNESDAY, ENGLISH) == "Wed 2 Dec 2026"
    assert format_day(WEDNESDAY, GERMAN) == "Mi. 2 Dez. 2026"
    assert format_short_day(date(2026, 3, 9), ENGLISH) == "Mon 9 Mar"


def test_days_follow_the_users_date_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    assert format_day(WEDNESDAY) == "Wed 2 Dec 2026"
    monkeypatch.setenv("LC_TIME", "de_DE.UTF-8")
    assert format_day(WEDNESDAY) == "Mi. 2 Dez. 2026"


def test_country_names_and_codes_from_cldr() -> None:
    assert country_name("de") == "Germany"
    assert country_name("DE", GERMAN) == "Deutschland"
    assert country_name("Atlantis") is None
    assert country_name("001") is None
    assert country_code("united states") == "US"
    assert country_code("Deutschland", GERMAN) == "DE"
    assert country_code("Europe") is None


@pytest.mark.parametrize(
    ("country", "currency"),
    [("US", "USD"), ("de", "EUR"), ("PL", "PLN"), ("TW", "TWD"), ("KW", "KWD"), ("SN", "XOF")],
)
def test_the_currency_of_a_country(country: str, currency: str) -> None:
    assert territory_currency(country, date(2026, 3, 16)) == currency


def test_a_place_without_a_currency_has_none() -> None:
    assert territory_currency("AQ") is None
    assert territory_currency("") is None


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("en_US", DateOrder.MONTH_FIRST),
        ("en_GB", DateOrder.DAY_FIRST),
        ("de_DE", DateOrder.DAY_FIRST_DOTTED),
        ("sv_SE", DateOrder.YEAR_FIRST),
    ],
)
def test_the_order_of_numeric_dates(name: str, order: DateOrder) -> None:
    assert date_order(Locale.parse(name)) is order


@pytest.mark.parametrize(
    ("name", "parsed"),
    [
        ("de_DE.UTF-8", "de_DE"),
        ("pl_PL@euro", "pl_PL"),
        ("en", "en"),
        ("English_United States.1252", "en_US"),
        ("German_Germany", "de_DE"),
    ],
)
def test_system_locale_names_are_understood(name: str, parsed: str) -> None:
    assert str(parse_locale_name(name)) == parsed


@pytest.mark.parametrize("name", ["C", "C.UTF-8", "POSIX", "", "Klingon_Qo'noS"])
def test_neutral_and_unknown_names_mean_no_locale(name: str) -> None:
    assert parse_locale_name(name) is None


def test_the_user_locale_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert user_locale() == ENGLISH
    assert user_locale().territory is None
    monkeypatch.setenv("LC_NUMERIC", "de_DE.UTF-8")
    assert str(user_locale(LocaleCategory.NUMERIC)) == "de_DE"
    assert user_locale(LocaleCategory.TIME) == ENGLISH
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert str(user_locale(LocaleCategory.NUMERIC)) == "fr_FR"
    monkeypatch.setenv("LC_ALL", "C")
    assert str(user_locale(LocaleCategory.NUMERIC)) == "de_DE"


def test_calendar_headings_and_the_first_weekday_follow_the_locale() -> None:
    day = date(2026, 3, 16)
    assert format_day_as(day, "LLLL y", Locale.parse("en")) == "March 2026"
    assert format_day_as(day, "LLLL y", Locale.parse("pl")) == "marzec 2026"
    assert format_day_as(day, "EEEE d MMMM", Locale.parse("de")) == "Montag 16 März"
    assert first_weekday(Locale.parse("en_US")) == 6
    assert first_weekday(Locale.parse("de_DE")) == 0
