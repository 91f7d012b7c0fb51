"""The call sheet's content as plain data: a day's calls and meetings, row by row.

``planner.services.documents.call_sheet`` fills it from the planner file; ``callsheet`` prints it.
"""

from dataclasses import dataclass
from datetime import date

from planner.documents.profile import SenderProfile
from planner.locale import ENGLISH, weekday_name


@dataclass(frozen=True)
class CallSheetEntry:
    """One call or meeting to make. ``planned_on`` before the sheet's day means it is overdue."""

    time: str
    kind: str
    lead_name: str
    company: str
    phone: str
    touch_notes: str
    last_touch: str
    lead_notes: str
    planned_on: date
    done: bool = False


@dataclass(frozen=True)
class CallSheet:
    """A day's calls and meetings, and whose sheet it is."""

    day: date
    sender: SenderProfile
    entries: tuple[CallSheetEntry, ...]

    @property
    def heading(self) -> str:
        """``Monday, 16 March 2026``."""
        return f"{weekday_name(self.day, ENGLISH)}, {self.sender.date_format.apply(self.day)}"
