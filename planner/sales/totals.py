"""Totals of a document under one rounding rule, the one EN 16931 (the EU e-invoice) expects.

The rule, step by step, every amount in ``Decimal`` and rounded half up ("commercial rounding")
to the currency's minor unit (CLDR: cents for EUR, none for JPY, fils for KWD):

1. **Line net** = quantity × unit price × (1 − line discount), rounded per line (BT-131).
2. **Subtotal** = the sum of the line nets (BT-106), exact: they are already rounded.
3. **Overall discount**, a percentage, is taken per tax rate: for each rate, the sum of its line
   nets × discount, rounded per rate (a document-level allowance per VAT category, BT-92). The
   discount shown is the sum of those (BT-107).
4. **Taxable amount per rate** = its line nets − its discount (BT-116).
5. **Tax per rate** = taxable amount × rate, rounded per rate (BT-117), never per line.
6. **Net** = subtotal − discount (BT-109); **tax** = the sum of the taxes per rate (BT-110);
   **total** = net + tax (BT-112).

So the total always equals the sum of what the document prints, and the e-invoice's checks
(BR-CO-10 to BR-CO-15) hold exactly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from planner.money import Money, minor_digits
from planner.sales.items import LineItem
from planner.sales.percent import HUNDRED


def round_minor(amount: Decimal, currency: str) -> int:
    """``amount`` (in major units) rounded half up to whole minor units of ``currency``."""
    scaled = amount.scaleb(minor_digits(currency))
    return int(scaled.to_integral_value(rounding=ROUND_HALF_UP))


def exact_line_net(line: LineItem) -> Decimal:
    """The line's net amount before rounding, in major units."""
    return line.quantity * line.unit_price.decimal * (HUNDRED - line.discount) / HUNDRED


@dataclass(frozen=True)
class RateTotal:
    """The figures of one tax rate: its lines' nets, its share of the discount, its tax."""

    rate: Decimal
    lines_net: Money
    discount: Money
    taxable: Money
    tax: Money


@dataclass(frozen=True)
class Totals:
    """Every figure a document prints, computed by ``compute_totals``."""

    currency: str
    line_nets: tuple[Money, ...]
    subtotal: Money
    discount: Money
    net: Money
    rates: tuple[RateTotal, ...]
    tax: Money
    total: Money


def compute_totals(
    lines: Iterable[LineItem], currency: str, discount: Decimal = Decimal(0)
) -> Totals:
    """The totals of ``lines`` with an overall ``discount`` percentage, under the rule above.

    Rates are listed from the highest down (how invoices usually print them).
    """
    items = tuple(lines)
    line_nets = tuple(round_minor(exact_line_net(line), currency) for line in items)
    by_rate: dict[Decimal, int] = {}
    for line, net in zip(items, line_nets, strict=True):
        by_rate[line.tax_rate] = by_rate.get(line.tax_rate, 0) + net
    rates = []
    for rate in sorted(by_rate, reverse=True):
        lines_net = by_rate[rate]
        rate_discount = round_minor(_major(lines_net, currency) * discount / HUNDRED, currency)
        taxable = lines_net - rate_discount
        tax = round_minor(_major(taxable, currency) * rate / HUNDRED, currency)
        rates.append(
            RateTotal(
                rate=rate,
                lines_net=Money(lines_net, currency),
                discount=Money(rate_discount, currency),
                taxable=Money(taxable, currency),
                tax=Money(tax, currency),
            )
        )
    subtotal = sum(line_nets)
    total_discount = sum(rate.discount.minor for rate in rates)
    total_tax = sum(rate.tax.minor for rate in rates)
    net = subtotal - total_discount
    return Totals(
        currency=currency,
        line_nets=tuple(Money(minor, currency) for minor in line_nets),
        subtotal=Money(subtotal, currency),
        discount=Money(total_discount, currency),
        net=Money(net, currency),
        rates=tuple(rates),
        tax=Money(total_tax, currency),
        total=Money(net + total_tax, currency),
    )


def _major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-minor_digits(currency))
