"""The look of the whole app in one place: design tokens, the light and dark palettes, a small
style sheet, and the manager that applies them and follows the system's colour scheme.

Every screen takes its spacings, radii and colours from here, so cards, columns, dialogs and the
calendar agree, and a change of look is a change to this file. Sizes are fractions of the font's
line height (they follow the user's font and DPI); colours come in a light and a dark set of the
same names. Painted widgets read ``theme_colours(palette)`` at paint time, so switching the scheme
only needs a repaint, which Qt sends with the new palette.

Qt's Fusion style draws the controls: it looks the same on every platform and honours a palette
fully, which the native styles do not.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from planner.domain import Channel, Column
from ui.common.icons import forget_icons, refresh_glyph_icons

if TYPE_CHECKING:
    from collections.abc import Mapping

THEME_STYLE = "Fusion"
"""The widget style under the palette and the style sheet."""


@dataclass(frozen=True)
class Sizes:
    """Spacings and radii as fractions of the font's line height (see ``scaled``)."""

    spacing: float = 0.6
    """Between the board's columns, and around a screen's edge."""
    small_spacing: float = 0.3
    """Between a column's header and its cards, between a label and its field."""
    card_radius: float = 0.32
    """The corners of a card on the board."""
    lane_radius: float = 0.45
    """The corners of a column's lane behind its cards."""
    chip_radius: float = 0.25
    """The corners of a touch chip on the calendar."""
    bar_radius: float = 0.3
    """The corners of a campaign bar on the calendar."""
    control_radius: float = 0.3
    """The corners of buttons, fields and tool buttons (the style sheet)."""
    icon: float = 1.15
    """A menu, button or chip icon."""
    toolbar_icon: float = 1.35
    """An icon on the window's toolbar."""
    empty_state_icon: float = 4.0
    """The big icon of an empty state."""


SIZES = Sizes()
"""The one set of sizes every screen uses."""


def scaled(fraction: float, line: float) -> int:
    """A size token in pixels for a font whose line is ``line`` pixels high (at least 1)."""
    return max(1, round(fraction * line))


_LIGHT_ACCENTS = MappingProxyType(
    {
        Column.COLD: "#2f7fd8",
        Column.WARM: "#e08a1e",
        Column.HOT: "#d9432f",
        Column.WON: "#2e9e5b",
        Column.LOST: "#8a8f98",
    }
)
_DARK_ACCENTS = MappingProxyType(
    {
        Column.COLD: "#5b9de6",
        Column.WARM: "#eaa043",
        Column.HOT: "#e8685a",
        Column.WON: "#4cb87a",
        Column.LOST: "#9aa0a9",
    }
)


CHANNEL_COLOURS = MappingProxyType(
    {
        Channel.DIRECT_MAIL: "#00897b",
        Channel.PROMOTION: "#8e44ad",
        Channel.SEMINAR: "#3949ab",
        Channel.EMAIL: "#0277bd",
        Channel.PHONE: "#558b2f",
        Channel.ADVERTISING: "#c2185b",
        Channel.OTHER: "#6d6f75",
    }
)
"""A campaign bar's fill per channel, dark enough for white text in both schemes."""


class Appearance(StrEnum):
    """The scheme actually shown: light or dark."""

    LIGHT = "light"
    DARK = "dark"


class ColourScheme(StrEnum):
    """What the user chose in View ▸ Colour scheme: follow the system, or always one."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """The menu item's text."""
        return {
            ColourScheme.SYSTEM: "&System Setting",
            ColourScheme.LIGHT: "&Light",
            ColourScheme.DARK: "&Dark",
        }[self]


@dataclass(frozen=True)
class ThemeColours:
    """The colours of one scheme, named by what they are for (``#rrggbb`` strings)."""

    appearance: Appearance
    window: str
    """Behind everything: the window, toolbars, dialogs."""
    surface: str
    """Cards, fields, lists and the calendar grid."""
    alternate_surface: str
    """Every other row of a list, a quiet hover."""
    lane: str
    """A board column's background, behind its cards."""
    text: str
    muted_text: str
    """Secondary text: counts, dates, hints."""
    placeholder: str
    """Disabled text and field placeholders."""
    border: str
    """Field and button outlines, grid lines."""
    control: str
    """A button's face."""
    control_hover: str
    accent: str
    """Selection, focus, the primary button."""
    accent_text: str
    """Text on the accent."""
    link: str
    tooltip: str
    tooltip_text: str
    overdue: str
    """The one red that means "act now"."""
    done: str
    """A finished touch's tick."""
    column_accents: "Mapping[Column, str]" = field(default_factory=dict)
    """One accent per board column: header bars, card stripes, chip stripes."""

    def colour(self, name: str) -> QColor:
        """One of the colours above as a QColor, by attribute name."""
        return QColor(str(getattr(self, name)))

    def column_accent(self, column: Column) -> QColor:
        """The accent of a board column."""
        return QColor(self.column_accents[column])


