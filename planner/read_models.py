"""The read models: light, frozen values the screens, the CLI and the documents show.

The stores in ``planner/store`` fill them (the only SQL is there); front ends reach the queries
through the open ``Workspace`` (``workspace.leads.cards(...)``, ``workspace.touches.between(...)``)
and import only these types, never ``planner.store``.
"""

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from babel import Locale

from planner.domain import Channel, Column, Outcome, Temperature, Touch, TouchKind
from planner.locale import ENGLISH
from planner.money import Money


@dataclass(frozen=True, slots=True)
class BoardCard:
    """The few facts a card on the board shows; light enough to hold 100,000 of them.

    The touch fields say how far the lead is along its target number of contacts (done, and
    planned but not done yet), what its next planned touch is (ISO day and kind) and whether it
    is overdue, when it was last touched (ISO day of the last done touch) and since when it has
    gone untouched: ``untouched_since`` is the later of its last done touch and the day it
    entered its column, so a lead just moved gets its new column's full time. An open lead
    untouched for longer than its column's limit (pipeline settings) is ``stale``, Pipedrive's
    "rotting". A lead is ``quiet`` when nothing is planned for it and neither a done touch nor a
    change of column happened in the last ``quiet_after_days`` days (planning settings).
    """

    id: int
    name: str
    company: str
    value: Money | None
    column: Column
    rank: str
    updated_at: str
    touches_done: int = 0
    touch_target: int = 8
    next_touch_on: str | None = None
    overdue: bool = False
    quiet: bool = False
    touches_planned: int = 0
    next_touch_kind: TouchKind | None = None
    last_touch_on: str | None = None
    untouched_since: str | None = None
    stale_limit: int | None = None
    stale: bool = False

    def untouched_days(self, today: date) -> int | None:
        """Whole days since ``untouched_since``, or ``None`` when it is unknown."""
        if self.untouched_since is None:
            return None
        try:
            since = date.fromisoformat(self.untouched_since[:10])
        except ValueError:
            return None
        return max(0, (today - since).days)


@dataclass(frozen=True)
class ColumnSummary:
    """A column header's figures: how many cards, their value per currency (minor units) and
    how many leads carry a value in each currency."""

    count: int = 0
    totals: Mapping[str, int] = field(default_factory=dict)
    value_counts: Mapping[str, int] = field(default_factory=dict)

    def total_text(self, locale: Locale = ENGLISH) -> str:
        """``45,000.00 EUR + 1,200.00 USD``, or an empty string when no card has a value."""
        return " + ".join(
            Money(minor, code).format(locale) for code, minor in sorted(self.totals.items())
        )


@dataclass(frozen=True)
class ColumnMatches:
    """The leads of one column matching a search, in board order: ids and their ranks side by
    side, so a column can page through them after any rank."""

    ids: tuple[int, ...] = ()
    ranks: tuple[str, ...] = ()

    def page_after(self, rank: str | None, size: int) -> tuple[int, ...]:
        """The ids of the next ``size`` matches after ``rank`` (``None``: from the top)."""
        start = 0 if rank is None else bisect.bisect_right(self.ranks, rank)
        return self.ids[start : start + size]


@dataclass(frozen=True)
class BoardSearch:
    """What one pass over the leads found for a search text: each column's matches and the
    column figures, so the board filters every column without scanning again."""

    text: str
    matches: Mapping[Column, ColumnMatches]
    summaries: Mapping[Column, ColumnSummary]

    @property
    def count(self) -> int:
        """How many leads match, over all columns."""
        return sum(summary.count for summary in self.summaries.values())


@dataclass(frozen=True)
class LeadFilter:
    """Which leads a list shows; empty fields do not narrow it."""

    temperature: Temperature | None = None
    outcome: Outcome | None = None
    column: Column | None = None
    search: str = ""
    ids: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class CalendarTouch:
    """The few facts the calendar and the agenda show for a touch; light enough for 10,000.

    ``temperature`` is the lead's current temperature; ``channel`` is the campaign's channel, or
    for a touch outside campaigns the channel its kind belongs to.
    """

    id: int
    lead_id: int
    lead_name: str
    kind: TouchKind
    planned_on: date
    planned_at: time | None
    done_on: date | None
    campaign_id: int | None
    temperature: Temperature
    channel: Channel

    def is_overdue(self, today: date) -> bool:
        """True for a planned touch whose day has passed without it being done."""
        return self.done_on is None and self.planned_on < today

    @property
    def shown_on(self) -> date:
        """The day the calendar shows it on: the day it was done, else the day it is planned."""
        return self.done_on or self.planned_on

    @property
    def done_elsewhere(self) -> bool:
        """True for a touch done on another day than planned (its planned time no longer says
        when it happened)."""
        return self.done_on is not None and self.done_on != self.planned_on


@dataclass(frozen=True)
class TouchFilter:
    """Which touches a list shows; empty fields do not narrow it.

    ``overdue_on`` keeps the touches still undone before that day; ``planned_only`` keeps the
    touches not done yet.
    """

    lead_id: int | None = None
    start: date | None = None
    end: date | None = None
    overdue_on: date | None = None
    campaign_id: int | None = None
    planned_only: bool = False


@dataclass(frozen=True, slots=True)
class TouchWithLead:
    """A touch with what a calendar entry or a call sheet says about its lead and campaign."""

    touch: Touch
    lead_name: str
    company: str
    phone: str
    email: str
    campaign_name: str | None
    response_code: str | None


@dataclass(frozen=True)
class CampaignTouchCounts:
    """How far a campaign has got: touches planned and still to do, and touches done."""

    planned: int = 0
    done: int = 0


@dataclass(frozen=True)
class ImportRecord:
    """One past import as File ▸ Import History and ``planner imports`` list it."""

    id: int
    file_name: str
    imported_at: str
    added: int
    updated: int
    skipped_duplicates: int
    invalid: int
    target_column: Column
    source: str
    tag: str
    reverted_at: str | None

    @property
    def is_reverted(self) -> bool:
        """True once "revert this import" took its leads back."""
        return self.reverted_at is not None
