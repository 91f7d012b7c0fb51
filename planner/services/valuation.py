"""The pipeline's worth in the home currency: loading and saving rates, probabilities and limits.

The home currency is the sender profile's, so the letters, the board and the dashboard agree on
which currency the business counts in.
"""

from collections.abc import Mapping

from planner.changes import Change
from planner.domain import Column
from planner.money import Money
from planner.read_models import ColumnSummary
from planner.services.actions import user_action
from planner.services.sender import load_sender_profile
from planner.services.settings import save_setting
from planner.store.settings import SettingKey
from planner.valuation import (
    BoardWorth,
    CurrencyAmount,
    PipelineSettings,
    Valuation,
)
from planner.workspace import Workspace


def home_currency(workspace: Workspace) -> str:
    """The currency the business counts in: the sender profile's."""
    return load_sender_profile(workspace).currency


def load_pipeline_settings(workspace: Workspace) -> PipelineSettings:
    """The saved rates, probabilities and stale limits, with defaults for what was never set."""
    return PipelineSettings.from_json(workspace.settings.get(SettingKey.PIPELINE))


@user_action
def save_pipeline_settings(workspace: Workspace, settings: PipelineSettings) -> Change:
    """Stores rates, probabilities and stale limits as one undoable step."""
    return save_setting(
        workspace, SettingKey.PIPELINE, settings.to_json(), "Change pipeline settings"
    )


def summary_amounts(summary: ColumnSummary) -> list[CurrencyAmount]:
    """A column summary's sums per currency, each with the number of leads it comes from."""
    return [
        CurrencyAmount(Money(minor, code), summary.value_counts.get(code, 1))
        for code, minor in sorted(summary.totals.items())
    ]


def load_valuation(workspace: Workspace) -> Valuation:
    """The home currency and the pipeline settings, read once for a whole board."""
    return Valuation(home_currency(workspace), load_pipeline_settings(workspace))


def board_worth(workspace: Workspace, summaries: Mapping[Column, ColumnSummary]) -> BoardWorth:
    """Each column's total in the home currency and its weighted total, from its summary.

    Works on the summaries already read, so converting costs no further query over the leads:
    one read of the sender profile and one of the pipeline settings.
    """
    valuation = load_valuation(workspace)
    columns = {
        column: valuation.worth(column, summary_amounts(summary))
        for column, summary in summaries.items()
    }
    return BoardWorth(valuation, columns)