LIGHT = ThemeColours(
    appearance=Appearance.LIGHT,
    window="#f3f4f6",
    surface="#ffffff",
    alternate_surface="#f7f8fa",
    lane="#e8eaee",
    text="#1d2127",
    muted_text="#5f6670",
    placeholder="#9aa0a8",
    border="#cfd3da",
    control="#ffffff",
    control_hover="#eceef2",
    accent="#2d6fd2",
    accent_text="#ffffff",
    link="#1f5fbf",
    tooltip="#ffffff",
    tooltip_text="#1d2127",
    overdue="#c62828",
    done="#2e9e5b",
    column_accents=_LIGHT_ACCENTS,
)

DARK = ThemeColours(
    appearance=Appearance.DARK,
    window="#1c1e22",
    surface="#25282d",
    alternate_surface="#2a2d33",
    lane="#2c2f35",
    text="#e5e7eb",
    muted_text="#a2a8b1",
    placeholder="#6f7680",
    border="#3d424a",
    control="#30343a",
    control_hover="#3a3f46",
    accent="#4a8ae8",
    accent_text="#ffffff",
    link="#7db0ff",
    tooltip="#30343a",
    tooltip_text="#e5e7eb",
    overdue="#ef5350",
    done="#4cb87a",
    column_accents=_DARK_ACCENTS,
)


def colours_for(appearance: Appearance) -> ThemeColours:
    """The colours of a scheme."""
    return DARK if appearance is Appearance.DARK else LIGHT


def palette_is_dark(palette: QPalette) -> bool:
    """True for dark palettes, where tints must be lighter to show."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def theme_colours(palette: QPalette | None = None) -> ThemeColours:
    """The colours matching ``palette`` (the application's when none is given)."""
    shown = palette if palette is not None else QGuiApplication.palette()
    return DARK if palette_is_dark(shown) else LIGHT


def theme_palette(colours: ThemeColours) -> QPalette:
    """A full QPalette of the scheme, disabled colours included."""
    role = QPalette.ColorRole
    palette = QPalette()
    assignments = {
        role.Window: colours.window,
        role.WindowText: colours.text,
        role.Base: colours.surface,
        role.AlternateBase: colours.alternate_surface,
        role.Text: colours.text,
        role.Button: colours.control,
        role.ButtonText: colours.text,
        role.BrightText: colours.accent_text,
        role.Highlight: colours.accent,
        role.HighlightedText: colours.accent_text,
        role.Link: colours.link,
        role.LinkVisited: colours.link,
        role.ToolTipBase: colours.tooltip,
        role.ToolTipText: colours.tooltip_text,
        role.PlaceholderText: colours.placeholder,
        role.Light: colours.control_hover,
        role.Midlight: colours.lane,
        role.Mid: colours.border,
        role.Dark: colours.border,
        role.Shadow: "#000000",
    }
    for colour_role, value in assignments.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor(colours.placeholder))
    palette.setColor(disabled, role.Highlight, QColor(colours.border))
    if hasattr(role, "Accent"):
        palette.setColor(role.Accent, QColor(colours.accent))
    return palette


def theme_style_sheet(colours: ThemeColours, line: int) -> str:
    """The small style sheet over Fusion: rounded buttons and fields, a flat toolbar, lanes,
    quiet labels, and no stock icons on dialog buttons (the old green tick and red cross)."""
    radius = scaled(SIZES.control_radius, line)
    lane_radius = scaled(SIZES.lane_radius, line)
    pad_y = scaled(0.22, line)
    pad_x = scaled(0.8, line)
    scroll = max(8, scaled(0.6, line))
    c = colours
    return f"""
* {{ dialogbuttonbox-buttons-have-icons: 0; }}
QToolTip {{ background-color: {c.tooltip}; color: {c.tooltip_text};
    border: 1px solid {c.border}; padding: {pad_y}px {pad_y * 2}px; }}
QPushButton {{ background-color: {c.control}; color: {c.text}; border: 1px solid {c.border};
    border-radius: {radius}px; padding: {pad_y}px {pad_x}px; min-height: {round(line * 1.1)}px; }}
QPushButton:hover {{ background-color: {c.control_hover}; }}
QPushButton:pressed {{ background-color: {c.lane}; }}
QPushButton:focus {{ border-color: {c.accent}; }}
QPushButton:default, QPushButton[primary="true"] {{ background-color: {c.accent};
    color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton:default:hover, QPushButton[primary="true"]:hover {{ border-color: {c.text}; }}
QPushButton:disabled {{ color: {c.placeholder}; background-color: {c.window}; }}
QPushButton::menu-indicator {{ subcontrol-position: right center; right: {pad_y * 2}px; }}
QLineEdit {{ background-color: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    border-radius: {radius}px; padding: {pad_y}px {pad_y * 2}px; }}
QLineEdit:focus {{ border-color: {c.accent}; }}
QLineEdit:disabled {{ color: {c.placeholder}; background-color: {c.window}; }}
QToolBar {{ background-color: {c.window}; border: none; border-bottom: 1px solid {c.border};
    spacing: {pad_y * 2}px; padding: {pad_y}px {pad_y * 2}px; }}
QToolBar QToolButton {{ border: 1px solid transparent; border-radius: {radius}px;
    padding: {pad_y}px; }}
QToolBar QToolButton:hover {{ background-color: {c.control_hover}; }}
QToolBar QToolButton:checked {{ background-color: {c.lane}; border-color: {c.border}; }}
QStatusBar {{ color: {c.muted_text}; }}
QScrollBar:vertical {{ background: transparent; width: {scroll}px; margin: 0; }}
QScrollBar:horizontal {{ background: transparent; height: {scroll}px; margin: 0; }}
QScrollBar::handle {{ background-color: {c.border}; border-radius: {scroll // 2 - 1}px;
    min-height: {line * 2}px; min-width: {line * 2}px; margin: 2px; }}
QScrollBar::handle:hover {{ background-color: {c.placeholder}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QFrame[lane="true"] {{ background-color: {c.lane}; border-radius: {lane_radius}px; }}
QLabel[tone="muted"] {{ color: {c.muted_text}; }}
QLabel[tone="alert"] {{ color: {c.overdue}; }}
QLabel[tone="title"] {{ color: {c.text}; font-weight: bold; }}
"""


