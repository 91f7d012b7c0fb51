"""Colours of planning (from the theme's tokens): campaign bars by channel, touches by the lead's
temperature."""

from PySide6.QtGui import QColor

from planner.domain import Channel, Column, Temperature
from ui.common.colours import column_accent
from ui.common.theme import CHANNEL_COLOURS


def channel_colour(channel: Channel) -> QColor:
    """The fill of a campaign bar on this channel (dark enough for white text)."""
    return QColor(CHANNEL_COLOURS[channel])


def temperature_colour(temperature: Temperature) -> QColor:
    """The board column's accent, so a warm lead looks warm on every screen."""
    return column_accent(Column(temperature.value))
