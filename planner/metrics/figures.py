"""Figures in the home currency, ratios and averages that are ``None`` rather than a division
by zero, and amounts that could not be converted kept apart instead of mixed in."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from planner.money import Money
from planner.valuation import (
    CurrencyAmount,
    Valuation,
    convert_total,
    in_currency,
)

RATIO_PLACES = Decimal("0.0001")
"""Rates and ROI keep four decimals (66.67 %)."""

AVERAGE_PLACES = Decimal("0.01")
"""Averages of counts keep two decimals (8.33 touches)."""


@dataclass(frozen=True)
class MoneyFigure:
    """An amount in the home currency, with what could not be converted for want of a rate.

    ``money`` is ``None`` when there is nothing to show (an average of no deals, the cost per
    lead of a campaign without leads, or a budget that itself has no rate).
    """

    money: Money | None
    unconverted: tuple[CurrencyAmount, ...] = ()

    @property
    def is_complete(self) -> bool:
        """True when every amount behind the figure was converted."""
        return not self.unconverted


@dataclass(frozen=True)
class Converter:
    """Converts amounts into the home currency at the user's rates, as figures of the report."""

    valuation: Valuation

    @property
    def home_currency(self) -> str:
        """The currency every figure is given in."""
        return self.valuation.home_currency

    def total(self, amounts: Iterable[CurrencyAmount]) -> MoneyFigure:
        """The sum of ``amounts`` (zero when there are none; no amount at all when none of
        them could be converted)."""
        converted = convert_total(amounts, self.home_currency, self.valuation.settings)
        if converted.breakdown and len(converted.unconverted) == len(converted.breakdown):
            return MoneyFigure(None, converted.unconverted)
        return MoneyFigure(converted.total, converted.unconverted)

    def average(self, amounts: Iterable[CurrencyAmount]) -> MoneyFigure:
        """The mean per lead (or deal) of the amounts that could be converted."""
        converted = convert_total(amounts, self.home_currency, self.valuation.settings)
        count = sum(amount.leads for amount in converted.breakdown) - converted.unconverted_leads
        if count == 0:
            return MoneyFigure(None, converted.unconverted)
        mean_amount = in_currency(converted.total.decimal / count, self.home_currency)
        return MoneyFigure(mean_amount, converted.unconverted)

    def amount(self, money: Money | None) -> MoneyFigure | None:
        """One amount (a budget) in the home currency; ``None`` when there is none."""
        if money is None:
            return None
        return self.total([CurrencyAmount(money)])


def per(figure: MoneyFigure | None, count: int) -> MoneyFigure | None:
    """``figure`` shared over ``count`` (a budget per lead); ``None`` when either is missing.

    Amounts without a rate are shared in their own currency and stay apart."""
    if figure is None or count == 0:
        return None
    return MoneyFigure(
        _shared(figure.money, count) if figure.money is not None else None,
        tuple(
            CurrencyAmount(_shared(amount.money, count), amount.leads)
            for amount in figure.unconverted
        ),
    )


def _shared(money: Money, count: int) -> Money:
    return in_currency(money.decimal / count, money.currency)


def ratio(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """``part ÷ whole`` to four decimals; ``None`` when ``whole`` is zero."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATIO_PLACES, rounding=ROUND_HALF_EVEN)


def mean(total: int, count: int) -> Decimal | None:
    """``total ÷ count`` to two decimals; ``None`` when ``count`` is zero."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(AVERAGE_PLACES, rounding=ROUND_HALF_EVEN)


def return_on_investment(revenue: MoneyFigure, budget: MoneyFigure | None) -> Decimal | None:
    """``(revenue − budget) ÷ budget``; ``None`` without a budget, for a zero budget, or when
    either side could not be converted (a return on a guess is no return)."""
    if budget is None or budget.money is None or not budget.money.minor:
        return None
    if revenue.money is None or not (revenue.is_complete and budget.is_complete):
        return None
    return ratio(revenue.money.decimal - budget.money.decimal, budget.money.decimal)