class Tone(StrEnum):
    """How a label's text reads, coloured by the style sheet so it follows the scheme."""

    NORMAL = ""
    MUTED = "muted"
    ALERT = "alert"
    TITLE = "title"


def set_tone(widget: QWidget, tone: Tone) -> None:
    """Colours a label's text by its meaning (quiet, alarming), in the current and later schemes."""
    if widget.property("tone") == tone.value:
        return
    widget.setProperty("tone", tone.value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def mark_lane(frame: QWidget) -> None:
    """Gives a board column's frame the lane background and corners of the style sheet."""
    frame.setProperty("lane", True)


class ThemeManager(QObject):
    """Applies the chosen scheme to the application and follows the system while it is chosen.

    One per application (``for_application``): the View menu sets the choice, the window keeps it
    in its settings.

    Signals:
        applied(object): the ``Appearance`` just applied (icons are already redrawn).
    """

    applied = Signal(object)

    def __init__(self, application: QApplication) -> None:
        super().__init__(application)
        self.setObjectName("theme-manager")
        self._application = application
        self._choice = ColourScheme.SYSTEM
        self._system = _system_appearance(application.styleHints().colorScheme())
        self._appearance: Appearance | None = None
        self._style_name: str | None = None
        application.styleHints().colorSchemeChanged.connect(self.follow_system_scheme)

    @classmethod
    def for_application(cls, application: QApplication | None = None) -> "ThemeManager":
        """The application's manager, made on first use."""
        app = application or QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("The theme needs a QApplication")
        existing = app.findChild(ThemeManager, "theme-manager")
        return existing if existing is not None else cls(app)

    @property
    def choice(self) -> ColourScheme:
        """What the user chose."""
        return self._choice

    @property
    def style_name(self) -> str | None:
        """The widget style set under the style sheet (``fusion``), once applied."""
        return self._style_name

    @property
    def appearance(self) -> Appearance:
        """The scheme shown: the choice, or for ``SYSTEM`` the system's."""
        if self._choice is ColourScheme.LIGHT:
            return Appearance.LIGHT
        if self._choice is ColourScheme.DARK:
            return Appearance.DARK
        return self._system

    def set_choice(self, choice: ColourScheme) -> None:
        """Shows ``choice`` from now on."""
        self._choice = choice
        self.apply()

    def follow_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The system switched light or dark: follow it when the user chose to."""
        self._system = _system_appearance(scheme)
        if self._choice is ColourScheme.SYSTEM:
            self.apply()

    def apply(self) -> None:
        """Sets the style, palette and style sheet of the scheme, and redraws the icons.

        Nothing happens when that scheme is already shown, so opening windows costs nothing.
        """
        appearance = self.appearance
        app = self._application
        colours = colours_for(appearance)
        if self._style_name is None:
            style = QStyleFactory.create(THEME_STYLE)
            if style is not None:
                self._style_name = style.name()
                app.setStyle(style)
        sheet = theme_style_sheet(colours, QFontMetrics(app.font()).height())
        if appearance is self._appearance and app.styleSheet() == sheet:
            return
        self._appearance = appearance
        app.setPalette(theme_palette(colours))
        app.setStyleSheet(sheet)
        forget_icons()
        refresh_glyph_icons()
        self.applied.emit(appearance)


def _system_appearance(scheme: Qt.ColorScheme) -> Appearance:
    """The system's scheme; light when the platform does not say."""
    return Appearance.DARK if scheme == Qt.ColorScheme.Dark else Appearance.LIGHT
