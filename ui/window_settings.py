"""What the window remembers between runs: its layout, the last database and recent files.

These are per-user preferences of the program, not data of a planner file, so they live in
QSettings rather than in the database. Tests pass a QSettings on an ini file in ``tmp_path``.
"""

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ui.common.theme import ColourScheme

MAX_RECENT_DATABASES = 8


class SettingName(StrEnum):
    """The keys stored in QSettings."""

    GEOMETRY = "window/geometry"
    STATE = "window/state"
    LAST_DATABASE = "files/last_database"
    RECENT_DATABASES = "files/recent_databases"
    COLOUR_SCHEME = "view/colour_scheme"


class WindowSettings:
    """Typed access to the window's QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def for_user(cls) -> "WindowSettings":
        """The user's own settings (needs the application's name and organisation set)."""
        return cls(QSettings())

    @property
    def qsettings(self) -> QSettings:
        """The underlying store."""
        return self._settings

    def last_database(self) -> Path | None:
        """The database open when the window last closed, if it still exists."""
        stored = self._settings.value(SettingName.LAST_DATABASE.value, "")
        if not isinstance(stored, str) or not stored:
            return None
        path = Path(stored)
        return path if path.is_file() else None

    def recent_databases(self) -> list[Path]:
        """Recently opened databases that still exist, newest first."""
        stored = self._settings.value(SettingName.RECENT_DATABASES.value, [])
        if isinstance(stored, str):
            stored = [stored]
        if not isinstance(stored, list):
            return []
        return [Path(item) for item in stored if isinstance(item, str) and Path(item).is_file()]

    def remember_database(self, path: Path) -> None:
        """Makes ``path`` the last database and the first recent one."""
        resolved = Path(path).resolve()
        recent = [item for item in self.recent_databases() if item.resolve() != resolved]
        recent.insert(0, resolved)
        self._settings.setValue(SettingName.LAST_DATABASE.value, str(resolved))
        self._settings.setValue(
            SettingName.RECENT_DATABASES.value,
            [str(item) for item in recent[:MAX_RECENT_DATABASES]],
        )
        self._settings.sync()

    def clear_recent_databases(self) -> None:
        """Forgets the recent files (the last database stays)."""
        self._settings.setValue(SettingName.RECENT_DATABASES.value, [])
        self._settings.sync()

    def geometry(self) -> QByteArray | None:
        """The saved window geometry, if any."""
        return self._bytes(SettingName.GEOMETRY)

    def state(self) -> QByteArray | None:
        """The saved toolbar and dock layout, if any."""
        return self._bytes(SettingName.STATE)

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        """Stores the window's geometry and state."""
        self._settings.setValue(SettingName.GEOMETRY.value, geometry)
        self._settings.setValue(SettingName.STATE.value, state)
        self._settings.sync()

    def colour_scheme(self) -> ColourScheme:
        """The colour scheme chosen in View ▸ Colour Scheme (the system's until one is chosen)."""
        stored = self._settings.value(SettingName.COLOUR_SCHEME.value, "")
        known = {scheme.value: scheme for scheme in ColourScheme}
        return (
            known.get(stored, ColourScheme.SYSTEM)
            if isinstance(stored, str)
            else ColourScheme.SYSTEM
        )

    def save_colour_scheme(self, scheme: ColourScheme) -> None:
        """Remembers the chosen colour scheme."""
        self._settings.setValue(SettingName.COLOUR_SCHEME.value, scheme.value)
        self._settings.sync()

    def _bytes(self, name: SettingName) -> QByteArray | None:
        stored = self._settings.value(name.value)
        return stored if isinstance(stored, QByteArray) and not stored.isEmpty() else None
