"""Where everything sits on the calendar: day cells, campaign bars in lanes, touch chips, "+N more".

Computed once per resize or reload, then both painting and hit-testing read the same placement.
Only what fits is placed, so a day with 400 touches costs as much as a day with eight: the rest
is counted into its "+N more" marker.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from PySide6.QtCore import QPointF, QRectF, QSizeF

from planner.domain import Campaign
from planner.read_models import CalendarTouch
from ui.calendar.calendar_content import CalendarContent
from ui.calendar.calendar_range import DAYS_PER_WEEK, CalendarMode, CalendarRange

MAX_LANES = {CalendarMode.MONTH: 3, CalendarMode.WEEK: 6}
"""How many campaign bars a week row stacks before the rest go into "+N more"."""


@dataclass(frozen=True)
class CalendarMetrics:
    """Every size on the calendar, derived from the font's line height so it scales with DPI."""

    line: float

    @property
    def weekday_header(self) -> float:
        """The row of weekday names above the grid."""
        return round(self.line * 1.7)

    @property
    def day_number(self) -> float:
        """The line at the top of a cell holding the day's number."""
        return round(self.line * 1.45)

    @property
    def lane(self) -> float:
        """One campaign bar with the gap below it."""
        return round(self.line * 1.3)

    @property
    def chip(self) -> float:
        """One touch chip with the gap below it."""
        return round(self.line * 1.3)

    @property
    def inset(self) -> float:
        """Space between a cell's edge and the chips in it."""
        return max(2.0, round(self.line * 0.22))


@dataclass(frozen=True)
class DayCell:
    """One day's box and the strip with its number (clicking the number lists the day)."""

    day: date
    rect: QRectF
    number_rect: QRectF


@dataclass(frozen=True)
class CampaignBar:
    """A campaign's span inside one week row; ``starts``/``ends`` say if its ends show."""

    rect: QRectF
    campaign: Campaign
    first_day: date
    starts: bool
    ends: bool


@dataclass(frozen=True)
class TouchChip:
    """One touch drawn in its day: a stripe, the kind's icon (always shown), then the text."""

    rect: QRectF
    touch: CalendarTouch

    @property
    def stripe_width(self) -> float:
        """The coloured stripe at the chip's left edge."""
        return max(3.0, self.rect.height() * 0.16)

    @property
    def icon_rect(self) -> QRectF:
        """The square of the kind's icon, right after the stripe; it never gives way to text."""
        side = max(self.rect.height() - 4.0, 1.0)
        side = min(side, max(self.rect.width() - self.stripe_width - 2.0, 1.0))
        return QRectF(
            self.rect.left() + self.stripe_width + 2.0,
            self.rect.top() + (self.rect.height() - side) / 2,
            side,
            side,
        )

    @property
    def text_rect(self) -> QRectF:
        """What is left for the time and the name, after the icon."""
        icon = self.icon_rect
        return QRectF(
            icon.right() + 3.0,
            self.rect.top(),
            max(self.rect.right() - icon.right() - 6.0, 0.0),
            self.rect.height(),
        )


@dataclass(frozen=True)
class MoreMarker:
    """ "+N more": how many of the day's touches and campaigns did not fit."""

    rect: QRectF
    day: date
    count: int


CalendarItem = TouchChip | CampaignBar | MoreMarker | DayCell

SNAP_MINUTES = 15
"""Dragging within the hour grid moves a touch in steps of a quarter of an hour."""


