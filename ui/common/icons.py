"""The app's one icon set: Material Design Icons drawn from their offline icon font.

Widgets ask for an icon by what it means (``Glyph.NEW_LEAD``), never by a font name, so the set can
change in one place and menus, buttons, card markers and calendar chips always agree. Icons are
tinted with the palette's text colour unless a colour is given; ``forget_icons`` drops the cache
when the colour scheme changes so the next request is drawn in the new colours.

The font is the one the qtawesome package ships, but qtawesome's own code is not imported: it
loads a dozen icon fonts and their name tables, and the qtpy layer under it creates every Qt enum,
which cost the window a quarter of a second at start. Each glyph carries its code point here (a
test checks them against the font's name table), so drawing one is a character in a font.
"""

from enum import StrEnum
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QApplication

from planner.domain import TouchKind

if TYPE_CHECKING:
    from collections.abc import Mapping

FONT_PACKAGE = "qtawesome"
FONT_FILE_PATTERN = "materialdesignicons6-webfont-*.ttf"
"""Material Design Icons 6, as the font package ships it (its version is in the file name)."""

GLYPH_SCALE = 0.875
"""The glyph's size against its icon's height, leaving the margin icon fonts are drawn for."""


class Glyph(StrEnum):
    """An icon by its meaning; the value is its name in Material Design Icons 6, and
    ``codepoint`` is where the font keeps it."""

    codepoint: int

    def __new__(cls, name: str, codepoint: int) -> "Glyph":
        member = str.__new__(cls, name)
        member._value_ = name
        member.codepoint = codepoint
        return member

    NEW_LEAD = "account-plus-outline", 0xF0801
    MAIL_MERGE = "email-multiple-outline", 0xF0EE8
    CAMPAIGN = "bullhorn-outline", 0xF0B23
    SEARCH = "magnify", 0xF0349
    BOARD = "view-column-outline", 0xF1487
    CALENDAR = "calendar-month-outline", 0xF0E18
    DASHBOARD = "chart-box-outline", 0xF154E
    UNDO = "undo", 0xF054C
    REDO = "redo", 0xF044E
    PRINT = "printer-outline", 0xF1786
    PDF = "file-pdf-box", 0xF0226
    SAVE = "content-save-outline", 0xF0818
    OPEN = "folder-open-outline", 0xF0DCF
    ADD = "plus", 0xF0415
    DONE = "check", 0xF012C
    CLOSE = "close", 0xF0156
    DELETE = "delete-outline", 0xF09E7
    WARNING = "alert-circle-outline", 0xF05D6
    OVERDUE = "clock-alert-outline", 0xF05CE
    PLANNED = "calendar-clock", 0xF00F0
    NOTHING_PLANNED = "calendar-blank-outline", 0xF0B66
    LABEL = "label-outline", 0xF0316
    ENVELOPE = "email-outline", 0xF01F0
    HELP = "help-circle-outline", 0xF0625
    SETTINGS = "cog-outline", 0xF08BB
    IMPORT = "import", 0xF02FA
    EXPORT = "export", 0xF0207
    DATABASE = "database-outline", 0xF1632
    LIGHT = "weather-sunny", 0xF0599
    DARK = "weather-night", 0xF0594
    SYSTEM_THEME = "theme-light-dark", 0xF050E
    MONEY = "cash-multiple", 0xF0116
    WON = "trophy-outline", 0xF053A
    LOST = "cancel", 0xF073A
    DIRECT_MAIL_LETTER = "mailbox-outline", 0xF0D8C
    PROMOTION = "tag-outline", 0xF04FC
    POSTCARD = "card-text-outline", 0xF0B78
    SALES_LETTER = "file-document-edit-outline", 0xF0DC9
    PHONE_CALL = "phone-outline", 0xF0DF0
    EMAIL = "email-fast-outline", 0xF1870
    MEETING = "account-tie-outline", 0xF10CA
    SEMINAR = "account-group-outline", 0xF0B58
    PRESENTATION = "presentation", 0xF0428
    PROPOSAL = "file-sign", 0xF19C3
    INVOICE = "receipt-text-outline", 0xF19DC
    CONTRACT = "handshake-outline", 0xF15A1
    OTHER_TOUCH = "dots-horizontal-circle-outline", 0xF0B8D
    NEW_TOUCH = "calendar-plus", 0xF00F3
    NEW_DATABASE = "database-plus-outline", 0xF1633
    QUIT = "exit-to-app", 0xF0206
    OPEN_LEAD = "card-account-details-outline", 0xF0DAB
    MOVE_LEFT = "arrow-left-bold-outline", 0xF09C0
    MOVE_RIGHT = "arrow-right-bold-outline", 0xF09C2
    DEMO_DATA = "database-import-outline", 0xF162D
    LETTER = "file-document-outline", 0xF09EE
    TEMPLATES = "file-document-multiple-outline", 0xF1518
    SENDER = "card-account-mail-outline", 0xF0E98
    CALL_SHEET = "clipboard-list-outline", 0xF10D5
    PREVIOUS = "chevron-left", 0xF0141
    NEXT = "chevron-right", 0xF0142
    TODAY = "calendar-today", 0xF00F6
    WEEK = "calendar-week", 0xF0A33
    ABOUT = "information-outline", 0xF02FD
    CATALOGUE = "package-variant-closed", 0xF03D7
    ALL_DOCUMENTS = "file-multiple-outline", 0xF1032
    IMPORT_HISTORY = "history", 0xF02DA
    EMPTY_BOARD = "view-column-outline", 0xF1487
    EMPTY_AGENDA = "calendar-check-outline", 0xF0C44
    BACK_UP = "database-check-outline", 0xF1629
    RESTORE_BACKUP = "backup-restore", 0xF006F


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
    target.setProperty(GLYPH_PROPERTY, glyph.name)
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
                target.setIcon(icon(Glyph[name]))


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
    return QIcon(_GlyphEngine(chr(glyph.codepoint), QColor(colour), QColor(disabled_colour)))


