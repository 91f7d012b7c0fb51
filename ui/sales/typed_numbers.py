"""Quantities and percentages typed as the user's locale writes numbers (``2,5`` in German)."""

from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal

from planner.errors import ValidationError
from planner.locale import user_locale
from planner.sales.items import checked_quantity
from planner.sales.percent import checked_percent


def read_decimal(text: str, field: str, what: str) -> Decimal:
    """``text`` read in the user's number locale; ValidationError naming ``field`` otherwise."""
    cleaned = text.strip().removesuffix("%").strip()
    try:
        return Decimal(parse_decimal(cleaned, locale=user_locale(), strict=True))
    except (NumberFormatError, InvalidOperation):
        raise ValidationError(f"'{text.strip()}' is not {what}", field) from None


def read_quantity(text: str) -> Decimal:
    """A quantity above zero."""
    return checked_quantity(read_decimal(text, "quantity", "a quantity"), "quantity", text)


def read_percent(text: str, field: str) -> Decimal:
    """A percentage from 0 to 100; empty is 0."""
    if not text.strip():
        return Decimal(0)
    return checked_percent(read_decimal(text, field, "a percentage"), field, text)


def decimal_text(value: Decimal) -> str:
    """``2.5`` (``2,5`` in German): a quantity or rate as a field shows it for editing."""
    from babel.numbers import format_decimal

    return str(format_decimal(value.normalize(), format="0.####", locale=user_locale()))
