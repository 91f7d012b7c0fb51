"""The cards' figures on the board: the meter's done and planned touches, the next touch, stale."""

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from planner.clock import Clock
from planner.domain import Column, TouchDraft, TouchKind
from planner.read_models import BoardCard
from planner.services.touches import mark_touch_done, plan_touches
from planner.services.valuation import load_pipeline_settings, save_pipeline_settings
from tests.conftest import FIXED_MOMENT
from ui.board.card_delegate import STALE, CardDelegate, Segment, meter_segments
from ui.board.card_text import BOARD_LEGEND
from ui.main_window import MainWindow


def _plan_three(window: MainWindow, lead_id: int) -> None:
    today = window.workspace.clock.today()
    plan = ((TouchKind.MEETING, 2), (TouchKind.PRESENTATION, 7), (TouchKind.PROPOSAL, 10))
    drafts = [TouchDraft(lead_id, kind, today + timedelta(days=days)) for kind, days in plan]
    window.operations.run(lambda workspace: plan_touches(workspace, drafts, "Plan 3 touches"))


def test_planning_touches_shows_them_hollow_on_the_meter(main_window: MainWindow) -> None:
    model = main_window.board.models[Column.HOT]
    lead_id = model.card(0).id
    _plan_three(main_window, lead_id)

    card = model.card(model.row_of(lead_id) or 0)
    assert (card.touches_done, card.touches_planned) == (0, 3)
    assert meter_segments(card) == [Segment.PLANNED] * 3 + [Segment.EMPTY] * 5
    tooltip = model.index(model.row_of(lead_id) or 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "0 of the usual 8 contacts done, 3 planned" in tooltip
    assert "Next: meeting on" in tooltip

    first = min(main_window.workspace.touches.for_lead(lead_id), key=lambda touch: touch.planned_on)
    main_window.operations.run(lambda workspace: mark_touch_done(workspace, first.id))
    card = model.card(model.row_of(lead_id) or 0)
    assert meter_segments(card) == [Segment.DONE] + [Segment.PLANNED] * 2 + [Segment.EMPTY] * 5
    tooltip = model.index(model.row_of(lead_id) or 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 of the usual 8 contacts done, 2 planned" in tooltip
    assert "Next: presentation on" in tooltip


def test_a_long_target_is_drawn_in_shares_and_planning_always_shows() -> None:
    card = BoardCard(1, "A", "", None, Column.WARM, "a", "", touch_target=24, touches_planned=1)
    assert len(meter_segments(card)) == 12
    assert meter_segments(card).count(Segment.PLANNED) == 1
    full = replace(card, touches_done=30, touches_planned=4)
    assert meter_segments(full) == [Segment.DONE] * 12


def _colours(delegate: CardDelegate, index: QModelIndex) -> set[int]:
    """Every colour the delegate paints for the card at ``index``."""
    image = QImage(360, 110, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 360, 110)
    painter = QPainter(image)
    delegate.paint(painter, option, QPersistentModelIndex(index))
    painter.end()
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def test_stale_leads_are_marked_and_the_limit_is_the_users(main_window: MainWindow) -> None:
    board = main_window.board
    workspace = main_window.workspace
    hot, warm = board.models[Column.HOT], board.models[Column.WARM]
    assert not any(hot.card(row).stale for row in range(hot.rowCount()))

    workspace.clock = Clock.fixed(FIXED_MOMENT + timedelta(days=10))
    board.reload()
    assert all(hot.card(row).stale for row in range(hot.rowCount())), "Hot allows 7 days"
    assert not any(warm.card(row).stale for row in range(warm.rowCount())), "Warm allows 14"
    tooltip = hot.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Stale: untouched for 10 days, longer than Hot's 7 days" in tooltip
    delegate = board.view(Column.HOT).itemDelegate()
    assert isinstance(delegate, CardDelegate)
    assert STALE.rgb() in _colours(delegate, hot.index(0))
    assert STALE.rgb() not in _colours(delegate, warm.index(0))

    settings = load_pipeline_settings(workspace)
    limits = {**settings.stale_after_days, Column.WARM: 9}
    main_window.operations.run(
        lambda ws: save_pipeline_settings(ws, replace(settings, stale_after_days=limits))
    )
    assert all(warm.card(row).stale for row in range(warm.rowCount())), "the board refreshed"


def test_the_boards_help_explains_the_meter(qtbot: QtBot, main_window: MainWindow) -> None:
    board = main_window.board
    assert not board.legend.isVisible()
    qtbot.mouseClick(board.help_button, Qt.MouseButton.LeftButton)
    assert board.legend.isVisible()
    assert board.legend.text() == BOARD_LEGEND
    assert "□ touches planned" in board.help_button.toolTip()
