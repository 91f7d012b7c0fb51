"""A label for a file path that gives way to its neighbours: elided in the middle when narrow."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SHORTEST_WIDTH_IN_CHARACTERS = 12
"""The least room a path keeps: enough to read the file's name."""
WIDEST_WIDTH_IN_CHARACTERS = 48
"""The most room a path asks for, so the messages beside it keep theirs."""


class PathLabel(QLabel):
    """Shows a path whole when there is room and ``…/middle…/name.db`` when there is not; the
    whole path is always in the tooltip. It asks for the whole path up to a few dozen
    characters, and gives way down to a few, so a status bar keeps room for its messages.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_path(self, path: str) -> None:
        """Shows ``path``, with the whole of it on hover."""
        self.setText(path)
        self.setToolTip(f"The open database: {path}")
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """The whole path, but never wider than ``WIDEST_WIDTH_IN_CHARACTERS``."""
        hint = super().sizeHint()
        widest = self.fontMetrics().averageCharWidth() * WIDEST_WIDTH_IN_CHARACTERS
        return QSize(min(widest, hint.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        """A few characters wide: the status bar may squeeze the path that far."""
        hint = super().minimumSizeHint()
        width = self.fontMetrics().averageCharWidth() * SHORTEST_WIDTH_IN_CHARACTERS
        return QSize(min(width, hint.width()), hint.height())

    def elided_text(self) -> str:
        """The path as it fits the label's width now."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """The path, elided in the middle to the width the layout gave the label."""
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.elided_text(),
            self.foregroundRole(),
        )
