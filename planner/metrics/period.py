"""The span of days a report covers, and the usual choices: this month, quarter or year."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from planner.errors import ValidationError


class PeriodChoice(StrEnum):
    """The periods the dashboard offers; ``custom`` takes the user's own dates."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        """``This quarter``: the name a user sees."""
        return "Custom…" if self is PeriodChoice.CUSTOM else f"This {self.value}"


@dataclass(frozen=True)
class Period:
    """The days from ``start`` to ``end``, both included, in the user's local time."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                f"The period ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})",
                "end",
            )

    @classmethod
    def of(cls, choice: PeriodChoice, today: date) -> "Period":
        """This month, quarter or year up to its last day (``custom`` gives this month)."""
        if choice is PeriodChoice.YEAR:
            return cls(date(today.year, 1, 1), date(today.year, 12, 31))
        if choice is PeriodChoice.QUARTER:
            first_month = 3 * ((today.month - 1) // 3) + 1
            start = date(today.year, first_month, 1)
            return cls(start, _month_after(_month_after(_month_after(start))) - timedelta(days=1))
        start = today.replace(day=1)
        return cls(start, _month_after(start) - timedelta(days=1))

    def bounds(self) -> tuple[str, str]:
        """The first moment of the period and the first moment after it, as the file stores
        moments (ISO 8601 in UTC), so a period of local days compares with stored timestamps."""
        return _stored_moment(self.start), _stored_moment(self.end + timedelta(days=1))

    def months(self) -> tuple[str, ...]:
        """``2026-01``, ``2026-02``, …: every month the period touches, in order."""
        months: list[str] = []
        month = self.start.replace(day=1)
        while month <= self.end:
            months.append(f"{month.year:04d}-{month.month:02d}")
            month = _month_after(month)
        return tuple(months)


def _month_after(first_day: date) -> date:
    """The first day of the month after the month starting on ``first_day``."""
    if first_day.month == 12:
        return date(first_day.year + 1, 1, 1)
    return date(first_day.year, first_day.month + 1, 1)


def _stored_moment(day: date) -> str:
    """Local midnight of ``day`` in the stored form: ``2026-03-15T23:00:00+00:00``."""
    local_midnight = datetime.combine(day, time()).astimezone()
    return local_midnight.astimezone(UTC).isoformat(timespec="seconds")
