"""The main toolbar: the main actions, searching, and the screen switch."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def _button(window: MainWindow, text: str) -> QToolButton:
    toolbar = window.view_actions.toolbar
    (action,) = [action for action in toolbar.actions() if action.text() == text]
    button = toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    assert button.isVisible()
    assert not action.icon().isNull()
    return button


def test_the_toolbar_holds_the_main_actions(main_window: MainWindow) -> None:
    texts = [action.text() for action in main_window.view_actions.toolbar.actions()]
    for text in ("&New Lead…", "&Mail Merge…", "New &Campaign…", "&Find…", "&Board", "&Calendar"):
        assert text in texts


def test_new_lead_on_the_toolbar_opens_the_editor(qtbot: QtBot, main_window: MainWindow) -> None:
    qtbot.mouseClick(_button(main_window, "&New Lead…"), Qt.MouseButton.LeftButton)
    editor = main_window.lead_actions.editor
    assert editor is not None
    assert editor.isVisible()
    editor.reject()


def test_mail_merge_and_new_campaign_open_their_dialogs(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    qtbot.mouseClick(_button(main_window, "&Mail Merge…"), Qt.MouseButton.LeftButton)
    merge = main_window.document_actions.dialog
    assert merge is not None
    assert merge.isVisible()
    merge.reject()
    qtbot.mouseClick(_button(main_window, "New &Campaign…"), Qt.MouseButton.LeftButton)
    campaign = main_window.planning_actions.dialog
    assert campaign is not None
    assert campaign.isVisible()
    campaign.reject()


def test_find_shows_the_board_and_focuses_its_search(qtbot: QtBot, main_window: MainWindow) -> None:
    qtbot.mouseClick(_button(main_window, "&Calendar"), Qt.MouseButton.LeftButton)
    assert main_window.screens.currentWidget() is main_window.planning_actions.calendar
    qtbot.mouseClick(_button(main_window, "&Find…"), Qt.MouseButton.LeftButton)
    assert main_window.screens.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main_window.board.search_field)
    assert _button(main_window, "&Board").isChecked()
