"""A screen of the window that is built the first time it is shown.

The window starts on the board; building the calendar (and importing it) up front cost start-up
time for a screen the user may not open. A ``LazyScreen`` stands in its tab, empty and cheap, and
makes the real screen when the tab first shows or when code asks for it (``content``).
"""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyScreen(QWidget):
    """A tab page whose content ``make`` builds on first show (or first ``content`` call)."""

    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self._make = make
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        """True once the real screen exists."""
        return self._content is not None

    @property
    def content(self) -> QWidget:
        """The real screen, built now if it was not yet."""
        if self._content is None:
            self._content = self._make()
            self._layout.addWidget(self._content)
            self.setFocusProxy(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        """The tab is shown: build the screen before it paints."""
        _ = self.content
        super().showEvent(event)
