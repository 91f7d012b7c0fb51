"""A bar chart of one series from Qt Charts, coloured from the palette; a click names its bar.

Qt Charts (PySide6-Addons) is imported here only, and this module only when the dashboard is
first shown, so the window starts without it.
"""

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ui.common.colours import is_dark, muted_text
from ui.dashboard.chart_data import BarData


class BarChart(QChartView):
    """One bar series; ``set_data`` replaces it, and the palette recolours it.

    Signals:
        bar_clicked(int): the index of the bar the user clicked, in ``BarData.labels`` order.
    """

    bar_clicked = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(self.fontMetrics().height() * 14)
        self.data = BarData("", (), ())
        self.bar_set: QBarSet | None = None

    def set_data(self, data: BarData) -> None:
        """Draws ``data`` (first label at the top of a horizontal chart)."""
        self.data = data
        chart = QChart()
        chart.setTitle(data.title)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        order = (
            list(reversed(range(len(data.labels))))
            if data.horizontal
            else list(range(len(data.labels)))
        )
        bar_set = QBarSet(data.title)
        bar_set.append([data.values[index] for index in order])
        bar_set.clicked.connect(lambda position: self._clicked(order, position))
        bar_set.hovered.connect(lambda inside, position: self._hovered(order, inside, position))
        series = QHorizontalBarSeries() if data.horizontal else QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(12)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([data.labels[index] for index in order])
        values = QValueAxis()
        values.setRange(0, max([*data.values, 1.0]) * 1.12)
        values.setLabelFormat("%.0f")
        values.applyNiceNumbers()
        category_side = (
            Qt.AlignmentFlag.AlignLeft if data.horizontal else Qt.AlignmentFlag.AlignBottom
        )
        value_side = Qt.AlignmentFlag.AlignBottom if data.horizontal else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(categories, category_side)
        chart.addAxis(values, value_side)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.bar_set = bar_set
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.apply_palette()

    def apply_palette(self) -> None:
        """Colours the chart from the widget's palette, light or dark."""
        chart = self.chart()
        palette = self.palette()
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark
            if is_dark(palette)
            else QChart.ChartTheme.ChartThemeLight
        )
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        chart.setBackgroundBrush(base)
        chart.setTitleBrush(text)
        for axis in chart.axes():
            axis.setLabelsBrush(text)
            axis.setGridLineColor(muted_text(palette).lighter(150 if not is_dark(palette) else 60))
        if self.bar_set is not None:
            colour = (
                QColor(self.data.colour)
                if self.data.colour
                else palette.color(QPalette.ColorRole.Highlight)
            )
            self.bar_set.setColor(colour)
            self.bar_set.setBorderColor(colour)
            self.bar_set.setLabelColor(text)
        self.setBackgroundBrush(base)

    def changeEvent(self, event: QEvent) -> None:
        """Follows a change of theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()

    def _clicked(self, order: list[int], position: int) -> None:
        if 0 <= position < len(order):
            self.bar_clicked.emit(order[position])

    def _hovered(self, order: list[int], inside: bool, position: int) -> None:
        tooltips = self.data.tooltips
        if inside and 0 <= position < len(order) and order[position] < len(tooltips):
            self.setToolTip(tooltips[order[position]])
        elif not inside:
            self.setToolTip("")
