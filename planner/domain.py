"""The planner's vocabulary: enums for every state and frozen dataclasses for records.

Records are plain values; they are read from the store and handed to the front ends, never
mutated. Changing one means calling a service, which writes the new values in one action.
"""

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from planner.money import Money


class Temperature(StrEnum):
    """How well a prospect knows us; each temperature has its own tactics."""

    COLD = "cold"
    WARM = "warm"
    HOT = "hot"


class Outcome(StrEnum):
    """Where a lead's sale stands: still being worked, or closed either way."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class Column(StrEnum):
    """A column of the board: the three temperatures for open leads, then the two outcomes."""

    COLD = "cold"
    WARM = "warm"
    HOT = "hot"
    WON = "won"
    LOST = "lost"

    @property
    def heading(self) -> str:
        """The heading a user sees."""
        return self.value.capitalize()

    @property
    def is_outcome(self) -> bool:
        """True for Won and Lost, the columns of closed leads."""
        return self in (Column.WON, Column.LOST)

    @classmethod
    def of(cls, temperature: Temperature, outcome: Outcome) -> "Column":
        """The column a lead with this temperature and outcome sits in."""
        if outcome is Outcome.OPEN:
            return cls(temperature.value)
        return cls(outcome.value)


LEAD_TEXT_FIELDS: tuple[str, ...] = (
    "name",
    "company",
    "title",
    "email",
    "phone",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "source",
    "notes",
)
"""The free-text fields of a lead, in the order forms and exports show them."""


@dataclass(frozen=True)
class LeadDraft:
    """What a user types into the lead editor (or passes to ``lead add``): all editable fields."""

    name: str
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    temperature: Temperature = Temperature.COLD
    value: Money | None = None
    source: str = ""
    referred_by: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Lead:
    """A prospect (or customer) as stored, with its place on the board."""

    id: int
    name: str
    company: str
    title: str
    email: str
    phone: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str
    temperature: Temperature
    outcome: Outcome
    lost_reason: str
    value: Money | None
    source: str
    referred_by: int | None
    notes: str
    created_at: str
    updated_at: str
    rank: str
    deleted_at: str | None = None

    @property
    def column(self) -> Column:
        """The board column the lead is shown in."""
        return Column.of(self.temperature, self.outcome)

    @property
    def has_postal_address(self) -> bool:
        """True when a letter can be addressed to the lead."""
        return bool(self.street.strip() and (self.city.strip() or self.postal_code.strip()))

    def draft(self) -> LeadDraft:
        """The editable part of the lead, to change a few fields and save it back."""
        return LeadDraft(
            name=self.name,
            company=self.company,
            title=self.title,
            email=self.email,
            phone=self.phone,
            street=self.street,
            city=self.city,
            region=self.region,
            postal_code=self.postal_code,
            country=self.country,
            temperature=self.temperature,
            value=self.value,
            source=self.source,
            referred_by=self.referred_by,
            notes=self.notes,
        )


@dataclass(frozen=True)
class ColumnChange:
    """One recorded move of a lead between columns; the dashboard computes the funnel from these."""

    id: int
    lead_id: int
    from_column: Column | None
    to_column: Column
    changed_at: str


class TouchKind(StrEnum):
    """The kind of one contact with a lead, from marketing (letters) to sales (meetings)."""

    DIRECT_MAIL_LETTER = "direct_mail_letter"
    PROMOTION = "promotion"
    POSTCARD = "postcard"
    SALES_LETTER = "sales_letter"
    PHONE_CALL = "phone_call"
    EMAIL = "email"
    MEETING = "meeting"
    SEMINAR = "seminar"
    PRESENTATION = "presentation"
    PROPOSAL = "proposal"
    INVOICE = "invoice"
    CONTRACT = "contract"
    OTHER = "other"

    @property
    def label(self) -> str:
        """``Direct-mail letter``: the name a user sees."""
        return _TOUCH_KIND_LABELS.get(self, self.value.replace("_", " ").capitalize())


_TOUCH_KIND_LABELS = {TouchKind.DIRECT_MAIL_LETTER: "Direct-mail letter"}


class TouchOutcome(StrEnum):
    """What came of a touch once it was done."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    INTERESTED = "interested"
    NOT_INTERESTED = "not_interested"
    CALL_BACK = "call_back"

    @property
    def label(self) -> str:
        """``Asked to call back``: the name a user sees."""
        return _OUTCOME_LABELS.get(self, self.value.replace("_", " ").capitalize())


