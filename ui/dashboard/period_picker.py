"""The dashboard's period: this month, quarter or year, or the user's own days."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from planner.metrics.period import Period, PeriodChoice
from ui.common.form_parts import day_edit, from_qdate, to_qdate


class PeriodPicker(QWidget):
    """A choice of period, with From and To days shown for a custom one.

    Signals:
        changed(): the user chose another period or changed a custom day.
    """

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.box = QComboBox()
        self.box.setObjectName("dashboard-period")
        self.box.setAccessibleName("Period")
        for choice in PeriodChoice:
            self.box.addItem(choice.label, choice)
        self.box.setCurrentIndex(self.box.findData(PeriodChoice.QUARTER))
        quarter = Period.of(PeriodChoice.QUARTER, today())
        self.from_edit = day_edit(quarter.start, "From")
        self.to_edit = day_edit(quarter.end, "To")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Period"))
        layout.addWidget(self.box)
        layout.addWidget(self.from_edit)
        layout.addWidget(self.to_edit)
        self.box.currentIndexChanged.connect(self._chosen)
        self.from_edit.dateChanged.connect(self.changed)
        self.to_edit.dateChanged.connect(self.changed)
        self._last = quarter
        """The last preset period: a custom one starts from its days."""
        self._show_days()

    @property
    def choice(self) -> PeriodChoice:
        """The kind of period chosen."""
        return PeriodChoice(self.box.currentData())

    def period(self) -> Period:
        """The days chosen; ValidationError for custom days that end before they start."""
        if self.choice is PeriodChoice.CUSTOM:
            return Period(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))
        return Period.of(self.choice, self._today())

    def _chosen(self) -> None:
        if self.choice is PeriodChoice.CUSTOM:
            for edit, day in ((self.from_edit, self._last.start), (self.to_edit, self._last.end)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        else:
            self._last = self.period()
        self._show_days()
        self.changed.emit()

    def _show_days(self) -> None:
        custom = self.choice is PeriodChoice.CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
