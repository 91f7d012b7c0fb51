"""Choosing which leads a batch is for: a board column, a campaign's targets, a search, or the
leads selected on the board. Shared by the mail merge, labels and envelopes dialogs.
"""

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from planner.domain import Column
from planner.services.documents import LeadSelection, count_selected
from planner.workspace import Workspace
from ui.common.theme import Tone, set_tone

COUNT_DELAY_MS = 200
"""Typing a search must pause this long before the leads are counted again."""

SELECTED_NAMES_SHOWN = 3
"""How many names of the leads selected on the board are spelled out."""


class SelectionMode(StrEnum):
    """The ways of choosing leads the panel offers."""

    COLUMN = "column"
    CAMPAIGN = "campaign"
    SEARCH = "search"
    SELECTED = "selected"


class LeadSelectionPanel(QGroupBox):
    """One way of choosing leads, and how many that chooses.

    Signals:
        selection_changed(): another way, column, campaign, search or lead was chosen.
    """

    selection_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        selected_lead_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Leads", parent)
        self.setObjectName("lead-selection")
        self._workspace = workspace
        self._selected_lead_ids = tuple(selected_lead_ids)
        self.count: int = 0
        self.buttons = {
            SelectionMode.COLUMN: QRadioButton("Column"),
            SelectionMode.CAMPAIGN: QRadioButton("Campaign"),
            SelectionMode.SEARCH: QRadioButton("Search"),
            SelectionMode.SELECTED: QRadioButton("Selected on the board"),
        }
        self._group = QButtonGroup(self)
        for button in self.buttons.values():
            self._group.addButton(button)
        self.column_box = QComboBox()
        for column in Column:
            self.column_box.addItem(f"{column.heading} leads", column)
        self.column_box.addItem("Every column", None)
        self.campaign_box = QComboBox()
        self.campaign_box.setPlaceholderText("no campaigns yet")
        for campaign in workspace.campaigns.all():
            self.campaign_box.addItem(campaign.name, campaign.id)
        if self.campaign_box.count():
            self.campaign_box.setCurrentIndex(0)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("name, company, email, city or notes")
        self.search_field.setClearButtonEnabled(True)
        self.selected_label = QLabel(self._selected_leads_text())
        self.count_label = QLabel()
        self.count_label.setObjectName("selection-count")
        set_tone(self.count_label, Tone.MUTED)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)
        self.buttons[SelectionMode.CAMPAIGN].setEnabled(self.campaign_box.count() > 0)
        self.campaign_box.setEnabled(self.campaign_box.count() > 0)
        self.buttons[SelectionMode.SELECTED].setEnabled(bool(self._selected_lead_ids))
        self._build_layout()
        self._connect()
        self.set_mode(SelectionMode.COLUMN)

    @property
    def mode(self) -> SelectionMode:
        """The way of choosing that is on."""
        return next(mode for mode, button in self.buttons.items() if button.isChecked())

    def set_mode(self, mode: SelectionMode) -> None:
        """Switches to a way of choosing (ignored when it is not available)."""
        if self.buttons[mode].isEnabled():
            self.buttons[mode].setChecked(True)

    def set_column(self, column: Column | None) -> None:
        """Chooses a column (``None``: every column) and switches to choosing by column."""
        self.column_box.setCurrentIndex(self.column_box.findData(column))
        self.set_mode(SelectionMode.COLUMN)

    def column(self) -> Column | None:
        """The chosen column (``None``: every column)."""
        data = self.column_box.currentData()
        return Column(data) if data is not None else None

    def campaign_id(self) -> int | None:
        """The campaign whose targets are chosen, when choosing by campaign."""
        if self.mode is not SelectionMode.CAMPAIGN:
            return None
        data = self.campaign_box.currentData()
        return int(data) if data is not None else None

    def selection(self) -> LeadSelection:
        """The chosen leads as a selection the services understand."""
        match self.mode:
            case SelectionMode.COLUMN:
                return LeadSelection(column=self.column())
            case SelectionMode.CAMPAIGN:
                return LeadSelection(campaign_id=self.campaign_id())
            case SelectionMode.SEARCH:
                return LeadSelection(search=self.search_field.text().strip())
            case SelectionMode.SELECTED:
                return LeadSelection(lead_ids=frozenset(self._selected_lead_ids))

    def describe(self) -> str:
        """A few words naming the chosen leads, for titles and file names."""
        match self.mode:
            case SelectionMode.COLUMN:
                return self.column_box.currentText()
            case SelectionMode.CAMPAIGN:
                return self.campaign_box.currentText()
            case SelectionMode.SEARCH:
                return f"leads matching '{self.search_field.text().strip()}'"
            case SelectionMode.SELECTED:
                return self.selected_label.text()

    def update_count(self) -> int:
        """Counts the chosen leads now and shows how many."""
        self._count_timer.stop()
        self.count = self._count()
        self.count_label.setText("1 lead" if self.count == 1 else f"{self.count:,} leads")
        return self.count

    def _count(self) -> int:
        if self.mode is SelectionMode.CAMPAIGN and self.campaign_id() is None:
            return 0
        return count_selected(self._workspace, self.selection())

    def _selected_leads_text(self) -> str:
        """The selected lead's name, or the first few names of several (Ctrl+click on the board)."""
        chosen = self._selected_lead_ids
        if not chosen:
            return "no lead is selected on the board"
        names = self._workspace.leads.names(chosen[:SELECTED_NAMES_SHOWN])
        shown = ", ".join(names.get(lead_id, "") for lead_id in chosen[:SELECTED_NAMES_SHOWN])
        if len(chosen) <= SELECTED_NAMES_SHOWN:
            return shown
        return f"{shown} and {len(chosen) - SELECTED_NAMES_SHOWN} more"

    def _changed(self) -> None:
        self.column_box.setEnabled(self.mode is SelectionMode.COLUMN)
        self.campaign_box.setEnabled(
            self.mode is SelectionMode.CAMPAIGN and self.campaign_box.count() > 0
        )
        self.search_field.setEnabled(self.mode is SelectionMode.SEARCH)
        self.update_count()
        self.selection_changed.emit()

    def _toggled(self, checked: bool) -> None:
        if checked:
            self._changed()

    def _connect(self) -> None:
        for button in self.buttons.values():
            button.toggled.connect(self._toggled)
        self.column_box.currentIndexChanged.connect(self._changed)
        self.campaign_box.currentIndexChanged.connect(self._changed)
        self.search_field.textEdited.connect(self._search_edited)

    def _search_edited(self) -> None:
        self._count_timer.start()
        self.selection_changed.emit()

    def _build_layout(self) -> None:
        layout = QGridLayout(self)
        rows = (
            (SelectionMode.COLUMN, self.column_box),
            (SelectionMode.CAMPAIGN, self.campaign_box),
            (SelectionMode.SEARCH, self.search_field),
            (SelectionMode.SELECTED, self.selected_label),
        )
        for row, (mode, widget) in enumerate(rows):
            layout.addWidget(self.buttons[mode], row, 0)
            layout.addWidget(widget, row, 1)
        layout.addWidget(self.count_label, len(rows), 1)
        layout.setColumnStretch(1, 1)
