"""A field for choosing the lead who referred another: type part of a name, pick a suggestion."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from planner.domain import Column
from planner.workspace import Workspace

SUGGESTIONS_PER_COLUMN = 5
LOOKUP_DELAY_MS = 200
_LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReferrerField(QLineEdit):
    """Suggests leads matching what is typed (the board's search) and remembers the one picked.

    Signals:
        referrer_changed(): a lead was picked, or typing made the text no longer name one.
    """

    referrer_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._lead_id: int | None = None
        self.setPlaceholderText("Type a name…")
        self.setToolTip("Type part of a name, then pick the lead who referred this one")
        self.setClearButtonEnabled(True)
        self._suggestions = QStandardItemModel(self)
        self._completer = QCompleter(self._suggestions, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setWidget(self)
        # PySide6's stubs do not model choosing one overload of a signal by indexing.
        self._completer.activated[QModelIndex].connect(self._pick)  # type: ignore[index]
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up)
        self.textEdited.connect(self._typed)

    @property
    def lead_id(self) -> int | None:
        """The chosen referrer."""
        return self._lead_id

    @property
    def is_unresolved(self) -> bool:
        """True when text is typed but no lead was picked for it."""
        return self._lead_id is None and bool(self.text().strip())

    def set_lead(self, lead_id: int | None) -> None:
        """Shows this lead as the referrer (``None`` clears the field)."""
        self._lead_id = lead_id
        if lead_id is None:
            self.clear()
        else:
            name = self._workspace.leads.names([lead_id]).get(lead_id, f"Lead {lead_id}")
            self.setText(name)
        self.referrer_changed.emit()

    def suggestions(self) -> list[tuple[int, str]]:
        """The lead ids and labels currently suggested."""
        return [
            (int(item.data(_LEAD_ID_ROLE)), item.text())
            for item in (self._suggestions.item(row) for row in range(self._suggestions.rowCount()))
            if item is not None
        ]

    def look_up(self) -> None:
        """Fills the suggestions for the typed text and shows them."""
        self._lookup_timer.stop()
        text = self.text().strip()
        self._suggestions.clear()
        if not text:
            return
        for column in Column:
            for card in self._workspace.leads.cards(column, text, limit=SUGGESTIONS_PER_COLUMN):
                label = f"{card.name} — {card.company}" if card.company else card.name
                item = QStandardItem(label)
                item.setData(card.id, _LEAD_ID_ROLE)
                item.setEditable(False)
                self._suggestions.appendRow(item)
        if self._suggestions.rowCount():
            self._completer.complete()

    def _typed(self) -> None:
        self._lead_id = None
        self.referrer_changed.emit()
        self._lookup_timer.start()

    def _pick(self, index: QModelIndex | QPersistentModelIndex) -> None:
        lead_id = index.data(_LEAD_ID_ROLE)
        if isinstance(lead_id, int):
            self.set_lead(lead_id)
