"""``planner pipeline …``: exchange rates, win probabilities, stale limits and what each column
is worth in the home currency."""

import argparse
import dataclasses
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from planner.cli.output import print_json
from planner.domain import Column
from planner.errors import ValidationError
from planner.money import Money, currency_code
from planner.read_models import ColumnSummary
from planner.services.valuation import (
    board_worth,
    load_pipeline_settings,
    save_pipeline_settings,
)
from planner.valuation import OPEN_COLUMNS, BoardWorth
from planner.workspace import Workspace

_OPEN_METAVAR = "|".join(column.value for column in OPEN_COLUMNS)


def register(subparsers: Any) -> None:
    """Adds ``pipeline`` to the command line."""
    pipeline = subparsers.add_parser(
        "pipeline", help="exchange rates, win probabilities, stale limits and column totals"
    )
    actions = pipeline.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="the settings and each column's worth")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    rate = actions.add_parser(
        "rate", help="set how much one unit of a currency is in the home currency"
    )
    rate.add_argument("code", metavar="CODE", help="ISO 4217 code, e.g. USD")
    rate.add_argument("rate", nargs="?", metavar="RATE", help="plain digits with a dot, e.g. 0.92")
    rate.add_argument("--clear", action="store_true", help="drop the rate instead")
    rate.set_defaults(handler=_rate)

    probability = actions.add_parser("probability", help="set a column's win probability")
    probability.add_argument("column", type=_open_column, metavar=_OPEN_METAVAR)
    probability.add_argument("percent", type=_decimal, metavar="PERCENT", help="0 to 100")
    probability.set_defaults(handler=_probability)

    stale = actions.add_parser(
        "stale", help="set after how many days without a touch a lead is stale"
    )
    stale.add_argument("column", type=_open_column, metavar=_OPEN_METAVAR)
    stale.add_argument("days", type=int, metavar="DAYS")
    stale.set_defaults(handler=_stale)


def _open_column(text: str) -> Column:
    try:
        column = Column(text.strip().lower())
    except ValueError:
        column = None
    if column not in OPEN_COLUMNS:
        allowed = ", ".join(column.value for column in OPEN_COLUMNS)
        raise argparse.ArgumentTypeError(f"'{text}' is not one of {allowed}")
    return column


def _decimal(text: str) -> Decimal:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number like 25 or 12.5") from None
    if not number.is_finite():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number like 25 or 12.5")
    return number


def _show(arguments: argparse.Namespace, workspace: Workspace) -> int:
    summaries = workspace.leads.summaries()
    worth = board_worth(workspace, summaries)
    if arguments.json:
        print_json(_as_json(worth, summaries))
        return 0
    settings = worth.settings
    print(f"Home currency: {worth.home_currency}")
    if settings.rates:
        for code, rate in sorted(settings.rates.items()):
            print(f"  1 {code} = {rate} {worth.home_currency}")
    else:
        print("  No exchange rates")
    for column in Column:
        column_worth = worth.columns[column]
        line = f"{column.heading:<5} {summaries[column].count:>6} leads  {column_worth.total.total}"
        others = column_worth.total.unconverted_leads
        if others:
            line += f" + {others} in other currencies"
        limit = settings.stale_limit(column)
        if limit is not None:
            percent = _percent_text(settings.probability(column))
            line += f"  weighted at {percent} %: {column_worth.weighted}  stale after {limit} d"
        print(line)
    return 0


def _as_json(worth: BoardWorth, summaries: Mapping[Column, ColumnSummary]) -> dict[str, Any]:
    settings = worth.settings
    columns: dict[str, Any] = {}
    for column in Column:
        column_worth = worth.columns[column]
        columns[column.value] = {
            "leads": summaries[column].count,
            "total": _money_json(column_worth.total.total),
            "weighted": _money_json(column_worth.weighted),
            "probability": str(settings.probability(column)),
            "stale_after_days": settings.stale_limit(column),
            "unconverted_leads": column_worth.total.unconverted_leads,
            "unconverted": [
                {**_money_json(amount.money), "leads": amount.leads}
                for amount in column_worth.total.unconverted
            ],
        }
    return {
        "home_currency": worth.home_currency,
        "rates": {code: str(rate) for code, rate in sorted(settings.rates.items())},
        "columns": columns,
    }


def _money_json(money: Money) -> dict[str, str]:
    return {"amount": money.as_decimal_string(), "currency": money.currency}


def _percent_text(probability: Decimal) -> str:
    return f"{(probability * 100).normalize():f}"


def _rate(arguments: argparse.Namespace, workspace: Workspace) -> int:
    code = currency_code(arguments.code, "code")
    settings = load_pipeline_settings(workspace)
    rates = dict(settings.rates)
    if arguments.clear:
        if arguments.rate is not None:
            raise ValidationError("Give a rate or --clear, not both", "rate")
        if rates.pop(code, None) is None:
            raise ValidationError(f"There is no rate for {code} to clear", "code")
    else:
        if arguments.rate is None:
            raise ValidationError(f"Give the rate of {code}, e.g. 0.92, or --clear", "rate")
        try:
            rates[code] = Decimal(arguments.rate.strip())
        except InvalidOperation:
            raise ValidationError(
                f"'{arguments.rate}' is not a rate like 0.92 (digits and a dot)", "rate"
            ) from None
    save_pipeline_settings(workspace, dataclasses.replace(settings, rates=MappingProxyType(rates)))
    print(f"1 {code} = {rates[code]}" if code in rates else f"Cleared the rate of {code}")
    return 0


def _probability(arguments: argparse.Namespace, workspace: Workspace) -> int:
    settings = load_pipeline_settings(workspace)
    column: Column = arguments.column
    probabilities = {**settings.probabilities, column: arguments.percent / 100}
    save_pipeline_settings(
        workspace, dataclasses.replace(settings, probabilities=MappingProxyType(probabilities))
    )
    print(f"{column.heading}: {_percent_text(arguments.percent / 100)} %")
    return 0


def _stale(arguments: argparse.Namespace, workspace: Workspace) -> int:
    settings = load_pipeline_settings(workspace)
    column: Column = arguments.column
    limits = {**settings.stale_after_days, column: arguments.days}
    save_pipeline_settings(
        workspace, dataclasses.replace(settings, stale_after_days=MappingProxyType(limits))
    )
    print(f"{column.heading}: stale after {arguments.days} days")
    return 0
