"""What the planner accepts as text and dates, shared by the services, the forms and the CLI.

A customer list is typed by people and pasted from anywhere, so every text field has a length
limit far above any real value (a 100,000-character name made the label sheet run for minutes)
and no control characters (a terminal escape stored in a name would be replayed on every
``lead list``). Dates stay within 1900–2200: calendars, ``.ics`` files and date arithmetic all
break somewhere past that, and no sales plan needs it. The forms read the same numbers to set
their fields' maximum length, so a limit is named the same way everywhere.
"""

import re
from dataclasses import dataclass
from datetime import date

EARLIEST_DAY = date(1900, 1, 1)
"""The first day a touch or campaign may be on."""

LATEST_DAY = date(2200, 12, 31)
"""The last day a touch or campaign may be on."""

MAX_RECORD_ID = 2**63 - 1
"""The largest id SQLite can store; a larger number names no record."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters other than tab and line feed (C0, DEL and C1), and lone surrogates
(halves of a UTF-16 pair, which no file can store)."""

_LINE_BREAKS = re.compile(r"[\r\n\t]")


@dataclass(frozen=True)
class TextLimit:
    """How long one field may be, and whether it may hold line breaks and tabs."""

    label: str
    characters: int
    multiline: bool = False
    plural: bool = False
    """The label names several things ("notes"), so messages say "are" rather than "is"."""

    def problem(self, text: str) -> str | None:
        """Why ``text`` cannot be stored in this field, or ``None`` when it can."""
        if len(text) > self.characters:
            return (
                f"The {self.label} {'are' if self.plural else 'is'} too long "
                f"({len(text):,} characters; at most {self.characters:,})"
            )
        if _has_control(text, self.multiline):
            contain = "contain" if self.plural else "contains"
            return f"The {self.label} {contain} control characters; remove them"
        return None


def _has_control(text: str, multiline: bool) -> bool:
    """Regular expressions, not a look at each character: an import checks a dozen fields of
    each of 100,000 leads."""
    if not multiline and _LINE_BREAKS.search(text):
        return True
    return _CONTROL.search(text.replace("\r\n", "\n") if "\r" in text else text) is not None


LEAD_LIMITS: dict[str, TextLimit] = {
    "name": TextLimit("name", 200),
    "company": TextLimit("company", 200),
    "title": TextLimit("job title", 100),
    "email": TextLimit("email address", 254),
    "phone": TextLimit("phone number", 50),
    "street": TextLimit("street", 200, multiline=True),
    "city": TextLimit("city", 100),
    "region": TextLimit("region", 100),
    "postal_code": TextLimit("postal code", 20),
    "country": TextLimit("country", 100),
    "source": TextLimit("source", 100),
    "notes": TextLimit("notes", 10_000, multiline=True, plural=True),
}
"""The limits of a lead's text fields, by field name (the names of ``LEAD_TEXT_FIELDS``)."""

LOST_REASON = TextLimit("reason", 1_000, multiline=True)
TOUCH_NOTES = TextLimit("notes", 10_000, multiline=True, plural=True)
SEARCH_TEXT = TextLimit("search text", 200)

CAMPAIGN_LIMITS: dict[str, TextLimit] = {
    "name": TextLimit("campaign name", 200),
    "target_city": TextLimit("city", 100),
    "target_source": TextLimit("source", 100),
    "target_search": SEARCH_TEXT,
    "goal": TextLimit("goal", 1_000, multiline=True),
    "offer": TextLimit("offer", 1_000, multiline=True),
    "notes": TextLimit("notes", 10_000, multiline=True, plural=True),
}
"""The limits of a campaign's text fields, by field name."""

SETTING_VALUE = TextLimit("value", 1_000, multiline=True)
"""A sender profile field (``planner settings set``); the address may span lines."""

TEMPLATE_LIMITS: dict[str, TextLimit] = {
    "title": TextLimit("title", 200),
    "subject": TextLimit("subject", 500),
    "body": TextLimit("body", 50_000, multiline=True),
}
"""The limits of a letter template's fields."""

SALES_LIMITS: dict[str, TextLimit] = {
    "name": TextLimit("name", 200),
    "description": TextLimit("description", 2_000, multiline=True),
    "unit": TextLimit("unit", 30),
}
"""The limits of a catalogue entry's and a document line's text fields."""

MAX_TEMPLATE_FILE_BYTES = 256 * 1024
"""The largest template file ``template add`` reads (a template's fields fit well inside)."""


def day_problem(label: str, day: date) -> str | None:
    """Why ``day`` cannot be stored as the ``label`` of a touch or campaign, or ``None``."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return f"The {label} {day.isoformat()} is out of range ({EARLIEST_DAY.year}–{LATEST_DAY.year})"


def printable(text: str) -> str:
    """``text`` with control characters (other than line feed and tab) shown as ``\\x1b``
    escapes, for output to a terminal or another program that would act on them."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def without_control(text: str) -> str:
    """``text`` with control characters (other than line feed and tab) removed, for formats
    that forbid them (RFC 5545 calendar text)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))
