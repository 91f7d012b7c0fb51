"""The week view's layout: all-day touches and campaign bars in a band above an hour grid, where
each timed touch sits at its time, side by side with the touches it overlaps.

The grid shows the working day (7:00 to 21:00) and stretches to any earlier or later touch, so
every timed touch is drawn; it fills the height it is given, like the month view.
"""

from datetime import date

from PySide6.QtCore import QRectF, QSizeF

from planner.read_models import CalendarTouch
from ui.calendar.calendar_content import CalendarContent
from ui.calendar.calendar_layout import (
    MAX_LANES,
    CalendarMetrics,
    CalendarPlacement,
    DayCell,
    HourGrid,
    TouchChip,
    place_bars,
    place_chips,
)
from ui.calendar.calendar_range import DAYS_PER_WEEK, CalendarMode, CalendarRange

WORKING_DAY = (7, 21)
"""The hours the grid always shows, first included, last excluded."""

ALL_DAY_SHARE = 0.4
"""The most of the height the all-day band may take before it ends in "+N more"."""

ALL_DAY_SHARE_WITHOUT_TIMES = 0.75
"""The same for a week without timed touches, whose hour grid has nothing to show."""

GUTTER_IN_LINES = 3.4
"""The width of the hours' labels left of the days, in lines."""


def is_timed(touch: CalendarTouch) -> bool:
    """True for touches drawn in the hour grid: planned at a time and not done on another day."""
    return touch.planned_at is not None and not touch.done_elsewhere


def grid_hours(touches: list[CalendarTouch]) -> tuple[int, int]:
    """The hours to draw: the working day, stretched to the earliest and latest timed touch."""
    first, last = WORKING_DAY
    for touch in touches:
        if touch.planned_at is not None and is_timed(touch):
            first = min(first, touch.planned_at.hour)
            last = max(last, touch.planned_at.hour + 1)
    return first, last


def place_week(
    calendar_range: CalendarRange,
    content: CalendarContent,
    size: QSizeF,
    metrics: CalendarMetrics,
) -> CalendarPlacement:
    """Lays one week out: headers, the all-day band with bars and untimed touches, the hours."""
    placement = CalendarPlacement()
    days = calendar_range.days[:DAYS_PER_WEEK]
    gutter = round(metrics.line * GUTTER_IN_LINES)
    column_width = max(size.width() - gutter, 0.0) / DAYS_PER_WEEK
    top = metrics.weekday_header
    for column, day in enumerate(days):
        header = QRectF(gutter + column * column_width, 0, column_width, top)
        placement.weekday_headers.append((header, day))
    all_day = {day: [t for t in content.touches_on(day) if not is_timed(t)] for day in days}
    timed = {day: [t for t in content.touches_on(day) if is_timed(t)] for day in days}
    max_lanes = MAX_LANES[CalendarMode.WEEK]
    share = ALL_DAY_SHARE if any(timed.values()) else ALL_DAY_SHARE_WITHOUT_TIMES
    band = _band_height(days, content, all_day, metrics, max_lanes, (size.height() - top) * share)
    band_cells = [
        DayCell(
            day,
            QRectF(gutter + column * column_width, top, column_width, band),
            QRectF(gutter + column * column_width, top, column_width, metrics.day_number),
        )
        for column, day in enumerate(days)
    ]
    bottom = max(size.height(), top + band)
    placement.cells.extend(
        DayCell(day, QRectF(cell.rect.left(), top, column_width, bottom - top), cell.number_rect)
        for day, cell in zip(days, band_cells, strict=True)
    )
    lanes, hidden = place_bars(placement, content.campaigns, band_cells, metrics, max_lanes)
    for cell in band_cells:
        place_chips(placement, cell, all_day[cell.day], lanes, hidden, metrics)
    first_hour, last_hour = grid_hours([t for touches in timed.values() for t in touches])
    grid_top = top + band
    grid_height = max(bottom - grid_top, 0.0)
    grid = HourGrid(
        QRectF(gutter, grid_top, column_width * DAYS_PER_WEEK, grid_height),
        first_hour,
        last_hour,
        grid_height / (last_hour - first_hour) if grid_height else 1.0,
        QRectF(0, grid_top, gutter, grid_height),
    )
    placement.hour_grid = grid
    for cell in band_cells:
        _place_timed_chips(placement, grid, cell, timed[cell.day], metrics)
    return placement


def _band_height(
    days: list[date],
    content: CalendarContent,
    all_day: dict[date, list[CalendarTouch]],
    metrics: CalendarMetrics,
    max_lanes: int,
    available: float,
) -> float:
    """The all-day band: room for every bar and untimed touch, up to ``available``."""
    first, last = days[0], days[-1]
    crossing = sum(1 for c in content.campaigns if c.start_on <= last and c.end_on >= first)
    busiest = max(len(touches) for touches in all_day.values())
    wanted = (
        metrics.day_number
        + min(crossing, max_lanes) * metrics.lane
        + max(busiest, 1) * metrics.chip
        + metrics.inset
    )
    least = metrics.day_number + metrics.chip + metrics.inset
    return max(min(wanted, available), least)


def _place_timed_chips(
    placement: CalendarPlacement,
    grid: HourGrid,
    cell: DayCell,
    touches: list[CalendarTouch],
    metrics: CalendarMetrics,
) -> None:
    """Chips at their time; touches whose chips would overlap share the day's width."""
    height = max(metrics.chip - metrics.inset, grid.hour_height / 2 - 1)
    left = cell.rect.left() + metrics.inset / 2
    width = cell.rect.width() - metrics.inset
    ordered = sorted(
        ((touch.planned_at, touch) for touch in touches if touch.planned_at is not None),
        key=lambda timed: (timed[0], timed[1].id),
    )
    cluster: list[tuple[CalendarTouch, float, int]] = []
    cluster_bottom = float("-inf")
    column_ends: list[float] = []
    for moment, touch in ordered:
        top = min(grid.y_of(moment), grid.rect.bottom() - height)
        if top >= cluster_bottom:
            _add_cluster(placement, cluster, len(column_ends), left, width, height)
            cluster, column_ends = [], []
        column = next((i for i, end in enumerate(column_ends) if end <= top), len(column_ends))
        if column == len(column_ends):
            column_ends.append(top + height)
        else:
            column_ends[column] = top + height
        cluster.append((touch, top, column))
        cluster_bottom = max(cluster_bottom, top + height)
    _add_cluster(placement, cluster, len(column_ends), left, width, height)


def _add_cluster(
    placement: CalendarPlacement,
    cluster: list[tuple[CalendarTouch, float, int]],
    columns: int,
    left: float,
    width: float,
    height: float,
) -> None:
    """Places overlapping chips side by side, each in its column of the cluster."""
    if not cluster:
        return
    share = width / columns
    for touch, top, column in cluster:
        rect = QRectF(left + column * share, top, share - 1, height)
        placement.chips.append(TouchChip(rect, touch))
