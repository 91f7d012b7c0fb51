"""Which leads stand behind a figure: what clicking a tile or a bar of the dashboard lists."""

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Stage(IntEnum):
    """The funnel's stages in order; a lead that reached one has passed those before it."""

    AWARENESS = 0
    CONSIDERATION = 1
    CONVERSION = 2
    WON = 3

    @property
    def label(self) -> str:
        """``Consideration``: the name a user sees."""
        return self.name.capitalize()


class Behind(StrEnum):
    """The kinds of figure whose leads can be listed."""

    FUNNEL = "funnel"
    """Leads that entered the funnel in the period and reached ``stage`` by its end."""
    WON = "won"
    """Leads won in the period (in ``month`` when given)."""
    CLOSED = "closed"
    """Leads whose last close in the period was a win or a loss (the win rate's leads)."""
    PIPELINE = "pipeline"
    """Open leads with a value, today."""
    SOURCE = "source"
    """Leads added in the period from ``source`` (in ``month`` when given)."""
    CAMPAIGN = "campaign"
    """Leads that answered campaign ``campaign_id``."""
    QUIET = "quiet"
    """Open leads gone quiet, today."""


@dataclass(frozen=True)
class LeadSelection:
    """A figure's leads: the kind of figure and what narrows it."""

    behind: Behind
    stage: Stage = Stage.AWARENESS
    month: str | None = None
    source: str | None = None
    campaign_id: int | None = None
