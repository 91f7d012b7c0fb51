"""Touch actions: plan, log, edit, mark done, reschedule and delete contacts with leads.

Each function is one user action: one transaction, a ``Change``, undoable through
``planner.services.history``. Batches (a playbook, a campaign, a mail merge) are one step too.
"""

import dataclasses
from collections.abc import Iterable
from datetime import date, time
from enum import Enum

from planner.changes import Change
from planner.domain import Touch, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError, ValidationError
from planner.limits import TOUCH_NOTES, day_problem
from planner.locale import format_day as day_text
from planner.services.actions import user_action
from planner.store.changes import ChangeRecorder, Table, recording
from planner.store.touches import time_text, touch_row
from planner.workspace import Workspace


class KeepTime(Enum):
    """Marks "leave the planned time as it is" when rescheduling (dragging to another day)."""

    KEEP = "keep"


KEEP_TIME = KeepTime.KEEP


@dataclasses.dataclass(frozen=True)
class TouchEdit:
    """The editable part of a stored touch: what the touch dialog and ``touch edit`` change.

    Start from ``TouchEdit.of(touch)`` and replace the fields the user changed. The lead, the
    campaign, the document and the playbook a touch came from stay as they are.
    """

    kind: TouchKind
    planned_on: date
    planned_at: time | None
    notes: str
    done_on: date | None
    outcome: TouchOutcome | None

    @classmethod
    def of(cls, touch: Touch) -> "TouchEdit":
        """The touch as it is now."""
        return cls(
            kind=touch.kind,
            planned_on=touch.planned_on,
            planned_at=touch.planned_at,
            notes=touch.notes,
            done_on=touch.done_on,
            outcome=touch.outcome,
        )


@user_action
def plan_touches(workspace: Workspace, drafts: list[TouchDraft], description: str) -> Change:
    """Records the drafts as they are (planned, or done when they carry ``done_on``), one step."""
    validate_touch_drafts(workspace, drafts)
    with recording(workspace.db, description) as recorder:
        insert_touches(recorder, drafts, workspace.clock.timestamp())
        return recorder.finish()


@user_action
def log_touches(workspace: Workspace, drafts: list[TouchDraft], description: str) -> Change:
    """Records contacts already made (letters sent, calls taken) as done touches, one step.

    A draft without ``done_on`` is taken as done on its planned day.
    """
    done = [
        draft if draft.done_on is not None else dataclasses.replace(draft, done_on=draft.planned_on)
        for draft in drafts
    ]
    return plan_touches(workspace, done, description)


@user_action
def add_touch(workspace: Workspace, draft: TouchDraft) -> Change:
    """Plans (or logs, when it carries ``done_on``) one touch: "Plan phone call for 'Acme'"."""
    verb = "Log" if draft.done_on is not None else "Plan"
    name = workspace.leads.get(draft.lead_id).name
    return plan_touches(workspace, [draft], f"{verb} {draft.kind.label.lower()} for '{name}'")


@user_action
def mark_touch_done(
    workspace: Workspace,
    touch_id: int,
    outcome: TouchOutcome | None = None,
    done_on: date | None = None,
) -> Change:
    """Marks a planned touch done (today unless ``done_on`` says when) with what came of it.

    A touch already done is refused, so its recorded day and outcome are never overwritten by
    accident; ``edit_touch`` changes those.
    """
    touch = workspace.touches.get(touch_id)
    if touch.done_on is not None:
        raise ValidationError(
            f"That {_title(workspace, touch)} was already done on {day_text(touch.done_on)}; "
            "use 'planner touch edit' (or open the touch) to change it"
        )
    today = workspace.clock.today()
    day = done_on or today
    _check_notes_and_days("", touch.planned_on, day)
    if day > today:
        raise ValidationError("A touch cannot be done on a day still to come", "done_on")
    description = f"Mark {_title(workspace, touch)} done"
    with recording(workspace.db, description) as recorder:
        recorder.update(
            Table.TOUCHES,
            touch_id,
            {"done_on": day.isoformat(), "outcome": outcome.value if outcome else None},
        )
        return recorder.finish()


@user_action
def edit_touch(workspace: Workspace, touch_id: int, edit: TouchEdit) -> Change:
    """Saves a touch's kind, day, time, notes and (once done) outcome as one step.

    "Edit phone call for 'Acme Bakery'"; when the edit also marks a planned touch done (the
    dialog's Mark done with other fields changed) it reads "Mark phone call for 'Acme Bakery'
    done". Notes lose surrounding blanks. A done touch keeps its planned day and time (they are
    history by then) and stays done; an edit that changes nothing returns an empty Change.
    """
    touch = workspace.touches.get(touch_id)
    title = _title(workspace, touch)
    edit = dataclasses.replace(edit, notes=edit.notes.strip())
    _validate_edit(workspace, touch, title, edit)
    marks_done = not touch.is_done and edit.done_on is not None
    description = f"Mark {title} done" if marks_done else f"Edit {title}"
    if edit == TouchEdit.of(touch):
        return Change(description)
    values = {
        "kind": edit.kind.value,
        "planned_on": edit.planned_on.isoformat(),
        "planned_at": time_text(edit.planned_at),
        "notes": edit.notes,
        "done_on": edit.done_on.isoformat() if edit.done_on else None,
        "outcome": edit.outcome.value if edit.outcome else None,
    }
    with recording(workspace.db, description) as recorder:
        recorder.update(Table.TOUCHES, touch_id, values)
        return recorder.finish()


