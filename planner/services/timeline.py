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
    a column change on the local day it happened, at its local time. A touch shows its planned
    time only on its planned day: done on another day, when it happened is not known.
    """

    day: date
    at: time | None
    event: Touch | ColumnChange

    @property
    def text(self) -> str:
        """``Phone call (no answer)``, ``Planned: Sales letter``, ``Moved from Cold to Warm``,
        ``Response to a campaign``."""
        if isinstance(self.event, Touch):
            if self.event.is_response:
                return "Response to a campaign"
            if self.event.done_on is None:
                return f"Planned: {self.event.kind.label}"
            outcome = f" ({self.event.outcome.label.lower()})" if self.event.outcome else ""
            return f"{self.event.kind.label}{outcome}"
        target = self.event.to_column.heading
        if self.event.from_column is None:
            return f"Added to {target}"
        return f"Moved from {self.event.from_column.heading} to {target}"


def lead_timeline(workspace: Workspace, lead_id: int) -> list[TimelineEntry]:
    """The lead's touches and column changes by day, oldest first.

    Within a day, what happened at a known time comes first, in time order (column changes, timed
    touches), then the day's all-day touches, done before planned. An all-day touch has no moment
    to sort by; listing it after the day's moves keeps "Added to Cold" above the letter planned
    for that same day and a call logged today below this morning's move, instead of putting
    every all-day touch at midnight, before things that must have happened first.
    """
    workspace.leads.get(lead_id)
    entries = [
        TimelineEntry(touch.done_on or touch.planned_on, _time_of(touch), touch)
        for touch in workspace.touches.for_lead(lead_id)
    ]
    for change in workspace.leads.column_changes(lead_id):
        moment = datetime.fromisoformat(change.changed_at).astimezone()
        entries.append(TimelineEntry(moment.date(), moment.time().replace(microsecond=0), change))
    return sorted(entries, key=_order)


def _time_of(touch: Touch) -> time | None:
    if touch.done_on is not None and touch.done_on != touch.planned_on:
        return None
    return touch.planned_at


def _order(entry: TimelineEntry) -> tuple[date, bool, time, bool, bool, int]:
    event = entry.event
    is_touch = isinstance(event, Touch)
    planned = isinstance(event, Touch) and not event.is_done
    return entry.day, entry.at is None, entry.at or time.min, planned, is_touch, event.id
