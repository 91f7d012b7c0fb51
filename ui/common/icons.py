"""The app's one icon set: Material Design Icons drawn from qtawesome's offline icon font.

Widgets ask for an icon by what it means (``Glyph.NEW_LEAD``), never by a font name, so the set can
change in one place and menus, buttons, card markers and calendar chips always agree. Icons are
tinted with the palette's text colour unless a colour is given; ``forget_icons`` drops the cache
when the colour scheme changes so the next request is drawn in the new colours.
"""

import os
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication

from planner.domain import TouchKind

if TYPE_CHECKING:
    from collections.abc import Mapping


class Glyph(StrEnum):
    """An icon by its meaning; the value is its name in the Material Design Icons font."""

    NEW_LEAD = "account-plus-outline"
    MAIL_MERGE = "email-multiple-outline"
    CAMPAIGN = "bullhorn-outline"
    SEARCH = "magnify"
    BOARD = "view-column-outline"
    CALENDAR = "calendar-month-outline"
    DASHBOARD = "chart-box-outline"
    UNDO = "undo"
    REDO = "redo"
    PRINT = "printer-outline"
    PDF = "file-pdf-box"
    SAVE = "content-save-outline"
    OPEN = "folder-open-outline"
    ADD = "plus"
    DONE = "check"
    CLOSE = "close"
    DELETE = "delete-outline"
    WARNING = "alert-circle-outline"
    OVERDUE = "clock-alert-outline"
    PLANNED = "calendar-clock"
    NOTHING_PLANNED = "calendar-blank-outline"
    LABEL = "label-outline"
    ENVELOPE = "email-outline"
    HELP = "help-circle-outline"
    SETTINGS = "cog-outline"
    IMPORT = "import"
    EXPORT = "export"
    DATABASE = "database-outline"
    LIGHT = "weather-sunny"
    DARK = "weather-night"
    SYSTEM_THEME = "theme-light-dark"
    MONEY = "cash-multiple"
    WON = "trophy-outline"
    LOST = "cancel"
    DIRECT_MAIL_LETTER = "mailbox-outline"
    PROMOTION = "tag-outline"
    POSTCARD = "card-text-outline"
    SALES_LETTER = "file-document-edit-outline"
    PHONE_CALL = "phone-outline"
    EMAIL = "email-fast-outline"
    MEETING = "account-tie-outline"
    SEMINAR = "account-group-outline"
    PRESENTATION = "presentation"
    PROPOSAL = "file-sign"
    INVOICE = "receipt-text-outline"
    CONTRACT = "handshake-outline"
    OTHER_TOUCH = "dots-horizontal-circle-outline"
    NEW_TOUCH = "calendar-plus"
    NEW_DATABASE = "database-plus-outline"
    QUIT = "exit-to-app"
    OPEN_LEAD = "card-account-details-outline"
    MOVE_LEFT = "arrow-left-bold-outline"
    MOVE_RIGHT = "arrow-right-bold-outline"
    DEMO_DATA = "database-import-outline"
    LETTER = "file-document-outline"
    TEMPLATES = "file-document-multiple-outline"
    SENDER = "card-account-mail-outline"
    CALL_SHEET = "clipboard-list-outline"
    PREVIOUS = "chevron-left"
    NEXT = "chevron-right"
    TODAY = "calendar-today"
    WEEK = "calendar-week"
    ABOUT = "information-outline"
    CATALOGUE = "package-variant-closed"
    ALL_DOCUMENTS = "file-multiple-outline"
    IMPORT_HISTORY = "history"
    EMPTY_BOARD = "view-column-outline"
    EMPTY_AGENDA = "calendar-check-outline"
    BACK_UP = "database-check-outline"
    RESTORE_BACKUP = "backup-restore"


_TOUCH_KIND_GLYPHS: "Mapping[TouchKind, Glyph]" = {
    TouchKind.DIRECT_MAIL_LETTER: Glyph.DIRECT_MAIL_LETTER,
    TouchKind.PROMOTION: Glyph.PROMOTION,
    TouchKind.POSTCARD: Glyph.POSTCARD,
    TouchKind.SALES_LETTER: Glyph.SALES_LETTER,
    TouchKind.PHONE_CALL: Glyph.PHONE_CALL,
    TouchKind.EMAIL: Glyph.EMAIL,
    TouchKind.MEETING: Glyph.MEETING,
    TouchKind.SEMINAR: Glyph.SEMINAR,
    TouchKind.PRESENTATION: Glyph.PRESENTATION,
    TouchKind.PROPOSAL: Glyph.PROPOSAL,
    TouchKind.INVOICE: Glyph.INVOICE,
    TouchKind.CONTRACT: Glyph.CONTRACT,
    TouchKind.OTHER: Glyph.OTHER_TOUCH,
}


def touch_kind_glyph(kind: TouchKind) -> Glyph:
    """The glyph of a kind of touch, the same on cards, chips and lists."""
    return _TOUCH_KIND_GLYPHS[kind]


def icon(glyph: Glyph, colour: QColor | None = None) -> QIcon:
    """The icon of ``glyph`` in ``colour``, or in the palette's text colour when none is given."""
    tint = colour if colour is not None else _palette_colour(QPalette.ColorRole.WindowText)
    disabled = _palette_colour(QPalette.ColorRole.PlaceholderText)
    return _drawn_icon(glyph, tint.name(QColor.NameFormat.HexArgb), disabled.name())


GLYPH_PROPERTY = "glyph"
"""The property that remembers which glyph an action or button shows, to redraw it later."""


def set_glyph(target: QAction | QAbstractButton, glyph: Glyph) -> None:
    """Shows ``glyph`` on an action or button, redrawn when the colour scheme changes."""
    target.setProperty(GLYPH_PROPERTY, glyph.value)
    target.setIcon(icon(glyph))


def refresh_glyph_icons() -> None:
    """Redraws every glyph of actions and buttons in the palette's new colours."""
    for window in QApplication.topLevelWidgets():
        for target in (
            window,
            *window.findChildren(QAction),
            *window.findChildren(QAbstractButton),
        ):
            name = target.property(GLYPH_PROPERTY)
            if isinstance(name, str) and name and isinstance(target, QAction | QAbstractButton):
                target.setIcon(icon(Glyph(name)))


def warning_pixmap(side: int, colour: QColor) -> QPixmap:
    """The warning sign of message boxes (in the overdue red), instead of the style's stock one."""
    return icon(Glyph.WARNING, colour).pixmap(QSize(side, side))


def forget_icons() -> None:
    """Drops every drawn icon, for a change of colour scheme."""
    _drawn_icon.cache_clear()


def _palette_colour(role: QPalette.ColorRole) -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorGroup.Active, role)


@cache
def _drawn_icon(glyph: Glyph, colour: str, disabled_colour: str) -> QIcon:
    """Draws through qtawesome, imported here so a start-up that shows no icon never loads it."""
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    drawn: QIcon = qtawesome.icon(
        f"mdi6.{glyph.value}", color=colour, color_disabled=disabled_colour
    )
    return drawn