@user_action
def reschedule_touch(
    workspace: Workspace,
    touch_id: int,
    planned_on: date,
    planned_at: time | KeepTime | None = KEEP_TIME,
) -> Change:
    """Moves a planned touch to another day; its time stays unless ``planned_at`` is given.

    Pass ``planned_at=None`` to make it an all-day touch. Done touches stay where they were.
    """
    touch = workspace.touches.get(touch_id)
    if touch.is_done:
        raise ValidationError(
            f"The {_title(workspace, touch)} is already done; only planned touches move"
        )
    _check_notes_and_days("", planned_on, None)
    values: dict[str, object] = {"planned_on": planned_on.isoformat()}
    if not isinstance(planned_at, KeepTime):
        values["planned_at"] = time_text(planned_at)
    description = f"Reschedule {_title(workspace, touch)} to {day_text(planned_on)}"
    with recording(workspace.db, description) as recorder:
        recorder.update(Table.TOUCHES, touch_id, values)
        return recorder.finish()


@user_action
def delete_touch(workspace: Workspace, touch_id: int) -> Change:
    """Removes one touch from its lead's timeline."""
    touch = workspace.touches.get(touch_id)
    with recording(workspace.db, f"Delete {_title(workspace, touch)}") as recorder:
        recorder.delete(Table.TOUCHES, touch_id)
        return recorder.finish()


@user_action
def drop_touches(workspace: Workspace, touch_ids: Iterable[int]) -> Change:
    """Removes several touches as one step (a playbook's unfinished touches after a move back)."""
    touches = [workspace.touches.get(touch_id) for touch_id in dict.fromkeys(touch_ids)]
    lead_names = workspace.leads.names({touch.lead_id for touch in touches})
    count = count_text(len(touches))
    if len(lead_names) == 1:
        (name,) = lead_names.values()
        description = f"Drop {count} for '{name}'"
    else:
        description = f"Drop {count}"
    with recording(workspace.db, description) as recorder:
        for touch in touches:
            recorder.delete(Table.TOUCHES, touch.id)
        return recorder.finish()


def insert_touches(recorder: ChangeRecorder, drafts: Iterable[TouchDraft], now: str) -> list[int]:
    """Writes validated drafts inside an action's transaction, in one bulk insert (a busy month
    plans thousands); returns the new ids in order."""
    return recorder.insert_many(Table.TOUCHES, (touch_row(draft, now) for draft in drafts))


def validate_touch_drafts(workspace: Workspace, drafts: list[TouchDraft]) -> None:
    """Raises when a draft names a missing lead or campaign, or has an outcome but is not done."""
    for draft in drafts:
        if draft.outcome is not None and draft.done_on is None:
            raise ValidationError("Only a done touch has an outcome", "outcome")
        _check_notes_and_days(draft.notes, draft.planned_on, draft.done_on)
    wanted = {draft.lead_id for draft in drafts}
    missing = sorted(wanted - workspace.touches.live_lead_ids(wanted))
    if missing:
        raise NotFoundError(f"There is no lead with id {missing[0]}")
    campaign_ids = {draft.campaign_id for draft in drafts if draft.campaign_id is not None}
    for campaign_id in sorted(campaign_ids):
        workspace.campaigns.get(campaign_id)


def _check_notes_and_days(notes: str, planned_on: date, done_on: date | None) -> None:
    """Refuses notes too long or with control characters, and days out of range."""
    problem = TOUCH_NOTES.problem(notes)
    if problem is not None:
        raise ValidationError(problem, "notes")
    for field, label, day in (("planned_on", "day", planned_on), ("done_on", "done day", done_on)):
        problem = day_problem(label, day) if day is not None else None
        if problem is not None:
            raise ValidationError(problem, field)


def _validate_edit(workspace: Workspace, touch: Touch, title: str, edit: TouchEdit) -> None:
    _check_notes_and_days(edit.notes, edit.planned_on, edit.done_on)
    if edit.outcome is not None and edit.done_on is None:
        raise ValidationError("Only a done touch has an outcome", "outcome")
    if edit.done_on is not None and edit.done_on > workspace.clock.today():
        raise ValidationError("A touch cannot be done on a day still to come", "done_on")
    if not touch.is_done:
        return
    if edit.done_on is None:
        raise ValidationError(f"The {title} is done and stays done", "done_on")
    if (edit.planned_on, edit.planned_at) != (touch.planned_on, touch.planned_at):
        raise ValidationError(
            f"The {title} is already done; only planned touches move", "planned_on"
        )


def _title(workspace: Workspace, touch: Touch) -> str:
    """``phone call for 'Acme Bakery'``: how a touch is named in the Edit menu."""
    return f"{touch.kind.label.lower()} for '{workspace.leads.get(touch.lead_id).name}'"


def count_text(number: int) -> str:
    """``1 touch``, ``3 touches``."""
    return f"{number} touch" if number == 1 else f"{number} touches"
