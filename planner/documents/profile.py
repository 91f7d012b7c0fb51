"""The sender profile: who the letters come from, and how their pages and dates look.

Stored as JSON under ``SettingKey.SENDER_PROFILE`` (see ``planner.services.sender``). A planner file
that never saved a profile gets defaults from the system locale: US Letter paper in the countries
that use it, A4 elsewhere, and the date style and currency of that country.
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from planner.documents.address import country_name
from planner.errors import ValidationError
from planner.locale import (
    ENGLISH,
    DateOrder,
    country_locale,
    date_order,
    month_name,
    territory_currency,
)
from planner.money import DEFAULT_CURRENCY, currency_code
from planner.sales.banking import checked_bic, checked_iban, checked_vat_id


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
        month = month_name(day.month, ENGLISH)
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
    iban: str = ""
    bic: str = ""
    vat_id: str = ""

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
            value = currency_code(text, key)
        elif key in _PAYMENT_CHECKS:
            value = _PAYMENT_CHECKS[key](text, key)
        elif key == "email" and text.strip() and "@" not in text:
            raise ValidationError(f"'{text}' is not an email address", key)
        return dataclasses.replace(self, **{key: value})

    def address_lines(self) -> list[str]:
        """The business's postal address as lines (empty lines left out)."""
        city_line = " ".join(part for part in (self.postal_code, self.city) if part)
        country = country_name(self.country)
        return [line for line in (self.street, city_line, self.region, country) if line]


_PAYMENT_CHECKS = {"iban": checked_iban, "bic": checked_bic, "vat_id": checked_vat_id}
"""The invoice's payment details and tax number, each with its check."""

PROFILE_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(SenderProfile))
"""The keys ``planner settings show|set`` knows, in the order the settings dialog shows them."""


def _enum_value(enum_type: type[StrEnum], text: str, key: str) -> StrEnum:
    try:
        return enum_type(text.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise ValidationError(f"'{text}' is not one of {allowed}", key) from None


_DATE_FORMATS = {
    DateOrder.MONTH_FIRST: DateFormat.MONTH_DAY_YEAR,
    DateOrder.DAY_FIRST: DateFormat.DAY_MONTH_YEAR,
    DateOrder.DAY_FIRST_DOTTED: DateFormat.DOTTED,
    DateOrder.YEAR_FIRST: DateFormat.ISO,
}
"""The letter date style that reads natural where numeric dates come in that order."""


def default_sender_profile(locale_name: str | None = None) -> SenderProfile:
    """An empty profile with paper, date style, currency and country taken from the locale.

    Without a name the paper locale of the system is used (``planner.locale``); a machine whose
    locale says nothing gets A4, day-month-year dates and euros.
    """
    found = country_locale(locale_name)
    country = str(found.territory) if found is not None and found.territory else ""
    order = date_order(found) if found is not None else DateOrder.DAY_FIRST
    return SenderProfile(
        country=country,
        paper_size=PaperSize.LETTER if country in LETTER_PAPER_COUNTRIES else PaperSize.A4,
        date_format=_DATE_FORMATS[order],
        currency=territory_currency(country) or DEFAULT_CURRENCY,
    )
