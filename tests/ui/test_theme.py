"""The look: light and dark palettes, the system's scheme, the View menu's choice, icons redrawn."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from planner.domain import Column
from ui.common.theme import DARK, LIGHT, ColourScheme, ThemeManager, palette_is_dark, theme_colours
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


@pytest.fixture
def theme(main_window: MainWindow) -> Iterator[ThemeManager]:
    """The window's theme manager; the light scheme of the other tests comes back afterwards."""
    yield main_window.theme
    main_window.theme.follow_system_scheme(Qt.ColorScheme.Light)
    main_window.theme.set_choice(ColourScheme.SYSTEM)


def _ink(icon: QIcon) -> QColor:
    """The colour of an icon's most opaque pixel: what the glyph is drawn in."""
    image = icon.pixmap(QSize(24, 24)).toImage()
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best.alpha():
                best = pixel
    return best


def test_the_window_uses_fusion_with_the_project_palette(main_window: MainWindow) -> None:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    assert main_window.theme.style_name == "fusion"
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == QColor(LIGHT.window)
    assert "dialogbuttonbox-buttons-have-icons: 0" in application.styleSheet()
    cards = main_window.board.view(Column.COLD).palette()
    assert cards.color(QPalette.ColorRole.Base) == QColor(LIGHT.surface), "cards paint on Base"


def test_the_view_menu_switches_to_dark_and_back(
    main_window: MainWindow, theme: ThemeManager, window_settings: WindowSettings
) -> None:
    new_lead = main_window.lead_actions.new_lead
    light_ink = _ink(new_lead.icon())
    main_window.view_actions.scheme_actions[ColourScheme.DARK].trigger()
    palette = QGuiApplication.palette()
    assert palette_is_dark(palette)
    assert palette.color(QPalette.ColorRole.Base) == QColor(DARK.surface)
    assert main_window.board.palette().color(QPalette.ColorRole.Base) == QColor(DARK.surface)
    assert theme_colours() is DARK
    dark_ink = _ink(new_lead.icon())
    assert dark_ink.lightnessF() > 0.6 > light_ink.lightnessF()
    assert window_settings.colour_scheme() is ColourScheme.DARK
    main_window.view_actions.scheme_actions[ColourScheme.LIGHT].trigger()
    assert not palette_is_dark(QGuiApplication.palette())
    assert _ink(new_lead.icon()).lightnessF() < 0.4


def test_the_system_scheme_is_followed_until_the_user_picks_one(
    main_window: MainWindow, theme: ThemeManager
) -> None:
    main_window.view_actions.scheme_actions[ColourScheme.SYSTEM].trigger()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette_is_dark(QGuiApplication.palette())
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not palette_is_dark(QGuiApplication.palette())
    main_window.view_actions.scheme_actions[ColourScheme.LIGHT].trigger()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not palette_is_dark(QGuiApplication.palette())


def test_the_chosen_scheme_is_applied_when_the_next_window_opens(
    main_window: MainWindow, theme: ThemeManager, window_settings: WindowSettings
) -> None:
    window_settings.save_colour_scheme(ColourScheme.DARK)
    again = MainWindow(main_window.workspace, window_settings)
    try:
        assert again.view_actions.scheme_actions[ColourScheme.DARK].isChecked()
        assert palette_is_dark(QGuiApplication.palette())
    finally:
        again.deleteLater()
