"""What a card says in words: its meter, next touch and untouched days, and its tooltip.

The delegate paints the short forms; the tooltip and screen readers get the sentences. Kept apart
from the painting so the words can be tested without drawing.
"""

from datetime import date

from babel import Locale

from planner.locale import format_day, format_day_as
from planner.read_models import BoardCard

BOARD_LEGEND = (
    "Meter: ■ touches done, □ touches planned, of the usual number of contacts · "
    "right: the next planned touch, red when overdue · "
    "orange days: untouched longer than the column allows (stale)"
)
"""The one-line legend of the board's help."""


def meter_text(card: BoardCard) -> str:
    """``3 of the usual 8 contacts done, 2 planned``."""
    done = card.touches_done
    planned = f", {card.touches_planned} planned" if card.touches_planned else ", none planned"
    return f"{done} of the usual {card.touch_target} contacts done{planned}"


def meter_label(card: BoardCard) -> str:
    """``3/8``: done touches of the target, beside the dots."""
    return f"{card.touches_done}/{card.touch_target}"


def next_touch_marks(card: BoardCard) -> tuple[str, ...]:
    """The next touch beside the meter, longest form first: ``Tue 17 Mar``, ``17 Mar``."""
    if card.next_touch_on is None:
        return ("Nothing planned", "None")
    day = _day(card.next_touch_on)
    if day is None:
        return (card.next_touch_on,)
    return (format_day_as(day, "EEE d MMM"), format_day_as(day, "d MMM"), format_day_as(day, "d/M"))


def next_touch_sentence(card: BoardCard, today: date) -> str:
    """``Next: phone call on Tue 17 Mar 2026 (overdue by 3 days)``, or ``Nothing planned``."""
    if card.next_touch_on is None:
        return "Nothing planned"
    kind = card.next_touch_kind.label.lower() if card.next_touch_kind else "touch"
    day = _day(card.next_touch_on)
    if day is None:
        return f"Next: {kind} on {card.next_touch_on}"
    sentence = f"Next: {kind} on {format_day(day)}"
    if day < today:
        sentence += f" (overdue by {days_text((today - day).days)})"
    elif day == today:
        sentence += " (today)"
    return sentence


def untouched_marks(card: BoardCard, today: date) -> tuple[str, ...]:
    """The days without a touch, longest form first: ``12 days untouched``, ``12 d``."""
    days = card.untouched_days(today)
    if days is None:
        return ()
    if days == 0:
        touched_today = card.last_touch_on is not None and card.last_touch_on[:10] == str(today)
        return ("touched today", "today") if touched_today else ()
    return (f"{days_text(days)} untouched", f"{days} d")


def untouched_sentence(card: BoardCard, today: date) -> str:
    """``Last touch on Mon 2 Mar 2026, 14 days ago`` with the stale verdict when it applies."""
    days = card.untouched_days(today)
    last = _day(card.last_touch_on) if card.last_touch_on else None
    if last is None:
        sentence = "Never touched"
    else:
        ago = (today - last).days
        sentence = f"Last touch on {format_day(last)}, " + (
            "today" if ago == 0 else f"{days_text(ago)} ago"
        )
    if card.stale and days is not None:
        sentence += (
            f"\nStale: untouched for {days_text(days)}, "
            f"longer than {card.column.heading}'s {days_text(card.stale_limit or 0)}"
        )
    elif card.quiet:
        sentence += "\nGone quiet: nothing planned and no recent touch"
    return sentence


def card_tooltip(card: BoardCard, today: date, locale: Locale) -> str:
    """Everything the card shows, in sentences: name, company, value, meter, next and last touch."""
    lines = [card.name]
    if card.company:
        lines.append(card.company)
    if card.value is not None:
        lines.append(card.value.format(locale))
    lines.append(meter_text(card))
    lines.append(next_touch_sentence(card, today))
    lines.append(untouched_sentence(card, today))
    return "\n".join(lines)


def days_text(days: int) -> str:
    """``1 day``, ``12 days``."""
    return "1 day" if days == 1 else f"{days} days"


def _day(iso_day: str | None) -> date | None:
    if not iso_day:
        return None
    try:
        return date.fromisoformat(iso_day[:10])
    except ValueError:
        return None
