"""One column of the board on screen: a header with its figures above a virtualised card list."""

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Column
from planner.locale import user_locale
from planner.read_models import ColumnSummary
from planner.valuation import BoardWorth, ColumnWorth
from ui.board.card_delegate import CardDelegate
from ui.board.column_figures import (
    breakdown_tooltip,
    leads_text,
    rate_texts,
    total_texts,
    weighted_texts,
)
from ui.board.column_model import LEAD_ID_ROLE, ColumnModel
from ui.common.colours import blend, column_accent, muted_text
from ui.common.icons import Glyph, icon
from ui.common.theme import mark_lane

HEADER_INSET = 0.45
"""Space left and right of a header's text, in lines."""
SMALL_FONT = 0.88
"""The weighted total's font size, relative to the body font."""


class ColumnView(QListView):
    """The cards of one column: drag to move, arrows to select, Enter to open.

    Ctrl+click and Shift+click (or Shift+arrows) select several cards, which then move, print or
    are deleted together.

    Signals:
        open_requested(int): the user pressed Enter on, or double-clicked, this lead.
        neighbour_requested(int): Left (-1) or Right (+1) was pressed: focus the next column.
    """

    open_requested = Signal(int)
    neighbour_requested = Signal(int)

    def __init__(self, model: ColumnModel, delegate: CardDelegate) -> None:
        super().__init__()
        self.setObjectName(f"column-view-{model.column.value}")
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setAccessibleName(f"{model.column.heading} cards")
        self.doubleClicked.connect(self._open_index)
        self._place_holder = "Drop cards here"

    def column_model(self) -> ColumnModel:
        """The model this view shows (always a ColumnModel)."""
        model = self.model()
        assert isinstance(model, ColumnModel)
        return model

    def current_lead_id(self) -> int | None:
        """The lead of the selected card with the focus, or of the first selected card."""
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isSelected(current):
            return int(current.data(LEAD_ID_ROLE))
        selected = self.selected_lead_ids()
        return selected[0] if selected else None

    def selected_lead_ids(self) -> list[int]:
        """The selected cards' leads, top to bottom."""
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        model = self.model()
        return [int(model.index(row, 0).data(LEAD_ID_ROLE)) for row in rows]

    def select_rows(self, rows: list[int]) -> None:
        """Selects these rows (of the loaded cards), the first one current and shown."""
        if not rows:
            return
        self.select_row(rows[0])
        model = self.model()
        for row in rows[1:]:
            self.selectionModel().select(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
            )

    def select_row(self, row: int) -> None:
        """Selects only the card in ``row`` (clamped to the loaded cards), current and shown.

        The selection model is told outright: ``setCurrentIndex`` would read the modifier keys
        still held, so refreshing after Ctrl+Z toggled the card's selection off.
        """
        count = self.model().rowCount()
        if count == 0:
            return
        index = self.model().index(min(max(row, 0), count - 1), 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def set_place_holder(self, text: str) -> None:
        """What an empty column says (``Drop cards here`` or ``No matches``)."""
        self._place_holder = text
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the card; Left and Right go to the neighbouring column."""
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            lead_id = self.current_lead_id()
            if lead_id is not None:
                self.open_requested.emit(lead_id)
                return
        if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The cards, or a quiet hint when the column is empty."""
        super().paintEvent(event)
        if self.model().rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(muted_text(self.palette()))
        metrics = self.fontMetrics()
        area = self.viewport().rect().adjusted(0, metrics.height(), 0, 0)
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self._place_holder
        )

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(int(index.data(LEAD_ID_ROLE)))


