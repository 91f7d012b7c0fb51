"""Creating a campaign with a live count of the leads it targets, or editing and deleting one.

Creating plans one touch per target lead in the same undoable step; new dates for an existing
campaign take its planned touches along (the dialog says how many move); deleting asks whether
the campaign's planned touches stay (as plain touches) or go with it.
"""

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.domain import Campaign, CampaignDraft, Channel, Temperature
from planner.errors import PlannerError
from planner.money import Money
from planner.services.campaigns import (
    campaign_targets,
    create_campaign,
    delete_campaign,
    edit_campaign,
    touches_moved_by_dates,
)
from planner.workspace import Workspace
from ui.common.form_parts import day_edit, error_label, from_qdate, plain_label, to_qdate
from ui.money_input import amount_placeholder, currency_box, money_hint, read_money, show_money
from ui.operations import Operations
from ui.touches.touch_text import count_text, full_day_text

PREVIEW_DELAY_MS = 150
"""Typing must pause this long before the target count is worked out again."""

DEFAULT_DAYS = 14
"""A new campaign runs two weeks unless the user says otherwise."""


class CampaignDialog(QDialog):
    """A campaign's fields; for a new one, how many leads it reaches and whether to spread them.

    Creating, saving and deleting run through ``Operations``; the dialog has no signals of its own.
    """

    def __init__(
        self,
        operations: Operations,
        campaign_id: int | None = None,
        start_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaign-dialog")
        self._operations = operations
        workspace = operations.workspace
        self._campaign: Campaign | None = (
            workspace.campaigns.get(campaign_id) if campaign_id is not None else None
        )
        self.target_count: int | None = None
        self.moving_count = 0
        """How many planned touches saving would move (an existing campaign with new dates)."""
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText("e.g. Spring letters to Lisbon")
        self.channel_box = QComboBox()
        for channel in Channel:
            self.channel_box.addItem(channel.label, channel)
        self.temperature_box = QComboBox()
        for temperature in Temperature:
            self.temperature_box.addItem(f"{temperature.value.capitalize()} leads", temperature)
        self.city_field = QLineEdit()
        self.city_field.setPlaceholderText("any city")
        self.source_field = QLineEdit()
        self.source_field.setPlaceholderText("any source")
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("words a board search would find")
        today = workspace.clock.today()
        self.start_edit = day_edit(today, "Start")
        self.end_edit = day_edit(today, "End")
        self.budget_field = QLineEdit()
        self.budget_field.setPlaceholderText(amount_placeholder(Money(50000)))
        self.currency_box = currency_box(self)
        self.budget_hint = money_hint(self.budget_field, self.currency_box, self)
        self.goal_field = QLineEdit()
        self.offer_field = QLineEdit()
        self.notes_field = QPlainTextEdit()
        self.notes_field.setTabChangesFocus(True)
        self.notes_field.setFixedHeight(self.fontMetrics().height() * 4)
        self.spread_box = QCheckBox("Spread the touches over the campaign's days")
        self.target_label = plain_label()
        self.target_label.setObjectName("campaign-targets")
        self.target_label.setWordWrap(True)
        self.error_label = error_label("campaign-error")
        self.delete_button = QPushButton("Delete campaign…")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._fill(start_on or workspace.clock.today())
        self._build_layout()
        self._connect()
        self.update_preview()

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    @property
    def campaign(self) -> Campaign | None:
        """The campaign being edited, or ``None`` for a new one."""
        return self._campaign

    def draft(self) -> CampaignDraft:
        """The fields as a draft; ValidationError when the budget cannot be read."""
        budget = read_money(self.budget_field, self.currency_box)
        return replace(self._draft_without_budget(), budget=budget)

    def update_preview(self) -> None:
        """Counts the leads the campaign targets now and says what creating it would plan."""
        self._preview_timer.stop()
        draft = self._draft_without_budget()
        if self._campaign is not None:
            counts = self._workspace.campaigns.touch_counts(self._campaign.id).get(
                self._campaign.id
            )
            planned, done = (counts.planned, counts.done) if counts else (0, 0)
            text = (
                f"Response code {self._campaign.response_code} · "
                f"{count_text(planned, 'touch', 'touches')} planned, {done:,} done"
            )
            self.moving_count = len(
                touches_moved_by_dates(
                    self._workspace, self._campaign.id, draft.start_on, draft.end_on
                )
            )
            if self.moving_count:
                moving = count_text(self.moving_count, "planned touch", "planned touches")
                text += f" · saving moves {moving} to fit the new dates"
            self.target_label.setText(text)
            return
        self.target_count = len(campaign_targets(self._workspace, draft))
        kind = draft.channel.touch_kind.label.lower()
        if self.target_count == 0:
            self.target_label.setText("Targets no leads yet: widen the target to plan touches")
            return
        when = (
            f"spread from {full_day_text(draft.start_on)} to {full_day_text(draft.end_on)}"
            if self.spread_box.isChecked()
            else f"on {full_day_text(draft.start_on)}"
        )
        self.target_label.setText(
            f"Targets {count_text(self.target_count, 'lead')}: one {kind} each, {when}"
        )

    def accept(self) -> None:
        """Creates or saves the campaign; stays open with the reason when it cannot."""
        change = self._operations.run(self._save, initiator=self, show_error=self._show_refusal)
        if change is not None:
            super().accept()

    def ask_to_delete(self) -> None:
        """Asks what becomes of the planned touches, then deletes the campaign."""
        if self._campaign is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete campaign",
            f"Delete the campaign '{self._campaign.name}'? Its done touches stay on the leads' "
            "timelines. What should happen to the touches it still has planned?",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        keep = box.addButton("Keep planned touches", QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton("Delete planned touches", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (keep, remove):
            self.delete_now(keep_planned_touches=box.clickedButton() is keep)

    def delete_now(self, *, keep_planned_touches: bool) -> None:
        """Deletes the campaign without asking."""
        campaign = self._campaign
        if campaign is None:
            return
        change = self._operations.run(
            lambda workspace: delete_campaign(workspace, campaign.id, keep_planned_touches),
            initiator=self,
            show_error=self._show_refusal,
        )
        if change is not None:
            super().accept()

    def _save(self, workspace: Workspace) -> Change:
        """Creates the campaign, or saves the edited one (a change of nothing when unchanged)."""
        draft = self.draft()
        if self._campaign is None:
            return create_campaign(workspace, draft, spread=self.spread_box.isChecked())
        return edit_campaign(workspace, self._campaign.id, draft)

    def _show_refusal(self, error: PlannerError) -> None:
        self.error_label.setText(str(error))
        self.error_label.show()

    def _draft_without_budget(self) -> CampaignDraft:
        return CampaignDraft(
            name=self.name_field.text(),
            channel=Channel(self.channel_box.currentData()),
            target_temperature=Temperature(self.temperature_box.currentData()),
            start_on=from_qdate(self.start_edit.date()),
            end_on=from_qdate(self.end_edit.date()),
            target_city=self.city_field.text(),
            target_source=self.source_field.text(),
            target_search=self.search_field.text(),
            goal=self.goal_field.text(),
            offer=self.offer_field.text(),
            notes=self.notes_field.toPlainText(),
        )

    def _fill(self, start_on: date) -> None:
        campaign = self._campaign
        if campaign is None:
            draft = CampaignDraft(
                name="",
                channel=Channel.DIRECT_MAIL,
                target_temperature=Temperature.COLD,
                start_on=start_on,
                end_on=start_on + timedelta(days=DEFAULT_DAYS - 1),
            )
        else:
            draft = campaign.draft()
        self.name_field.setText(draft.name)
        self.channel_box.setCurrentIndex(self.channel_box.findData(draft.channel))
        self.temperature_box.setCurrentIndex(
            self.temperature_box.findData(draft.target_temperature)
        )
        self.city_field.setText(draft.target_city)
        self.source_field.setText(draft.target_source)
        self.search_field.setText(draft.target_search)
        self.start_edit.setDate(to_qdate(draft.start_on))
        self.end_edit.setDate(to_qdate(draft.end_on))
        show_money(self.budget_field, self.currency_box, draft.budget)
        self.goal_field.setText(draft.goal)
        self.offer_field.setText(draft.offer)
        self.notes_field.setPlainText(draft.notes)

    def _build_layout(self) -> None:
        campaign = self._campaign
        is_new = campaign is None
        self.setWindowTitle("New campaign" if campaign is None else f"Campaign '{campaign.name}'")
        self.ok_button.setText("Create campaign" if is_new else "Save")
        basics = QFormLayout()
        basics.addRow("Name *", self.name_field)
        basics.addRow("Channel", self.channel_box)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end_edit, 1)
        basics.addRow("Runs", dates)
        budget = QHBoxLayout()
        budget.addWidget(self.budget_field, 3)
        budget.addWidget(self.currency_box, 1)
        basics.addRow("Budget", budget)
        basics.addRow("", self.budget_hint)
        basics.addRow("Goal", self.goal_field)
        basics.addRow("Offer", self.offer_field)
        basics.addRow("Notes", self.notes_field)
        target = QFormLayout()
        target.addRow("Who", self.temperature_box)
        target.addRow("City", self.city_field)
        target.addRow("Source", self.source_field)
        target.addRow("Search", self.search_field)
        target_group = QGroupBox("Target")
        target_group.setLayout(target)
        target_group.setEnabled(is_new)
        if not is_new:
            target_group.setToolTip("The target chose the leads when the campaign was created")
        layout = QVBoxLayout(self)
        layout.addLayout(basics)
        layout.addWidget(target_group)
        if is_new:
            layout.addWidget(self.spread_box)
        else:
            self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self.ask_to_delete)
        layout.addWidget(self.target_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 30)
        self.name_field.setFocus()

    def _connect(self) -> None:
        for field in (self.city_field, self.source_field, self.search_field):
            field.textEdited.connect(self._preview_timer.start)
        self.channel_box.currentIndexChanged.connect(self.update_preview)
        self.temperature_box.currentIndexChanged.connect(self.update_preview)
        self.start_edit.dateChanged.connect(self._start_moved)
        self.end_edit.dateChanged.connect(self.update_preview)
        self.spread_box.toggled.connect(self.update_preview)

    def _start_moved(self) -> None:
        """Keeps the end on or after the start while the user picks dates."""
        if self.end_edit.date() < self.start_edit.date():
            self.end_edit.setDate(self.start_edit.date())
        self.update_preview()
