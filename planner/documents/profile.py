"""The sender profile: who the letters come from, and how their pages and dates look.

Stored as JSON under ``SettingKey.SENDER_PROFILE`` (see ``planner.services.sender``). A planner file
that never saved a profile gets defaults from the system locale: US Letter paper in the countries
that use it, A4 elsewhere, and the date style and currency of that country.
"""

import contextlib
import dataclasses
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from planner.documents.address import country_name
from planner.errors import ValidationError
from planner.money import DEFAULT_CURRENCY

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class PaperSize(StrEnum):
    """The paper letters, call sheets and label sheets are printed on."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        """``A4`` or ``US Letter``: the name a user sees."""
        return "A4" if self is PaperSize.A4 else "US Letter"


class DateFormat(StrEnum):
    """How dates are written in letters: the value names the style by its example."""

    DAY_MONTH_YEAR = "day-month-year"
    MONTH_DAY_YEAR = "month-day-year"
    ISO = "iso"
    DOTTED = "dotted"
    DAY_FIRST_NUMERIC = "day-first-numeric"
    MONTH_FIRST_NUMERIC = "month-first-numeric"

    def apply(self, day: date) -> str:
        """``16 March 2026``, ``March 16, 2026``, ``2026-03-16``, ``16.03.2026`` …"""
        month = _MONTHS[day.month - 1]
        match self:
            case DateFormat.DAY_MONTH_YEAR:
                return f"{day.day} {month} {day.year}"
            case DateFormat.MONTH_DAY_YEAR:
                return f"{month} {day.day}, {day.year}"
            case DateFormat.ISO:
                return day.isoformat()
            case DateFormat.DOTTED:
                return f"{day.day:02d}.{day.month:02d}.{day.year}"
            case DateFormat.DAY_FIRST_NUMERIC:
                return f"{day.day:02d}/{day.month:02d}/{day.year}"
            case DateFormat.MONTH_FIRST_NUMERIC:
                return f"{day.month:02d}/{day.day:02d}/{day.year}"

    @property
    def example(self) -> str:
        """The format applied to 16 March 2026, for choosers and help texts."""
        return self.apply(date(2026, 3, 16))


LETTER_PAPER_COUNTRIES = frozenset({"US", "CA", "MX", "PH"})
"""Countries whose locale means US Letter paper; everyone else prints on A4."""

_MONTH_FIRST_COUNTRIES = frozenset({"US", "PH"})
_DOTTED_COUNTRIES = frozenset(
    {"DE", "AT", "CH", "PL", "CZ", "SK", "RU", "UA", "NO", "FI", "DK", "TR", "HU", "RO", "BG", "EE"}
)
_COUNTRY_CURRENCIES = {
    "US": "USD",
    "CA": "CAD",
    "MX": "MXN",
    "PH": "PHP",
    "GB": "GBP",
    "CH": "CHF",
    "PL": "PLN",
    "CZ": "CZK",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "HU": "HUF",
    "RO": "RON",
    "BG": "BGN",
    "TR": "TRY",
    "RU": "RUB",
    "UA": "UAH",
    "JP": "JPY",
    "CN": "CNY",
    "IN": "INR",
    "AU": "AUD",
    "NZ": "NZD",
    "BR": "BRL",
    "ZA": "ZAR",
    "KR": "KRW",
    "SG": "SGD",
    "HK": "HKD",
}
_WINDOWS_COUNTRY_NAMES = {
    "united states": "US",
    "canada": "CA",
    "mexico": "MX",
    "philippines": "PH",
    "united kingdom": "GB",
    "germany": "DE",
    "france": "FR",
    "poland": "PL",
}


@dataclass(frozen=True)
class SenderProfile:
    """The business that sends the letters, its signer, and the look of its documents.

    Image paths are empty when there is no logo or signature; a path that no longer points at a
    readable image is left out of the documents (and named in the batch report).
    """

    business_name: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo_path: str = ""
    signature_path: str = ""
    signer_name: str = ""
    signer_title: str = ""
    paper_size: PaperSize = PaperSize.A4
    date_format: DateFormat = DateFormat.DAY_MONTH_YEAR
    currency: str = DEFAULT_CURRENCY

    def to_json(self) -> dict[str, str]:
        """The stored form: every field as text."""
        return {field.name: str(getattr(self, field.name)) for field in dataclasses.fields(self)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None, default: "SenderProfile") -> "SenderProfile":
        """Reads a stored profile; unknown keys are ignored and unreadable values keep defaults."""
        if not data:
            return default
        profile = default
        for key, value in data.items():
            if key in PROFILE_FIELDS and isinstance(value, str):
                try:
                    profile = profile.with_field(key, value)
                except ValidationError:
                    continue
        return profile

    def with_field(self, key: str, text: str) -> "SenderProfile":
        """A copy with one field set from text, as ``planner settings set KEY VALUE`` gives it.

        Raises ValidationError naming the field for unknown keys and unreadable values.
        """
        if key not in PROFILE_FIELDS:
            known = ", ".join(PROFILE_FIELDS)
            raise ValidationError(f"'{key}' is not a sender setting (known: {known})", key)
        value: Any = text.strip()
        if key == "paper_size":
            value = _enum_value(PaperSize, text, key)
        elif key == "date_format":
            value = _enum_value(DateFormat, text, key)
        elif key == "currency":
            code = text.strip().upper()
            if len(code) != 3 or not code.isalpha():
                raise ValidationError(f"'{text}' is not a three-letter currency code", key)
            value = code
        elif key == "email" and text.strip() and "@" not in text:
            raise ValidationError(f"'{text}' is not an email address", key)
        return dataclasses.replace(self, **{key: value})

    def address_lines(self) -> list[str]:
        """The business's postal address as lines (empty lines left out)."""
        city_line = " ".join(part for part in (self.postal_code, self.city) if part)
        country = country_name(self.country)
        return [line for line in (self.street, city_line, self.region, country) if line]


