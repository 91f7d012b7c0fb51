"""Pipeline settings are saved as one undoable step and totals count in the sender's currency."""

from decimal import Decimal

from planner.money import Money
from planner.services.sender import set_sender_field
from planner.services.valuation import (
    load_pipeline_settings,
    save_pipeline_settings,
    total_in_home_currency,
)
from planner.store.changes import revert
from planner.valuation import CurrencyAmount, PipelineSettings
from planner.workspace import Workspace


def test_saved_rates_convert_into_the_sender_profiles_currency(workspace: Workspace) -> None:
    set_sender_field(workspace, "currency", "GBP")
    save_pipeline_settings(workspace, PipelineSettings(rates={"EUR": Decimal("0.85")}))

    converted = total_in_home_currency(workspace, [CurrencyAmount(Money(1_000, "EUR"))])

    assert converted.total == Money(850, "GBP")


def test_saving_pipeline_settings_can_be_undone(workspace: Workspace) -> None:
    change = save_pipeline_settings(workspace, PipelineSettings(rates={"USD": Decimal("0.9")}))

    revert(workspace.db, change)

    assert load_pipeline_settings(workspace) == PipelineSettings.from_json(None)
