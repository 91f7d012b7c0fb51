"""What the pipeline is worth in the business's home currency, and when a lead goes stale.

A business keeps its books in one currency, the sender profile's. Leads valued in other currencies
are converted at rates the user keeps (the app never goes online for them); a lead whose currency
has no rate is counted apart ("+ 2 in other currencies") rather than mixed in at a guessed value.
The same settings give each open column a win probability, for the weighted total, and a number
of days after which an untouched lead is stale (Pipedrive calls it "rotting").

Conversion is done in ``Decimal`` and rounded once, half to even, to the home currency's minor
unit, so a total never drifts by the order its leads were added in.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from planner.domain import Column
from planner.errors import ValidationError
from planner.money import Money, currency_code, minor_digits

OPEN_COLUMNS: tuple[Column, ...] = (Column.COLD, Column.WARM, Column.HOT)
"""The columns of leads still in play: the only ones with a probability and a stale limit."""

DEFAULT_PROBABILITIES: Mapping[Column, Decimal] = MappingProxyType(
    {Column.COLD: Decimal("0.05"), Column.WARM: Decimal("0.25"), Column.HOT: Decimal("0.60")}
)
"""How likely an open lead is to be won, by column, until the user sets their own."""

DEFAULT_STALE_AFTER_DAYS: Mapping[Column, int] = MappingProxyType(
    {Column.COLD: 60, Column.WARM: 14, Column.HOT: 7}
)
"""Days without a touch after which a lead is stale: hot leads cool fastest."""

_LONGEST_STALE_LIMIT = 3650


@dataclass(frozen=True)
class CurrencyAmount:
    """A sum in one currency and how many leads it comes from: one line of a breakdown."""

    money: Money
    leads: int = 1


@dataclass(frozen=True)
class ConvertedTotal:
    """A set of amounts summed in the home currency.

    ``unconverted`` lists, per currency, what could not be converted for want of a rate; the
    breakdown keeps every currency as it was, for a tooltip that shows where the sum came from.
    """

    total: Money
    breakdown: tuple[CurrencyAmount, ...] = ()
    unconverted: tuple[CurrencyAmount, ...] = ()

    @property
    def unconverted_leads(self) -> int:
        """How many leads the total leaves out: "+ 2 in other currencies"."""
        return sum(amount.leads for amount in self.unconverted)


@dataclass(frozen=True)
class PipelineSettings:
    """The user's exchange rates, and each open column's win probability and stale limit.

    ``rates`` maps a currency code to the value of one unit of it in the home currency (with EUR
    at home, ``{"USD": Decimal("0.92")}``). Rates are kept when the home currency changes; the
    user is shown which ones then need updating.
    """

    rates: Mapping[str, Decimal] = field(default_factory=dict)
    probabilities: Mapping[Column, Decimal] = field(default_factory=lambda: DEFAULT_PROBABILITIES)
    stale_after_days: Mapping[Column, int] = field(default_factory=lambda: DEFAULT_STALE_AFTER_DAYS)

    def __post_init__(self) -> None:
        for code, rate in self.rates.items():
            if currency_code(code, "rates") != code:
                raise ValidationError(f"'{code}' is not written as a currency code", "rates")
            if not rate.is_finite() or rate <= 0:
                raise ValidationError(f"The rate of {code} must be above zero", "rates")
        for column, probability in self.probabilities.items():
            if column not in OPEN_COLUMNS:
                raise ValidationError(f"{column.heading} has no win probability", "probabilities")
            if not Decimal(0) <= probability <= Decimal(1):
                raise ValidationError(
                    f"The probability of {column.heading} is between 0 % and 100 %",
                    "probabilities",
                )
        for column, days in self.stale_after_days.items():
            if column not in OPEN_COLUMNS:
                raise ValidationError(f"{column.heading} has no stale limit", "stale_after_days")
            if not 1 <= days <= _LONGEST_STALE_LIMIT:
                raise ValidationError(
                    f"The stale limit of {column.heading} is 1 to {_LONGEST_STALE_LIMIT} days",
                    "stale_after_days",
                )

    def probability(self, column: Column) -> Decimal:
        """The chance a lead in ``column`` is won: 1 for Won, 0 for Lost."""
        if column is Column.WON:
            return Decimal(1)
        if column is Column.LOST:
            return Decimal(0)
        return self.probabilities.get(column, DEFAULT_PROBABILITIES[column])

    def stale_limit(self, column: Column) -> int | None:
        """Days without a touch before a lead in ``column`` is stale; ``None`` for closed leads."""
        if column not in OPEN_COLUMNS:
            return None
        return self.stale_after_days.get(column, DEFAULT_STALE_AFTER_DAYS[column])

    def rate(self, currency: str, home_currency: str) -> Decimal | None:
        """One unit of ``currency`` in the home currency; ``None`` when the user has no rate."""
        if currency == home_currency:
            return Decimal(1)
        return self.rates.get(currency)

    def to_json(self) -> dict[str, Any]:
        """The stored form: decimals as strings so no rate passes through a float."""
        return {
            "rates": {code: str(rate) for code, rate in sorted(self.rates.items())},
            "probabilities": {
                column.value: str(self.probability(column)) for column in OPEN_COLUMNS
            },
            "stale_after_days": {column.value: self.stale_limit(column) for column in OPEN_COLUMNS},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> "PipelineSettings":
        """Reads the stored form; missing parts take their defaults."""
        if not data:
            return cls()
        try:
            rates = {code: Decimal(text) for code, text in data.get("rates", {}).items()}
            probabilities = {
                Column(key): Decimal(text) for key, text in data.get("probabilities", {}).items()
            }
            stale = {
                Column(key): int(days) for key, days in data.get("stale_after_days", {}).items()
            }
        except (InvalidOperation, ValueError, TypeError, AttributeError):
            raise ValidationError(
                "The stored pipeline settings are unreadable", "pipeline"
            ) from None
        return cls(
            rates=MappingProxyType(rates),
            probabilities=MappingProxyType({**DEFAULT_PROBABILITIES, **probabilities}),
            stale_after_days=MappingProxyType({**DEFAULT_STALE_AFTER_DAYS, **stale}),
        )


@dataclass(frozen=True)
class ColumnWorth:
    """What a column's leads are worth: their total in the home currency, the chance a lead
    there is won, and the total weighted by that chance."""

    total: ConvertedTotal
    probability: Decimal
    weighted: Money


@dataclass(frozen=True)
class BoardWorth:
    """Every column's worth, with the home currency and the settings it was reckoned with."""

    home_currency: str
    settings: PipelineSettings
    columns: Mapping[Column, ColumnWorth]


