"""Splitting a whole address written in one cell into street, postal code, city and country.

Exports such as Google's "Address 1 - Formatted" or Pipedrive's organisation address put the
whole address in one cell. The last line is the country when CLDR knows it by that name; a line
with a postal code and a town (``00-950 Warszawa``, ``10115 Berlin``, ``Springfield, IL 62704``,
``London SW1A 1AA``) gives those; what comes before is the street. Whatever is not recognised
stays in the street, so nothing typed is lost.
"""

import re
from dataclasses import dataclass

from planner.locale import country_code

_CODE_THEN_TOWN = re.compile(
    r"^(?P<code>(?:[A-Z]{1,2}-)?\d{2,5}(?:[- ]\d{2,4})?)\s+(?P<city>\D.*)$"
)
_US_TOWN_STATE_ZIP = re.compile(
    r"^(?P<city>[^,\d][^,]*?),?\s+(?P<region>[A-Z]{2})\s+(?P<code>\d{5}(?:-\d{4})?)$"
)
_UK_TOWN_POSTCODE = re.compile(
    r"^(?P<city>\D+?)\s+(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$", re.IGNORECASE
)


@dataclass(frozen=True)
class AddressParts:
    """The parts of an address; empty where the text did not say."""

    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""

    def as_fields(self) -> dict[str, str]:
        """The parts under the lead's field names."""
        return {
            "street": self.street,
            "city": self.city,
            "region": self.region,
            "postal_code": self.postal_code,
            "country": self.country,
        }


def split_address(text: str) -> AddressParts:
    """The parts of a whole address on one or several lines, commas separating parts."""
    lines = [part.strip() for part in re.split(r"[\n\r]+|,\s*(?=\D)", text) if part.strip()]
    if not lines:
        return AddressParts()
    country = ""
    if len(lines) > 1 and country_code(lines[-1]) is not None:
        country = lines.pop()
    for index in range(len(lines) - 1, -1, -1):
        joined = ", ".join(lines[index:]) if index < len(lines) - 1 else lines[index]
        for pattern in (_US_TOWN_STATE_ZIP, _CODE_THEN_TOWN, _UK_TOWN_POSTCODE):
            found = pattern.match(joined)
            if found is not None and index > 0:
                parts = found.groupdict()
                return AddressParts(
                    street=", ".join(lines[:index]),
                    city=parts["city"].strip(),
                    region=parts.get("region") or "",
                    postal_code=parts["code"].strip(),
                    country=country,
                )
    return AddressParts(street=", ".join(lines), country=country)
