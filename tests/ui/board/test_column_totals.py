"""Column headers count in the home currency: converted totals, unconverted leads, weighted."""

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft, Temperature
from planner.money import Money
from planner.services.board import add_leads
from planner.services.sender import set_sender_field
from planner.services.valuation import save_pipeline_settings
from planner.valuation import PipelineSettings
from planner.workspace import Workspace
from tests.ui.conftest import open_window
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


def _warm(name: str, amount: str, currency: str) -> tuple[LeadDraft, Column]:
    draft = LeadDraft(name, temperature=Temperature.WARM, value=Money.parse(amount, currency))
    return draft, Column.WARM


@pytest.fixture
def mixed_window(qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings) -> MainWindow:
    """Warm holds 100 EUR, 50 GBP and two PLN leads; GBP has a rate, PLN none."""
    set_sender_field(workspace, "currency", "EUR")
    save_pipeline_settings(workspace, PipelineSettings(rates={"GBP": Decimal("1.2")}))
    drafts = [
        _warm("Euro Bakery", "100.00", "EUR"),
        _warm("Pound Joinery", "50.00", "GBP"),
        _warm("Złoty One", "1000.00", "PLN"),
        _warm("Złoty Two", "500.00", "PLN"),
        (LeadDraft("No Value", temperature=Temperature.WARM), Column.WARM),
    ]
    add_leads(workspace, drafts, "Add leads")
    return open_window(qtbot, workspace, window_settings)


def test_a_column_total_is_one_sum_in_the_home_currency(mixed_window: MainWindow) -> None:
    header = mixed_window.board.panels[Column.WARM].header
    assert header.count_text() == "5 leads"
    assert header.total_text() == "160.00 EUR + 2 in other currencies"
    assert header.weighted_text() == "Weighted at 25%: 40.00 EUR"
    worth = header.worth
    assert worth is not None
    assert worth.total.unconverted_leads == 2


def test_the_breakdown_tooltip_has_a_short_line_per_currency(mixed_window: MainWindow) -> None:
    header = mixed_window.board.panels[Column.WARM].header
    lines = header.toolTip().splitlines()
    assert lines[:5] == [
        "Warm: 5 leads",
        "Total: 160.00 EUR",
        "  100.00 EUR (1 lead)",
        "  50.00 GBP (1 lead) at 1 GBP = 1.2 EUR",
        "  1,500.00 PLN (2 leads): no rate, not in the total",
    ]
    assert lines[-1] == "Weighted at 25%: 40.00 EUR"
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in lines)
    assert widest < mixed_window.width() / 2


def test_a_new_rate_converts_the_leads_left_out(mixed_window: MainWindow) -> None:
    settings = PipelineSettings(rates={"GBP": Decimal("1.2"), "PLN": Decimal("0.25")})
    mixed_window.operations.run(lambda ws: save_pipeline_settings(ws, settings))
    header = mixed_window.board.panels[Column.WARM].header
    assert header.total_text() == "535.00 EUR"
    mixed_window.undo_action.trigger()
    assert header.total_text() == "160.00 EUR + 2 in other currencies"


def test_closed_columns_show_no_weighted_total(mixed_window: MainWindow) -> None:
    header = mixed_window.board.panels[Column.WON].header
    assert header.total_text() == "No value"
    assert header.weighted_text() == ""
