"""Edit ▸ Pipeline Settings…: rates, probabilities and stale limits, saved as one undoable step."""

from decimal import Decimal

from PySide6.QtWidgets import QTableWidgetItem

from planner.domain import Column
from planner.services.valuation import load_pipeline_settings
from ui.board.pipeline_settings_dialog import CODE_COLUMN, RATE_COLUMN, PipelineSettingsDialog
from ui.main_window import MainWindow


def _rows(dialog: PipelineSettingsDialog) -> dict[str, str]:
    table = dialog.rates
    return {
        table.item(row, CODE_COLUMN).text(): table.item(row, RATE_COLUMN).text()
        for row in range(table.rowCount())
    }


def test_every_currency_on_the_board_is_offered_for_a_rate(main_window: MainWindow) -> None:
    dialog = main_window.open_pipeline_settings()
    rows = _rows(dialog)
    assert "EUR" not in rows, "the home currency needs no rate"
    assert {"GBP", "PLN", "USD", "JPY"} <= set(rows)
    assert set(rows.values()) == {""}
    assert dialog.probabilities[Column.HOT].value() == 60
    assert dialog.stale_limits[Column.COLD].value() == 60
    dialog.reject()


def test_saving_keeps_rates_and_limits_and_undo_takes_them_back(main_window: MainWindow) -> None:
    dialog = main_window.open_pipeline_settings()
    codes = [dialog.rates.item(row, CODE_COLUMN).text() for row in range(dialog.rates.rowCount())]
    gbp = codes.index("GBP")
    dialog.rates.setItem(gbp, RATE_COLUMN, QTableWidgetItem("1.17"))
    dialog.probabilities[Column.WARM].setValue(30)
    dialog.stale_limits[Column.HOT].setValue(5)
    dialog.accept()

    saved = load_pipeline_settings(main_window.workspace)
    assert saved.rates == {"GBP": Decimal("1.17")}
    assert saved.probability(Column.WARM) == Decimal("0.3")
    assert saved.stale_limit(Column.HOT) == 5
    assert main_window.undo_action.text() == "Undo Change pipeline settings"
    assert "GBP" not in main_window.board.panels[Column.HOT].header.total_text()
    main_window.undo_action.trigger()
    assert load_pipeline_settings(main_window.workspace).rates == {}


def test_an_unreadable_rate_keeps_the_dialog_open_and_says_why(main_window: MainWindow) -> None:
    dialog = main_window.open_pipeline_settings()
    dialog.rates.setItem(0, RATE_COLUMN, QTableWidgetItem("cheap"))
    dialog.accept()
    assert dialog.isVisible()
    assert "'cheap' is not a rate" in dialog.error_label.text()
    assert main_window.undo_stack.count() == 0
    dialog.reject()
