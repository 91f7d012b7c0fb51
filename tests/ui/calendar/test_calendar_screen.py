"""The calendar in the window: drags, undo, the day list, filters, the agenda, dialogs, export."""

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Channel, Column, Temperature, TouchDraft, TouchKind
from planner.read_models import TouchFilter
from planner.services.touches import add_touch, plan_touches
from tests.conftest import dump_database
from tests.ui.calendar.conftest import (
    CALL_DAY,
    CAMPAIGN_END,
    CAMPAIGN_START,
    OVERDUE_DAY,
    TODAY,
    drop_on_day,
    lead_ids,
)
from ui.calendar.calendar_content import CalendarFilter
from ui.calendar.calendar_mime import DraggedTouch, calendar_mime_data, dragged_item
from ui.calendar.calendar_range import CalendarMode
from ui.calendar.calendar_screen import CalendarScreen
from ui.main_window import MainWindow
from ui.touches.campaign_dialog import CampaignDialog
from ui.touches.touch_dialog import TouchDialog


def _touch_on(calendar: CalendarScreen, day: date, kind: TouchKind) -> int:
    return next(t.id for t in calendar.view.content.touches_on(day) if t.kind is kind)


def _campaign_id(calendar: CalendarScreen) -> int:
    return calendar.view.content.campaigns[0].id


def test_the_calendar_opens_on_the_month_of_today(calendar: CalendarScreen) -> None:
    assert calendar.title.text() == "March 2026"
    assert calendar.view.calendar_range.first <= TODAY <= calendar.view.calendar_range.last
    placement = calendar.view.placement
    call = _touch_on(calendar, CALL_DAY, TouchKind.PHONE_CALL)
    assert placement.chip_for(call) is not None
    assert [bar.campaign.name for bar in placement.bars] == ["Spring letters"]
    overdue = [chip.touch for chip in placement.chips if chip.touch.is_overdue(TODAY)]
    assert {touch.kind for touch in overdue} >= {TouchKind.EMAIL}


