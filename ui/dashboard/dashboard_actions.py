"""Puts the dashboard in the window (Ctrl+3) and shows the leads it lists on the board."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.board.board_widget import BoardWidget
from ui.common.icons import Glyph
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.operations import Operations
from ui.planning_actions import ScreenAdder


class DashboardActions(QObject):
    """The dashboard screen, wired to the board."""

    def __init__(
        self, operations: Operations, add_screen: ScreenAdder, board: BoardWidget, window: QWidget
    ) -> None:
        super().__init__(window)
        self._operations = operations
        self._board = board
        self.dashboard = DashboardScreen(operations)
        add_screen("Dashboard", self.dashboard, Glyph.DASHBOARD)
        self.dashboard.show_on_board.connect(self.show_on_board)

    def show_on_board(self, lead_ids: list[int]) -> None:
        """Switches to the board and selects the leads (those in the first one's column)."""
        if not lead_ids:
            return
        _bring_forward(self._board)
        if not self._board.select_leads(lead_ids):
            self._operations.show_error(
                "That lead is not shown on the board: clear the board's search to see it"
            )
            return
        selected = len(self._board.selected_lead_ids())
        if selected < len(lead_ids):
            column = self._board.current_column().heading
            self._operations.show_message(
                f"Selected {selected} of {len(lead_ids)} leads: the ones in {column}"
            )


def _bring_forward(widget: QWidget) -> None:
    """Makes the tab holding ``widget`` the current one."""
    page: QWidget | None = widget
    while page is not None:
        parent = page.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(page) >= 0:
            tabs.setCurrentWidget(page)
            return
        page = parent
