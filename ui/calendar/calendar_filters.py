"""The calendar's filters: a toggle per temperature and a menu of channels."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from planner.domain import Channel, Temperature
from ui.calendar.calendar_content import CalendarFilter
from ui.touches.touch_colours import channel_colour, temperature_colour


def dot_icon(colour: QColor, size: int) -> QIcon:
    """A round swatch of ``colour``, to tie a filter to what it shows."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class CalendarFilterBar(QWidget):
    """Which temperatures and channels the calendar shows.

    Signals:
        filter_changed(CalendarFilter): the user showed or hid something.
    """

    filter_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        swatch = max(8, round(self.fontMetrics().height() * 0.6))
        self.temperature_buttons: dict[Temperature, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for temperature in Temperature:
            button = QToolButton()
            button.setText(temperature.value.capitalize())
            button.setIcon(dot_icon(temperature_colour(temperature), swatch))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setToolTip(f"Show touches of {temperature.value} leads")
            button.toggled.connect(self._announce)
            self.temperature_buttons[temperature] = button
            layout.addWidget(button)
        self.channel_menu = QMenu(self)
        self.channel_actions: dict[Channel, QAction] = {}
        for channel in Channel:
            action = self.channel_menu.addAction(
                dot_icon(channel_colour(channel), swatch), channel.label
            )
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._announce)
            self.channel_actions[channel] = action
        self.channel_menu.addSeparator()
        self.channel_menu.addAction("Show Every Channel").triggered.connect(self.show_every_channel)
        self.channel_button = QToolButton()
        self.channel_button.setMenu(self.channel_menu)
        self.channel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.channel_button.setAutoRaise(True)
        self.channel_button.setToolTip("Show touches and campaigns of some channels only")
        layout.addSpacing(swatch)
        layout.addWidget(self.channel_button)
        self._update_channel_text()

    def calendar_filter(self) -> CalendarFilter:
        """What the toggles show now."""
        return CalendarFilter(
            temperatures=frozenset(t for t, b in self.temperature_buttons.items() if b.isChecked()),
            channels=frozenset(c for c, a in self.channel_actions.items() if a.isChecked()),
        )

    def set_filter(self, calendar_filter: CalendarFilter) -> None:
        """Sets every toggle, announcing the result once."""
        for temperature, button in self.temperature_buttons.items():
            button.blockSignals(True)
            button.setChecked(temperature in calendar_filter.temperatures)
            button.blockSignals(False)
        for channel, action in self.channel_actions.items():
            action.blockSignals(True)
            action.setChecked(channel in calendar_filter.channels)
            action.blockSignals(False)
        self._announce()

    def show_every_channel(self) -> None:
        """Ticks every channel again."""
        current = self.calendar_filter()
        self.set_filter(CalendarFilter(current.temperatures, frozenset(Channel)))

    def _announce(self) -> None:
        self._update_channel_text()
        self.filter_changed.emit(self.calendar_filter())

    def _update_channel_text(self) -> None:
        shown = [c for c, a in self.channel_actions.items() if a.isChecked()]
        if len(shown) == len(Channel):
            text = "All channels"
        elif len(shown) == 1:
            text = shown[0].label
        else:
            text = f"{len(shown)} of {len(Channel)} channels"
        self.channel_button.setText(text)
