"""The user's locale and the names and formats it implies, all from CLDR through Babel.

One place answers which locale the user works in (numbers, dates, paper), what months, weekdays
and countries are called, which currency a country pays in and how a day reads in one line. The
rest of the app asks here instead of keeping tables of its own, so every screen, message and
letter agrees, and a new country or a renamed one arrives with a Babel update.

Letters, envelopes and the command line speak English; they pass ``ENGLISH`` explicitly. Screens
ask ``user_locale()``.
"""

import contextlib
import locale as system_locale
import os
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_date_format, get_day_names, get_month_names
from babel.numbers import get_territory_currencies

ENGLISH: Final = Locale("en")
"""The language of letters, addresses and messages; also the locale of a machine that sets none
(plain ``en``, with no country: such a machine is not taken for an American one)."""

_NEUTRAL_LOCALES = frozenset({"", "C", "POSIX"})
"""Locale names that say nothing about where the user lives."""


class LocaleCategory(StrEnum):
    """What a locale is asked for; the value is the environment variable that names it."""

    NUMERIC = "LC_NUMERIC"
    TIME = "LC_TIME"
    PAPER = "LC_PAPER"


class NameWidth(StrEnum):
    """How long a month or weekday name is: ``March``/``Mar``, ``Monday``/``Mon``."""

    WIDE = "wide"
    ABBREVIATED = "abbreviated"


class DateOrder(StrEnum):
    """The order of a locale's numeric dates, and whether it separates them with dots."""

    MONTH_FIRST = "month-first"
    DAY_FIRST = "day-first"
    DAY_FIRST_DOTTED = "day-first-dotted"
    YEAR_FIRST = "year-first"


def parse_locale_name(name: str) -> Locale | None:
    """The locale a system name means, or ``None`` for neutral and unknown names.

    Understands POSIX names (``de_DE.UTF-8``, ``pl_PL@euro``) and the names Windows reports
    (``English_United States.1252``), whose language and country are matched against CLDR's
    English names.
    """
    base = name.split(".")[0].split("@")[0].strip()
    if base in _NEUTRAL_LOCALES:
        return None
    with contextlib.suppress(ValueError, UnknownLocaleError):
        return Locale.parse(base)
    language_name, _separator, country_name_text = base.partition("_")
    language = _code_named(ENGLISH.languages, language_name)
    if language is None:
        return None
    country = country_code(country_name_text) if country_name_text else None
    for territory in (country, None):
        with contextlib.suppress(ValueError, UnknownLocaleError):
            return Locale(language, territory)
    return None


def _code_named(names: Mapping[str, object], name: str) -> str | None:
    wanted = name.strip().casefold()
    return next((code for code, text in names.items() if str(text).casefold() == wanted), None)


def system_locale_names(category: LocaleCategory) -> list[str]:
    """The locale names the environment gives for ``category``, most binding first.

    POSIX order: ``LC_ALL``, the category's own variable, then ``LANG``. The running locale
    (which is how Windows and a launch without variables say it) is asked only when the
    environment names none: Python reports the neutral C locale as ``en_US``, which would turn
    every machine without a language into an American one with Letter paper.
    """
    names = [os.environ.get(key, "") for key in ("LC_ALL", category.value, "LANG")]
    if not any(names):
        with contextlib.suppress(ValueError, system_locale.Error):
            running = system_locale.setlocale(system_locale.LC_CTYPE)
            if running.split(".")[0] not in _NEUTRAL_LOCALES:
                names.append(system_locale.getlocale()[0] or "")
    return [name for name in names if name.split(".")[0] not in _NEUTRAL_LOCALES]


def user_locale(category: LocaleCategory = LocaleCategory.NUMERIC) -> Locale:
    """The locale the user reads ``category`` in; ``ENGLISH`` when the system names none."""
    for name in system_locale_names(category):
        found = parse_locale_name(name)
        if found is not None:
            return found
    return ENGLISH


def country_locale(locale_name: str | None = None) -> Locale | None:
    """The first locale with a country among ``locale_name`` or, without one, the system's paper
    locales (they say where the user prints); ``None`` when none names a country."""
    names = [locale_name] if locale_name is not None else system_locale_names(LocaleCategory.PAPER)
    for name in names:
        found = parse_locale_name(name)
        if found is not None and found.territory:
            return found
    return None


def locale_country(locale_name: str | None = None) -> str:
    """The two-letter country of a locale name such as ``en_US.UTF-8`` (or of the system's paper
    locale), or ``""``."""
    found = country_locale(locale_name)
    return str(found.territory) if found is not None and found.territory else ""


def month_name(month: int, locale: Locale = ENGLISH, width: NameWidth = NameWidth.WIDE) -> str:
    """``March`` for 3 (``März`` in German), as a date names it."""
    return str(get_month_names(width.value, "format", locale)[month])


def weekday_name(day: date, locale: Locale = ENGLISH, width: NameWidth = NameWidth.WIDE) -> str:
    """``Monday`` for any Monday (``Montag`` in German)."""
    return str(get_day_names(width.value, "format", locale)[day.weekday()])


def format_day(day: date, locale: Locale | None = None) -> str:
    """``Wed 2 Dec 2026``: a day with its year, weekday and month named, never misread.

    Every message, label and tooltip shows days this way, in the user's date locale unless
    ``locale`` is given. Files and exports keep ISO dates.
    """
    return format_day_as(day, "EEE d MMM y", locale)


def format_short_day(day: date, locale: Locale | None = None) -> str:
    """``Mon 9 Mar``: a day near enough that its year goes without saying."""
    return format_day_as(day, "EEE d MMM", locale)


def format_day_as(day: date, pattern: str, locale: Locale | None = None) -> str:
    """``day`` in a CLDR date pattern (``d MMM``, ``LLLL y`` for a month's title), in the user's
    date locale unless ``locale`` is given: the calendar's headings and the cards' short days."""
    return format_date(day, pattern, locale=locale or user_locale(LocaleCategory.TIME))


def first_weekday(locale: Locale | None = None) -> int:
    """The day a week starts on where the user lives: 0 for Monday, 6 for Sunday."""
    return int((locale or user_locale(LocaleCategory.TIME)).first_week_day)


def date_order(locale: Locale) -> DateOrder:
    """How ``locale`` writes short numeric dates: ``3/16/26``, ``16/03/2026``, ``16.03.26``…"""
    pattern = get_date_format("short", locale).pattern
    fields = [char for char in pattern if char in "dMy"]
    if fields[0] == "y":
        return DateOrder.YEAR_FIRST
    if fields[0] == "M":
        return DateOrder.MONTH_FIRST
    return DateOrder.DAY_FIRST_DOTTED if "." in pattern else DateOrder.DAY_FIRST


def country_name(code: str, locale: Locale = ENGLISH) -> str | None:
    """``Germany`` for ``DE`` (any case); ``None`` when ``code`` is not a CLDR country code."""
    text = code.strip().upper()
    if len(text) != 2 or not text.isalpha():
        return None
    name = locale.territories.get(text)
    return str(name) if name is not None else None


def country_code(name: str, locale: Locale = ENGLISH) -> str | None:
    """``US`` for ``United States`` (any case), the reverse of ``country_name``."""
    code = _code_named(locale.territories, name)
    return code if code is not None and len(code) == 2 and code.isalpha() else None


def territory_currency(country: str, on: date | None = None) -> str | None:
    """The currency ``country`` pays in on ``on`` (today by default), or ``None`` if unknown."""
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        return None
    currencies = get_territory_currencies(code, on or date.today(), tender=True)
    return str(currencies[0]) if currencies else None
