"""What a column header says about its worth: one total in the home currency, the leads whose
currency has no rate, the weighted total, and a per-currency breakdown for the tooltip.

Each short text comes longest form first, so the header shows the longest that fits its width.
"""

from collections.abc import Mapping

from babel import Locale
from babel.numbers import format_decimal, format_percent

from planner.domain import Column
from planner.valuation import BoardWorth, ColumnWorth, CurrencyAmount


def leads_text(count: int) -> str:
    """``1 lead``, ``24 leads``."""
    return "1 lead" if count == 1 else f"{count:,} leads"


def total_texts(worth: ColumnWorth | None, locale: Locale) -> tuple[str, ...]:
    """``212,400.00 EUR + 2 in other currencies``, then shorter forms; ``No value`` when empty."""
    if worth is None or not worth.total.breakdown:
        return ("No value",)
    total = worth.total
    others = total.unconverted_leads
    if len(total.unconverted) == len(total.breakdown):
        return (f"{leads_text(others)} in other currencies", f"{others} unconverted")
    amount = total.total.format(locale)
    if not others:
        return (amount,)
    return (
        f"{amount} + {others} in other currencies",
        f"{amount} + {others} other",
        f"{amount} +{others}",
        amount,
    )


def weighted_texts(column: Column, worth: ColumnWorth | None, locale: Locale) -> tuple[str, ...]:
    """``Weighted at 60 %: 127,440.00 EUR`` and shorter forms; nothing for closed columns."""
    if column.is_outcome or worth is None or not worth.total.breakdown:
        return ()
    if len(worth.total.unconverted) == len(worth.total.breakdown):
        return ()
    percent = format_percent(worth.probability, locale=locale)
    amount = worth.weighted.format(locale)
    return (f"Weighted at {percent}: {amount}", f"{percent}: {amount}", f"≈ {amount}")


def rate_texts(board: BoardWorth, locale: Locale) -> dict[str, str]:
    """Each currency the user has a rate for, as the tooltip says it: ``1 USD = 0.92 EUR``."""
    return {
        code: f"1 {code} = {format_decimal(rate, locale=locale)} {board.home_currency}"
        for code, rate in board.settings.rates.items()
        if code != board.home_currency
    }


def breakdown_tooltip(
    column: Column, count: int, worth: ColumnWorth | None, rates: Mapping[str, str], locale: Locale
) -> str:
    """The header's tooltip: the count, the total, one line per currency, and the weighted total.

    One short line per fact, so it never grows wider than the window. ``rates`` gives each
    converted currency's rate as text (``1 USD = 0.92 EUR``, see ``rate_texts``).
    """
    lines = [f"{column.heading}: {leads_text(count)}"]
    if worth is None or not worth.total.breakdown:
        lines.append("No lead here has a value")
        return "\n".join(lines)
    total = worth.total
    unconverted = {amount.money.currency for amount in total.unconverted}
    lines.append(f"Total: {total.total.format(locale)}")
    for amount in total.breakdown:
        lines.append("  " + _breakdown_line(amount, unconverted, rates, locale))
    if unconverted:
        lines.append("Set the missing rates in Edit → Pipeline Settings…")
    weighted = weighted_texts(column, worth, locale)
    if weighted:
        lines.append(weighted[0])
    return "\n".join(lines)


def _breakdown_line(
    amount: CurrencyAmount, unconverted: set[str], rates: Mapping[str, str], locale: Locale
) -> str:
    money = amount.money
    line = f"{money.format(locale)} ({leads_text(amount.leads)})"
    if money.currency in unconverted:
        return f"{line}: no rate, not in the total"
    rate = rates.get(money.currency)
    return f"{line} at {rate}" if rate else line
