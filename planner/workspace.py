"""An open planner file: the writer connection, the clock, and the stores over it.

Front ends open one ``Workspace`` and pass it to the services; tests open one on a file in
``tmp_path`` with a fixed clock.
"""

from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path
from sqlite_utils import Database

from planner.clock import Clock
from planner.store.campaigns import CampaignStore
from planner.store.database import open_database
from planner.store.leads import LeadStore
from planner.store.metrics import MetricsStore
from planner.store.settings import SettingsStore
from planner.store.touches import TouchStore

APP_NAME = "planner"


def default_database_path() -> Path:
    """``planner.db`` in the platform's user data directory."""
    return user_data_path(APP_NAME, appauthor=False) / "planner.db"


@dataclass
class Workspace:
    """The database file a user works in, with what every service needs."""

    path: Path
    db: Database
    clock: Clock = field(default_factory=Clock)

    @classmethod
    def open(cls, path: Path, clock: Clock | None = None) -> "Workspace":
        """Opens or creates the file; raises DatabaseOpenError for files that are not ours.

        The path is made absolute, so that the status bar, recent files and messages name the
        file unmistakably whatever folder the program was started from.
        """
        absolute = Path(path).expanduser().absolute()
        return cls(absolute, open_database(absolute), clock or Clock())

    @property
    def leads(self) -> LeadStore:
        """Queries over leads and the board."""
        return LeadStore(self.db, self.clock)

    @property
    def settings(self) -> SettingsStore:
        """The stored settings."""
        return SettingsStore(self.db)

    @property
    def touches(self) -> TouchStore:
        """Queries over touches: timelines, the calendar, the agenda."""
        return TouchStore(self.db)

    @property
    def campaigns(self) -> CampaignStore:
        """Queries over campaigns and their targets."""
        return CampaignStore(self.db)

    @property
    def metrics(self) -> MetricsStore:
        """The dashboard's aggregate queries."""
        return MetricsStore(self.db)

    def close(self) -> None:
        """Closes the connection; the file stays consistent (every write was committed)."""
        self.db.close()
