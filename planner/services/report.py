"""The dashboard's report: the store's aggregates turned into figures in the home currency.

The dashboard, ``planner report`` and the PDF report all come through here, so they agree.
"""

from planner.metrics.period import Period
from planner.metrics.report import Report, build_report
from planner.metrics.selection import LeadSelection
from planner.services.valuation import home_currency, load_pipeline_settings
from planner.workspace import Workspace


def load_report(workspace: Workspace, period: Period) -> Report:
    """Every figure over ``period``; open pipeline and quiet leads as they are today."""
    facts = workspace.metrics.facts(period, workspace.clock.today())
    return build_report(facts, period, home_currency(workspace), load_pipeline_settings(workspace))


def leads_behind(workspace: Workspace, selection: LeadSelection, period: Period) -> list[int]:
    """The ids of the leads a figure counts (a tile, a bar, a campaign), in board order."""
    return workspace.metrics.lead_ids(selection, period, workspace.clock.today())
