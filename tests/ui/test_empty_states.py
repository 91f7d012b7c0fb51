"""Empty states: an icon, one sentence and a primary button that does the first step."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.touches.new_touch_dialog import NewTouchDialog


def test_the_empty_board_has_an_icon_a_sentence_and_a_primary_button(
    empty_window: MainWindow,
) -> None:
    state = empty_window.board.empty_panel.state
    assert state.isVisible()
    pixmap = state.icon_label.pixmap()
    assert not pixmap.isNull()
    assert state.sentence_label.text().endswith(".")
    primary = state.primary_button
    assert primary.isDefault()
    assert primary.property("primary") is True


def test_the_empty_agenda_offers_to_plan_a_touch_today(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    calendar = main_window.planning_actions.calendar
    main_window.screens.setCurrentWidget(calendar)
    agenda = calendar.agenda
    qtbot.waitUntil(agenda.empty_state.isVisible)
    top = agenda.empty_state.mapTo(agenda, agenda.empty_state.icon_label.geometry().topLeft())
    assert top.y() < agenda.height() // 3, "the empty state sits at the top, not mid-panel"
    button = agenda.empty_state.primary_button
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = calendar.dialog
    assert isinstance(dialog, NewTouchDialog)
    assert dialog.isVisible()
    dialog.reject()
