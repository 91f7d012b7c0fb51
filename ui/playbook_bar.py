"""The bar above the board that proposes a lead's playbook after it moves, without blocking.

"Plan 3 touches for 'Acme Bakery'? [Plan] [Not now]" after a move into a column or after a new
lead is added, "Drop 2 unfinished playbook touches for 'Acme Bakery'? [Drop] [Keep]" after a
move back, and "Why was 'Acme Bakery' lost? [reason] [Save] [Skip]" after a move to Lost. With
the planning setting ``auto_plan`` on, the touches are planned at once and the status bar says
so. Whatever moved or added the lead (a drag, the keyboard, the lead editor) the window announces
the pushed Change, and the bar reads the move from its column-change row and the new lead from
its inserted lead row.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Column
from planner.errors import PlannerError
from planner.services.board import note_lost_reason
from planner.services.playbooks import (
    PlaybookOffer,
    offer_after_add,
    offer_after_move,
    plan_playbook,
)
from planner.services.touches import drop_touches
from planner.store.changes import Change, Table
from planner.workspace import Workspace
from ui.common.colours import blend


def moved_lead(change: Change) -> tuple[int, Column] | None:
    """The lead a change moved between columns and the column it left, for a single move.

    New leads (no previous column, see ``added_lead``) and batches of moves are left out.
    """
    moves = [
        row.after
        for row in change.rows
        if row.table is Table.COLUMN_CHANGES
        and row.before is None
        and row.after is not None
        and row.after.get("from_column")
    ]
    if len(moves) != 1:
        return None
    return int(moves[0]["lead_id"]), Column(moves[0]["from_column"])


def added_lead(change: Change) -> int | None:
    """The lead a change added, when it added exactly one (a new lead from the lead editor).

    Demo data and imports add many leads in one step; proposing one playbook out of many would
    be noise, so they are left out.
    """
    added = [
        row.key
        for row in change.rows
        if row.table is Table.LEADS and row.before is None and row.after is not None
    ]
    return int(added[0]) if len(added) == 1 else None


class _Question(QWidget):
    """One question of the bar with its two answers."""

    def __init__(self, accept_text: str, decline_text: str) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        font = QFont(self.label.font())
        font.setBold(True)
        self.label.setFont(font)
        self.accept_button = QPushButton(accept_text)
        self.decline_button = QPushButton(decline_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.decline_button)


class _ReasonQuestion(_Question):
    """A question answered in a few words: a text field before the two answers."""

    def __init__(self, accept_text: str, decline_text: str) -> None:
        super().__init__(accept_text, decline_text)
        self.label.setWordWrap(False)
        self.field = QLineEdit()
        self.field.setAccessibleName("Lost because")
        self.field.setPlaceholderText("e.g. chose a cheaper offer")
        self.field.setClearButtonEnabled(True)
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.setStretch(0, 0)
        layout.insertWidget(1, self.field, 1)


class PlaybookBar(QFrame):
    """Offers to plan (or drop) playbook touches after a lead changed column or was added, and
    asks why a lead moved to Lost was lost.

    Signals:
        change_made(Change): touches were planned or dropped; push it on the undo stack.
        message(str): a passing note for the status bar.
        action_failed(str): planning or dropping could not be done; the sentence says why.
    """

    change_made = Signal(object)
    message = Signal(str)
    action_failed = Signal(str)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("playbook-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(
            QPalette.ColorRole.Window,
            blend(
                palette.color(QPalette.ColorRole.Window),
                palette.color(QPalette.ColorRole.Highlight),
                0.14,
            ),
        )
        self.setPalette(palette)
        self._workspace = workspace
        self._offer: PlaybookOffer | None = None
        self._source: Change | None = None
        self.plan_question = _Question("Plan", "Not now")
        self.drop_question = _Question("Drop", "Keep")
        self.reason_question = _ReasonQuestion("Save", "Skip")
        self.reason_question.accept_button.setObjectName("lost-reason-save")
        self.reason_question.decline_button.setObjectName("lost-reason-skip")
        self._lost_lead_id: int | None = None
        self.plan_question.accept_button.setObjectName("playbook-plan")
        self.plan_question.decline_button.setObjectName("playbook-not-now")
        self.drop_question.accept_button.setObjectName("playbook-drop")
        self.drop_question.decline_button.setObjectName("playbook-keep")
        layout = QVBoxLayout(self)
        line = self.fontMetrics().height()
        layout.setContentsMargins(line // 2, line // 3, line // 2, line // 3)
        layout.addWidget(self.plan_question)
        layout.addWidget(self.drop_question)
        layout.addWidget(self.reason_question)
        self.plan_question.accept_button.clicked.connect(self.plan)
        self.plan_question.decline_button.clicked.connect(self.plan_question.hide)
        self.plan_question.decline_button.clicked.connect(self._hide_when_answered)
        self.drop_question.accept_button.clicked.connect(self.drop)
        self.drop_question.decline_button.clicked.connect(self.drop_question.hide)
        self.drop_question.decline_button.clicked.connect(self._hide_when_answered)
        self.reason_question.accept_button.clicked.connect(self.save_lost_reason)
        self.reason_question.field.returnPressed.connect(self.save_lost_reason)
        self.reason_question.decline_button.clicked.connect(self.reason_question.hide)
        self.reason_question.decline_button.clicked.connect(self._hide_when_answered)
        self.reason_question.hide()
        self.hide()

    @property
    def offer(self) -> PlaybookOffer | None:
        """The offer shown (or last shown)."""
        return self._offer

    def set_workspace(self, workspace: Workspace) -> None:
        """Forgets the offer: it was about the database that was open before."""
        self._workspace = workspace
        self._offer = None
        self._source = None
        self._lost_lead_id = None
        self.hide()

    def consider(self, change: Change) -> None:
        """After a new action: if it moved one lead to another column, or added one lead, offer
        the playbook of the column the lead is in now.

        With auto-plan on, the playbook is planned as soon as the action's own handling is over,
        so its undo step and its status-bar note come after the move's (or the add's).
        """
        self._withdraw_answered_reason(change)
        moved = moved_lead(change)
        added = added_lead(change)
        try:
            if moved is not None:
                offer = offer_after_move(self._workspace, *moved)
            elif added is not None:
                offer = offer_after_add(self._workspace, added)
            else:
                return
        except PlannerError as error:
            self.action_failed.emit(str(error))
            return
        self._source = change
        self._offer = offer
        self.plan_question.setVisible(bool(offer.to_plan) and not offer.auto_plan)
        self.plan_question.label.setText(offer.plan_question)
        self.drop_question.setVisible(bool(offer.to_drop))
        self.drop_question.label.setText(offer.drop_question)
        self._ask_lost_reason(moved[0] if moved is not None else None)
        if offer.to_plan and offer.auto_plan:
            QTimer.singleShot(
                0, lambda: self._plan_now(offer, "Planned automatically: {} — Ctrl+Z to undo")
            )
        self._hide_when_answered()

    def retract_if_undone(self, change: Change) -> None:
        """Hides the offer when the move (or add) it was made for is undone."""
        if change is self._source and self.isVisible():
            self.plan_question.hide()
            self.drop_question.hide()
            self.reason_question.hide()
            self.hide()

    def plan(self) -> Change | None:
        """Plans the lead's playbook as one undoable step."""
        offer = self._offer
        self.plan_question.hide()
        self._hide_when_answered()
        if offer is None:
            return None
        return self._plan_now(offer, "{} — Ctrl+Z to undo")

    def drop(self) -> Change | None:
        """Drops the unfinished playbook touches the lead left behind, as one undoable step."""
        offer = self._offer
        self.drop_question.hide()
        self._hide_when_answered()
        if offer is None or not offer.to_drop:
            return None
        try:
            change = drop_touches(self._workspace, [touch.id for touch in offer.to_drop])
        except PlannerError as error:
            self.action_failed.emit(str(error))
            return None
        self._announce(change)
        return change

    def save_lost_reason(self) -> Change | None:
        """Records the reason typed for the lead just moved to Lost, as one undoable step."""
        lead_id = self._lost_lead_id
        reason = self.reason_question.field.text()
        if lead_id is None or not reason.strip():
            return None
        self.reason_question.hide()
        self._hide_when_answered()
        try:
            change = note_lost_reason(self._workspace, lead_id, reason)
        except PlannerError as error:
            self.action_failed.emit(str(error))
            return None
        self._announce(change)
        return change

    def _withdraw_answered_reason(self, change: Change) -> None:
        """Stops asking why a lead was lost once another action gave the reason (the lead
        editor) or took the lead out of Lost."""
        lead_id = self._lost_lead_id
        if lead_id is None or lead_id not in change.keys(Table.LEADS):
            return
        try:
            lead = self._workspace.leads.get(lead_id)
        except PlannerError:
            lead = None
        if lead is None or lead.column is not Column.LOST or lead.lost_reason:
            self._lost_lead_id = None
            self.reason_question.hide()
            self._hide_when_answered()

    def _ask_lost_reason(self, moved_lead_id: int | None) -> None:
        lead = self._workspace.leads.get(moved_lead_id) if moved_lead_id is not None else None
        if lead is None or lead.column is not Column.LOST:
            self._lost_lead_id = None
            self.reason_question.hide()
            return
        self._lost_lead_id = lead.id
        self.reason_question.label.setText(f"Why was '{lead.name}' lost?")
        self.reason_question.field.setText(lead.lost_reason)
        self.reason_question.show()

    def _plan_now(self, offer: PlaybookOffer, note: str) -> Change | None:
        try:
            change = plan_playbook(self._workspace, offer.lead_id)
        except PlannerError as error:
            self.action_failed.emit(str(error))
            return None
        self._announce(change, note)
        return change

    def _announce(self, change: Change, note: str = "{} — Ctrl+Z to undo") -> None:
        if not change.is_empty:
            self.change_made.emit(change)
            self.message.emit(note.format(change.description))

    def _hide_when_answered(self) -> None:
        open_questions = any(
            not question.isHidden()
            for question in (self.plan_question, self.drop_question, self.reason_question)
        )
        self.setVisible(open_questions)


def with_bar_above(bar: PlaybookBar, screen: QWidget) -> QWidget:
    """A container showing ``bar`` (when it has a question) above ``screen``."""
    container = QWidget()
    container.setObjectName("board-screen")
    margin = round(container.fontMetrics().height() * 0.6)
    bar_row = QHBoxLayout()
    bar_row.setContentsMargins(margin, margin, margin, 0)
    bar_row.addWidget(bar)
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(bar_row)
    layout.addWidget(screen, 1)
    return container
