"""Actions added to the main window itself, so their shortcuts work wherever the focus is."""

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.common.icons import Glyph, set_glyph


def window_action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence.StandardKey = "",
    glyph: Glyph | None = None,
) -> QAction:
    """An action on ``window`` that calls ``slot``, with an optional shortcut (a standard key
    such as ``QKeySequence.StandardKey.New`` wherever the platform has one, else "Ctrl+Shift+M")
    and an optional icon."""
    action = QAction(text, window)
    action.triggered.connect(slot)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if glyph is not None:
        set_glyph(action, glyph)
    window.addAction(action)
    return action