def test_dragging_a_touch_to_another_day_moves_it_and_undo_restores_it(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    workspace = calendar_window.workspace
    before = dump_database(workspace)
    view = calendar.view
    call = _touch_on(calendar, CALL_DAY, TouchKind.PHONE_CALL)
    chip = view.placement.chip_for(call)
    assert chip is not None
    dragged = view.mime_data_for(chip, chip.rect.center())
    assert dragged is not None
    target = date(2026, 3, 25)
    drop_on_day(view, calendar_mime_data(dragged), target)
    moved = workspace.touches.get(call)
    assert moved.planned_on == target
    assert moved.planned_at == time(10, 30)
    moved_chip = view.placement.chip_for(call)
    assert moved_chip is not None
    assert view.day_rect(target).contains(moved_chip.rect.center().toPoint())
    lead_name = workspace.leads.get(moved.lead_id).name
    assert calendar_window.undo_action.text() == (
        f"Undo Reschedule phone call for '{lead_name}' to Wed 25 Mar 2026"
    )
    calendar_window.undo_action.trigger()
    assert dump_database(workspace) == before
    restored = view.placement.chip_for(call)
    assert restored is not None
    assert view.day_rect(CALL_DAY).contains(restored.rect.center().toPoint())
    calendar_window.redo_action.trigger()
    assert workspace.touches.get(call).planned_on == target


def test_dragging_a_campaign_by_its_middle_shifts_it_and_its_planned_touches(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    workspace = calendar_window.workspace
    before = dump_database(workspace)
    view = calendar.view
    campaign_id = _campaign_id(calendar)
    bar = view.placement.bars_for(campaign_id)[0]
    grabbed_day = CAMPAIGN_START + timedelta(days=2)
    grab = view.day_rect(grabbed_day).center()
    grab.setY(round(bar.rect.center().y()))
    dragged = view.mime_data_for(bar, grab.toPointF())
    assert dragged is not None
    drop_on_day(view, calendar_mime_data(dragged), date(2026, 3, 11))
    campaign = workspace.campaigns.get(campaign_id)
    assert (campaign.start_on, campaign.end_on) == (date(2026, 3, 9), date(2026, 3, 13))
    planned = workspace.touches.find(TouchFilter(campaign_id=campaign_id))
    assert planned
    assert {touch.planned_on for touch in planned} == {date(2026, 3, 9)}
    assert [bar.first_day for bar in view.placement.bars_for(campaign_id)] == [date(2026, 3, 9)]
    assert calendar_window.undo_action.text() == (
        "Undo Move campaign 'Spring letters' to Mon 9 Mar 2026"
    )
    calendar_window.undo_action.trigger()
    assert dump_database(workspace) == before
    assert workspace.campaigns.get(campaign_id).end_on == CAMPAIGN_END


def test_done_touches_stay_put_and_a_drop_on_the_same_day_records_nothing(
    calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    view = calendar.view
    done = next(t for t in view.content.touches_on(OVERDUE_DAY) if t.done_on is not None)
    done_chip = view.placement.chip_for(done.id)
    assert done_chip is not None
    assert view.mime_data_for(done_chip, done_chip.rect.center()) is None
    call = _touch_on(calendar, CALL_DAY, TouchKind.PHONE_CALL)
    chip = view.placement.chip_for(call)
    assert chip is not None
    dragged = view.mime_data_for(chip, chip.rect.center())
    assert dragged is not None
    steps = calendar_window.undo_stack.count()
    drop_on_day(view, calendar_mime_data(dragged), CALL_DAY)
    assert calendar_window.undo_stack.count() == steps


def test_a_full_day_says_how_many_more_and_clicking_lists_them_all(
    qtbot: QtBot, calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    view = calendar.view
    workspace = calendar_window.workspace
    # Busy weeks grow, so the campaign's letters fit; a call to every cold lead fills the day.
    calls = [
        TouchDraft(lead_id, TouchKind.PHONE_CALL, CAMPAIGN_START)
        for lead_id in lead_ids(workspace, Column.COLD)
    ]
    calendar_window.operations.run(lambda workspace: plan_touches(workspace, calls, "Plan calls"))
    everything = workspace.touches.between(CAMPAIGN_START, CAMPAIGN_START)
    assert len(everything) >= 40
    marker = view.placement.more_for(CAMPAIGN_START)
    assert marker is not None
    shown = [chip for chip in view.placement.chips if chip.touch.planned_on == CAMPAIGN_START]
    assert len(shown) + marker.count == len(everything)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=marker.rect.center().toPoint())
    qtbot.waitUntil(calendar.day_list.isVisible)
    day_list = calendar.day_list
    assert day_list.day == CAMPAIGN_START
    assert day_list.model.rowCount() == len(everything)
    assert [touch.id for touch in day_list.model.touches()] == [touch.id for touch in everything]
    assert [button.text() for button in day_list.campaign_buttons] == [
        "Campaign: Spring letters (Direct mail)"
    ]
    first = day_list.model.touches()[0]
    qtbot.mouseClick(
        day_list.list_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=day_list.list_view.done_button_at(0).center(),
    )
    assert calendar_window.workspace.touches.get(first.id).done_on == TODAY
    # done today, two weeks after its planned day: it moves to today, ticked
    assert first.id not in [touch.id for touch in day_list.model.touches()]
    assert first.id in [touch.id for touch in calendar.view.content.touches_on(TODAY)]


def test_clicking_a_day_number_lists_that_day(qtbot: QtBot, calendar: CalendarScreen) -> None:
    view = calendar.view
    cell = view.placement.cell_for(CALL_DAY)
    assert cell is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=cell.number_rect.center().toPoint())
    qtbot.waitUntil(calendar.day_list.isVisible)
    assert calendar.day_list.day == CALL_DAY
    assert calendar.day_list.model.rowCount() == len(view.content.touches_on(CALL_DAY))


def test_filters_narrow_by_temperature_and_channel(calendar: CalendarScreen) -> None:
    warm_letters = calendar.view.content.touches_on(CAMPAIGN_START)
    assert warm_letters
    calendar.filters.temperature_buttons[Temperature.WARM].click()
    assert calendar.calendar_filter.temperatures == {Temperature.COLD, Temperature.HOT}
    assert calendar.view.content.touches_on(CAMPAIGN_START) == []
    assert calendar.view.placement.bars == []
    assert calendar.view.content.touches_on(CALL_DAY)
    calendar.filters.channel_actions[Channel.PHONE].trigger()
    assert calendar.filters.channel_button.text() == "6 of 7 channels"
    assert calendar.view.content.touches_on(CALL_DAY) == []
    assert [t.kind for t in calendar.view.content.touches_on(OVERDUE_DAY) if not t.done_on] == [
        TouchKind.EMAIL
    ]
    calendar.filters.set_filter(CalendarFilter())
    assert calendar.view.content.touches_on(CAMPAIGN_START) == warm_letters
    assert calendar.filters.channel_button.text() == "All channels"


def _circle(qtbot: QtBot, calendar: CalendarScreen, row: int) -> None:
    list_view = calendar.agenda.list_view
    list_view.scrollTo(calendar.agenda.model.index(row, 0))
    qtbot.mouseClick(
        list_view.viewport(), Qt.MouseButton.LeftButton, pos=list_view.done_button_at(row).center()
    )


def test_the_agenda_lists_today_then_overdue_under_headings(calendar: CalendarScreen) -> None:
    workspace = calendar.workspace
    model = calendar.agenda.model
    expected = workspace.touches.agenda(TODAY)
    overdue = [touch for touch in expected if touch.is_overdue(TODAY)]
    assert [touch.id for touch in model.touches()] == [touch.id for touch in expected]
    today_heading, overdue_heading = model.section(0), model.section(2)
    assert today_heading is not None
    assert overdue_heading is not None
    assert (today_heading.title, today_heading.count, today_heading.overdue) == ("Today", 1, False)
    assert (overdue_heading.title, overdue_heading.count) == ("Overdue", len(overdue))
    assert overdue_heading.overdue
    meeting = model.touch(1)
    assert meeting is not None
    assert (meeting.kind, meeting.planned_on) == (TouchKind.MEETING, TODAY)
    late_days = [touch.planned_on for touch in model.touches()[1:]]
    assert late_days[0] == OVERDUE_DAY
    assert late_days == sorted(late_days, reverse=True)
    assert late_days[-1] == CAMPAIGN_START
    assert model.data(model.index(2, 0)) == f"Overdue · {len(overdue)}"
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert calendar.agenda.summary.text() == f"1 today · {len(overdue)} overdue"


def test_the_agenda_marks_a_touch_done_in_one_click_in_either_section(
    qtbot: QtBot, calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    workspace = calendar_window.workspace
    model = calendar.agenda.model
    rows = model.rowCount()
    meeting, email = model.touch(1), model.touch(3)
    assert meeting is not None
    assert email is not None
    assert email.kind is TouchKind.EMAIL
    _circle(qtbot, calendar, 1)
    assert workspace.touches.get(meeting.id).done_on == TODAY
    assert model.row_of(meeting.id) is None
    first_heading = model.section(0)
    assert first_heading is not None
    assert first_heading.title == "Overdue"
    assert model.rowCount() == rows - 2
    _circle(qtbot, calendar, 1)
    assert workspace.touches.get(email.id).done_on == TODAY
    calendar_window.undo_action.trigger()
    calendar_window.undo_action.trigger()
    assert workspace.touches.get(meeting.id).done_on is None
    assert workspace.touches.get(email.id).done_on is None
    assert model.row_of(meeting.id) == 1
    assert model.row_of(email.id) == 3


def test_a_click_beside_the_circle_only_selects(qtbot: QtBot, calendar: CalendarScreen) -> None:
    agenda = calendar.agenda
    first = agenda.model.touch(1)
    assert first is not None
    row_rect = agenda.list_view.visualRect(agenda.model.index(1, 0))
    qtbot.mouseClick(
        agenda.list_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(row_rect.right() - 10, row_rect.center().y()),
    )
    assert calendar.workspace.touches.get(first.id).done_on is None
    assert agenda.list_view.currentIndex().row() == 1


def test_headings_ignore_clicks_and_keys_step_over_them(
    qtbot: QtBot, calendar: CalendarScreen
) -> None:
    agenda = calendar.agenda
    list_view = agenda.list_view
    heading = list_view.visualRect(agenda.model.index(2, 0))
    with qtbot.assertNotEmitted(agenda.done_requested):
        qtbot.mouseClick(
            list_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, heading.center().y())
        )
    with qtbot.assertNotEmitted(agenda.open_requested):
        qtbot.mouseDClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=heading.center())
    list_view.setFocus()
    list_view.setCurrentIndex(agenda.model.index(1, 0))
    qtbot.keyClick(list_view, Qt.Key.Key_Down)
    assert list_view.currentIndex().row() == 3
    qtbot.keyClick(list_view, Qt.Key.Key_Up)
    assert list_view.currentIndex().row() == 1
    qtbot.keyClick(list_view, Qt.Key.Key_Up)
    assert list_view.currentIndex().row() == 1
    qtbot.keyClick(list_view, Qt.Key.Key_End)
    qtbot.keyClick(list_view, Qt.Key.Key_Home)
    assert list_view.currentIndex().row() == 1


def test_double_clicks_open_the_touch_and_the_campaign(
    qtbot: QtBot, calendar: CalendarScreen
) -> None:
    view = calendar.view
    call = _touch_on(calendar, CALL_DAY, TouchKind.PHONE_CALL)
    chip = view.placement.chip_for(call)
    assert chip is not None
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=chip.rect.center().toPoint())
    assert isinstance(calendar.dialog, TouchDialog)
    assert calendar.dialog.touch.id == call
    calendar.dialog.reject()
    bar = view.placement.bars_for(_campaign_id(calendar))[0]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=bar.rect.center().toPoint())
    assert isinstance(calendar.dialog, CampaignDialog)
    assert calendar.dialog.campaign is not None
    assert calendar.dialog.campaign.name == "Spring letters"
    calendar.dialog.reject()


