"""Pipeline settings are saved as one undoable step and totals count in the sender's currency."""

from decimal import Decimal

from planner.domain import Column, LeadDraft, Temperature
from planner.money import Money
from planner.services.board import add_leads
from planner.services.sender import set_sender_field
from planner.services.valuation import (
    board_worth,
    home_currency,
    load_pipeline_settings,
    save_pipeline_settings,
)
from planner.store.changes import revert
from planner.valuation import CurrencyAmount, PipelineSettings, convert_total
from planner.workspace import Workspace


def test_saved_rates_convert_into_the_sender_profiles_currency(workspace: Workspace) -> None:
    set_sender_field(workspace, "currency", "GBP")
    save_pipeline_settings(workspace, PipelineSettings(rates={"EUR": Decimal("0.85")}))

    amounts = [CurrencyAmount(Money(1_000, "EUR"))]
    converted = convert_total(amounts, home_currency(workspace), load_pipeline_settings(workspace))

    assert converted.total == Money(850, "GBP")


def test_saving_pipeline_settings_can_be_undone(workspace: Workspace) -> None:
    change = save_pipeline_settings(workspace, PipelineSettings(rates={"USD": Decimal("0.9")}))

    revert(workspace.db, change)

    assert load_pipeline_settings(workspace) == PipelineSettings.from_json(None)


def test_board_worth_converts_each_columns_summary_and_weights_it(workspace: Workspace) -> None:
    set_sender_field(workspace, "currency", "EUR")
    save_pipeline_settings(workspace, PipelineSettings(rates={"USD": Decimal("0.5")}))
    drafts = [
        (LeadDraft("A", temperature=Temperature.HOT, value=Money(10_000, "EUR")), Column.HOT),
        (LeadDraft("B", temperature=Temperature.HOT, value=Money(4_000, "USD")), Column.HOT),
        (LeadDraft("C", temperature=Temperature.HOT, value=Money(300, "JPY")), Column.HOT),
        (LeadDraft("D", temperature=Temperature.HOT, value=Money(200, "JPY")), Column.HOT),
        (LeadDraft("E", value=Money(999, "EUR")), Column.WON),
    ]
    add_leads(workspace, drafts, "Add leads")

    worth = board_worth(workspace, workspace.leads.summaries())

    hot = worth.columns[Column.HOT]
    assert hot.total.total == Money(12_000, "EUR")
    assert hot.total.unconverted_leads == 2
    assert hot.weighted == Money(7_200, "EUR")
    assert worth.columns[Column.WON].weighted == Money(999, "EUR")
    assert worth.columns[Column.LOST].total.total == Money(0, "EUR")
    assert worth.valuation.home_currency == "EUR"