class ColumnHeader(QWidget):
    """The column's title with its card count, its total in the home currency and, for open
    columns, the total weighted by the column's win probability, above a bar in its colour.

    The tooltip breaks the total down by currency, one short line each.
    """

    def __init__(self, column: Column) -> None:
        super().__init__()
        self._column = column
        self._summary = ColumnSummary()
        self._worth: ColumnWorth | None = None
        self._rates: Mapping[str, str] = {}
        self._locale = user_locale()
        self.setObjectName(f"column-header-{column.value}")
        self.add_button = QToolButton(self)
        self.add_button.setObjectName(f"add-lead-{column.value}")
        self.add_button.setIcon(icon(Glyph.ADD))
        self.add_button.setAutoRaise(True)
        self.add_button.setToolTip(f"Add a lead to {column.heading}")
        self.add_button.setAccessibleName(f"Add a lead to {column.heading}")
        self._update_descriptions()

    @property
    def summary(self) -> ColumnSummary:
        """The figures shown."""
        return self._summary

    @property
    def worth(self) -> ColumnWorth | None:
        """The column's worth in the home currency, once the board reckoned it."""
        return self._worth

    def set_summary(self, summary: ColumnSummary, board: BoardWorth | None = None) -> None:
        """Shows new figures; ``board`` holds the converted totals (``board_worth``)."""
        self._summary = summary
        self._worth = board.columns.get(self._column) if board is not None else None
        self._rates = rate_texts(board, self._locale) if board is not None else {}
        self._update_descriptions()
        self.update()

    def count_text(self) -> str:
        """``24 leads``."""
        return leads_text(self._summary.count)

    def total_text(self) -> str:
        """``212,400.00 EUR + 2 in other currencies``, or ``No value``."""
        return total_texts(self._worth, self._locale)[0]

    def weighted_text(self) -> str:
        """``Weighted at 60 %: 127,440.00 EUR``; empty for Won and Lost."""
        texts = weighted_texts(self._column, self._worth, self._locale)
        return texts[0] if texts else ""

    def sizeHint(self) -> QSize:
        """Three lines of text plus the coloured bar, measured from the fonts."""
        line = self.fontMetrics().height()
        title = QFontMetrics(self._title_font()).height()
        small = QFontMetrics(self._small_font()).height()
        return QSize(line * 8, self._bar_height() + title + line + small + round(line * 0.9))

    def minimumSizeHint(self) -> QSize:
        """As tall as the size hint, narrower."""
        return QSize(self.fontMetrics().height() * 4, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keeps the "+" at the right end of the title line."""
        super().resizeEvent(event)
        line = self.fontMetrics().height()
        inset = round(line * HEADER_INSET)
        size = QFontMetrics(self._title_font()).height() + round(line * 0.3)
        self.add_button.setIconSize(QSize(round(size * 0.7), round(size * 0.7)))
        top = self._bar_height() + round(line * 0.35) - round(line * 0.15)
        self.add_button.setGeometry(self.width() - inset - size, top, size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bar, title and count on one line, the total below, the weighted total under it."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height()
        inset = round(line * HEADER_INSET)
        bar = self._bar_height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(column_accent(self._column))
        painter.drawRoundedRect(QRectF(inset, 0, self.width() - 2 * inset, bar), bar / 2, bar / 2)
        title_font = self._title_font()
        title_height = QFontMetrics(title_font).height()
        top = bar + round(line * 0.35)
        text_width = self.width() - 2 * inset
        painter.setFont(title_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        title = self._column.heading
        painter.drawText(
            QRectF(inset, top, text_width, title_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        self._paint_count(
            painter, inset + QFontMetrics(title_font).horizontalAdvance(title), top, title_height
        )
        top += title_height
        has_value = self._worth is not None and bool(self._worth.total.breakdown)
        total_colour = (
            self.palette().color(QPalette.ColorRole.WindowText)
            if has_value
            else muted_text(self.palette())
        )
        totals = total_texts(self._worth, self._locale)
        self._paint_fitting(painter, self.font(), total_colour, totals, inset, top, text_width)
        top += line
        weighted = weighted_texts(self._column, self._worth, self._locale)
        if weighted:
            muted = muted_text(self.palette())
            small = self._small_font()
            self._paint_fitting(painter, small, muted, weighted, inset, top, text_width)

    def _paint_fitting(
        self,
        painter: QPainter,
        font: QFont,
        colour: QColor,
        texts: tuple[str, ...],
        left: float,
        top: float,
        width: float,
    ) -> None:
        """The longest of ``texts`` that fits ``width``, or the shortest elided."""
        metrics = QFontMetrics(font)
        shown = next((text for text in texts if metrics.horizontalAdvance(text) <= width), None)
        if shown is None:
            shown = metrics.elidedText(texts[-1], Qt.TextElideMode.ElideRight, round(width))
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(
            QRectF(left, top, width, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            shown,
        )

    def _paint_count(self, painter: QPainter, left: float, top: float, height: float) -> None:
        """The card count in a small pill after the title."""
        metrics = self.fontMetrics()
        text = f"{self._summary.count:,}"
        padding = metrics.height() * 0.4
        pill_height = metrics.height() * 1.05
        pill = QRectF(
            left + metrics.height() * 0.4,
            top + (height - pill_height) / 2,
            metrics.horizontalAdvance(text) + 2 * padding,
            pill_height,
        )
        window = self.palette().color(QPalette.ColorRole.Window)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(window, column_accent(self._column), 0.2))
        painter.drawRoundedRect(pill, pill_height / 2, pill_height / 2)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * SMALL_FONT)
        return font

    def _bar_height(self) -> int:
        return max(3, round(self.fontMetrics().height() * 0.22))

    def _update_descriptions(self) -> None:
        """The figures in words: a one-line name for screen readers, the breakdown on hover."""
        weighted = self.weighted_text()
        description = f"{self._column.heading}: {self.count_text()}, {self.total_text()}"
        self.setAccessibleName(f"{description}, {weighted}" if weighted else description)
        self.setToolTip(
            breakdown_tooltip(
                self._column, self._summary.count, self._worth, self._rates, self._locale
            )
        )


class ColumnPanel(QFrame):
    """A header and its card list, on a lane background."""

    def __init__(self, model: ColumnModel, delegate: CardDelegate) -> None:
        super().__init__()
        self.setObjectName(f"column-{model.column.value}")
        self.header = ColumnHeader(model.column)
        self.view = ColumnView(model, delegate)
        layout = QVBoxLayout(self)
        spacing = round(self.fontMetrics().height() * 0.3)
        layout.setContentsMargins(0, spacing, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        mark_lane(self)
        self.view.viewport().setAutoFillBackground(False)  # the lane shows between the cards
