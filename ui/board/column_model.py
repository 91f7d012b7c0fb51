"""A Qt list model over one board column: its cards, loaded a page at a time, and drops onto it.

The model holds light ``BoardCard`` values, never widgets. It loads the first page when reset and
the next one when the view scrolls near the end (``canFetchMore``/``fetchMore``), so a column of
100,000 leads opens at once. A drop becomes one ``planner.services.board.move_leads`` action
through the runner, naming the card it landed below; the board hears the runner's broadcast and
tells every model to refresh the few leads it names (``refresh_leads``).
"""

import bisect
import json
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.domain import Column
from planner.locale import user_locale
from planner.read_models import BoardCard, ColumnMatches
from planner.services.board import move_leads
from planner.workspace import Workspace
from ui.board.card_text import card_tooltip
from ui.operations import Operations

LEAD_IDS_MIME_TYPE = "application/x-planner-lead-ids"
"""Dragged cards carry their lead ids as a JSON list under this type."""

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, CARD_ROLE)`` is the row's ``BoardCard``."""

LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, LEAD_ID_ROLE)`` is the row's lead id."""

PAGE_SIZE = 400
"""How many cards one fetch loads: a few screens' worth, cheap to query and to build."""

ModelIndex = QModelIndex | QPersistentModelIndex


def lead_ids_mime_data(lead_ids: Sequence[int], names: Sequence[str] = ()) -> QMimeData:
    """Mime data for dragging these leads; plain text carries their names for other programs."""
    mime = QMimeData()
    mime.setData(LEAD_IDS_MIME_TYPE, QByteArray(json.dumps(list(lead_ids)).encode()))
    if names:
        mime.setText("\n".join(names))
    return mime


def lead_ids_from_mime_data(mime: QMimeData) -> list[int]:
    """The lead ids a drag carries, or an empty list when it carries none of ours."""
    if not mime.hasFormat(LEAD_IDS_MIME_TYPE):
        return []
    try:
        decoded = json.loads(bytes(mime.data(LEAD_IDS_MIME_TYPE).data()).decode())
    except ValueError:
        return []
    if not isinstance(decoded, list):
        return []
    return [value for value in decoded if isinstance(value, int)]


