"""A key figure on the dashboard: its name, its value, its formula on hover; click for its leads."""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from planner.metrics.wording import Metric


class FigureTile(QFrame):
    """One tile; a click, Enter or Space asks for the leads behind the figure.

    Signals:
        clicked(): the user asked for the leads behind the figure.
    """

    clicked = Signal()

    def __init__(self, metric: Metric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = metric
        self.setObjectName(f"tile-{metric.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self._explanation(""))
        self.setAccessibleName(metric.label)
        self.title = QLabel(metric.label)
        self.title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel("–")
        self.value.setObjectName("tile-value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setWordWrap(True)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addStretch(1)

    def set_value(self, text: str, detail: str = "") -> None:
        """Shows the figure's text (``–`` without data); ``detail`` (every currency of a
        shortened amount) goes under the formula on hover."""
        self.value.setText(text)
        self.setAccessibleDescription(detail or text)
        self.setToolTip(self._explanation(detail if detail != text else ""))

    def _explanation(self, detail: str) -> str:
        figure = self.figure
        lines = [
            f"<p><b>{html.escape(figure.label)}</b></p>",
            f"<p>{html.escape(figure.definition)}</p>",
        ]
        if detail:
            lines.append(f"<p>{html.escape(detail)}</p>")
        return "".join(lines)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click asks for the leads."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space asks for the leads, like a button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
