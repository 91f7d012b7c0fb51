"""Postal address blocks as lines, in the order the destination country's post expects.

Letters, envelopes and labels all print the same block. The country line is added only for mail
abroad, in English capitals as the Universal Postal Union recommends.
"""

from dataclasses import dataclass

from planner.domain import Lead
from planner.locale import ENGLISH
from planner.locale import country_name as cldr_country_name

_REGION_AFTER_CITY = frozenset({"US", "CA", "AU"})
"""``Madison, WI 53711``: city, region and postcode on one line."""

_POSTCODE_OWN_LINE = frozenset({"GB", "IE"})
"""``MANCHESTER`` then ``M3 2BW``: the postcode on a line of its own."""


@dataclass(frozen=True)
class Recipient:
    """Who a letter, envelope or label goes to: the lead's id and name, and the address lines."""

    lead_id: int
    name: str
    lines: tuple[str, ...]


def country_name(country: str) -> str:
    """``Germany`` for ``DE``, in English (CLDR's names); a name that is not a country code is
    returned as written."""
    text = country.strip()
    return cldr_country_name(text, ENGLISH) or text


def same_country(first: str, second: str) -> bool:
    """True when two country fields mean the same country (``PL`` and ``Poland`` do)."""
    return country_name(first).casefold() == country_name(second).casefold()


def address_lines(lead: Lead, home_country: str = "") -> tuple[str, ...]:
    """The lead's address block: name, company, street, the city line(s), and the country.

    The company line is left out when it repeats the name. The country is printed when it is
    set and differs from ``home_country`` (the sender's).
    """
    country_code = lead.country.strip().upper()
    lines = [lead.name.strip()]
    company = lead.company.strip()
    if company and company.casefold() != lead.name.strip().casefold():
        lines.append(company)
    lines.extend(line.strip() for line in lead.street.splitlines() if line.strip())
    lines.extend(_city_lines(lead, country_code))
    if lead.country.strip() and not same_country(lead.country, home_country):
        lines.append(country_name(lead.country).upper())
    return tuple(line for line in lines if line)


def _city_lines(lead: Lead, country_code: str) -> list[str]:
    city, region, postal = lead.city.strip(), lead.region.strip(), lead.postal_code.strip()
    if country_code in _REGION_AFTER_CITY:
        region_part = " ".join(part for part in (region, postal) if part)
        if city and region and country_code == "US":
            return [f"{city}, {region_part}"]
        return [" ".join(part for part in (city, region_part) if part)]
    if country_code in _POSTCODE_OWN_LINE:
        return [city.upper(), region, postal]
    return [" ".join(part for part in (postal, city) if part), region]


def recipient(lead: Lead, home_country: str = "") -> Recipient:
    """The lead as the addressee of one envelope, label or letter."""
    return Recipient(lead.id, lead.name, address_lines(lead, home_country))
