"""What the calendar shows for its days: touches grouped by day and the campaigns running.

One query for the visible range only (``workspace.touches.between``), grouped once, so moving
from month to month costs the same whether the file holds a hundred touches or a million.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from planner.domain import Campaign, Channel, Temperature
from planner.read_models import CalendarTouch
from planner.workspace import Workspace


@dataclass(frozen=True)
class CalendarFilter:
    """Which temperatures and channels to show; every one when a set holds them all."""

    temperatures: frozenset[Temperature] = frozenset(Temperature)
    channels: frozenset[Channel] = frozenset(Channel)

    @property
    def is_narrowed(self) -> bool:
        """True when something is hidden."""
        return self.temperatures != frozenset(Temperature) or self.channels != frozenset(Channel)

    def shows_campaign(self, campaign: Campaign) -> bool:
        """True when the campaign's target temperature and channel are both shown."""
        return (
            campaign.target_temperature in self.temperatures and campaign.channel in self.channels
        )

    def query_temperatures(self) -> Iterable[Temperature] | None:
        """The temperatures to narrow the touch query by, or ``None`` for all."""
        return None if self.temperatures == frozenset(Temperature) else sorted(self.temperatures)

    def query_channels(self) -> Iterable[Channel] | None:
        """The channels to narrow the touch query by, or ``None`` for all."""
        return None if self.channels == frozenset(Channel) else sorted(self.channels)


@dataclass(frozen=True)
class CalendarContent:
    """The touches of each visible day (in time order) and the campaigns overlapping the range.

    A done touch belongs to the day it was done, whatever day it was planned for.
    """

    first: date
    last: date
    touches_by_day: dict[date, list[CalendarTouch]] = field(default_factory=dict)
    campaigns: tuple[Campaign, ...] = ()

    @classmethod
    def load(
        cls, workspace: Workspace, first: date, last: date, calendar_filter: CalendarFilter
    ) -> "CalendarContent":
        """Reads the range from the database, narrowed by the filter."""
        by_day: dict[date, list[CalendarTouch]] = {}
        for touch in workspace.touches.between(
            first,
            last,
            temperatures=calendar_filter.query_temperatures(),
            channels=calendar_filter.query_channels(),
        ):
            day_touches = by_day.get(touch.shown_on)
            if day_touches is None:
                by_day[touch.shown_on] = [touch]
            else:
                day_touches.append(touch)
        campaigns = tuple(
            campaign
            for campaign in workspace.campaigns.between(first, last)
            if calendar_filter.shows_campaign(campaign)
        )
        return cls(first, last, by_day, campaigns)

    def touches_on(self, day: date) -> list[CalendarTouch]:
        """The touches shown on ``day`` (planned then, or done then), in time order."""
        return self.touches_by_day.get(day, [])

    def campaigns_on(self, day: date) -> list[Campaign]:
        """The campaigns running on ``day``."""
        return [
            campaign for campaign in self.campaigns if campaign.start_on <= day <= campaign.end_on
        ]

    def touch(self, touch_id: int) -> CalendarTouch | None:
        """The shown touch with this id, if it is in the range."""
        for touches in self.touches_by_day.values():
            for touch in touches:
                if touch.id == touch_id:
                    return touch
        return None

    def campaign(self, campaign_id: int) -> Campaign | None:
        """The shown campaign with this id, if it overlaps the range."""
        return next((campaign for campaign in self.campaigns if campaign.id == campaign_id), None)

    @property
    def touch_count(self) -> int:
        """How many touches the range shows."""
        return sum(len(touches) for touches in self.touches_by_day.values())
