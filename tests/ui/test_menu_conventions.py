"""Menu conventions: title case, one mnemonic per letter, standard keys, icons."""

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.main_window import MainWindow

SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
"""Words title case leaves in lower case."""


def _menus(window: MainWindow) -> list[QMenu]:
    found = []
    pending = [action.menu() for action in window.menuBar().actions()]
    while pending:
        menu = pending.pop()
        if isinstance(menu, QMenu):
            found.append(menu)
            pending.extend(action.menu() for action in menu.actions() if action.menu())
    return found


def _entries(menu: QMenu) -> list[QAction]:
    return [action for action in menu.actions() if not action.isSeparator()]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.replace("&", ""))


def test_every_menu_item_is_in_title_case(main_window: MainWindow) -> None:
    for menu in _menus(main_window):
        if menu is main_window.recent_menu:
            continue  # file paths, as they are written
        for action in _entries(menu):
            if action in (main_window.undo_action, main_window.redo_action):
                continue  # "Undo" followed by the action's own description
            words = _words(action.text())
            for index, word in enumerate(words):
                if index and word in SMALL_WORDS:
                    continue
                assert word[0].isupper() or not word[0].isalpha(), action.text()


def test_mnemonics_are_unique_within_each_menu(main_window: MainWindow) -> None:
    for menu in [*_menus(main_window)]:
        letters = [
            match.group(1).lower()
            for action in _entries(menu)
            if (match := re.search(r"&(\w)", action.text()))
        ]
        assert len(letters) == len(set(letters)), [action.text() for action in _entries(menu)]
    bar = [re.search(r"&(\w)", action.text()) for action in main_window.menuBar().actions()]
    assert len({match.group(1) for match in bar if match}) == len(bar)


def test_standard_keys_are_used_where_the_platform_has_them(main_window: MainWindow) -> None:
    expected = {
        main_window.lead_actions.new_lead: QKeySequence.StandardKey.New,
        main_window.lead_actions.delete_lead: QKeySequence.StandardKey.Delete,
        main_window.find_action: QKeySequence.StandardKey.Find,
        main_window.undo_action: QKeySequence.StandardKey.Undo,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence.keyBindings(key)[0], action.text()


def test_every_menu_command_has_an_icon(main_window: MainWindow) -> None:
    for menu in _menus(main_window):
        for action in _entries(menu):
            if action.menu() or action.isCheckable() or not action.isEnabled():
                continue
            if menu is main_window.recent_menu:
                continue
            assert not action.icon().isNull(), action.text()
