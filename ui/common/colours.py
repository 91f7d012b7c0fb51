"""Colour helpers over the theme's tokens (``ui/common/theme.py``): a column's accent, the overdue
red, blends and muted text, read from the palette being painted so light and dark both work."""

from PySide6.QtGui import QColor, QPalette

from planner.domain import Column
from ui.common.theme import LIGHT, palette_is_dark, theme_colours

OVERDUE = QColor(LIGHT.overdue)
"""The light scheme's overdue red; painting code that knows its palette uses ``overdue``."""


def column_accent(column: Column, palette: QPalette | None = None) -> QColor:
    """The column's accent (stripes, meters and header bars) in the scheme of ``palette``
    (the application's when none is given)."""
    return theme_colours(palette).column_accent(column)


def overdue(palette: QPalette | None = None) -> QColor:
    """The red that means "act now", in the scheme of ``palette``."""
    return QColor(theme_colours(palette).overdue)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0 to 1) of the way towards ``tint``."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        base.redF() * keep + tint.redF() * amount,
        base.greenF() * keep + tint.greenF() * amount,
        base.blueF() * keep + tint.blueF() * amount,
    )


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: readable, but quieter than the name."""
    return blend(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.38
    )


def is_dark(palette: QPalette) -> bool:
    """True for dark themes, where tints must be lighter to show."""
    return palette_is_dark(palette)