def test_navigation_and_the_week_view(calendar: CalendarScreen) -> None:
    calendar.next_button.click()
    assert calendar.title.text() == "April 2026"
    assert calendar.view.content.touches_on(CALL_DAY) == []
    calendar.previous_button.click()
    calendar.previous_button.click()
    assert calendar.title.text() == "February 2026"
    calendar.today_button.click()
    assert calendar.title.text() == "March 2026"
    calendar.mode_buttons[CalendarMode.WEEK].click()
    week = calendar.calendar_range
    assert week.mode is CalendarMode.WEEK
    assert week.first <= TODAY <= week.last
    assert len(calendar.view.placement.cells) == 7
    assert "Mar 2026" in calendar.title.text()
    calendar.next_button.click()
    assert calendar.calendar_range.first == week.first + timedelta(days=7)


def test_changes_made_elsewhere_show_when_the_calendar_comes_back(
    qtbot: QtBot, calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    workspace = calendar_window.workspace
    qtbot.keyClick(calendar_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not calendar.isVisible()
    lead = lead_ids(workspace, Column.WARM)[0]
    calendar_window.operations.run(
        lambda workspace: add_touch(
            workspace, TouchDraft(lead, TouchKind.SEMINAR, date(2026, 3, 27))
        )
    )
    assert all(
        t.kind is not TouchKind.SEMINAR for t in calendar.view.content.touches_on(date(2026, 3, 27))
    )
    qtbot.keyClick(calendar_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert calendar_window.screens.currentWidget() is calendar
    assert [t.kind for t in calendar.view.content.touches_on(date(2026, 3, 27))] == [
        TouchKind.SEMINAR
    ]


def test_export_calendar_writes_an_ics_file_that_icalendar_reads(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, calendar_window: MainWindow
) -> None:
    chosen = tmp_path / "march"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), "iCalendar files (*.ics)")
    )
    calendar_window.planning_actions.export_calendar.trigger()
    written = tmp_path / "march.ics"
    parsed = Calendar.from_ical(written.read_bytes())
    events = [component for component in parsed.walk() if component.name == "VEVENT"]
    planned = calendar_window.workspace.touches.find(TouchFilter(planned_only=True))
    assert len(events) == 1 + len(planned)
    assert any(str(event["summary"]).startswith("Campaign: Spring letters") for event in events)
    assert calendar_window.statusBar().currentMessage() == (
        f"Exported 1 campaign and {len(planned)} planned touches to {written}"
    )


