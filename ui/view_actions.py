"""The View menu and the window's toolbar: the colour scheme, the screens, and the main actions.

The screens (board, calendar, …) are switched by checkable actions, one per screen, on the
toolbar and in the View menu with Ctrl+1, Ctrl+2, …; the tab bar of old is hidden. The colour
scheme (System / Light / Dark) is applied by the ``ThemeManager`` and kept in the window settings.
"""

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QTabWidget, QToolBar, QWidget

from ui.common.icons import Glyph, set_glyph
from ui.common.theme import SIZES, ColourScheme, ThemeManager, scaled
from ui.window_settings import WindowSettings

MAX_NUMBERED_SCREENS = 9
"""Screens one Ctrl+digit away."""


class ViewActions(QObject):
    """The screen switches, the colour scheme choice and the main toolbar of a window."""

    def __init__(
        self,
        window: QWidget,
        screens: QTabWidget,
        theme: ThemeManager,
        settings: WindowSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._screens = screens
        self._theme = theme
        self._settings = settings
        self.screen_group = QActionGroup(self)
        self.screen_group.setExclusive(True)
        self.screen_actions: list[QAction] = []
        self._toolbar_filled = False
        self.scheme_group = QActionGroup(self)
        self.scheme_group.setExclusive(True)
        self.scheme_actions: dict[ColourScheme, QAction] = {}
        for scheme in ColourScheme:
            action = QAction(scheme.label, self)
            action.setCheckable(True)
            action.setChecked(scheme is theme.choice)
            action.triggered.connect(lambda _checked=False, scheme=scheme: self.choose(scheme))
            self.scheme_group.addAction(action)
            self.scheme_actions[scheme] = action
        set_glyph(self.scheme_actions[ColourScheme.SYSTEM], Glyph.SYSTEM_THEME)
        set_glyph(self.scheme_actions[ColourScheme.LIGHT], Glyph.LIGHT)
        set_glyph(self.scheme_actions[ColourScheme.DARK], Glyph.DARK)
        self.toolbar = QToolBar("Main Toolbar", window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        line = QFontMetrics(window.font()).height()
        side = scaled(SIZES.toolbar_icon, line)
        self.toolbar.setIconSize(QSize(side, side))
        self.toolbar.toggleViewAction().setText("&Toolbar")
        screens.setTabBarAutoHide(False)
        screens.tabBar().hide()
        screens.currentChanged.connect(self._screen_shown)

    def choose(self, scheme: ColourScheme) -> None:
        """Shows ``scheme`` from now on and remembers it."""
        self._theme.set_choice(scheme)
        self.scheme_actions[scheme].setChecked(True)
        self._settings.save_colour_scheme(scheme)

    def add_screen_switch(self, title: str, widget: QWidget, glyph: Glyph | None) -> QAction:
        """A checkable action that shows ``widget``; the first nine get Ctrl+1 … Ctrl+9."""
        action = QAction(f"&{title}", self._window)
        action.setCheckable(True)
        action.setObjectName(f"show-{title.lower()}")
        index = len(self.screen_actions)
        if index < MAX_NUMBERED_SCREENS:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setToolTip(f"Show the {title.lower()} (Ctrl+{index + 1})")
        if glyph is not None:
            set_glyph(action, glyph)
        action.triggered.connect(lambda: self._screens.setCurrentWidget(widget))
        self.screen_group.addAction(action)
        self.screen_actions.append(action)
        if self._toolbar_filled:
            self.toolbar.addAction(action)
        self._window.addAction(action)
        action.setChecked(self._screens.currentWidget() is widget)
        return action

    def fill_toolbar(self, main_actions: Iterable[QAction | None]) -> None:
        """The main actions (``None`` for a separator), then the screen switches at the right."""
        for action in main_actions:
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        for action in self.screen_actions:
            self.toolbar.addAction(action)
        self._toolbar_filled = True

    def add_to(self, menu: QMenu) -> None:
        """Fills the View menu."""
        for action in self.screen_actions:
            menu.addAction(action)
        menu.addSeparator()
        schemes = menu.addMenu("Colour &Scheme")
        set_glyph(schemes.menuAction(), Glyph.SYSTEM_THEME)
        for action in self.scheme_actions.values():
            schemes.addAction(action)
        menu.addAction(self.toolbar.toggleViewAction())

    def _screen_shown(self, index: int) -> None:
        if 0 <= index < len(self.screen_actions):
            self.screen_actions[index].setChecked(True)
