"""Line items and catalogue entries: what is sold, how many, at what price and tax rate."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from planner.errors import ValidationError
from planner.limits import SALES_LIMITS
from planner.money import Money
from planner.sales.percent import checked_percent, parse_percent

QUANTITY_PLACES = 4
"""Quantities are kept to four decimals (hours in quarters, metres in millimetres)."""

_LARGEST_QUANTITY = Decimal(10) ** 9


def parse_quantity(text: str, field: str = "quantity") -> Decimal:
    """A quantity typed as plain digits (``3``, ``2.5``); ValidationError for negative,
    zero, unreadable or too precise quantities."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValidationError(
            f"'{text}' is not a quantity (write it like 3 or 2.5)", field
        ) from None
    return checked_quantity(value, field, text)


def checked_quantity(value: Decimal, field: str = "quantity", text: str | None = None) -> Decimal:
    """``value`` when it is a positive quantity of at most four decimals."""
    shown = text if text is not None else str(value)
    if not value.is_finite() or value <= 0:
        raise ValidationError(f"'{shown}' is not a quantity above zero", field)
    if value > _LARGEST_QUANTITY:
        raise ValidationError(f"'{shown}' is too large a quantity", field)
    if value != value.quantize(Decimal(1).scaleb(-QUANTITY_PLACES)):
        raise ValidationError(f"'{shown}' has more than {QUANTITY_PLACES} decimal places", field)
    return value.normalize()


@dataclass(frozen=True)
class LineItem:
    """One line of a proposal, invoice or contract.

    ``discount`` and ``tax_rate`` are percentages (``Decimal("10")`` is 10 %). The unit price is
    in the document's currency; ``catalogue_id`` remembers the catalogue entry it came from.
    """

    description: str
    quantity: Decimal
    unit_price: Money
    unit: str = ""
    discount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)
    catalogue_id: int | None = None

    def checked(self) -> "LineItem":
        """The line when it can be stored; ValidationError naming the problem otherwise."""
        if not self.description.strip():
            raise ValidationError("Every line needs a description", "description")
        _check_texts(description=self.description, unit=self.unit)
        checked_quantity(self.quantity)
        checked_percent(self.discount, "discount")
        checked_percent(self.tax_rate, "tax_rate")
        return self


@dataclass(frozen=True)
class CatalogueItem:
    """A product or service the business sells, to pick into proposals."""

    id: int
    name: str
    description: str
    unit: str
    unit_price: Money
    tax_rate: Decimal

    def line(self, quantity: Decimal = Decimal(1)) -> LineItem:
        """A proposal line for ``quantity`` of this entry."""
        return LineItem(
            description=self.name if not self.description else f"{self.name}: {self.description}",
            quantity=quantity,
            unit=self.unit,
            unit_price=self.unit_price,
            tax_rate=self.tax_rate,
            catalogue_id=self.id,
        )


@dataclass(frozen=True)
class CatalogueDraft:
    """What a user fills in to add or edit a catalogue entry."""

    name: str
    unit_price: Money
    description: str = ""
    unit: str = ""
    tax_rate: Decimal = Decimal(0)

    def checked(self) -> "CatalogueDraft":
        """The draft when it can be stored; ValidationError naming the field otherwise."""
        if not self.name.strip():
            raise ValidationError("A catalogue entry needs a name", "name")
        _check_texts(name=self.name, description=self.description, unit=self.unit)
        checked_percent(self.tax_rate, "tax_rate")
        return self


def _check_texts(**fields: str) -> None:
    """Refuses a text too long for its field or holding control characters, naming the field."""
    for field, text in fields.items():
        problem = SALES_LIMITS[field].problem(text)
        if problem is not None:
            raise ValidationError(problem, field)


def parse_item_spec(text: str, currency: str) -> LineItem:
    """A line written ``DESCRIPTION:QTY:UNIT_PRICE[:TAX%]`` (``Design work:10:85.00:19``), as the
    command line takes it. The description may itself hold colons; without a tax rate the line
    is taxed at 0 %. ValidationError naming what is wrong otherwise."""
    parts = text.split(":")
    if len(parts) < 3:
        raise ValidationError(
            f"'{text}' is not an item: write DESCRIPTION:QTY:UNIT_PRICE[:TAX%]", "item"
        )
    with_tax = len(parts) >= 4 and _reads(parts[-3], parts[-2], currency)
    if with_tax:
        description, quantity, price, tax = parts[:-3], parts[-3], parts[-2], parts[-1]
    else:
        description, quantity, price, tax = parts[:-2], parts[-2], parts[-1], "0"
    try:
        return LineItem(
            description=":".join(description).strip(),
            quantity=parse_quantity(quantity),
            unit_price=Money.parse(price, currency),
            tax_rate=parse_percent(tax, "tax_rate"),
        ).checked()
    except ValidationError as error:
        raise ValidationError(f"Item '{text}': {error}", error.field) from None


def _reads(quantity: str, price: str, currency: str) -> bool:
    """True when the two texts read as a quantity and a price: then the field after them is
    the tax rate, and any colon before them belongs to the description."""
    try:
        parse_quantity(quantity)
        Money.parse(price, currency)
    except ValidationError:
        return False
    return True
