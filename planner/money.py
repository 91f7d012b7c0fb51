"""Money as integer minor units plus an ISO 4217 currency code; never floats."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from planner.errors import ValidationError

_ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX"})
DEFAULT_CURRENCY = "EUR"


def minor_digits(currency: str) -> int:
    """How many decimal places the currency is written with."""
    return 0 if currency.upper() in _ZERO_DECIMAL_CURRENCIES else 2


@dataclass(frozen=True, order=True)
class Money:
    """An amount in the smallest unit of its currency (cents, pence, yen)."""

    minor: int
    currency: str = DEFAULT_CURRENCY

    @classmethod
    def parse(cls, text: str, currency: str = DEFAULT_CURRENCY) -> "Money":
        """Reads an amount such as ``1250.00`` or ``1 250,5``; ValidationError if unreadable."""
        code = currency.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValidationError(f"'{currency}' is not a three-letter currency code", "currency")
        cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
        if "," in cleaned and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(f"'{text}' is not an amount of money", "value") from None
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