@dataclass(frozen=True)
class HourGrid:
    """The week view's hours: ``rect`` spans the seven days from ``first_hour`` to ``last_hour``
    (exclusive), one ``hour_height`` per hour; timed touches sit at their time."""

    rect: QRectF
    first_hour: int
    last_hour: int
    hour_height: float
    gutter: QRectF
    """The strip left of the days holding the hours' labels."""

    def y_of(self, moment: time) -> float:
        """The height of a time of day in the grid."""
        hours = moment.hour + moment.minute / 60 - self.first_hour
        return self.rect.top() + hours * self.hour_height

    def time_at(self, y: float) -> time:
        """The time of day at a height, to the quarter hour, kept inside the grid's hours."""
        hours = (y - self.rect.top()) / self.hour_height + self.first_hour
        steps = round(hours * 60 / SNAP_MINUTES)
        minutes = min(max(steps * SNAP_MINUTES, self.first_hour * 60), self.last_hour * 60 - 1)
        minutes -= minutes % SNAP_MINUTES
        return time(minutes // 60, minutes % 60)

    def hours(self) -> range:
        """The hours drawn, first to last."""
        return range(self.first_hour, self.last_hour)


@dataclass
class CalendarPlacement:
    """The placed items of one layout, with look-ups by position and by id."""

    weekday_headers: list[tuple[QRectF, date]] = field(default_factory=list)
    cells: list[DayCell] = field(default_factory=list)
    bars: list[CampaignBar] = field(default_factory=list)
    chips: list[TouchChip] = field(default_factory=list)
    more: list[MoreMarker] = field(default_factory=list)
    hour_grid: HourGrid | None = None
    """The week view's hour grid; ``None`` for a month."""

    def time_at(self, point: QPointF) -> time | None:
        """The time of day under ``point`` in the hour grid; ``None`` outside it."""
        grid = self.hour_grid
        if grid is None or not grid.rect.contains(point):
            return None
        return grid.time_at(point.y())

    def cell_at(self, point: QPointF) -> DayCell | None:
        """The day under ``point``, if any."""
        return next((cell for cell in self.cells if cell.rect.contains(point)), None)

    def item_at(self, point: QPointF) -> CalendarItem | None:
        """The most specific thing under ``point``: a chip, a marker, a bar, else the day."""
        for items in (self.chips, self.more, self.bars):
            for item in items:
                if item.rect.contains(point):
                    return item
        return self.cell_at(point)

    def cell_for(self, day: date) -> DayCell | None:
        """The cell of ``day``, if it is shown."""
        return next((cell for cell in self.cells if cell.day == day), None)

    def chip_for(self, touch_id: int) -> TouchChip | None:
        """The chip of a touch, if it is drawn (not hidden behind "+N more")."""
        return next((chip for chip in self.chips if chip.touch.id == touch_id), None)

    def bars_for(self, campaign_id: int) -> list[CampaignBar]:
        """The bars of a campaign, one per week row it crosses."""
        return [bar for bar in self.bars if bar.campaign.id == campaign_id]

    def more_for(self, day: date) -> MoreMarker | None:
        """The "+N more" marker of a day, if the day is full."""
        return next((marker for marker in self.more if marker.day == day), None)


def place(
    calendar_range: CalendarRange,
    content: CalendarContent,
    size: QSizeF,
    metrics: CalendarMetrics,
) -> CalendarPlacement:
    """Lays the range's days out in ``size`` and fits their bars and chips into them.

    A week gets an hour grid for its timed touches (``week_layout.place_week``).
    """
    if calendar_range.mode is CalendarMode.WEEK:
        from ui.calendar.week_layout import place_week  # the week's layout builds on this one

        return place_week(calendar_range, content, size, metrics)
    placement = CalendarPlacement()
    days = calendar_range.days
    weeks = calendar_range.weeks
    column_width = size.width() / DAYS_PER_WEEK
    top = metrics.weekday_header
    for column in range(DAYS_PER_WEEK):
        header = QRectF(column * column_width, 0, column_width, top)
        placement.weekday_headers.append((header, days[column]))
    max_lanes = MAX_LANES[calendar_range.mode]
    week_days = [days[row * DAYS_PER_WEEK : (row + 1) * DAYS_PER_WEEK] for row in range(weeks)]
    heights = row_heights(
        [_wanted_height(row_days, content, metrics, max_lanes) for row_days in week_days],
        max(size.height() - top, 0.0),
        metrics.day_number + 2 * metrics.chip + metrics.inset,
    )
    row_top = top
    for row_days, row_height in zip(week_days, heights, strict=True):
        cells = [
            DayCell(
                day,
                QRectF(column * column_width, row_top, column_width, row_height),
                QRectF(column * column_width, row_top, column_width, metrics.day_number),
            )
            for column, day in enumerate(row_days)
        ]
        placement.cells.extend(cells)
        lanes, hidden = place_bars(placement, content.campaigns, cells, metrics, max_lanes)
        for cell in cells:
            place_chips(placement, cell, content.touches_on(cell.day), lanes, hidden, metrics)
        row_top += row_height
    return placement


def row_heights(wanted: list[float], available: float, minimum: float) -> list[float]:
    """Heights for week rows that share ``available``: quiet weeks shrink to what they show
    (never below ``minimum``), so that a busy week can show its touches instead of "+N more".

    Rows wanting less than an equal share of what is left get what they want; the others share
    the rest equally. Space left over when every row is satisfied is spread evenly.
    """
    if not wanted:
        return []
    heights: dict[int, float] = {}
    open_rows = set(range(len(wanted)))
    left = available
    while open_rows:
        share = left / len(open_rows)
        modest = [row for row in open_rows if max(wanted[row], minimum) <= share]
        if not modest:
            heights.update(dict.fromkeys(open_rows, share))
            break
        for row in modest:
            heights[row] = max(wanted[row], minimum)
            left -= heights[row]
            open_rows.remove(row)
    spare = max(available - sum(heights.values()), 0.0) / len(wanted)
    return [heights[row] + spare for row in range(len(wanted))]


def _wanted_height(
    row_days: list[date], content: CalendarContent, metrics: CalendarMetrics, max_lanes: int
) -> float:
    """What a week row needs to show every bar (up to the lane limit) and every touch."""
    first, last = row_days[0], row_days[-1]
    crossing = sum(1 for c in content.campaigns if c.start_on <= last and c.end_on >= first)
    busiest = max(len(content.touches_on(day)) for day in row_days)
    return (
        metrics.day_number
        + min(crossing, max_lanes) * metrics.lane
        + busiest * metrics.chip
        + metrics.inset
    )


def place_bars(
    placement: CalendarPlacement,
    campaigns: tuple[Campaign, ...],
    cells: list[DayCell],
    metrics: CalendarMetrics,
    max_lanes: int,
) -> tuple[int, dict[date, int]]:
    """Packs the campaigns crossing a week row into lanes; returns lanes used and hidden counts."""
    row_first, row_last = cells[0].day, cells[-1].day
    crossing = sorted(
        (c for c in campaigns if c.start_on <= row_last and c.end_on >= row_first),
        key=lambda c: (c.start_on, -c.days, c.id),
    )
    lane_ends: list[date] = []
    hidden: dict[date, int] = {}
    for campaign in crossing:
        first = max(campaign.start_on, row_first)
        last = min(campaign.end_on, row_last)
        lane = next((index for index, end in enumerate(lane_ends) if end < first), len(lane_ends))
        if lane >= max_lanes:
            for offset in range((last - first).days + 1):
                day = first + timedelta(days=offset)
                hidden[day] = hidden.get(day, 0) + 1
            continue
        if lane == len(lane_ends):
            lane_ends.append(last)
        else:
            lane_ends[lane] = last
        left = cells[(first - row_first).days].rect
        right = cells[(last - row_first).days].rect
        top = left.top() + metrics.day_number + lane * metrics.lane
        rect = QRectF(
            left.left() + metrics.inset,
            top,
            right.right() - left.left() - 2 * metrics.inset,
            metrics.lane - metrics.inset,
        )
        placement.bars.append(
            CampaignBar(
                rect, campaign, first, campaign.start_on >= row_first, campaign.end_on <= row_last
            )
        )
    return len(lane_ends), hidden


def place_chips(
    placement: CalendarPlacement,
    cell: DayCell,
    touches: list[CalendarTouch],
    lanes: int,
    hidden_campaigns: dict[date, int],
    metrics: CalendarMetrics,
) -> None:
    """Fills the cell below the bars with chips; a full day ends with "+N more"."""
    area_top = cell.rect.top() + metrics.day_number + lanes * metrics.lane
    available = cell.rect.bottom() - metrics.inset - area_top
    slots = max(int(available // metrics.chip), 0)
    extra = hidden_campaigns.get(cell.day, 0)
    fits_all = len(touches) <= slots and not extra
    shown = len(touches) if fits_all else min(len(touches), max(slots - 1, 0))
    left = cell.rect.left() + metrics.inset
    width = cell.rect.width() - 2 * metrics.inset
    height = metrics.chip - metrics.inset
    for index, touch in enumerate(touches[:shown]):
        rect = QRectF(left, area_top + index * metrics.chip, width, height)
        placement.chips.append(TouchChip(rect, touch))
    hidden_count = len(touches) - shown + extra
    if hidden_count > 0:
        rect = QRectF(left, area_top + shown * metrics.chip, width, height)
        placement.more.append(MoreMarker(rect, cell.day, hidden_count))
