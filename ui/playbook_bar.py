"""The bar above the board that proposes a lead's playbook after it moves, without blocking.

"Plan 3 touches for 'Acme Bakery'? [Plan] [Not now]" after a move into a column or after a new
lead is added, "Drop 2 unfinished playbook touches for 'Acme Bakery'? [Drop] [Keep]" after a
move back, and "Why was 'Acme Bakery' lost? [reason] [Save] [Skip]" after a move to Lost. With
the planning setting ``auto_plan`` on, the touches are planned at once and the status bar says
so. Whatever moved or added the lead (a drag, the keyboard, the lead editor) the runner
broadcasts the change, and the bar reads the move from its ``LeadMove`` fact and the new lead from
its created ids. Answering acts through the runner, which then gives the focus back to the board.
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind, Origin
from planner.domain import Column, Lead
from planner.errors import NotFoundError
from planner.services.board import note_lost_reason
from planner.services.playbooks import (
    PlaybookOffer,
    offer_after_add,
    offer_after_move,
    plan_playbook,
)
from planner.services.touches import drop_touches
from planner.workspace import Workspace
from ui.common.theme import mark_notice
from ui.operations import Operations


def moved_lead(change: Change) -> tuple[int, Column] | None:
    """The lead a change moved between columns and the column it left, for a single move.

    New leads (no previous column, see ``added_lead``) and batches of moves are left out.
    """
    moves = [move for move in change.moves if move.source is not None]
    if len(moves) != 1 or moves[0].source is None:
        return None
    return moves[0].lead_id, moves[0].source


def added_lead(change: Change) -> int | None:
    """The lead a change added, when it added exactly one (a new lead from the lead editor).

    Demo data and imports add many leads in one step; proposing one playbook out of many would
    be noise, so they are left out.
    """
    added = change.created_ids(Kind.LEAD)
    return added[0] if len(added) == 1 else None


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

    It listens to the runner's ``change_applied``: a new action may bring a question, an undo
    takes back the questions about the lead it concerns.
    """

    def __init__(self, operations: Operations) -> None:
        super().__init__()
        self.setObjectName("playbook-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mark_notice(self)
        self._operations = operations
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
        self.plan_question.decline_button.clicked.connect(
            lambda: self._answered(self.plan_question)
        )
        self.drop_question.accept_button.clicked.connect(self.drop)
        self.drop_question.decline_button.clicked.connect(
            lambda: self._answered(self.drop_question)
        )
        self.reason_question.accept_button.clicked.connect(self.save_lost_reason)
        self.reason_question.field.returnPressed.connect(self.save_lost_reason)
        self.reason_question.decline_button.clicked.connect(
            lambda: self._answered(self.reason_question)
        )
        self.reason_question.hide()
        self.hide()
        operations.change_applied.connect(self.apply_change)
        operations.workspace_changed.connect(self.forget)

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    @property
    def offer(self) -> PlaybookOffer | None:
        """The offer shown (or last shown)."""
        return self._offer

    def forget(self) -> None:
        """Forgets the offer and its questions (another file was opened, or the move they were
        about was undone)."""
        self._offer = None
        self._source = None
        self._lost_lead_id = None
        for question in (self.plan_question, self.drop_question, self.reason_question):
            question.hide()
        self.hide()

    def apply_change(self, change: Change, _initiator: object = None) -> None:
        """Considers a new action's change; an undo retracts the questions it made moot."""
        if change.origin is Origin.ACTION:
            self.consider(change)
        elif change.origin is Origin.UNDO:
            self.retract_if_undone(change)

    def consider(self, change: Change) -> None:
        """After a new action: if it moved one lead to another column, or added one lead, offer
        the playbook of the column the lead is in now.

        With auto-plan on, the playbook is planned as soon as the action's own handling is over,
        so its undo step and its status-bar note come after the move's (or the add's).
        """
        self._withdraw_answered_reason(change)
        moved = moved_lead(change)
        added = added_lead(change)
        workspace = self._workspace
        if moved is not None:
            offer = self._operations.attempt(lambda: offer_after_move(workspace, *moved))
        elif added is not None:
            offer = self._operations.attempt(lambda: offer_after_add(workspace, added))
        else:
            return
        if offer is None:
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
        """Withdraws the questions when an undo takes back the very move (or add) they were
        about; undoing anything else leaves them (even while another screen is shown)."""
        if self._source is None or not change.is_step_of(self._source):
            return
        self.forget()

    def plan(self) -> Change | None:
        """Plans the lead's playbook as one undoable step."""
        offer = self._offer
        if offer is None:
            return None
        change = self._plan_now(offer, "{} — Ctrl+Z to undo")
        if change is not None:
            self._answered(self.plan_question)
        return change

    def drop(self) -> Change | None:
        """Drops the unfinished playbook touches the lead left behind, as one undoable step."""
        offer = self._offer
        if offer is None or not offer.to_drop:
            return None
        touch_ids = [touch.id for touch in offer.to_drop]
        change = self._operations.run(
            lambda workspace: drop_touches(workspace, touch_ids), initiator=self
        )
        self._tell(change)
        if change is not None:
            self._answered(self.drop_question)
        return change

    def save_lost_reason(self) -> Change | None:
        """Records the reason typed for the lead just moved to Lost, as one undoable step."""
        lead_id = self._lost_lead_id
        reason = self.reason_question.field.text()
        if lead_id is None or not reason.strip():
            return None
        change = self._operations.run(
            lambda workspace: note_lost_reason(workspace, lead_id, reason), initiator=self
        )
        self._tell(change)
        if change is not None:
            self._answered(self.reason_question)
        return change

    def _withdraw_answered_reason(self, change: Change) -> None:
        """Stops asking why a lead was lost once another action gave the reason (the lead
        editor) or took the lead out of Lost."""
        lead_id = self._lost_lead_id
        if lead_id is None or lead_id not in change.lead_ids:
            return
        try:
            lead: Lead | None = self._workspace.leads.get(lead_id)
        except NotFoundError:
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
        lead_id = offer.lead_id
        change = self._operations.run(
            lambda workspace: plan_playbook(workspace, lead_id), initiator=self
        )
        self._tell(change, note)
        return change

    def _tell(self, change: Change | None, note: str = "{} — Ctrl+Z to undo") -> None:
        if change is not None and not change.is_empty:
            self._operations.show_message(note.format(change.description))

    def _answered(self, question: QWidget) -> None:
        """Puts an answered question away; when that empties the bar and the focus was in it,
        the focus goes back to the board rather than on to the next widget in the tab order
        (the search box, where Ctrl+Z would not reach the board)."""
        focused = self.window().focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        question.hide()
        self._hide_when_answered()
        if had_focus and self.isHidden():
            self._operations.focus_home()

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
