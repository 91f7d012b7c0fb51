"""Placing a month: chips that fit, "+N more" for the rest, campaign bars in lanes across weeks."""

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSizeF

from planner.domain import Campaign, Channel, Temperature, TouchKind
from planner.read_models import CalendarTouch
from ui.calendar.calendar_content import CalendarContent
from ui.calendar.calendar_layout import (
    MAX_LANES,
    CalendarMetrics,
    CalendarPlacement,
    CampaignBar,
    DayCell,
    MoreMarker,
    TouchChip,
    place,
    row_heights,
)
from ui.calendar.calendar_range import CalendarMode, CalendarRange

MARCH = CalendarRange(date(2026, 3, 16), CalendarMode.MONTH, 0)
METRICS = CalendarMetrics(line=16.0)
SIZE = QSizeF(1050, 760)


def touch(touch_id: int, day: date) -> CalendarTouch:
    return CalendarTouch(
        id=touch_id,
        lead_id=touch_id,
        lead_name=f"Lead {touch_id}",
        kind=TouchKind.PHONE_CALL,
        planned_on=day,
        planned_at=None,
        done_on=None,
        campaign_id=None,
        temperature=Temperature.WARM,
        channel=Channel.PHONE,
    )


def campaign(campaign_id: int, start: date, end: date) -> Campaign:
    return Campaign(
        id=campaign_id,
        name=f"Campaign {campaign_id}",
        channel=Channel.DIRECT_MAIL,
        target_temperature=Temperature.COLD,
        target_city="",
        target_source="",
        target_search="",
        start_on=start,
        end_on=end,
        budget=None,
        goal="",
        offer="",
        notes="",
        response_code=f"CMP-{campaign_id}",
        created_at="2026-03-01T00:00:00+00:00",
    )


def cell_rect(placement: CalendarPlacement, day: date) -> QRectF:
    cell = placement.cell_for(day)
    assert cell is not None
    return cell.rect


def content(touches: list[CalendarTouch], campaigns: tuple[Campaign, ...] = ()) -> CalendarContent:
    by_day: dict[date, list[CalendarTouch]] = {}
    for item in touches:
        by_day.setdefault(item.planned_on, []).append(item)
    return CalendarContent(MARCH.first, MARCH.last, by_day, campaigns)


def test_every_day_gets_a_cell_inside_the_size_in_week_rows() -> None:
    placement = place(MARCH, content([]), SIZE, METRICS)
    assert [cell.day for cell in placement.cells] == MARCH.days
    assert all(
        cell.rect.left() >= 0 and cell.rect.right() <= SIZE.width() + 0.01
        for cell in placement.cells
    )
    assert abs(placement.cells[-1].rect.bottom() - SIZE.height()) < 0.01
    assert len(placement.weekday_headers) == 7
    assert (
        cell_rect(placement, date(2026, 3, 18)).top()
        == cell_rect(placement, date(2026, 3, 16)).top()
    )


def test_a_full_day_shows_what_fits_and_counts_the_rest() -> None:
    busy_day = date(2026, 3, 18)
    touches = [touch(index, busy_day) for index in range(1, 338)]
    placement = place(MARCH, content(touches), SIZE, METRICS)
    chips = [chip for chip in placement.chips if chip.touch.planned_on == busy_day]
    marker = placement.more_for(busy_day)
    assert marker is not None
    assert len(chips) + marker.count == 337
    quiet_week = cell_rect(placement, date(2026, 3, 30))
    busy_week = cell_rect(placement, busy_day)
    assert busy_week.height() > 2 * quiet_week.height()
    assert len(chips) > busy_week.height() // METRICS.chip - 3
    cell = cell_rect(placement, busy_day)
    assert all(cell.contains(chip.rect) for chip in chips)
    assert cell.contains(marker.rect)
    assert [chip.touch.id for chip in chips] == list(range(1, len(chips) + 1))


