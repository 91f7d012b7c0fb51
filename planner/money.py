"""Money as integer minor units plus an ISO 4217 currency code; never floats.

How many minor units a currency has, and which codes exist, come from CLDR (Babel): a hand list
once stored Taiwan dollars without cents and Kuwaiti dinars with two decimals instead of three.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_currency_precision,
    get_group_symbol,
    is_currency,
    parse_decimal,
)

from planner.errors import ValidationError
from planner.locale import ENGLISH

DEFAULT_CURRENCY = "EUR"

_LARGEST_MINOR = 10**15
"""Amounts above this many minor units are refused: no small business plans them, and they
would lose precision wherever a float total is shown."""

_PLAIN_AMOUNT = re.compile(r"\d+(\.\d+)?")
"""The machine form scripts write: digits, optionally a dot and more digits (``1250.00``)."""

_PLAIN_EXAMPLE = "1250.00"


def minor_digits(currency: str) -> int:
    """How many decimal places the currency is written with (CLDR: 2 for EUR, 0 for JPY, 3 for
    KWD)."""
    return int(get_currency_precision(currency.strip().upper()))


def currency_code(text: str, field: str = "currency") -> str:
    """``text`` as a currency code CLDR knows (``eur`` → ``EUR``); ValidationError otherwise."""
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValidationError(f"'{text}' is not a three-letter currency code", field)
    if not is_currency(code):
        raise ValidationError(
            f"'{text}' is not a currency code in use anywhere (try one such as EUR, USD or GBP)",
            field,
        )
    return code


@dataclass(frozen=True, order=True)
class Money:
    """An amount in the smallest unit of its currency (cents, pence, yen)."""

    minor: int
    currency: str = DEFAULT_CURRENCY

    @classmethod
    def parse(cls, text: str, currency: str = DEFAULT_CURRENCY) -> "Money":
        """Reads the plain machine form ``1250.00`` (dot decimal, no grouping), as scripts and the
        command line write it whatever the user's locale; ValidationError otherwise."""
        code = currency_code(currency)
        cleaned = text.strip()
        if not _PLAIN_AMOUNT.fullmatch(cleaned):
            raise ValidationError(_unreadable(text, _PLAIN_EXAMPLE), "value")
        return cls._of(Decimal(cleaned), code, text)

    @classmethod
    def parse_local(cls, text: str, currency: str, locale: Locale) -> "Money":
        """Reads an amount as ``locale`` writes it: ``12,500`` is 12500 in English and 12.5 in
        German. ValidationError when unreadable, negative or finer than the currency's unit.

        Babel's strict parsing refuses misplaced grouping (``1,25`` in English) instead of
        guessing. Where the locale groups digits with a no-break space, a typed space counts.
        """
        code = currency_code(currency)
        example = _sample(code, locale)
        cleaned = _typed_spaces_as_grouping(text.strip(), locale)
        if not cleaned or any(char.isalpha() for char in cleaned):
            raise ValidationError(_unreadable(text, example), "value")
        try:
            amount = parse_decimal(cleaned, locale=locale, strict=True)
        except (NumberFormatError, InvalidOperation):
            raise ValidationError(_unreadable(text, example), "value") from None
        return cls._of(amount, code, text)

    @classmethod
    def _of(cls, amount: Decimal, code: str, text: str) -> "Money":
        if not amount.is_finite() or amount < 0:
            raise ValidationError(f"'{text}' is not an amount of money", "value")
        digits = minor_digits(code)
        scaled = amount.scaleb(digits)
        if scaled != scaled.to_integral_value():
            raise ValidationError(
                f"'{text}' has more than {digits} decimal places (the smallest {code} unit)",
                "value",
            )
        if scaled > _LARGEST_MINOR:
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

    def number_text(self, locale: Locale, *, grouped: bool = True) -> str:
        """``1,250.00`` in English, ``1.250,00`` in German; ungrouped (``1250,00``) for a field
        the user edits, where grouping would break while digits are typed and deleted."""
        digits = minor_digits(self.currency)
        pattern = ("#,##0" if grouped else "0") + ("." + "0" * digits if digits else "")
        return str(format_decimal(self.decimal, format=pattern, locale=locale))

    def format(self, locale: Locale) -> str:
        """``1.250,00 EUR``: the amount as ``locale`` writes it, with its code."""
        return f"{self.number_text(locale)} {self.currency}"

    def __str__(self) -> str:
        """``1,250.00 EUR``: the form letters, the board and the command line show."""
        return self.format(ENGLISH)


def _unreadable(text: str, example: str) -> str:
    return f"'{text}' is not an amount of money (write it like {example})"


def _sample(code: str, locale: Locale) -> str:
    return Money(1250 * 10 ** minor_digits(code), code).number_text(locale)


def _typed_spaces_as_grouping(text: str, locale: Locale) -> str:
    group = get_group_symbol(locale)
    return text.replace(" ", group) if group.isspace() else text
