"""Time as a dependency, so tests and overdue logic never depend on today's date."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime


@dataclass(frozen=True)
class Clock:
    """Tells the current time; inject a fixed one in tests."""

    now_function: Callable[[], datetime] = lambda: datetime.now(UTC)

    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        return self.now_function()

    def today(self) -> date:
        """Today's date in the user's local time zone."""
        return self.now().astimezone().date()

    def timestamp(self) -> str:
        """The current moment as stored in the database: ISO 8601 in UTC, seconds precision."""
        return self.now().astimezone(UTC).isoformat(timespec="seconds")

    @classmethod
    def fixed(cls, moment: datetime) -> "Clock":
        """A clock that always says ``moment``."""
        return cls(lambda: moment)
