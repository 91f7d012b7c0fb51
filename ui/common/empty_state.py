"""What a screen shows when it has nothing to show: an icon, one sentence and one primary button.

An empty list should say what belongs there and offer the one step that fills it, instead of
plain text floating in the middle of a panel. A quieter second step (a flat button) is optional.
"""

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.icons import Glyph, icon
from ui.common.theme import SIZES, Tone, scaled, set_tone


class EmptyState(QWidget):
    """An icon, a title, one sentence and a primary button, centred or at the top.

    Signals:
        primary_requested(): the primary button was clicked.
        secondary_requested(): the optional second (flat) button was clicked.
    """

    primary_requested = Signal()
    secondary_requested = Signal()

    def __init__(
        self,
        glyph: Glyph,
        title: str,
        sentence: str,
        primary: str,
        secondary: str = "",
        *,
        centred: bool = True,
    ) -> None:
        super().__init__()
        self._glyph = glyph
        line = self.fontMetrics().height()
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setAccessibleName("")
        self.title_label = QLabel(title)
        title_font = QFont(self.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * (1.5 if centred else 1.15))
        self.title_label.setFont(title_font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sentence_label = QLabel(sentence)
        self.sentence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sentence_label.setWordWrap(True)
        set_tone(self.sentence_label, Tone.MUTED)
        self.primary_button = QPushButton(primary)
        self.primary_button.setDefault(True)
        self.primary_button.setAutoDefault(True)
        self.primary_button.setProperty("primary", True)
        self.primary_button.clicked.connect(self.primary_requested)
        self.secondary_button = QPushButton(secondary)
        self.secondary_button.setFlat(True)
        self.secondary_button.setVisible(bool(secondary))
        self.secondary_button.clicked.connect(self.secondary_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.primary_button)
        buttons.addWidget(self.secondary_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if centred:
            layout.addStretch(1)
        else:
            layout.addSpacing(line * 2)
        layout.addWidget(self.icon_label)
        layout.addSpacing(line // 2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.sentence_label)
        layout.addSpacing(line)
        layout.addLayout(buttons)
        layout.addStretch(2 if centred else 1)
        self._draw_icon()

    def changeEvent(self, event: QEvent) -> None:
        """Redraws the icon in the new colours when the palette changes (light ⇄ dark)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()

    def _draw_icon(self) -> None:
        side = scaled(SIZES.empty_state_icon, self.fontMetrics().height())
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        self.icon_label.setPixmap(icon(self._glyph, muted).pixmap(QSize(side, side)))