class ColumnModel(QAbstractListModel):
    """The cards of one column, in board order, narrowed by the board's search text."""

    def __init__(self, operations: Operations, column: Column) -> None:
        super().__init__()
        self._operations = operations
        self._column = column
        self._locale = user_locale()
        self._search = ""
        self._matches: ColumnMatches | None = None
        self._cards: list[BoardCard] = []
        self._complete = True
        self.reload()

    @property
    def column(self) -> Column:
        """The board column this model shows."""
        return self._column

    @property
    def search(self) -> str:
        """The search text narrowing the cards ('' shows all)."""
        return self._search

    @property
    def is_complete(self) -> bool:
        """True once every card of the column is loaded."""
        return self._complete

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def restart(self) -> None:
        """Shows the column of a newly opened database, without a search."""
        self._search = ""
        self._matches = None
        self.reload()

    def set_search(self, text: str, matches: ColumnMatches | None = None) -> None:
        """Narrows the cards to those matching ``text`` (name, company, email, city, notes).

        ``matches`` are this column's matches from the board's one pass over the leads
        (``LeadStore.search``): the pages are then read by id instead of scanning the column.
        """
        if text != self._search or matches is not self._matches:
            self._search = text
            self._matches = matches if text.strip() else None
            self.reload()

    def reload(self) -> None:
        """Forgets the loaded cards and loads the first page again."""
        self.beginResetModel()
        self._cards, self._complete = self._page(after_rank=None)
        self.endResetModel()

    def card(self, row: int) -> BoardCard:
        """The card shown in ``row``."""
        return self._cards[row]

    def row_of(self, lead_id: int) -> int | None:
        """The row showing the lead, or ``None`` when it is not loaded in this column."""
        return next((row for row, card in enumerate(self._cards) if card.id == lead_id), None)

    def refresh_leads(self, lead_ids: Iterable[int]) -> None:
        """Re-reads these leads and adds, updates, moves or removes their rows to match."""
        wanted = frozenset(lead_ids)
        if not wanted:
            return
        fresh = {
            card.id: card
            for card in self._workspace.leads.cards(self._column, self._search, ids=wanted)
        }
        for lead_id in wanted:
            row = self.row_of(lead_id)
            if row is not None and lead_id not in fresh:
                self._remove_row(row)
        for card in sorted(fresh.values(), key=lambda card: card.rank):
            self._place(card)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many cards are loaded (the view fetches more as it scrolls)."""
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The card for ``CARD_ROLE``; its name, tooltip and accessible text for Qt's roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == CARD_ROLE:
            return card
        if role == LEAD_ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.DisplayRole:
            return card.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return card_tooltip(card, self._workspace.clock.today(), self._locale)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Cards can be selected and dragged; drops land between cards, never on one."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def canFetchMore(self, parent: ModelIndex) -> bool:
        """True while cards further down the column are not loaded yet."""
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: ModelIndex) -> None:
        """Loads the next page of cards."""
        if parent.isValid() or self._complete:
            return
        after = self._cards[-1].rank if self._cards else None
        page, complete = self._page(after_rank=after)
        if page:
            first = len(self._cards)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._cards.extend(page)
            self._complete = complete
            self.endInsertRows()
        else:
            self._complete = True

    def mimeTypes(self) -> list[str]:
        """Cards travel as lead ids."""
        return [LEAD_IDS_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged cards' lead ids (and names, as text)."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        cards = [self._cards[row] for row in rows]
        return lead_ids_mime_data([card.id for card in cards], [card.name for card in cards])

    def supportedDropActions(self) -> Qt.DropAction:
        """A card dropped here moves; it is never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """A card dragged from here moves."""
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Our cards, moved (never copied)."""
        return action == Qt.DropAction.MoveAction and bool(lead_ids_from_mime_data(data))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Moves the dropped leads, in their order, to this column between the cards around
        ``row``, as one undoable step."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        lead_ids = lead_ids_from_mime_data(data)
        if parent.isValid():
            row = parent.row()
        if not 0 <= row <= len(self._cards):
            row = len(self._cards)
        above = self._card_above(row, lead_ids)
        target = self._column
        change = self._operations.run(
            lambda workspace: move_leads(
                workspace,
                lead_ids,
                target,
                0 if above is None else None,
                below=above,
            ),
            initiator=self,
        )
        return change is not None

    def _card_above(self, row: int, moving: list[int]) -> int | None:
        """The lead of the card cards dropped at ``row`` land just below; ``None`` for the top.

        The shown cards may be narrowed by a search or not all loaded, so the drop names the
        nearest shown card above it (the moving cards themselves do not count), and the service
        finds that card's neighbour in the whole column inside its own transaction.
        """
        above = next((card for card in reversed(self._cards[:row]) if card.id not in moving), None)
        return above.id if above is not None else None

    def _page(self, after_rank: str | None) -> tuple[list[BoardCard], bool]:
        if self._matches is not None:
            ids = self._matches.page_after(after_rank, PAGE_SIZE + 1)
            cards = self._workspace.leads.cards(self._column, ids=frozenset(ids)) if ids else []
            return cards[:PAGE_SIZE], len(ids) <= PAGE_SIZE
        found = self._workspace.leads.cards(
            self._column, self._search, after_rank=after_rank, limit=PAGE_SIZE + 1
        )
        return found[:PAGE_SIZE], len(found) <= PAGE_SIZE

    def _place(self, card: BoardCard) -> None:
        """Puts a fresh card at its rank's row, or drops it when that row is not loaded yet."""
        row = self.row_of(card.id)
        target = bisect.bisect_left(self._cards, card.rank, key=lambda shown: shown.rank)
        if row is not None and row < target:
            target -= 1
        loaded_rows = len(self._cards) - (1 if row is not None else 0)
        if not self._complete and target >= loaded_rows:
            if row is not None:
                self._remove_row(row)
            return
        if row is None:
            self.beginInsertRows(QModelIndex(), target, target)
            self._cards.insert(target, card)
            self.endInsertRows()
        elif row == target:
            self._cards[row] = card
            changed = self.index(row)
            self.dataChanged.emit(changed, changed)
        else:
            destination = target + 1 if target > row else target
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            del self._cards[row]
            self._cards.insert(target, card)
            self.endMoveRows()

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._cards[row]
        self.endRemoveRows()
