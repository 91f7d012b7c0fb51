"""Imports as jobs for a worker thread: each opens its own connection to the file.

A SQLite connection belongs to the thread that opened it, so the window's worker cannot use the
window's workspace. ``ReadSourceJob`` reads the file, ``PlanImportJob`` checks its rows against
the planner file, ``RunImportJob`` writes the plan in one transaction on its own connection (WAL
lets the window keep reading meanwhile) and hands back the ``Change``, which the window puts on
its undo stack like any action's.
"""

from dataclasses import dataclass, field
from pathlib import Path

from planner.changes import Change
from planner.clock import Clock
from planner.documents.batch import CancelCheck, ProgressCallback
from planner.interop.csv_reading import CsvDialect
from planner.interop.mapping import ColumnMapping
from planner.interop.source_files import SourceChoice, read_source
from planner.interop.source_table import SourceTable
from planner.services.cancelling import ImportCancelledError
from planner.services.import_planning import ImportOptions, ImportPlan, plan_import
from planner.services.importing import run_import
from planner.workspace import IntegrityCheck, Workspace


@dataclass(frozen=True)
class ReadSourceJob:
    """Reads the file to import (100,000 rows take seconds, so not on the GUI thread)."""

    path: Path
    choice: SourceChoice = field(default_factory=SourceChoice)

    def __call__(
        self, progress: ProgressCallback, cancelled: CancelCheck
    ) -> tuple[SourceTable, CsvDialect | None]:
        read = read_source(self.path, self.choice)
        if cancelled():
            raise ImportCancelledError
        return read


def _job_workspace(database: Path, clock: Clock) -> Workspace:
    """A second connection to the window's file, for a job's thread.

    It leaves the file's integrity to the window, which checks it once the board has painted
    (``ui.deferred_check``): a job checking again would read the whole file a second time, and a
    job finding damage must not set aside the file the window is working in.
    """
    return Workspace.open(database, clock, integrity=IntegrityCheck.DEFERRED)


@dataclass(frozen=True)
class PlanImportJob:
    """Converts, checks and matches every row of a file against the planner file at ``path``."""

    database: Path
    clock: Clock
    file_name: str
    table: SourceTable
    mapping: ColumnMapping
    options: ImportOptions

    def __call__(self, progress: ProgressCallback, cancelled: CancelCheck) -> ImportPlan:
        workspace = _job_workspace(self.database, self.clock)
        try:
            return plan_import(
                workspace,
                self.file_name,
                self.table,
                self.mapping,
                self.options,
                progress,
                cancelled,
            )
        finally:
            workspace.close()


@dataclass(frozen=True)
class RunImportJob:
    """Writes a plan to the planner file at ``path``; cancelling rolls it all back."""

    database: Path
    clock: Clock
    plan: ImportPlan

    def __call__(self, progress: ProgressCallback, cancelled: CancelCheck) -> Change:
        workspace = _job_workspace(self.database, self.clock)
        try:
            return run_import(workspace, self.plan, progress, cancelled)
        finally:
            workspace.close()