def test_a_day_that_fits_has_no_marker() -> None:
    day = date(2026, 3, 10)
    placement = place(MARCH, content([touch(1, day), touch(2, day)]), SIZE, METRICS)
    assert placement.more_for(day) is None
    assert {chip.touch.id for chip in placement.chips} == {1, 2}


def test_a_campaign_across_weeks_is_one_bar_per_week_row() -> None:
    spring = campaign(1, date(2026, 3, 12), date(2026, 3, 24))
    placement = place(MARCH, content([], (spring,)), SIZE, METRICS)
    bars = placement.bars_for(1)
    assert [(bar.first_day, bar.starts, bar.ends) for bar in bars] == [
        (date(2026, 3, 12), True, False),
        (date(2026, 3, 16), False, False),
        (date(2026, 3, 23), False, True),
    ]
    first_cell = cell_rect(placement, date(2026, 3, 12))
    last_cell = cell_rect(placement, date(2026, 3, 15))
    assert bars[0].rect.left() > first_cell.left()
    assert bars[0].rect.right() < last_cell.right()
    assert bars[0].rect.right() > last_cell.left()


def test_overlapping_campaigns_stack_and_the_overflow_is_counted_in_more() -> None:
    week_start = date(2026, 3, 16)
    many = tuple(
        campaign(index, week_start, week_start + timedelta(days=2)) for index in range(1, 6)
    )
    touches = [touch(100, week_start)]
    placement = place(MARCH, content(touches, many), SIZE, METRICS)
    lanes = MAX_LANES[CalendarMode.MONTH]
    drawn = [bar for bar in placement.bars if bar.first_day == week_start]
    assert len(drawn) == lanes
    assert len({bar.rect.top() for bar in drawn}) == lanes
    marker = placement.more_for(week_start)
    assert marker is not None
    shown_touches = sum(1 for chip in placement.chips if chip.touch.planned_on == week_start)
    assert shown_touches + marker.count == 1 + (5 - lanes)
    chip_tops = [chip.rect.top() for chip in placement.chips]
    assert all(top >= max(bar.rect.bottom() for bar in drawn) for top in chip_tops)


def test_quiet_weeks_give_their_room_to_busy_ones_and_the_grid_stays_full() -> None:
    assert row_heights([40, 40, 400, 40, 40, 40], 600, 50) == [50, 50, 350, 50, 50, 50]
    assert row_heights([40] * 6, 600, 50) == [100] * 6
    assert row_heights([300, 300, 60, 60, 60, 60], 600, 50) == [180, 180, 60, 60, 60, 60]
    assert row_heights([700], 600, 50) == [600]
    assert row_heights([], 600, 50) == []


def test_hit_testing_finds_the_most_specific_item() -> None:
    day = date(2026, 3, 18)
    spring = campaign(1, day, day)
    placement = place(MARCH, content([touch(1, day)], (spring,)), SIZE, METRICS)
    chip = placement.chip_for(1)
    assert chip is not None
    bar = placement.bars_for(1)[0]
    cell = cell_rect(placement, day)
    assert isinstance(placement.item_at(chip.rect.center()), TouchChip)
    assert isinstance(placement.item_at(bar.rect.center()), CampaignBar)
    bottom_of_cell = QPointF(cell.center().x(), cell.bottom() - 2)
    assert isinstance(placement.item_at(bottom_of_cell), DayCell)
    assert placement.item_at(QPointF(-5, -5)) is None


def test_a_week_has_room_for_more_chips_than_a_month() -> None:
    day = date(2026, 3, 18)
    touches = [touch(index, day) for index in range(1, 60)]
    month = place(MARCH, content(touches), SIZE, METRICS)
    week_range = MARCH.with_mode(CalendarMode.WEEK)
    week = place(
        week_range,
        CalendarContent(week_range.first, week_range.last, {day: touches}),
        SIZE,
        METRICS,
    )
    assert len(week.chips) > len(month.chips)
    assert isinstance(week.more_for(day), MoreMarker)
