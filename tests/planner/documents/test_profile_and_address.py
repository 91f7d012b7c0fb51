"""The sender profile's locale defaults and fields, and address blocks per country."""

import locale
from datetime import date

import pytest

from planner.documents.address import address_lines, country_name, same_country
from planner.documents.context import first_name, salutation
from planner.documents.profile import (
    DateFormat,
    PaperSize,
    SenderProfile,
    default_sender_profile,
)
from planner.errors import ValidationError
from planner.locale import locale_country
from tests.planner.documents.conftest import make_lead


@pytest.mark.parametrize(
    ("locale_name", "paper", "currency"),
    [
        ("en_US.UTF-8", PaperSize.LETTER, "USD"),
        ("fr_CA.UTF-8", PaperSize.LETTER, "CAD"),
        ("es_MX", PaperSize.LETTER, "MXN"),
        ("en_PH.utf8", PaperSize.LETTER, "PHP"),
        ("de_DE.UTF-8", PaperSize.A4, "EUR"),
        ("en_GB.UTF-8", PaperSize.A4, "GBP"),
        ("pl_PL@euro", PaperSize.A4, "PLN"),
        ("English_United States.1252", PaperSize.LETTER, "USD"),
        ("C", PaperSize.A4, "EUR"),
    ],
)
def test_paper_and_currency_default_from_the_locale(
    locale_name: str, paper: PaperSize, currency: str
) -> None:
    profile = default_sender_profile(locale_name)
    assert (profile.paper_size, profile.currency) == (paper, currency)


def test_the_date_style_defaults_from_the_locale() -> None:
    assert default_sender_profile("en_US").date_format is DateFormat.MONTH_DAY_YEAR
    assert default_sender_profile("de_DE").date_format is DateFormat.DOTTED
    assert default_sender_profile("en_GB").date_format is DateFormat.DAY_MONTH_YEAR
    assert default_sender_profile("sv_SE").date_format is DateFormat.ISO
    assert default_sender_profile("C").date_format is DateFormat.DAY_MONTH_YEAR
    assert locale_country("en_US.UTF-8") == "US"


@pytest.mark.parametrize(
    ("environment", "running", "country"),
    [
        ({}, "C.UTF-8", ""),
        ({"LANG": "C.UTF-8"}, "C.UTF-8", ""),
        ({"LANG": "POSIX"}, "POSIX", ""),
        ({"LC_ALL": "C", "LANG": "pl_PL.UTF-8"}, "C", "PL"),
        ({"LC_PAPER": "en_CA.UTF-8", "LANG": "fr_FR.UTF-8"}, "fr_FR.UTF-8", "CA"),
        ({}, "English_United States.1252", "US"),
    ],
)
def test_the_system_locale_is_read_but_the_neutral_c_locale_says_nothing(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], running: str, country: str
) -> None:
    """Python reports the C locale as ``en_US``: a machine without a language is not American."""
    for key in ("LC_PAPER", "LC_ALL", "LANG"):
        monkeypatch.delenv(key, raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(locale, "setlocale", lambda _category, _name=None: running)
    reported = "en_US" if running.startswith("C") else running.split(".")[0]
    monkeypatch.setattr(locale, "getlocale", lambda _category=None: (reported, "UTF-8"))
    assert locale_country() == country
    expected_paper = PaperSize.LETTER if country in ("US", "CA") else PaperSize.A4
    assert default_sender_profile().paper_size is expected_paper


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (DateFormat.DAY_MONTH_YEAR, "5 March 2026"),
        (DateFormat.MONTH_DAY_YEAR, "March 5, 2026"),
        (DateFormat.ISO, "2026-03-05"),
        (DateFormat.DOTTED, "05.03.2026"),
        (DateFormat.DAY_FIRST_NUMERIC, "05/03/2026"),
        (DateFormat.MONTH_FIRST_NUMERIC, "03/05/2026"),
    ],
)
def test_dates_are_written_in_the_profile_style(style: DateFormat, text: str) -> None:
    assert style.apply(date(2026, 3, 5)) == text


def test_fields_are_set_from_text_and_bad_values_name_the_field() -> None:
    profile = SenderProfile().with_field("paper_size", "Letter").with_field("currency", "gbp")
    assert (profile.paper_size, profile.currency) == (PaperSize.LETTER, "GBP")
    bad_values = [
        ("paper_size", "A5"),
        ("currency", "pounds"),
        ("currency", "ABC"),
        ("email", "x"),
        ("colour", ""),
    ]
    for key, text in bad_values:
        with pytest.raises(ValidationError) as error:
            profile.with_field(key, text)
        assert error.value.field == key


def test_a_stored_profile_survives_unknown_keys_and_bad_values() -> None:
    default = default_sender_profile("en_US")
    stored = {"business_name": "Acme", "paper_size": "A5", "future_field": "x", "phone": 7}
    profile = SenderProfile.from_json(stored, default)
    assert profile.business_name == "Acme"
    assert profile.paper_size is PaperSize.LETTER
    assert SenderProfile.from_json(profile.to_json(), default) == profile


def test_addresses_follow_the_destination_country() -> None:
    us = make_lead(
        1,
        "Grace Miller",
        company="Miller Farm",
        street="4410 County Rd K",
        city="Madison",
        region="WI",
        postal_code="53711",
        country="US",
    )
    assert address_lines(us, "US") == (
        "Grace Miller",
        "Miller Farm",
        "4410 County Rd K",
        "Madison, WI 53711",
    )
    uk = make_lead(
        2,
        "Aisha Khan",
        street="14 Deansgate",
        city="Manchester",
        postal_code="M3 2BW",
        country="GB",
    )
    assert address_lines(uk, "DE") == (
        "Aisha Khan",
        "14 Deansgate",
        "MANCHESTER",
        "M3 2BW",
        "UNITED KINGDOM",
    )
    pl = make_lead(
        3,
        "Jan Kowalski",
        street="ul. Piotrkowska 101",
        city="Łódź",
        postal_code="90-425",
        country="Poland",
    )
    assert address_lines(pl, "PL") == ("Jan Kowalski", "ul. Piotrkowska 101", "90-425 Łódź")


def test_countries_match_by_code_or_name() -> None:
    assert same_country("pl", "Poland")
    assert not same_country("PL", "")
    assert country_name("Atlantis") == "Atlantis"


def test_salutations_and_first_names() -> None:
    assert salutation(make_lead(1, "Jan Kowalski")) == "Dear Jan Kowalski"
    assert salutation(make_lead(1, " ", company="X")) == "Dear Sir or Madam"
    assert salutation(make_lead(1, "Acme", company="ACME")) == "Dear Sir or Madam"
    assert first_name("Kowalski, Jan") == "Jan"
    assert first_name("陈伟") == "陈伟"
