"""What a letter is about: the lead, the sender, the campaign and the day, as template placeholders.

Documents are built from plain values (a ``LetterContext``), never from the database, so a worker
thread, a preview and a test can make letters alike. The placeholders a template can use are
listed in ``PLACEHOLDERS`` (the template editor offers them for insertion).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from planner.documents.address import address_lines, country_name
from planner.documents.profile import SenderProfile
from planner.domain import Campaign, Lead

NO_NAME_SALUTATION = "Dear Sir or Madam"


@dataclass(frozen=True)
class CampaignInfo:
    """The campaign a letter belongs to, as far as letters print it."""

    campaign_id: int | None
    name: str
    offer: str
    response_code: str
    start_on: date | None = None
    end_on: date | None = None

    @classmethod
    def of(cls, campaign: Campaign) -> "CampaignInfo":
        """The printable part of a stored campaign; its end date is the reply deadline."""
        return cls(
            campaign_id=campaign.id,
            name=campaign.name,
            offer=campaign.offer,
            response_code=campaign.response_code,
            start_on=campaign.start_on,
            end_on=campaign.end_on,
        )


@dataclass(frozen=True)
class Placeholder:
    """One placeholder the editor offers: what to type and what it prints."""

    expression: str
    description: str

    @property
    def insertion(self) -> str:
        """The text to insert into a template: ``{{ lead.name }}``."""
        return "{{ " + self.expression + " }}"


_LEAD_FIELDS: tuple[tuple[str, str, Callable[[Lead], str]], ...] = (
    ("name", "the lead's full name", lambda lead: lead.name),
    ("first_name", "the first word of the name", lambda lead: first_name(lead.name)),
    ("company", "the lead's company", lambda lead: lead.company),
    ("title", "the lead's job title", lambda lead: lead.title),
    ("email", "the lead's email address", lambda lead: lead.email),
    ("phone", "the lead's phone number", lambda lead: lead.phone),
    ("street", "street and number", lambda lead: lead.street),
    ("city", "city", lambda lead: lead.city),
    ("region", "region, state or province", lambda lead: lead.region),
    ("postal_code", "postal code", lambda lead: lead.postal_code),
    ("country", "country, in English", lambda lead: country_name(lead.country)),
    ("value", "the estimated deal value", lambda lead: str(lead.value) if lead.value else ""),
)
_SENDER_FIELDS: tuple[tuple[str, str], ...] = (
    ("business_name", "your business's name"),
    ("street", "your street and number"),
    ("postal_code", "your postal code"),
    ("city", "your city"),
    ("region", "your region"),
    ("country", "your country"),
    ("phone", "your phone number"),
    ("email", "your email address"),
    ("website", "your website"),
    ("signer_name", "who signs the letter"),
    ("signer_title", "the signer's job title"),
)
_CAMPAIGN_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "the campaign's name"),
    ("offer", "the campaign's special offer"),
    ("response_code", "the code customers quote when they reply"),
    ("deadline", "the campaign's last day, formatted like the letter's date"),
    ("start", "the campaign's first day"),
)

PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("salutation", f"'Dear Jan Kowalski', or '{NO_NAME_SALUTATION}' without a name"),
    Placeholder("today", "the letter's date"),
    *(Placeholder(f"lead.{name}", text) for name, text, _value in _LEAD_FIELDS),
    *(Placeholder(f"sender.{name}", text) for name, text in _SENDER_FIELDS),
    *(Placeholder(f"campaign.{name}", text) for name, text in _CAMPAIGN_FIELDS),
)
"""Every placeholder a template can use, in the order the editor lists them."""


def first_name(name: str) -> str:
    """``Jan`` for ``Jan Kowalski`` and for ``Kowalski, Jan``; names without spaces stay whole."""
    text = name.strip()
    if "," in text:
        text = text.split(",", 1)[1].strip() or text
    return text.split()[0] if text.split() else ""


def salutation(lead: Lead) -> str:
    """``Dear Jan Kowalski``; ``Dear Sir or Madam`` when the name is empty or is the company's."""
    name = lead.name.strip()
    if not name or name.casefold() == lead.company.strip().casefold():
        return NO_NAME_SALUTATION
    return f"Dear {name}"


class FieldText(str):
    """A placeholder's text that remembers which field it came from.

    When a template prints it empty, the field is noted as missing for the batch report; a value
    the template replaced (``lead.company or lead.name``) or only tested is not. The bookkeeping
    attributes start with an underscore, so the sandbox hides them from templates.
    """

    _field: str
    _notes: set[str]

    def __new__(cls, text: str, field: str, notes: set[str]) -> "FieldText":
        """Text for ``field``; printing it empty adds ``field`` to ``notes``."""
        made = super().__new__(cls, text)
        made._field = field
        made._notes = notes
        return made


def note_if_missing(value: object) -> None:
    """Notes a placeholder field a template is printing empty."""
    if isinstance(value, FieldText) and not value.strip():
        value._notes.add(value._field)


class FieldGroup(SimpleNamespace):
    """A group of placeholders (``lead``, ``sender``, ``campaign``) read as attributes."""


@dataclass(frozen=True)
class LetterContext:
    """Everything one letter prints: the lead, the sender, the day and the campaign, if any."""

    lead: Lead
    sender: SenderProfile
    today: date
    campaign: CampaignInfo | None = None

    @property
    def date_text(self) -> str:
        """The letter's date in the sender's format."""
        return self.sender.date_format.apply(self.today)

    @property
    def recipient_lines(self) -> tuple[str, ...]:
        """The address block for the window."""
        return address_lines(self.lead, self.sender.country)

    def placeholders(self, missing: set[str]) -> dict[str, object]:
        """The template's variables; fields printed empty are added to ``missing``."""
        sender = self.sender
        campaign = self.campaign
        dates = self.sender.date_format
        campaign_values = {
            "name": campaign.name if campaign else "",
            "offer": campaign.offer if campaign else "",
            "response_code": campaign.response_code if campaign else "",
            "deadline": dates.apply(campaign.end_on) if campaign and campaign.end_on else "",
            "start": dates.apply(campaign.start_on) if campaign and campaign.start_on else "",
        }
        return {
            "salutation": salutation(self.lead),
            "today": self.date_text,
            "lead": _group(
                "lead", {name: value(self.lead) for name, _text, value in _LEAD_FIELDS}, missing
            ),
            "sender": _group(
                "sender",
                {name: str(getattr(sender, name)) for name, _text in _SENDER_FIELDS},
                missing,
            ),
            "campaign": _group("campaign", campaign_values, missing),
        }


def _group(name: str, values: dict[str, str], missing: set[str]) -> FieldGroup:
    return FieldGroup(
        **{key: FieldText(value, f"{name}.{key}", missing) for key, value in values.items()}
    )
