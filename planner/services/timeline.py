"""A lead's timeline: its touches (done and planned) and its moves between columns, in date order.

The lead's detail view lists these; documents appear through the touches that carry them.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from planner.domain import ColumnChange, Touch
from planner.workspace import Workspace


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: a touch or a change of column, on its day.

    A done touch sits on the day it was done, a planned one on the day it is planned for;
    a column change on the local day it happened, at its local time.
    """

    day: date
    at: time | None
    event: Touch | ColumnChange

    @property
    def text(self) -> str:
        """``Phone call (no answer)``, ``Planned: Sales letter``, ``Moved from Cold to Warm``."""
        if isinstance(self.event, Touch):
            if self.event.done_on is None:
                return f"Planned: {self.event.kind.label}"
            outcome = f" ({self.event.outcome.label.lower()})" if self.event.outcome else ""
            return f"{self.event.kind.label}{outcome}"
        target = self.event.to_column.heading
        if self.event.from_column is None:
            return f"Added to {target}"
        return f"Moved from {self.event.from_column.heading} to {target}"


def lead_timeline(workspace: Workspace, lead_id: int) -> list[TimelineEntry]:
    """The lead's touches and column changes by day and time, oldest first."""
    workspace.leads.get(lead_id)
    entries = [
        TimelineEntry(touch.done_on or touch.planned_on, touch.planned_at, touch)
        for touch in workspace.touches.for_lead(lead_id)
    ]
    for change in workspace.leads.column_changes(lead_id):
        moment = datetime.fromisoformat(change.changed_at).astimezone()
        entries.append(TimelineEntry(moment.date(), moment.time().replace(microsecond=0), change))
    return sorted(entries, key=_order)


def _order(entry: TimelineEntry) -> tuple[date, time, int, int]:
    is_touch = isinstance(entry.event, Touch)
    return entry.day, entry.at or time.min, int(is_touch), entry.event.id
