"""Finding the leads a row of a file would duplicate: in the database or earlier in the file.

Three kinds of sameness, strongest first: the same email (case does not matter); the same phone
number once ``phonenumbers`` has read it in the user's country ("+48 601 234 567" and "601234567"
in Poland are one number); or a near-same name at a near-same company (``rapidfuzz``, with legal
forms such as Ltd, GmbH or sp. z o.o. left out, so "ACME Bakery Ltd" meets "Acme Bakery"). Without
a company only the same name (folded) counts: two "John Smith"s alone are not taken for one.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from planner.store.text_search import fold

NAME_SIMILARITY = 88
"""How alike (0–100, rapidfuzz's token sort ratio) two names and two companies must both be."""

SIMILAR_CANDIDATES = 200
"""At most this many contacts of a block (the newest) are compared with a row, so a file of
100,000 people at companies starting alike stays fast; exact matches are found whatever."""

_LEGAL_FORMS = re.compile(
    r"\b(ltd|limited|llc|inc|incorporated|corp|corporation|co|company|plc|gmbh|ag|kg|ohg|ug|"
    r"sarl|sas|sa|srl|spa|bv|nv|oy|ab|as|sp z o o|spzoo|sp j|sp k|s c|the)\b"
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")


class MatchReason(StrEnum):
    """Why a row is taken for a duplicate."""

    EMAIL = "email"
    PHONE = "phone"
    NAME_AND_COMPANY = "name_and_company"

    @property
    def label(self) -> str:
        """``same email``: how the wizard and the CLI say it."""
        return {
            MatchReason.EMAIL: "same email",
            MatchReason.PHONE: "same phone",
            MatchReason.NAME_AND_COMPANY: "similar name and company",
        }[self]


@dataclass(frozen=True)
class Contact:
    """What duplicates are judged by: a lead in the database (``lead_id``) or an earlier row
    of the file (``row``)."""

    name: str
    company: str = ""
    email: str = ""
    phone: str = ""
    lead_id: int | None = None
    row: int | None = None


@dataclass(frozen=True)
class Match:
    """The contact a row duplicates, and why."""

    reason: MatchReason
    other: Contact

    @property
    def description(self) -> str:
        """``same email as 'Anna Nowak' (lead 12)`` or ``… (row 7 of the file)``."""
        where = (
            f"lead {self.other.lead_id}"
            if self.other.lead_id is not None
            else f"row {self.other.row} of the file"
        )
        return f"{self.reason.label} as '{self.other.name}' ({where})"


class DuplicateFinder:
    """An index of known contacts that answers "whom would this row duplicate?".

    ``region`` is the two-letter country in which numbers without a country code are read.
    """

    def __init__(self, region: str = "") -> None:
        self._region = region.upper() or None
        self._emails: dict[str, Contact] = {}
        self._phones: dict[str, Contact] = {}
        self._exact: dict[tuple[str, str], Contact] = {}
        self._similar: dict[str, list[tuple[str, str, Contact]]] = {}
        self._phone_cache: dict[str, str] = {}
        self._name_cache: dict[str, str] = {}

    def add(self, contact: Contact) -> None:
        """Remembers a contact; the first one with an email, phone or name keeps it."""
        email = normalized_email(contact.email)
        if email:
            self._emails.setdefault(email, contact)
        phone = self.normalized_phone(contact.phone)
        if phone:
            self._phones.setdefault(phone, contact)
        name, company = self._normalized_name(contact.name), self._normalized_name(contact.company)
        if name:
            self._exact.setdefault((name, company), contact)
            if company:
                self._similar.setdefault(_block(name, company), []).append((name, company, contact))

    def find(self, contact: Contact) -> Match | None:
        """The strongest match for ``contact`` among those added, or ``None``."""
        email = normalized_email(contact.email)
        if email and email in self._emails:
            return Match(MatchReason.EMAIL, self._emails[email])
        phone = self.normalized_phone(contact.phone)
        if phone and phone in self._phones:
            return Match(MatchReason.PHONE, self._phones[phone])
        name, company = self._normalized_name(contact.name), self._normalized_name(contact.company)
        if not name:
            return None
        same = self._exact.get((name, company))
        if same is not None:
            return Match(MatchReason.NAME_AND_COMPANY, same)
        if not company:
            return None
        from rapidfuzz.fuzz import token_sort_ratio  # loads only when names are compared

        for other_name, other_company, other in self._similar.get(_block(name, company), [])[
            -SIMILAR_CANDIDATES:
        ]:
            if (
                token_sort_ratio(company, other_company) >= NAME_SIMILARITY
                and token_sort_ratio(name, other_name) >= NAME_SIMILARITY
            ):
                return Match(MatchReason.NAME_AND_COMPANY, other)
        return None

    def _normalized_name(self, text: str) -> str:
        """``normalized_name``, remembered: a row is looked up, then added."""
        found = self._name_cache.get(text)
        if found is None:
            found = self._name_cache[text] = normalized_name(text)
        return found

    def normalized_phone(self, text: str) -> str:
        """The number in E.164 when ``phonenumbers`` can read it, else its digits (7 or more)."""
        text = text.strip()
        if not text:
            return ""
        cached = self._phone_cache.get(text)
        if cached is not None:
            return cached
        import phonenumbers  # its metadata loads only when numbers are compared

        international = _international(text, phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
        if international:
            self._phone_cache[text] = international
            return international
        try:
            number = phonenumbers.parse(text, self._region)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and phonenumbers.is_possible_number(number):
            result = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        else:
            digits = re.sub(r"\D", "", text)
            result = digits if len(digits) >= 7 else ""
        self._phone_cache[text] = result
        return result


_PLAIN_INTERNATIONAL = re.compile(r"\+[\d \-./]+")


def _international(text: str, country_codes: Mapping[int, object]) -> str:
    """``+48 601 234 567`` as ``+48601234567`` without a full parse (100,000 rows read fast),
    when the number is plainly international: a known country code, then a national number
    without a trunk ``0`` (which ``phonenumbers.parse`` would judge by country). Else ``""``."""
    if not _PLAIN_INTERNATIONAL.fullmatch(text):
        return ""
    digits = re.sub(r"\D", "", text)
    for length in (1, 2, 3):
        if int(digits[:length] or 0) in country_codes:
            national = digits[length:]
            if national.startswith("0") or not 4 <= len(national) <= 14:
                return ""
            return f"+{digits}"
    return ""


def normalized_email(text: str) -> str:
    """An email compared without case or surrounding spaces."""
    return text.strip().casefold()


def normalized_name(text: str) -> str:
    """A name or company folded, without punctuation and legal forms: "ACME Bakery Ltd." →
    "acme bakery"."""
    plain = _NOT_WORD.sub(" ", fold(text))
    return " ".join(_LEGAL_FORMS.sub(" ", plain).split())


def _block(name: str, company: str) -> str:
    """Contacts compared for similarity share this key: near-same companies start alike, and
    near-same names share their last word's start (the family name, mostly)."""
    last_word = name.rsplit(" ", 1)[-1]
    return f"{company[:3]}|{last_word[:3]}"
