"""A month with 10,000 planned touches: read through the date index, and only what fits painted;
the agenda of thousands of overdue ones is one list model, not a widget per touch.

Checked by structure, not by the clock: what the queries do (their plans) and how much is drawn
stays the same on a busy machine.
"""

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft, Temperature, TouchDraft, TouchKind
from planner.services.board import add_leads
from planner.services.touches import plan_touches
from planner.workspace import Workspace
from tests.query_plans import full_scans, query_plans
from tests.ui.conftest import open_window
from ui.calendar.calendar_screen import CalendarScreen
from ui.window_settings import WindowSettings

TOUCHES = 10_000
LEADS = 1_000
MARCH_FIRST = date(2026, 3, 1)
_KINDS = list(TouchKind)
_TEMPERATURES = list(Temperature)


def _fill_march(workspace: Workspace) -> None:
    add_leads(
        workspace,
        [
            (
                LeadDraft(name=f"Prospect {index:05}", temperature=_TEMPERATURES[index % 3]),
                Column(_TEMPERATURES[index % 3].value),
            )
            for index in range(LEADS)
        ],
        "Add prospects",
    )
    ids = [card.id for column in Column for card in workspace.leads.cards(column)]
    plan_touches(
        workspace,
        [
            TouchDraft(
                ids[index % len(ids)],
                _KINDS[index % len(_KINDS)],
                MARCH_FIRST + timedelta(days=index % 31),
            )
            for index in range(TOUCHES)
        ],
        "Plan a busy month",
    )


def _painter_of(view: QWidget) -> Callable[[], None]:
    """Paints the widget into an image: the work of one frame, whatever the platform does."""
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    return lambda: view.render(image)


def _calendar(qtbot: QtBot, workspace: Workspace, settings: WindowSettings) -> CalendarScreen:
    window = open_window(qtbot, workspace, settings)
    window.resize(1400, 850)
    calendar = window.planning_actions.calendar
    window.screens.setCurrentWidget(window.planning_actions.calendar_screen)
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def test_a_month_of_10000_touches_reloads_through_the_index_and_paints_what_fits(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    _fill_march(workspace)
    calendar = _calendar(qtbot, workspace, window_settings)
    view = calendar.view

    plans = query_plans(workspace.db, calendar.reload)
    _painter_of(view)()
    assert full_scans(plans, "touches") == []
    assert view.content.touch_count == TOUCHES
    placement = view.placement
    shown = len(placement.chips)
    hidden = sum(marker.count for marker in placement.more)
    in_focus = [cell.day for cell in placement.cells if cell.day.month == 3]
    assert shown + hidden == TOUCHES
    assert shown <= 12 * len(placement.cells)
    assert {marker.day for marker in placement.more} == set(in_focus)
    assert view.findChildren(QWidget) == []
    _check_agenda_of_thousands(calendar)


def _check_agenda_of_thousands(calendar: CalendarScreen) -> None:
    """The agenda of that month's first half: thousands of overdue touches under two headings."""
    agenda = calendar.agenda
    today = calendar.today()
    touches = calendar.workspace.touches.agenda(today)
    due_today = sum(1 for touch in touches if touch.planned_on == today)
    assert len(touches) - due_today > 4_000

    widgets_before = len(agenda.findChildren(QWidget))
    agenda.set_touches(touches)
    _painter_of(agenda)()
    assert len(agenda.findChildren(QWidget)) == widgets_before
    model = agenda.model
    assert model.rowCount() == len(touches) + 2
    today_heading, overdue_heading = model.section(0), model.section(due_today + 1)
    assert today_heading is not None
    assert overdue_heading is not None
    assert (today_heading.title, overdue_heading.title) == ("Today", "Overdue")
    assert overdue_heading.count == len(touches) - due_today