class _GlyphEngine(QIconEngine):
    """Draws one character of the icon font at any size, in one colour and a disabled one."""

    def __init__(self, character: str, colour: QColor, disabled_colour: QColor) -> None:
        super().__init__()
        self._character = character
        self._colour = colour
        self._disabled_colour = disabled_colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(icon_font_family())
        font.setPixelSize(max(1, round(rect.height() * GLYPH_SCALE)))
        painter.save()
        painter.setFont(font)
        painter.setPen(self._disabled_colour if mode == QIcon.Mode.Disabled else self._colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._character)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        drawn = QPixmap(size * scale)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        self.paint(painter, QRect(QPoint(0, 0), drawn.size()), mode, state)
        painter.end()
        drawn.setDevicePixelRatio(scale)
        return drawn

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self._character, self._colour, self._disabled_colour)


@cache
def icon_font_file() -> Path:
    """The icon font's file inside its package, found without running the package's code.

    qtawesome keeps its fonts in ``fonts/`` beside its code, one file per icon set and version;
    if a release moved them, this says so in words rather than drawing
    blank icons, and ``test_every_glyph_sits_where_the_fonts_name_table_says`` fails.
    """
    spec = find_spec(FONT_PACKAGE)
    folders = spec.submodule_search_locations if spec is not None else None
    found = sorted(Path(folders[0]).glob(f"fonts/{FONT_FILE_PATTERN}")) if folders else []
    if not found:
        raise FileNotFoundError(
            f"The icon font ({FONT_FILE_PATTERN}) is missing: reinstall the {FONT_PACKAGE} package."
        )
    return found[-1]


@cache
def icon_font_family() -> str:
    """Loads the icon font into the application once; the family name to draw with."""
    loaded = QFontDatabase.addApplicationFont(str(icon_font_file()))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    if not families:
        raise RuntimeError(f"Qt could not load the icon font {icon_font_file()}.")
    return families[0]
