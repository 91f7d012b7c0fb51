"""The demo's story as plain values: leads with their moves and touches, and campaigns."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from planner.domain import CampaignDraft, Column, LeadDraft, TouchKind, TouchOutcome


@dataclass(frozen=True)
class DemoMove:
    """A lead entering a column at a moment (the first one is when it was added)."""

    at: datetime
    column: Column


@dataclass(frozen=True)
class DemoTouch:
    """A touch of the story: done (with an outcome) or still planned; ``campaign`` is an index
    into ``DemoHistory.campaigns``."""

    kind: TouchKind
    planned_on: date
    done_on: date | None = None
    outcome: TouchOutcome | None = None
    notes: str = ""
    planned_at: time | None = None
    campaign: int | None = None
    is_response: bool = False


@dataclass(frozen=True)
class DemoLead:
    """One lead with its path through the columns and its touches; ``referred_by`` is an index
    into ``DemoHistory.leads``."""

    draft: LeadDraft
    moves: tuple[DemoMove, ...]
    touches: tuple[DemoTouch, ...] = ()
    lost_reason: str = ""
    referred_by: int | None = None

    @property
    def column(self) -> Column:
        """The column the lead is in today."""
        return self.moves[-1].column

    @property
    def added_at(self) -> datetime:
        """When the lead was added."""
        return self.moves[0].at


@dataclass(frozen=True)
class DemoCampaign:
    """A campaign of the story with the response code printed on its letters."""

    draft: CampaignDraft
    response_code: str
    created_at: datetime


@dataclass(frozen=True)
class DemoHistory:
    """The whole story: campaigns, leads (in board order per column) and the exchange rates the
    demo sets, in units of the home currency per unit."""

    leads: tuple[DemoLead, ...]
    campaigns: tuple[DemoCampaign, ...]
    rates: Mapping[str, Decimal] = field(default_factory=dict)
