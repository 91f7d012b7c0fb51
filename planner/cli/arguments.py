"""Argument types shared by the command groups: enums and dates with one-line errors."""

import argparse
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import NoReturn, TypeVar

from planner.limits import MAX_RECORD_ID, day_problem

EnumT = TypeVar("EnumT", bound=StrEnum)


class CommandLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are a single line on stderr, exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Prints ``planner lead move: …`` without the usage block, then exits 2."""
        self.exit(2, f"{self.prog}: {message}\n")


def enum_choice(enum_type: type[EnumT]) -> Callable[[str], EnumT]:
    """An argparse ``type`` accepting the enum's values, case-insensitively."""

    def parse(text: str) -> EnumT:
        try:
            return enum_type(text.strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in enum_type)
            raise argparse.ArgumentTypeError(f"'{text}' is not one of {allowed}") from None

    parse.__name__ = enum_type.__name__
    return parse


def enum_metavar(enum_type: type[StrEnum]) -> str:
    """``cold|warm|hot`` for the help text."""
    return "|".join(member.value for member in enum_type)


def iso_date(text: str) -> date:
    """An argparse ``type`` for YYYY-MM-DD dates within the years the planner keeps."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-16") from None
    problem = day_problem("date", day)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem[0].lower() + problem[1:])
    return day


def record_id(text: str) -> int:
    """An argparse ``type`` for the id of a lead, touch or campaign: a whole number from 1 to
    the largest id SQLite can store (a larger one would overflow, not just be missing)."""
    number = _whole_number(text)
    if not 1 <= number <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"'{text}' is not an id (ids are 1 or more)")
    return number


def count_number(text: str) -> int:
    """An argparse ``type`` for a position or a count: a whole number from 0 up."""
    number = _whole_number(text)
    if not 0 <= number <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 0 up")
    return number


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
