"""An open planner file: the writer connection, the clock, and the stores over it.

Front ends open one ``Workspace`` and pass it to the services; tests open one on a file in
``tmp_path`` with a fixed clock.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlite_utils import Database

from planner.clock import Clock
from planner.store.backups import BackupReason
from planner.store.database import IntegrityCheck, open_planner_file
from planner.store.file_safety import DAILY, back_up_if_due
from planner.store.leads import LeadStore
from planner.store.settings import SettingsStore

if TYPE_CHECKING:
    from planner.store.campaigns import CampaignStore
    from planner.store.imports import ImportStore
    from planner.store.metrics import MetricsStore
    from planner.store.numbering import NumberRegister
    from planner.store.sales import CatalogueStore, DocumentStore
    from planner.store.touches import TouchStore

__all__ = ["APP_NAME", "IntegrityCheck", "Workspace", "default_database_path"]

APP_NAME = "planner"


def default_database_path() -> Path:
    """``planner.db`` in the platform's user data directory."""
    return user_data_path(APP_NAME, appauthor=False) / "planner.db"


@dataclass
class Workspace:
    """The database file a user works in, with what every service needs.

    The stores the board does not need import their modules when first asked for, so opening
    the window loads only what its first screen reads.

    ``read_only`` is true for a file the user may not write: every action is refused in words.
    ``notices`` says what opening did that the user should know (a damaged file restored from
    a backup, a backup that could not be made). ``integrity`` is ``DEFERRED`` when the file was
    opened without its integrity check: whoever opened it runs ``check_opened_file``
    (``planner.services.integrity``), which also makes the daily backup at open.
    """

    path: Path
    db: Database
    clock: Clock = field(default_factory=Clock)
    read_only: bool = False
    notices: tuple[str, ...] = ()
    integrity: IntegrityCheck = IntegrityCheck.AT_OPEN
    _changes_at_open: int = 0
    _closed: bool = False

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock | None = None,
        *,
        create: bool = False,
        integrity: IntegrityCheck = IntegrityCheck.AT_OPEN,
    ) -> "Workspace":
        """Opens or creates the file; raises DatabaseOpenError for files that are not ours.

        The path is made absolute, so that the status bar, recent files and messages name the
        file unmistakably whatever folder the program was started from. Only the default file's
        folder is created; ``create`` turns an empty file into a planner file. Opening checks
        the file's integrity (``IntegrityCheck.AT_OPEN``, repairing a damaged file from its
        newest sound backup) and backs it up when its newest backup is older than a day
        (``planner.store.file_safety``). With ``IntegrityCheck.DEFERRED`` both wait for the
        caller's ``check_opened_file``: only a copy of a sound file is a backup.
        """
        absolute = Path(path).expanduser().absolute()
        opened = open_planner_file(
            absolute,
            create=create,
            create_folder=absolute == default_database_path(),
            integrity=integrity,
        )
        notices = list(opened.notices)
        checked = opened.integrity is IntegrityCheck.AT_OPEN
        if checked and not opened.read_only and not opened.created:
            notices.extend(back_up_if_due(absolute, BackupReason.AT_OPEN, DAILY))
        return cls(
            absolute,
            opened.db,
            clock or Clock(),
            opened.read_only,
            tuple(notices),
            opened.integrity,
            opened.db.conn.total_changes,
        )

    @property
    def closed(self) -> bool:
        """True once ``close`` was called: the connection is gone."""
        return self._closed

    @property
    def changed_since_open(self) -> bool:
        """True once anything was written through this workspace (an action, undo or redo)."""
        return self.db.conn.total_changes > self._changes_at_open

    @property
    def leads(self) -> LeadStore:
        """Queries over leads and the board."""
        return LeadStore(self.db, self.clock)

    @property
    def settings(self) -> SettingsStore:
        """The stored settings."""
        return SettingsStore(self.db)

    @property
    def touches(self) -> "TouchStore":
        """Queries over touches: timelines, the calendar, the agenda."""
        from planner.store.touches import TouchStore

        return TouchStore(self.db)

    @property
    def campaigns(self) -> "CampaignStore":
        """Queries over campaigns and their targets."""
        from planner.store.campaigns import CampaignStore

        return CampaignStore(self.db)

    @property
    def catalogue(self) -> "CatalogueStore":
        """The catalogue of products and services."""
        from planner.store.sales import CatalogueStore

        return CatalogueStore(self.db)

    @property
    def documents(self) -> "DocumentStore":
        """Proposals, invoices and contracts."""
        from planner.store.sales import DocumentStore

        return DocumentStore(self.db)

    @property
    def numbers(self) -> "NumberRegister":
        """Which document numbers were taken, and which no document carries any more."""
        from planner.store.numbering import NumberRegister

        return NumberRegister(self.db)

    @property
    def imports(self) -> "ImportStore":
        """The import history, and what imports and exports read."""
        from planner.store.imports import ImportStore

        return ImportStore(self.db)

    @property
    def metrics(self) -> "MetricsStore":
        """The dashboard's aggregate queries."""
        from planner.store.metrics import MetricsStore

        return MetricsStore(self.db)

    def close(self, *, backup_after: timedelta = timedelta(0)) -> tuple[str, ...]:
        """Closes the connection (once; closing again does nothing); the file stays consistent
        (every write was committed).

        When anything changed, the file is backed up first, unless its newest backup is younger
        than ``backup_after`` (the command line waits an hour, so a script of a thousand commands
        does not copy the file a thousand times). Returns why a backup could not be made, if so.
        """
        if self._closed:
            return ()
        self._closed = True
        try:
            if self.changed_since_open and not self.read_only:
                return tuple(back_up_if_due(self.path, BackupReason.AT_CLOSE, backup_after))
            return ()
        finally:
            self.db.close()
