"""A month with 10,000 planned touches: one query for the visible days, and only what fits painted;
the agenda of thousands of overdue ones shows at once.

The quick test bounds a reload and a repaint generously; the benchmark (``make bench``) reports
the cost of painting that month as a ratio to painting an empty month in the same run.
"""

import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft, Temperature, TouchDraft, TouchKind
from planner.services.board import add_leads
from planner.services.touches import plan_touches
from planner.workspace import Workspace
from tests.ui.conftest import open_window
from ui.calendar.calendar_range import CalendarRange
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


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


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


def test_a_month_of_10000_touches_reloads_and_paints_without_a_stall(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    _fill_march(workspace)
    calendar = _calendar(qtbot, workspace, window_settings)
    view = calendar.view

    def reload_and_paint() -> None:
        calendar.reload()
        _painter_of(view)()

    elapsed = _seconds(reload_and_paint)
    assert view.content.touch_count == TOUCHES
    placement = view.placement
    shown = len(placement.chips)
    hidden = sum(marker.count for marker in placement.more)
    in_focus = [cell.day for cell in placement.cells if cell.day.month == 3]
    assert shown + hidden == TOUCHES
    assert shown <= 12 * len(placement.cells)
    assert {marker.day for marker in placement.more} == set(in_focus)
    assert view.findChildren(QWidget) == []
    assert elapsed < 1.5, f"reload and paint took {elapsed:.2f} s"
    _check_agenda_of_thousands(calendar)


def _check_agenda_of_thousands(calendar: CalendarScreen) -> None:
    """The agenda of that month's first half: thousands of overdue touches under two headings."""
    agenda = calendar.agenda
    today = calendar.today()
    touches = calendar.workspace.touches.agenda(today)
    due_today = sum(1 for touch in touches if touch.planned_on == today)
    assert len(touches) - due_today > 4_000

    def show_and_paint() -> None:
        agenda.set_touches(touches)
        _painter_of(agenda)()

    elapsed = _seconds(show_and_paint)
    model = agenda.model
    assert model.rowCount() == len(touches) + 2
    today_heading, overdue_heading = model.section(0), model.section(due_today + 1)
    assert today_heading is not None
    assert overdue_heading is not None
    assert (today_heading.title, overdue_heading.title) == ("Today", "Overdue")
    assert overdue_heading.count == len(touches) - due_today
    assert elapsed < 0.5, f"showing the agenda took {elapsed:.2f} s"


@pytest.mark.bench
def test_painting_a_month_of_10000_touches_against_an_empty_month(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    build = _seconds(lambda: _fill_march(workspace))
    calendar = _calendar(qtbot, workspace, window_settings)
    view = calendar.view
    loading = sorted(_seconds(calendar.reload) for _round in range(10))
    paint = _painter_of(view)
    full = [_seconds(paint) for _round in range(50)]
    calendar.show_range(CalendarRange(date(2027, 3, 1), calendar.calendar_range.mode))
    assert view.content.touch_count == 0
    empty = [_seconds(paint) for _round in range(50)]
    ratio = statistics.median(full) / statistics.median(empty)
    print(
        f"\n{TOUCHES:,} touches in a month (built in {build:.1f} s): reload median "
        f"{statistics.median(loading) * 1000:.0f} ms, slowest {loading[-1] * 1000:.0f} ms; "
        f"paint median {statistics.median(full) * 1000:.1f} ms vs empty month "
        f"{statistics.median(empty) * 1000:.1f} ms: ratio {ratio:.1f}"
    )
    assert ratio < 8
    assert statistics.median(loading) < 0.5
