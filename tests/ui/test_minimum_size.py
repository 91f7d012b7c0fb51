"""The window's minimum size: below it nothing could fit, at it nothing is cut."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from planner.domain import Column
from ui.main_window import MainWindow

AMOUNT = "999,999.00 EUR"
"""A column total in the home currency, as wide as the board should ever need to show whole."""


def _overflows(toolbar: QToolBar) -> bool:
    """True when the toolbar had to hide actions behind its » extension button."""
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    return extension is not None and extension.isVisible()


def test_the_window_cannot_be_made_smaller_than_its_minimum(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    minimum = main_window.minimum_size()
    assert main_window.minimumSize() == minimum
    main_window.resize(minimum - QSize(200, 200))
    qtbot.waitUntil(lambda: main_window.size() == minimum)


@pytest.mark.parametrize("size", ["minimum", "1000x700"])
def test_nothing_is_cut_at_the_minimum_size_or_at_1000_by_700(
    qtbot: QtBot, main_window: MainWindow, size: str
) -> None:
    wanted = main_window.minimum_size() if size == "minimum" else QSize(1000, 700)
    main_window.resize(wanted)
    qtbot.waitUntil(lambda: main_window.size() == wanted.expandedTo(main_window.minimumSize()))
    qtbot.wait(50)
    assert not _overflows(main_window.view_actions.toolbar)
    for column in Column:
        header = main_window.board.panels[column].header
        font = QFont(header.font())
        room = header.width() - 2 * round(header.fontMetrics().height() * 0.45)
        assert QFontMetrics(font).horizontalAdvance(AMOUNT) <= room, column
        assert main_window.board.view(column).width() > header.fontMetrics().height() * 6
    calendar = main_window.planning_actions.calendar
    main_window.screens.setCurrentWidget(calendar)
    qtbot.waitUntil(calendar.isVisible)
    qtbot.wait(50)
    assert not _overflows(calendar.toolbar)
    assert calendar.view.width() > calendar.agenda.width()
