"""Argument types shared by the command groups: enums and dates with one-line errors."""

import argparse
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import NoReturn, TypeVar

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
    """An argparse ``type`` for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-16") from None
