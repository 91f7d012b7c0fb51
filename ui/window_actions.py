"""Actions added to the main window itself, so their shortcuts work wherever the focus is."""

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(
    window: QWidget, text: str, slot: Callable[[], object], shortcut: str = ""
) -> QAction:
    """An action on ``window`` that calls ``slot``, with an optional shortcut such as "Ctrl+N"."""
    action = QAction(text, window)
    action.triggered.connect(slot)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action
