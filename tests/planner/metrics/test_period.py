"""The periods a report covers: this month, quarter, year, or the user's own days."""

from datetime import date

import pytest

from planner.errors import ValidationError
from planner.metrics.period import Period, PeriodChoice


@pytest.mark.parametrize(
    ("choice", "today", "expected"),
    [
        (PeriodChoice.MONTH, date(2026, 2, 14), Period(date(2026, 2, 1), date(2026, 2, 28))),
        (PeriodChoice.MONTH, date(2026, 12, 31), Period(date(2026, 12, 1), date(2026, 12, 31))),
        (PeriodChoice.QUARTER, date(2026, 5, 20), Period(date(2026, 4, 1), date(2026, 6, 30))),
        (PeriodChoice.QUARTER, date(2026, 11, 2), Period(date(2026, 10, 1), date(2026, 12, 31))),
        (PeriodChoice.YEAR, date(2026, 7, 4), Period(date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_the_usual_periods(choice: PeriodChoice, today: date, expected: Period) -> None:
    assert Period.of(choice, today) == expected


def test_months_of_a_period_cross_the_year() -> None:
    period = Period(date(2025, 11, 15), date(2026, 2, 1))
    assert period.months() == ("2025-11", "2025-12", "2026-01", "2026-02")


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="ends"):
        Period(date(2026, 3, 2), date(2026, 3, 1))
