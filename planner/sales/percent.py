"""Percentages as people type them (``19``, ``7.5``, ``10%``): discounts and tax rates."""

from decimal import Decimal, InvalidOperation

from planner.errors import ValidationError

HUNDRED = Decimal(100)

_MAX_PLACES = 2
"""Rates and discounts are given to hundredths of a percent (EN 16931 writes rates so)."""


def parse_percent(text: str, field: str) -> Decimal:
    """``text`` as a percentage from 0 to 100 with at most two decimals; a trailing ``%`` is
    allowed. ValidationError naming ``field`` otherwise."""
    cleaned = text.strip().removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(
            f"'{text}' is not a percentage (write it like 19 or 7.5%)", field
        ) from None
    return checked_percent(value, field, text)


def checked_percent(value: Decimal, field: str, text: str | None = None) -> Decimal:
    """``value`` when it is a finite percentage from 0 to 100 with at most two decimals."""
    shown = text if text is not None else str(value)
    if not value.is_finite() or not 0 <= value <= HUNDRED:
        raise ValidationError(f"'{shown}' is not a percentage from 0 to 100", field)
    if value != value.quantize(Decimal(1).scaleb(-_MAX_PLACES)):
        raise ValidationError(f"'{shown}' has more than {_MAX_PLACES} decimal places", field)
    return value.normalize() if value else Decimal(0)


def percent_text(value: Decimal) -> str:
    """``19``, ``7.5``: a percentage without trailing zeros or exponent, for files and lists."""
    return f"{value.normalize():f}"