PROFILE_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(SenderProfile))
"""The keys ``planner settings show|set`` knows, in the order the settings dialog shows them."""


def _enum_value(enum_type: type[StrEnum], text: str, key: str) -> StrEnum:
    try:
        return enum_type(text.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise ValidationError(f"'{text}' is not one of {allowed}", key) from None


def locale_country(locale_name: str | None = None) -> str:
    """The two-letter country of a locale name such as ``en_US.UTF-8``, or ``""``.

    Without a name, asks the environment (``LC_PAPER`` first, since it says which paper the user
    prints on) and then Python's locale module.
    """
    names = [locale_name] if locale_name is not None else _system_locale_names()
    for name in names:
        country = _country_of(name)
        if country:
            return country
    return ""


def _system_locale_names() -> list[str]:
    """Locale names from the environment, then Python's view of the running locale.

    The running locale is asked only when it is a real one: Python reports the neutral C locale
    as ``en_US`` (an alias), which would turn every machine without a language setting into an
    American one with Letter paper.
    """
    names = [os.environ.get(key, "") for key in ("LC_PAPER", "LC_ALL", "LANG")]
    with contextlib.suppress(ValueError, locale.Error):
        running = locale.setlocale(locale.LC_CTYPE)
        if running.split(".")[0] not in _NEUTRAL_LOCALES:
            names.append(locale.getlocale()[0] or "")
    return [name for name in names if name.split(".")[0] not in _NEUTRAL_LOCALES]


_NEUTRAL_LOCALES = frozenset({"", "C", "POSIX"})
"""Locale names that say nothing about where the user lives."""


def _country_of(name: str) -> str:
    base = name.split(".")[0].split("@")[0]
    if "_" not in base:
        return ""
    region = base.split("_", 1)[1]
    if len(region) == 2 and region.isalpha():
        return region.upper()
    return _WINDOWS_COUNTRY_NAMES.get(region.strip().lower(), "")


def default_sender_profile(locale_name: str | None = None) -> SenderProfile:
    """An empty profile with paper, date style, currency and country taken from the locale."""
    country = locale_country(locale_name)
    if country in _MONTH_FIRST_COUNTRIES:
        date_format = DateFormat.MONTH_DAY_YEAR
    elif country in _DOTTED_COUNTRIES:
        date_format = DateFormat.DOTTED
    else:
        date_format = DateFormat.DAY_MONTH_YEAR
    return SenderProfile(
        country=country,
        paper_size=PaperSize.LETTER if country in LETTER_PAPER_COUNTRIES else PaperSize.A4,
        date_format=date_format,
        currency=_COUNTRY_CURRENCIES.get(country, DEFAULT_CURRENCY),
    )
