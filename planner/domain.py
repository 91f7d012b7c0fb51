"""The planner's vocabulary: enums for every state and frozen dataclasses for records.

Records are plain values; they are read from the store and handed to the front ends, never
mutated. Changing one means calling a service, which writes a new row image.
"""

from dataclasses import dataclass
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
