"""Colours of planning: campaign bars by channel, touches by the lead's temperature."""

from PySide6.QtGui import QColor

from planner.domain import Channel, Column, Temperature
from ui.common.colours import column_accent

_CHANNEL_COLOURS = {
    Channel.DIRECT_MAIL: "#00897b",
    Channel.PROMOTION: "#8e44ad",
    Channel.SEMINAR: "#3949ab",
    Channel.EMAIL: "#0277bd",
    Channel.PHONE: "#558b2f",
    Channel.ADVERTISING: "#c2185b",
    Channel.OTHER: "#6d6f75",
}


def channel_colour(channel: Channel) -> QColor:
    """The fill of a campaign bar on this channel (dark enough for white text)."""
    return QColor(_CHANNEL_COLOURS[channel])


def temperature_colour(temperature: Temperature) -> QColor:
    """The board column's accent, so a warm lead looks warm on every screen."""
    return column_accent(Column(temperature.value))
