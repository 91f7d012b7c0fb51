"""The touch list model: Qt's model contract for the agenda and a day's list, headings, roles."""

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from planner.domain import Column, LeadDraft, TouchDraft, TouchKind
from planner.services.board import add_leads
from planner.services.touches import mark_touch_done, plan_touches
from planner.store.touches import CalendarTouch
from planner.workspace import Workspace
from tests.ui.touches.conftest import TODAY
from ui.touches.touch_list import SECTION_ROLE, TOUCH_ROLE, ListSection, TouchListModel

TAGGED_NAME = "<b>Nowak</b> & Söhne"
"""A lead whose name looks like markup: its tooltip must show it as typed."""


def _check_contract(tester: ModelTester, model: TouchListModel) -> None:
    """Runs Qt's model tester in Python, so failures show as assertions (it is untyped)."""
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def _agenda_sections(
    workspace: Workspace, today: date
) -> list[tuple[ListSection, list[CalendarTouch]]]:
    """The agenda's touches split as the agenda panel splits them: today's, then overdue."""
    touches = workspace.touches.agenda(today)
    overdue = [touch for touch in touches if touch.is_overdue(today)]
    due_today = [touch for touch in touches if not touch.is_overdue(today)]
    return [
        (ListSection("Today", len(due_today)), due_today),
        (ListSection("Overdue", len(overdue), overdue=True), overdue),
    ]


def _texts(model: TouchListModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def planned(demo_workspace: Workspace) -> Workspace:
    """Demo leads plus one with a markup-like name, with touches due today (timed and not),
    overdue by a day and by ten, done three days ago and planned for the day after tomorrow."""
    add_leads(demo_workspace, [(LeadDraft(name=TAGGED_NAME), Column.COLD)], "Add a lead")
    cards = demo_workspace.leads.cards(Column.COLD)
    tagged = next(card.id for card in cards if card.name == TAGGED_NAME)
    cold = [card.id for card in cards if card.id != tagged]
    three_days_ago = TODAY - timedelta(days=3)
    plan_touches(
        demo_workspace,
        [
            TouchDraft(cold[0], TouchKind.PHONE_CALL, TODAY, planned_at=time(10, 30)),
            TouchDraft(cold[1], TouchKind.MEETING, TODAY),
            TouchDraft(tagged, TouchKind.PHONE_CALL, TODAY, planned_at=time(8, 0)),
            TouchDraft(cold[2], TouchKind.EMAIL, TODAY - timedelta(days=1)),
            TouchDraft(cold[3], TouchKind.SALES_LETTER, TODAY - timedelta(days=10)),
            TouchDraft(cold[4], TouchKind.POSTCARD, three_days_ago, done_on=three_days_ago),
            TouchDraft(cold[5], TouchKind.MEETING, TODAY + timedelta(days=2)),
        ],
        "Plan test touches",
    )
    return demo_workspace


def test_the_agenda_model_passes_the_model_tester_and_after_a_touch_is_done(
    qtmodeltester: ModelTester, planned: Workspace
) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_sections(_agenda_sections(planned, TODAY))
    _check_contract(qtmodeltester, model)
    assert model.rowCount() == 2 + 5
    first = model.touch(1)
    assert first is not None
    mark_touch_done(planned, first.id)
    # The tester stays connected: it checks the model again through the reset.
    model.set_sections(_agenda_sections(planned, TODAY))
    assert model.rowCount() == 2 + 4
    assert model.row_of(first.id) is None


def test_a_day_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, planned: Workspace
) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_touches(
        planned.touches.between(TODAY - timedelta(days=10), TODAY + timedelta(days=2))
    )
    _check_contract(qtmodeltester, model)
    assert model.rowCount() == 7
    assert all(model.section(row) is None for row in range(model.rowCount()))
    assert [touch.kind for touch in model.touches() if touch.done_on is not None] == [
        TouchKind.POSTCARD
    ]


def test_an_empty_model_passes_the_model_tester(
    qtmodeltester: ModelTester, workspace: Workspace
) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_sections(_agenda_sections(workspace, TODAY))
    _check_contract(qtmodeltester, model)
    assert model.rowCount() == 0
    assert model.touches() == []


def test_headings_lead_their_sections_and_empty_sections_are_left_out(planned: Workspace) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_sections(_agenda_sections(planned, TODAY))
    names = {touch.lead_id: touch.lead_name for touch in planned.touches.agenda(TODAY)}
    cold = [card.id for card in planned.leads.cards(Column.COLD) if card.name != TAGGED_NAME]
    assert _texts(model) == [
        "Today · 3",
        f"Meeting: {names[cold[1]]}",
        f"Phone call: {TAGGED_NAME}",
        f"Phone call: {names[cold[0]]}",
        "Overdue · 2",
        f"Email: {names[cold[2]]}",
        f"Sales letter: {names[cold[3]]}",
    ]
    overdue = model.section(4)
    assert overdue == ListSection("Overdue", 2, overdue=True)
    assert model.index(4, 0).data(SECTION_ROLE) == overdue
    assert model.index(4, 0).data(TOUCH_ROLE) is None
    assert model.touches() == planned.touches.agenda(TODAY)
    model.set_sections(
        [(ListSection("Today", 0), []), (ListSection("Overdue", 1, overdue=True), model.touches())]
    )
    first_heading = model.section(0)
    assert first_heading is not None
    assert first_heading.title == "Overdue"


def test_touch_rows_select_and_heading_rows_do_not(planned: Workspace) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_sections(_agenda_sections(planned, TODAY))
    heading, touch_row = model.index(0, 0), model.index(1, 0)
    assert model.flags(heading) == Qt.ItemFlag.ItemIsEnabled
    assert model.flags(touch_row) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(touch_row) & Qt.ItemFlag.ItemIsEnabled


def test_roles_give_the_touch_a_sentence_and_an_escaped_tooltip(planned: Workspace) -> None:
    model = TouchListModel(lambda: TODAY)
    model.set_sections(_agenda_sections(planned, TODAY))
    row = next(
        row
        for row in range(model.rowCount())
        if (touch := model.touch(row)) is not None and touch.lead_name == TAGGED_NAME
    )
    index = model.index(row, 0)
    touch = index.data(TOUCH_ROLE)
    assert isinstance(touch, CalendarTouch)
    assert model.row_of(touch.id) == row
    sentence = f"Phone call · {TAGGED_NAME} (cold) · 08:00"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == sentence
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "<qt>Phone call · &lt;b&gt;Nowak&lt;/b&gt; &amp; Söhne (cold) · 08:00</qt>"
    )
    assert index.data(SECTION_ROLE) is None
    late = model.index(model.rowCount() - 1, 0)
    assert late.data(Qt.ItemDataRole.AccessibleTextRole).endswith(" · overdue")
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0