_OUTCOME_LABELS = {TouchOutcome.CALL_BACK: "Asked to call back"}


class Channel(StrEnum):
    """How a campaign reaches its targets; each channel plans touches of one kind."""

    DIRECT_MAIL = "direct_mail"
    PROMOTION = "promotion"
    SEMINAR = "seminar"
    EMAIL = "email"
    PHONE = "phone"
    ADVERTISING = "advertising"
    OTHER = "other"

    @property
    def label(self) -> str:
        """``Direct mail``: the name a user sees."""
        return self.value.replace("_", " ").capitalize()

    @property
    def touch_kind(self) -> TouchKind:
        """The kind of touch a campaign on this channel plans for each target lead."""
        return _CHANNEL_TOUCH_KINDS[self]


_CHANNEL_TOUCH_KINDS = {
    Channel.DIRECT_MAIL: TouchKind.DIRECT_MAIL_LETTER,
    Channel.PROMOTION: TouchKind.PROMOTION,
    Channel.SEMINAR: TouchKind.SEMINAR,
    Channel.EMAIL: TouchKind.EMAIL,
    Channel.PHONE: TouchKind.PHONE_CALL,
    Channel.ADVERTISING: TouchKind.OTHER,
    Channel.OTHER: TouchKind.OTHER,
}


@dataclass(frozen=True)
class TouchDraft:
    """A touch to plan or to log as done: what ``plan_touches`` and ``log_touches`` take.

    ``from_playbook`` names the temperature whose playbook proposed the touch, so moving the lead
    back can offer to drop the playbook touches it never got round to.
    """

    lead_id: int
    kind: TouchKind
    planned_on: date
    planned_at: time | None = None
    notes: str = ""
    campaign_id: int | None = None
    document: str | None = None
    done_on: date | None = None
    outcome: TouchOutcome | None = None
    from_playbook: Temperature | None = None
    is_response: bool = False


@dataclass(frozen=True)
class Touch:
    """One contact with a lead as stored: planned for a day, later done with an outcome."""

    id: int
    lead_id: int
    kind: TouchKind
    planned_on: date
    planned_at: time | None
    done_on: date | None
    outcome: TouchOutcome | None
    notes: str
    campaign_id: int | None
    document: str | None
    from_playbook: Temperature | None
    created_at: str
    is_response: bool = False
    """True for a lead's answer to its campaign (the code on a returned reply card)."""

    @property
    def is_done(self) -> bool:
        """True once the touch was made."""
        return self.done_on is not None

    def is_overdue(self, today: date) -> bool:
        """True for a planned touch whose day has passed without it being done."""
        return self.done_on is None and self.planned_on < today


@dataclass(frozen=True)
class PlaybookStep:
    """One step of a temperature's playbook: a touch ``days_after`` entering the column."""

    kind: TouchKind
    days_after: int
    notes: str = ""


@dataclass(frozen=True)
class CampaignDraft:
    """What a user fills in to create a campaign; the target narrows open leads of a temperature.

    ``target_city`` and ``target_source`` match whole values (ignoring case and accents);
    ``target_search`` is a board search text.
    """

    name: str
    channel: Channel
    target_temperature: Temperature
    start_on: date
    end_on: date
    target_city: str = ""
    target_source: str = ""
    target_search: str = ""
    budget: Money | None = None
    goal: str = ""
    offer: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Campaign:
    """A marketing push as stored, with the response code generated for it."""

    id: int
    name: str
    channel: Channel
    target_temperature: Temperature
    target_city: str
    target_source: str
    target_search: str
    start_on: date
    end_on: date
    budget: Money | None
    goal: str
    offer: str
    notes: str
    response_code: str
    created_at: str

    @property
    def days(self) -> int:
        """How many days the campaign runs, both ends included."""
        return (self.end_on - self.start_on).days + 1

    def draft(self) -> CampaignDraft:
        """The editable part, to change a few fields and save it back."""
        return CampaignDraft(
            name=self.name,
            channel=self.channel,
            target_temperature=self.target_temperature,
            start_on=self.start_on,
            end_on=self.end_on,
            target_city=self.target_city,
            target_source=self.target_source,
            target_search=self.target_search,
            budget=self.budget,
            goal=self.goal,
            offer=self.offer,
            notes=self.notes,
        )
