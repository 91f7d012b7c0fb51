"""The board's search box: Escape clears it, and Ctrl+Z goes through to the window when the box
has nothing to undo."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

_WINDOW_REDO = QKeySequence("Ctrl+Shift+Z")
"""The window's redo key on every platform (beside the platform's own)."""


class SearchField(QLineEdit):
    """A line edit whose own undo and redo give way to Edit ▸ Undo/Redo when it has none, and
    which Escape clears.

    A plain QLineEdit claims Ctrl+Z even with nothing typed, so once the focus was here (Ctrl+F,
    a click) the user's last board action could not be undone from the keyboard.

    Signals:
        escaped(): Escape was pressed; the text is cleared already (the board filters at once
            and gives the focus back to the cards).
    """

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape clears the search (and leaves the field when it was empty already)."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.clear()
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Leaves undo and redo keys to the window's shortcuts unless the text can use them."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                QKeySequence(event.keyCombination()) == _WINDOW_REDO
            )
            if (undo and not self.isUndoAvailable()) or (redo and not self.isRedoAvailable()):
                event.ignore()
                return False
        return super().event(event)
