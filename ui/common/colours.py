"""The board's colours: one accent per column, mixed with the palette so dark themes work too."""

from PySide6.QtGui import QColor, QPalette

from planner.domain import Column

_ACCENTS = {
    Column.COLD: "#2f7fd8",
    Column.WARM: "#e08a1e",
    Column.HOT: "#d9432f",
    Column.WON: "#2e9e5b",
    Column.LOST: "#8a8f98",
}

OVERDUE = QColor("#c62828")
"""The colour of an overdue mark: the one red that means "act now"."""


def column_accent(column: Column) -> QColor:
    """The column's accent: stripes, meters and header bars."""
    return QColor(_ACCENTS[column])


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
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
