"""Money as integer minor units plus an ISO 4217 currency code; never floats."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from planner.errors import ValidationError

_ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX"})
DEFAULT_CURRENCY = "EUR"


def minor_digits(currency: str) -> int:
    """How many decimal places the currency is written with."""
    return 0 if currency.upper() in _ZERO_DECIMAL_CURRENCIES else 2


_SPACES = (" ", "\u00a0", "\u202f", "\u2009", "_", "'", "\u2019")
"""Characters people put between groups of digits and that never mean a decimal point."""


def _plain_decimal(text: str) -> str | None:
    """``text`` with one ``.`` as the decimal point and no grouping, or ``None`` if unreadable.

    The last of ``.`` and ``,`` when both appear is the decimal point. A single separator is a
    decimal point unless exactly three digits follow a comma (``12,500``: grouping, as English
    writes and the board shows it); a separator that appears twice groups digits (``1.250.000``).
    Grouping must come in threes after the first group, so ``1,25`` stays a decimal and
    ``1,2,3`` is refused rather than guessed.
    """
    cleaned = text.strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    if not cleaned or not all(char.isdigit() or char in ".," for char in cleaned):
        return None
    if "." in cleaned and "," in cleaned:
        point = "." if cleaned.rindex(".") > cleaned.rindex(",") else ","
    elif cleaned.count(",") == 1:
        point = "" if len(cleaned) - cleaned.index(",") - 1 == 3 else ","
    elif cleaned.count(".") == 1:
        point = "."
    else:
        point = ""
    whole, _point, fraction = cleaned.rpartition(point) if point else (cleaned, "", "")
    groups = whole.replace(",", " ").replace(".", " ").split(" ")
    if any(not group.isdigit() for group in groups) or any(len(g) != 3 for g in groups[1:]):
        return None
    if point and not fraction.isdigit():
        return None
    return "".join(groups) + (f".{fraction}" if point else "")


@dataclass(frozen=True, order=True)
class Money:
    """An amount in the smallest unit of its currency (cents, pence, yen)."""

    minor: int
    currency: str = DEFAULT_CURRENCY

    @classmethod
    def parse(cls, text: str, currency: str = DEFAULT_CURRENCY) -> "Money":
        """Reads an amount as people write it; ValidationError if unreadable or ambiguous.

        ``1250.00``, ``1,250.00``, ``1.250,00``, ``1 250,5``, ``1'250`` and ``12,500`` (twelve
        thousand five hundred, as the board shows it) are all understood; see
        ``_plain_decimal`` for the rules.
        """
        code = currency.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValidationError(f"'{currency}' is not a three-letter currency code", "currency")
        cleaned = _plain_decimal(text)
        try:
            amount = Decimal(cleaned) if cleaned is not None else None
        except InvalidOperation:
            amount = None
        if amount is None:
            raise ValidationError(f"'{text}' is not an amount of money", "value")
        if not amount.is_finite() or amount < 0:
            raise ValidationError(f"'{text}' is not an amount of money", "value")
        digits = minor_digits(code)
        scaled = amount.scaleb(digits)
        if scaled != scaled.to_integral_value():
            raise ValidationError(f"'{text}' has more than {digits} decimal places", "value")
        if scaled > 10**15:
            raise ValidationError(f"'{text}' is too large", "value")
        return cls(int(scaled), code)

    @property
    def decimal(self) -> Decimal:
        """The amount in major units, exact."""
        return Decimal(self.minor).scaleb(-minor_digits(self.currency))

    def as_decimal_string(self) -> str:
        """``1250.00``: the machine form used in JSON and CSV."""
        digits = minor_digits(self.currency)
        return f"{self.decimal:.{digits}f}"

    def __str__(self) -> str:
        """``1,250.00 EUR``: the form shown to people."""
        digits = minor_digits(self.currency)
        return f"{self.decimal:,.{digits}f} {self.currency}"
