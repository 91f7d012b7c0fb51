"""The week's hour grid, chips with the kind's icon, and touches done on another day."""

from datetime import time

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from planner.domain import CampaignDraft, Channel, Temperature
from planner.services.campaigns import create_campaign
from planner.services.touches import mark_touch_done
from tests.ui.calendar.conftest import CALL_DAY, TODAY
from tests.ui.conftest import hover_and_drop
from ui.calendar.calendar_layout import TouchChip
from ui.calendar.calendar_mime import DraggedTouch, calendar_mime_data
from ui.calendar.calendar_range import CalendarMode
from ui.calendar.calendar_screen import CalendarScreen
from ui.main_window import MainWindow


def _call(calendar: CalendarScreen) -> TouchChip:
    """The chip of the 10:30 call on the 18th."""
    (chip,) = [
        chip
        for chip in calendar.view.placement.chips
        if chip.touch.planned_on == CALL_DAY and chip.touch.planned_at == time(10, 30)
    ]
    return chip


def test_timed_touches_sit_at_their_time_in_the_week_grid(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    draft = CampaignDraft("Open day", Channel.SEMINAR, Temperature.HOT, TODAY, CALL_DAY)
    calendar_window.operations.run(lambda workspace: create_campaign(workspace, draft))
    calendar.set_mode(CalendarMode.WEEK)
    grid = calendar.view.placement.hour_grid
    assert grid is not None
    chip = _call(calendar)
    assert grid.rect.contains(chip.rect.topLeft())
    assert abs(chip.rect.top() - grid.y_of(time(10, 30))) < 1
    untimed = [chip for chip in calendar.view.placement.chips if chip.touch.planned_at is None]
    assert untimed
    assert all(chip.rect.bottom() <= grid.rect.top() for chip in untimed)
    assert calendar.view.placement.bars
    assert all(bar.rect.bottom() <= grid.rect.top() for bar in calendar.view.placement.bars)


def test_dragging_within_the_grid_changes_the_time_and_undo_restores_it(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    calendar.set_mode(CalendarMode.WEEK)
    view = calendar.view
    grid = view.placement.hour_grid
    assert grid is not None
    touch_id = _call(calendar).touch.id
    target_day = CALL_DAY.replace(day=CALL_DAY.day + 1)
    column = view.day_rect(target_day)
    mime = calendar_mime_data(DraggedTouch(touch_id))
    hover_and_drop(view, QPointF(column.center().x(), grid.y_of(time(14, 5))), mime)
    moved = calendar_window.workspace.touches.get(touch_id)
    assert (moved.planned_on, moved.planned_at) == (target_day, time(14, 0))
    assert calendar_window.undo_action.text().startswith("Undo Reschedule")
    calendar_window.undo_action.trigger()
    back = calendar_window.workspace.touches.get(touch_id)
    assert (back.planned_on, back.planned_at) == (CALL_DAY, time(10, 30))


def test_a_drop_in_the_all_day_band_keeps_the_time(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    calendar.set_mode(CalendarMode.WEEK)
    view = calendar.view
    touch_id = _call(calendar).touch.id
    band_cell = view.placement.cell_for(TODAY)
    assert band_cell is not None
    mime = calendar_mime_data(DraggedTouch(touch_id))
    hover_and_drop(view, band_cell.number_rect.center(), mime)
    moved = calendar_window.workspace.touches.get(touch_id)
    assert (moved.planned_on, moved.planned_at) == (TODAY, time(10, 30))


def test_every_chip_shows_its_kind_icon_even_when_narrow(
    qtbot: QtBot, calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    calendar_window.resize(calendar_window.minimum_size())
    qtbot.waitUntil(lambda: calendar.view.width() < 700)
    chips = calendar.view.placement.chips
    assert chips
    image = calendar.view.grab().toImage()
    ratio = image.devicePixelRatio()
    for chip in chips:
        icon = chip.icon_rect
        assert chip.rect.contains(icon)
        assert icon.width() >= 8
        assert chip.text_rect.left() >= icon.right()
        colours = {
            image.pixelColor(round(x * ratio), round(y * ratio)).name()
            for x in range(int(icon.left()), int(icon.right()))
            for y in range(int(icon.top()), int(icon.bottom()))
        }
        assert len(colours) > 3, f"no icon drawn on {chip.touch.lead_name}"  # flat without it


def test_a_touch_done_on_another_day_is_drawn_ticked_on_that_day(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    touch_id = _call(calendar).touch.id
    calendar_window.operations.run(
        lambda workspace: mark_touch_done(workspace, touch_id, done_on=TODAY)
    )
    content = calendar.view.content
    assert touch_id not in [touch.id for touch in content.touches_on(CALL_DAY)]
    assert touch_id in [touch.id for touch in content.touches_on(TODAY)]
    chip = calendar.view.placement.chip_for(touch_id)
    assert chip is not None
    today_cell = calendar.view.placement.cell_for(TODAY)
    assert today_cell is not None
    assert today_cell.rect.contains(chip.rect)
    calendar.set_mode(CalendarMode.WEEK)
    grid = calendar.view.placement.hour_grid
    chip = calendar.view.placement.chip_for(touch_id)
    assert grid is not None
    assert chip is not None
    assert chip.rect.bottom() <= grid.rect.top(), "done elsewhere: its planned time says nothing"


def test_single_keys_switch_week_month_and_go_to_today(
    qtbot: QtBot, calendar: CalendarScreen
) -> None:
    calendar.view.setFocus()
    qtbot.waitUntil(calendar.view.hasFocus)
    qtbot.keyClick(calendar.view, Qt.Key.Key_W)
    assert calendar.calendar_range.mode is CalendarMode.WEEK
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageDown)
    assert not calendar.calendar_range.first <= TODAY <= calendar.calendar_range.last
    qtbot.keyClick(calendar.view, Qt.Key.Key_T)
    assert calendar.calendar_range.first <= TODAY <= calendar.calendar_range.last
    qtbot.keyClick(calendar.view, Qt.Key.Key_M)
    assert calendar.calendar_range.mode is CalendarMode.MONTH
