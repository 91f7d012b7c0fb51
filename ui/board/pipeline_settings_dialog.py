"""Pipeline settings: exchange rates into the home currency, and each open column's win
probability and stale limit. Saving is one undoable step."""

from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.domain import Column
from planner.errors import PlannerError, ValidationError
from planner.locale import user_locale
from planner.money import currency_code
from planner.services.valuation import home_currency, load_pipeline_settings, save_pipeline_settings
from planner.valuation import OPEN_COLUMNS, PipelineSettings
from planner.workspace import Workspace
from ui.common.form_parts import error_label
from ui.operations import Operations

CODE_COLUMN, RATE_COLUMN = 0, 1
LONGEST_STALE_LIMIT = 3650


class PipelineSettingsDialog(QDialog):
    """Edits the open file's exchange rates, win probabilities and stale limits.

    Every currency on the board is listed, those without a rate with an empty cell to fill in;
    an emptied cell drops the rate. Saving runs through ``Operations``; no signals of its own.
    """

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline-settings")
        self.setWindowTitle("Pipeline Settings")
        self._operations = operations
        self._locale = user_locale()
        workspace = operations.workspace
        self._home = home_currency(workspace)
        self._saved = load_pipeline_settings(workspace)
        self._board_currencies = sorted(
            {
                code
                for summary in workspace.leads.summaries().values()
                for code in summary.totals
                if code != self._home
            }
        )
        self.probabilities: dict[Column, QSpinBox] = {}
        self.stale_limits: dict[Column, QSpinBox] = {}
        self.rates = QTableWidget(0, 2)
        self.rates.setObjectName("pipeline-rates")
        self.rates.setHorizontalHeaderLabels(["Currency", f"Value of 1 unit in {self._home}"])
        self.rates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates.verticalHeader().hide()
        self.rates.setAccessibleName("Exchange rates")
        self.add_rate_button = QPushButton("Add Currency")
        self.add_rate_button.clicked.connect(self._add_empty_row)
        self.remove_rate_button = QPushButton("Remove")
        self.remove_rate_button.clicked.connect(self._remove_current_row)
        self.error_label = error_label("pipeline-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._columns_box())
        layout.addWidget(self._rates_box(), 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._show(self._saved)
        self.setMinimumWidth(self.fontMetrics().height() * 30)

    def settings(self) -> PipelineSettings:
        """The settings as edited; ValidationError naming the problem when they cannot be kept."""
        rates: dict[str, Decimal] = {}
        for row in range(self.rates.rowCount()):
            code_text, rate_text = self._cell(row, CODE_COLUMN), self._cell(row, RATE_COLUMN)
            if not code_text and not rate_text:
                continue
            code = currency_code(code_text, "rates")
            if not rate_text or code == self._home:
                continue
            rates[code] = self._parse_rate(code, rate_text)
        return PipelineSettings(
            rates=MappingProxyType(rates),
            probabilities=MappingProxyType(
                {column: Decimal(spin.value()) / 100 for column, spin in self.probabilities.items()}
            ),
            stale_after_days=MappingProxyType(
                {column: spin.value() for column, spin in self.stale_limits.items()}
            ),
        )

    def accept(self) -> None:
        """Saves when something changed, then closes; stays open with the reason when it cannot."""
        change = self._operations.run(self._save, initiator=self, show_error=self._show_refusal)
        if change is not None:
            super().accept()

    def _save(self, workspace: Workspace) -> Change:
        edited = self.settings()
        if edited.to_json() == self._saved.to_json():
            return Change("")
        return save_pipeline_settings(workspace, edited)

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox("Open columns")
        grid = QGridLayout(box)
        grid.addWidget(QLabel("Win probability"), 0, 1)
        grid.addWidget(QLabel("Stale after"), 0, 2)
        for row, column in enumerate(OPEN_COLUMNS, start=1):
            probability = QSpinBox()
            probability.setRange(0, 100)
            probability.setSuffix(" %")
            probability.setAccessibleName(f"{column.heading} win probability")
            probability.setToolTip("The chance a lead here is won: the weighted total")
            stale = QSpinBox()
            stale.setRange(1, LONGEST_STALE_LIMIT)
            stale.setSuffix(" days")
            stale.setAccessibleName(f"{column.heading} stale limit")
            stale.setToolTip("A lead untouched for longer than this is marked stale")
            self.probabilities[column] = probability
            self.stale_limits[column] = stale
            grid.addWidget(QLabel(column.heading), row, 0)
            grid.addWidget(probability, row, 1)
            grid.addWidget(stale, row, 2)
        return box

    def _rates_box(self) -> QGroupBox:
        box = QGroupBox("Exchange rates")
        intro = QLabel(
            f"Totals count in {self._home}, the currency of Documents → Sender Profile. "
            "Leads in a currency without a rate are counted apart. The planner never goes "
            "online: rates stay as you set them."
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rate_button)
        buttons.addWidget(self.remove_rate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addWidget(self.rates, 1)
        layout.addLayout(buttons)
        return box

    def _show(self, settings: PipelineSettings) -> None:
        for column in OPEN_COLUMNS:
            self.probabilities[column].setValue(round(settings.probability(column) * 100))
            self.stale_limits[column].setValue(settings.stale_limit(column) or 1)
        codes = sorted(set(settings.rates) | set(self._board_currencies))
        self.rates.setRowCount(0)
        for code in codes:
            rate = settings.rates.get(code)
            self._append_row(code, format_decimal(rate, locale=self._locale) if rate else "")

    def _append_row(self, code: str, rate: str) -> int:
        row = self.rates.rowCount()
        self.rates.insertRow(row)
        self.rates.setItem(row, CODE_COLUMN, QTableWidgetItem(code))
        rate_item = QTableWidgetItem(rate)
        rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rates.setItem(row, RATE_COLUMN, rate_item)
        return row

    def _add_empty_row(self) -> None:
        row = self._append_row("", "")
        self.rates.setCurrentCell(row, CODE_COLUMN)
        self.rates.setFocus()
        self.rates.edit(self.rates.currentIndex())

    def _remove_current_row(self) -> None:
        row = self.rates.currentRow()
        if row >= 0:
            self.rates.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.rates.item(row, column)
        return item.text().strip() if item is not None else ""

    def _parse_rate(self, code: str, text: str) -> Decimal:
        try:
            return Decimal(parse_decimal(text, locale=self._locale, strict=True))
        except (NumberFormatError, InvalidOperation):
            raise ValidationError(
                f"'{text}' is not a rate for {code}: write how many {self._home} one {code} is",
                "rates",
            ) from None

    def _show_refusal(self, error: PlannerError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()