def test_an_export_that_fails_explains_why(tmp_path: Path, calendar_window: MainWindow) -> None:
    missing_folder = tmp_path / "nowhere" / "plan.ics"
    assert calendar_window.planning_actions.export_to(missing_folder) is None
    assert not missing_folder.exists()
    box = calendar_window.findChild(QWidget, "error-message")
    assert box is not None
    assert "does not exist" in box.property("text")


def test_page_keys_step_through_months(qtbot: QtBot, calendar: CalendarScreen) -> None:
    calendar.view.setFocus()
    qtbot.waitUntil(calendar.view.hasFocus)
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageDown)
    assert calendar.title.text() == "April 2026"
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageUp)
    assert calendar.title.text() == "March 2026"


def test_opening_another_database_shows_its_calendar(
    tmp_path: Path, calendar_window: MainWindow, calendar: CalendarScreen
) -> None:
    assert calendar.view.content.touch_count > 0
    assert calendar_window.open_database(tmp_path / "other.db")
    assert calendar.workspace is calendar_window.workspace
    assert calendar.view.content.touch_count == 0
    assert calendar.view.content.campaigns == ()
    assert calendar.agenda.model.rowCount() == 0


def test_pressing_and_moving_a_chip_starts_a_drag_carrying_that_touch(
    monkeypatch: pytest.MonkeyPatch, calendar: CalendarScreen
) -> None:
    view = calendar.view
    call = _touch_on(calendar, CALL_DAY, TouchKind.PHONE_CALL)
    chip = view.placement.chip_for(call)
    assert chip is not None
    carried: list[object] = []

    def fake_exec(drag: QDrag, *_actions: object) -> Qt.DropAction:
        carried.append(dragged_item(drag.mimeData()))
        assert not drag.pixmap().isNull()
        return Qt.DropAction.MoveAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start = chip.rect.center()
    further = start + QPointF(30, 30)
    for kind, point, buttons in (
        (QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, further, Qt.MouseButton.LeftButton),
    ):
        event = QMouseEvent(
            kind,
            point,
            view.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view, event)
    assert carried == [DraggedTouch(call)]
