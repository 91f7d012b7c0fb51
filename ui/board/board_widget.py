"""The prospect board: a live search above the five columns, or how to begin when it is empty."""

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind, Origin
from planner.domain import Column
from planner.errors import PlannerError
from planner.read_models import BoardSearch
from planner.services.board import delete_leads, move_leads, neighbour_column
from planner.services.valuation import board_worth
from planner.workspace import Workspace
from ui.board.card_delegate import CardDelegate
from ui.board.card_text import BOARD_LEGEND
from ui.board.column_model import ColumnModel
from ui.board.column_view import ColumnPanel, ColumnView
from ui.board.empty_state import EmptyBoardPanel
from ui.board.search_field import SearchField
from ui.common.colours import muted_text
from ui.common.icons import Glyph, icon
from ui.operations import Operations

SEARCH_DELAY_MS = 150
"""How long typing must pause before the board filters: fast enough to feel live."""

FULL_RELOAD_THRESHOLD = 200
"""A change naming more leads than this (demo data, imports) reloads the columns instead."""

_COLUMN_STRETCH = {Column.COLD: 3, Column.WARM: 3, Column.HOT: 3, Column.WON: 2, Column.LOST: 2}
"""Open columns are wider than the outcome columns."""


class BoardWidget(QWidget):
    """Five columns of cards; drags, keyboard moves and deletes are actions through the runner,
    and every change the runner broadcasts refreshes just the cards it names.

    Signals:
        open_requested(int): the user wants to edit this lead.
        new_lead_requested(object): the user asked for a new lead in this column (``None``: the
            column of the selected card), with Ctrl+N, a column's "+" or the empty-board panel.
        demo_data_requested(): asked for from the empty-board panel.
        current_lead_changed(object): the selected lead's id, or ``None``.
    """

    open_requested = Signal(int)
    new_lead_requested = Signal(object)
    demo_data_requested = Signal()
    current_lead_changed = Signal(object)

    def __init__(self, operations: Operations) -> None:
        super().__init__()
        self.setObjectName("board")
        self._operations = operations
        self._active_column = Column.COLD
        self._clearing_selection = False
        self._delegate = CardDelegate(lambda: self.workspace.clock.today(), self)
        self.search_field = SearchField()
        self.search_field.setObjectName("board-search")
        self.search_field.setPlaceholderText("Search name, company, email, city or notes  (Ctrl+F)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search leads")
        self.match_label = QLabel()
        palette = self.match_label.palette()
        palette.setColor(self.match_label.foregroundRole(), muted_text(palette))
        self.match_label.setPalette(palette)
        self.help_button = QToolButton()
        self.help_button.setObjectName("board-help")
        self.help_button.setIcon(icon(Glyph.HELP))
        self.help_button.setCheckable(True)
        self.help_button.setAccessibleName("How to read a card")
        self.help_button.setToolTip(f"How to read a card\n{BOARD_LEGEND}")
        self.legend = QLabel(BOARD_LEGEND)
        self.legend.setObjectName("board-legend")
        self.legend.setWordWrap(True)
        self.legend.setPalette(palette)
        self.legend.hide()
        self.help_button.toggled.connect(self.legend.setVisible)
        self.new_lead_button = QPushButton("New lead…")
        self.new_lead_button.setToolTip("Add a lead (Ctrl+N)")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.models = {column: ColumnModel(operations, column) for column in Column}
        self.panels = {
            column: ColumnPanel(self.models[column], self._delegate) for column in Column
        }
        self.empty_panel = EmptyBoardPanel()
        self._build_layout()
        self._connect()
        operations.change_applied.connect(self.apply_change)
        operations.workspace_changed.connect(self.show_workspace)
        self._refresh_figures()

    @property
    def workspace(self) -> Workspace:
        """The open database the board shows."""
        return self._operations.workspace

    def view(self, column: Column) -> ColumnView:
        """The card list of one column."""
        return self.panels[column].view

    @property
    def is_showing_empty_state(self) -> bool:
        """True while the how-to-begin panel replaces the columns."""
        return self._pages.currentWidget() is self.empty_panel

    def show_workspace(self) -> None:
        """Shows the newly opened database, with the search cleared."""
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self._search_timer.stop()
        for model in self.models.values():
            model.restart()
        self._refresh_figures()

    def reload(self) -> None:
        """Reads every column again: after bulk changes such as demo data or an import."""
        for model in self.models.values():
            model.reload()
        self._refresh_figures()

    def apply_change(self, change: Change, _initiator: object = None) -> None:
        """Brings the cards a Change names up to date (after an action, an undo or a redo):
        the leads whose record changed and those whose touches changed (a card shows its
        touch count, next date and overdue mark). A changed setting (touch target, stale limits,
        rates, the home currency) can change every card and total, so it reloads the columns."""
        if change.ids(Kind.SETTING):
            self.reload()
            return
        lead_ids = change.lead_ids | change.touched_leads
        if not lead_ids:
            return
        if len(lead_ids) > FULL_RELOAD_THRESHOLD:
            self.reload()
            return
        focused = any(self.view(column).hasFocus() for column in Column)
        selected = self.current_lead_id()
        selected_ids = self.selected_lead_ids()
        selected_row = self.view(self._active_column).currentIndex().row()
        for model in self.models.values():
            model.refresh_leads(lead_ids)
        self._refresh_figures()
        created = change.created_ids(Kind.LEAD)
        if len(created) == 1 and change.origin is not Origin.UNDO:
            self.reveal_lead(created[0])
            return
        if selected is not None and self.select_leads(
            [selected, *(lead_id for lead_id in selected_ids if lead_id != selected)],
            focus=focused,
        ):
            return
        if len(lead_ids) == 1 and self.select_lead(next(iter(lead_ids)), focus=focused):
            return
        if selected is not None:
            self.view(self._active_column).select_row(selected_row)

    def apply_search(self) -> None:
        """Filters every column by the search text now (typing calls this after a pause)."""
        self._search_timer.stop()
        text = self.search_field.text()
        found = self.workspace.leads.search(text) if text.strip() else None
        for column, model in self.models.items():
            model.set_search(text, found.matches[column] if found else None)
        self._refresh_figures(found)

    def _search_escaped(self) -> None:
        """Escape in the search box: show every card again, and work on them."""
        self.apply_search()
        self.focus_cards()

    def _clear_search(self) -> None:
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.apply_search()

    def cancel_pending_search(self) -> None:
        """Forgets a search still waiting for typing to pause (the file is about to close)."""
        self._search_timer.stop()

    def focus_search(self) -> None:
        """Puts the cursor in the search box with its text selected."""
        self.search_field.setFocus()
        self.search_field.selectAll()

    def current_column(self) -> Column:
        """The column of the selected card (or the column last worked in)."""
        return self._active_column

    def focus_cards(self) -> None:
        """Gives the keyboard focus to the card list the user last worked in."""
        self.view(self._active_column).setFocus()

    def current_lead_id(self) -> int | None:
        """The selected card's lead (the one with the focus when several are selected)."""
        return self.view(self._active_column).current_lead_id()

    def selected_lead_ids(self) -> list[int]:
        """The selected cards' leads, top to bottom (all in one column)."""
        return self.view(self._active_column).selected_lead_ids()

    def select_lead(self, lead_id: int, *, focus: bool = True) -> bool:
        """Selects the lead's card wherever it is shown; False when it is not shown."""
        return self.select_leads([lead_id], focus=focus)

    def select_leads(self, lead_ids: list[int], *, focus: bool = True) -> bool:
        """Selects the cards of the first lead's column among these, the first one current;
        False when the first lead is not shown."""
        for column, model in self.models.items():
            first = model.row_of(lead_ids[0]) if lead_ids else None
            if first is None:
                continue
            others = (model.row_of(lead_id) for lead_id in lead_ids[1:])
            view = self.view(column)
            view.select_rows([first, *(row for row in others if row is not None)])
            if focus:
                view.setFocus()
            return True
        return False

    def reveal_lead(self, lead_id: int, *, focus: bool = True) -> bool:
        """Selects the lead's card and scrolls it into view, loading its column as far as it
        lies and clearing a search that hides it; False when the lead is not on the board."""
        try:
            column = self.workspace.leads.card(lead_id).column
        except PlannerError:
            return False
        model = self.models[column]
        if model.row_of(lead_id) is None and model.search:
            self._clear_search()
        while model.row_of(lead_id) is None and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        row = model.row_of(lead_id)
        if row is None:
            return False
        view = self.view(column)
        view.select_row(row)
        shown = QPersistentModelIndex(model.index(row))
        # The view lays new rows out later; scrolling now would stop short of a new last card.
        QTimer.singleShot(0, view, lambda: _scroll_to(view, shown))
        if focus:
            view.setFocus()
        return True

    def move_selected(self, step: int) -> Change | None:
        """Moves the selected cards to the top of the column left (-1) or right (+1) of theirs."""
        lead_ids = self.selected_lead_ids()
        if not lead_ids:
            return None
        target = neighbour_column(self._active_column, step)
        if target is None:
            return None
        return self._operations.run(
            lambda workspace: move_leads(workspace, lead_ids, target, 0), initiator=self
        )

    def delete_selected(self) -> Change | None:
        """Deletes the selected cards' leads (undoable); the next card is selected."""
        lead_ids = self.selected_lead_ids()
        if not lead_ids:
            return None
        return self._operations.run(
            lambda workspace: delete_leads(workspace, lead_ids), initiator=self
        )

    def set_card_actions(self, actions: Iterable[QAction]) -> None:
        """The actions a right-click on a card offers (open, move, delete)."""
        listed = list(actions)
        for column in Column:
            view = self.view(column)
            view.addActions(listed)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _build_layout(self) -> None:
        line = self.fontMetrics().height()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 3)
        search_row.addWidget(self.match_label, 2)
        search_row.addWidget(self.new_lead_button)
        search_row.addWidget(self.help_button)
        self._search_bar = QWidget()
        bar_layout = QVBoxLayout(self._search_bar)
        bar_layout.setContentsMargins(0, 0, 0, 0)
        bar_layout.addLayout(search_row)
        bar_layout.addWidget(self.legend)
        search_row.setContentsMargins(0, 0, 0, 0)
        columns = QWidget()
        columns_layout = QHBoxLayout(columns)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.setSpacing(round(line * 0.6))
        for column in Column:
            columns_layout.addWidget(self.panels[column], _COLUMN_STRETCH[column])
        self._pages = QStackedWidget()
        self._pages.addWidget(columns)
        self._pages.addWidget(self.empty_panel)
        layout = QVBoxLayout(self)
        margin = round(line * 0.6)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(margin)
        layout.addWidget(self._search_bar)
        layout.addWidget(self._pages, 1)

    def _connect(self) -> None:
        for column in Column:
            view = self.view(column)
            view.open_requested.connect(self.open_requested)
            view.neighbour_requested.connect(
                lambda step, column=column: self._focus_neighbour(column, step)
            )
            view.selectionModel().selectionChanged.connect(
                lambda selected, _deselected, column=column: self._selection_changed(
                    column, selected
                )
            )
        self.new_lead_button.clicked.connect(lambda: self.new_lead_requested.emit(None))
        self.empty_panel.new_lead_requested.connect(lambda: self.new_lead_requested.emit(None))
        for column, panel in self.panels.items():
            panel.header.add_button.clicked.connect(
                lambda _checked=False, column=column: self.new_lead_requested.emit(column)
            )
        self.search_field.escaped.connect(self._search_escaped)
        self.empty_panel.demo_data_requested.connect(self.demo_data_requested)

    def _selection_changed(self, column: Column, selected: QItemSelection) -> None:
        """Keeps one card selected across the board and tells who cares which one."""
        if self._clearing_selection:
            return
        if not selected.isEmpty():
            self._active_column = column
            self._clearing_selection = True
            for other in Column:
                if other is not column:
                    self.view(other).clearSelection()
            self._clearing_selection = False
        self.current_lead_changed.emit(self.current_lead_id())

    def _focus_neighbour(self, column: Column, step: int) -> None:
        """Left/Right in a column: select the card at the same height in the next column."""
        order = list(Column)
        index = order.index(column) + step
        if not 0 <= index < len(order):
            return
        target = order[index]
        row = max(self.view(column).currentIndex().row(), 0)
        target_view = self.view(target)
        target_view.setFocus()
        if target_view.model().rowCount() > 0:
            target_view.select_row(row)
        else:
            self._active_column = target
            self._clearing_selection = True
            for other in Column:
                self.view(other).clearSelection()
            self._clearing_selection = False
            self.current_lead_changed.emit(None)

    def _refresh_figures(self, found: BoardSearch | None = None) -> None:
        """Column headers, the match count, and whether the board is empty; ``found`` is the
        search just run, whose figures need no second pass."""
        if self.workspace.leads.count() == 0:
            if self.search_field.text():
                self.search_field.clear()
                self.apply_search()
                return
            self._pages.setCurrentWidget(self.empty_panel)
            self._search_bar.hide()
            return
        self._pages.setCurrentIndex(0)
        self._search_bar.show()
        search = self.models[Column.COLD].search
        summaries = found.summaries if found else self.workspace.leads.summaries(search)
        worth = board_worth(self.workspace, summaries)
        for column in Column:
            self.panels[column].header.set_summary(summaries[column], worth)
            self.view(column).set_place_holder("No matches" if search else "Drop cards here")
        if search:
            matches = sum(summary.count for summary in summaries.values())
            self.match_label.setText(
                "1 lead matches" if matches == 1 else f"{matches:,} leads match"
            )
        else:
            self.match_label.clear()


def _scroll_to(view: ColumnView, shown: QPersistentModelIndex) -> None:
    """Scrolls ``view`` to the card at ``shown``, unless it went away meanwhile."""
    if shown.isValid():
        view.scrollTo(view.model().index(shown.row(), 0))
