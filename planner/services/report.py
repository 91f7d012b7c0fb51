"""The dashboard's report: the store's aggregates turned into figures in the home currency.

The dashboard, ``planner report`` and the PDF report all come through here, so they agree.
"""

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from planner.clock import Clock
from planner.documents.batch import CancelCheck, ProgressCallback
from planner.metrics.period import Period
from planner.metrics.report import Report, build_report
from planner.metrics.selection import LeadSelection
from planner.services.valuation import load_valuation
from planner.store.database import open_reader
from planner.workspace import Workspace


def load_report(workspace: Workspace, period: Period) -> Report:
    """Every figure over ``period``; open pipeline and quiet leads as they are today."""
    facts = workspace.metrics.facts(period, workspace.clock.today())
    return build_report(facts, period, load_valuation(workspace))


def leads_behind(workspace: Workspace, selection: LeadSelection, period: Period) -> list[int]:
    """The ids of the leads a figure counts (a tile, a bar, a campaign), in board order."""
    return workspace.metrics.lead_ids(selection, period, workspace.clock.today())


@dataclass(frozen=True)
class ReadReport:
    """Reads the report on a worker thread, through its own connection (a SQLite connection
    belongs to the thread that opened it), so a large file never freezes the window."""

    database: Path
    period: Period
    clock: Clock

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> Report:
        """The report, as ``load_report`` gives it."""
        progress(0, 1)
        with closing(open_reader(self.database)) as reader:
            report = load_report(Workspace(self.database, reader, self.clock), self.period)
        progress(1, 1)
        return report
