"""A planner file with a month of touches and a campaign around the fixed Monday 16 March 2026,
and the window showing its calendar."""

from datetime import date, time

import pytest
from PySide6.QtCore import QMimeData, QPointF
from pytestqt.qtbot import QtBot

from planner.domain import CampaignDraft, Channel, Column, Temperature, TouchDraft, TouchKind
from planner.services.campaigns import create_campaign
from planner.services.touches import plan_touches
from planner.workspace import Workspace
from tests.ui.conftest import hover_and_drop, open_window
from ui.calendar.calendar_screen import CalendarScreen
from ui.calendar.calendar_view import CalendarView
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings

TODAY = date(2026, 3, 16)
CALL_DAY = date(2026, 3, 18)
OVERDUE_DAY = date(2026, 3, 12)
CAMPAIGN_START = date(2026, 3, 2)
CAMPAIGN_END = date(2026, 3, 6)


def lead_ids(workspace: Workspace, column: Column) -> list[int]:
    """The ids of a column's leads in board order."""
    return [card.id for card in workspace.leads.cards(column)]


@pytest.fixture
def planned_workspace(demo_workspace: Workspace) -> Workspace:
    """Demo leads with a call on the 18th, an overdue email on the 12th, one done letter, and a
    direct-mail campaign for every warm lead from the 2nd to the 6th (all its letters on the 2nd).
    """
    cold = lead_ids(demo_workspace, Column.COLD)
    hot = lead_ids(demo_workspace, Column.HOT)
    plan_touches(
        demo_workspace,
        [
            TouchDraft(cold[0], TouchKind.PHONE_CALL, CALL_DAY, planned_at=time(10, 30)),
            TouchDraft(cold[1], TouchKind.EMAIL, OVERDUE_DAY),
            TouchDraft(hot[0], TouchKind.MEETING, TODAY),
            TouchDraft(hot[1], TouchKind.SALES_LETTER, OVERDUE_DAY, done_on=OVERDUE_DAY),
        ],
        "Plan test touches",
    )
    create_campaign(
        demo_workspace,
        CampaignDraft(
            "Spring letters", Channel.DIRECT_MAIL, Temperature.WARM, CAMPAIGN_START, CAMPAIGN_END
        ),
    )
    return demo_workspace


@pytest.fixture
def calendar_window(
    qtbot: QtBot, planned_workspace: Workspace, window_settings: WindowSettings
) -> MainWindow:
    """The main window with the calendar screen showing March 2026."""
    window = open_window(qtbot, planned_workspace, window_settings)
    window.screens.setCurrentWidget(window.planning_actions.calendar_screen)
    qtbot.waitUntil(lambda: window.planning_actions.calendar.isVisible())
    return window


@pytest.fixture
def calendar(calendar_window: MainWindow) -> CalendarScreen:
    """The calendar screen of ``calendar_window``."""
    return calendar_window.planning_actions.calendar


def drop_on_day(view: CalendarView, mime: QMimeData, day: date) -> None:
    """Hovers ``mime`` over the middle of ``day`` and drops it there."""
    hover_and_drop(view, QPointF(view.day_rect(day).center()), mime)
