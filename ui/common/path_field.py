"""A path input that shows a long path elided in the middle while it is not being edited.

The start (the drive or home folder) and the end (the file name) are what tell paths apart, so
they stay readable and "…" replaces the middle; the full path is the tooltip, and focusing the
field shows it whole for editing.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget


class PathField(QLineEdit):
    """A QLineEdit for a file or folder path, elided in the middle when not focused."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.textChanged.connect(self._update_tooltip)
        self._update_tooltip(text)

    def is_elided(self) -> bool:
        """True when the path does not fit and the middle is left out."""
        return self.displayed_text() != self.text()

    def displayed_text(self) -> str:
        """What the field shows while not focused: the path, elided in the middle to fit."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, max(self._text_width(), 0)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draws the elided path over the frame unless the field is being edited."""
        if self.hasFocus() or not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        area = area.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2, 0)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.Text))
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.displayed_text(),
        )

    def _text_width(self) -> int:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return area.width() - margins.left() - margins.right() - 4

    def _update_tooltip(self, text: str) -> None:
        self.setToolTip(text)