def column_worth(
    column: Column,
    amounts: Iterable[CurrencyAmount],
    home_currency: str,
    settings: PipelineSettings,
) -> ColumnWorth:
    """The worth of one column's ``amounts``, weighted by the column's probability."""
    total = convert_total(amounts, home_currency, settings)
    probability = settings.probability(column)
    return ColumnWorth(total, probability, weighted(total, probability))


def convert_total(
    amounts: Iterable[CurrencyAmount], home_currency: str, settings: PipelineSettings
) -> ConvertedTotal:
    """Sums ``amounts`` in ``home_currency``; currencies without a rate are kept apart."""
    by_currency: dict[str, CurrencyAmount] = {}
    for amount in amounts:
        code = amount.money.currency
        earlier = by_currency.get(code)
        if earlier is None:
            by_currency[code] = amount
        else:
            by_currency[code] = CurrencyAmount(
                Money(earlier.money.minor + amount.money.minor, code), earlier.leads + amount.leads
            )
    converted = Decimal(0)
    unconverted: list[CurrencyAmount] = []
    for code, amount in sorted(by_currency.items()):
        rate = settings.rate(code, home_currency)
        if rate is None:
            unconverted.append(amount)
        else:
            converted += amount.money.decimal * rate
    return ConvertedTotal(
        total=in_currency(converted, home_currency),
        breakdown=tuple(amount for _, amount in sorted(by_currency.items())),
        unconverted=tuple(unconverted),
    )


def weighted(total: ConvertedTotal, probability: Decimal) -> Money:
    """The part of ``total`` expected to be won at ``probability``, rounded once."""
    return in_currency(total.total.decimal * probability, total.total.currency)


def in_currency(amount: Decimal, currency: str) -> Money:
    """``amount`` rounded half to even to the smallest unit of ``currency``."""
    digits = minor_digits(currency)
    minor = (amount.scaleb(digits)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return Money(int(minor), currency)
