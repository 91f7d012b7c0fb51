"""The board's actions: add, edit, move, delete and restore leads.

Each function is one user action: one transaction, a ``Change`` describing what it wrote, and
undoable through ``planner.services.history``.
"""

from collections.abc import Sequence
from itertools import pairwise

from fractional_indexing import generate_key_between, generate_n_keys_between

from planner.changes import Change
from planner.domain import Column, Lead, LeadDraft, Outcome, Temperature
from planner.errors import NotFoundError, ValidationError
from planner.limits import LEAD_LIMITS, LOST_REASON, MAX_RECORD_ID
from planner.money import DEFAULT_CURRENCY
from planner.services.actions import user_action
from planner.store.changes import ChangeRecorder, Table, recording
from planner.store.leads import draft_to_row
from planner.workspace import Workspace


def validate_draft(workspace: Workspace, draft: LeadDraft, lead_id: int | None = None) -> None:
    """Raises ValidationError naming the field of the first problem when the draft cannot be
    stored."""
    for field, message in draft_problems(workspace, draft, lead_id).items():
        raise ValidationError(message, field)


def draft_problems(
    workspace: Workspace, draft: LeadDraft, lead_id: int | None = None
) -> dict[str, str]:
    """Every reason the draft cannot be stored, by field, in the editor's order (the editor
    shows them all at once beside their fields)."""
    problems: dict[str, str] = {}
    for field, limit in LEAD_LIMITS.items():
        problem = limit.problem(getattr(draft, field))
        if problem is not None:
            problems[field] = problem
    if not draft.name.strip():
        problems.setdefault("name", "A lead needs a name")
    email = draft.email.strip()
    if (
        "email" not in problems
        and email
        and ("@" not in email or email.startswith("@") or email.endswith("@"))
    ):
        problems["email"] = f"'{email}' is not an email address"
    if draft.referred_by is not None:
        if draft.referred_by == lead_id:
            problems["referred_by"] = "A lead cannot be referred by itself"
        else:
            try:
                workspace.leads.get(draft.referred_by, include_deleted=True)
            except NotFoundError:
                problems["referred_by"] = (
                    f"There is no lead with id {draft.referred_by} to be the referrer"
                )
    return problems


@user_action
def add_lead(workspace: Workspace, draft: LeadDraft, column: Column | None = None) -> Change:
    """Adds a lead at the bottom of its column (its temperature's unless ``column`` is given)."""
    validate_draft(workspace, draft)
    target = column or Column(draft.temperature.value)
    with recording(workspace.db, f"Add '{draft.name.strip()}'") as recorder:
        now = workspace.clock.timestamp()
        row = draft_to_row(draft)
        row.update(_placement(draft.temperature, target))
        row.update(
            created_at=now,
            updated_at=now,
            rank=generate_key_between(workspace.leads.last_rank(target), None),
        )
        lead_id = recorder.insert(Table.LEADS, row)
        recorder.record_move(lead_id, None, target, now)
        return recorder.finish()


@user_action
def add_leads(workspace: Workspace, drafts: list[tuple[LeadDraft, Column]], label: str) -> Change:
    """Adds many leads as one undoable step (demo data, imports), each at the end of its column."""
    for draft, _column in drafts:
        validate_draft(workspace, draft)
    with recording(workspace.db, label) as recorder:
        now = workspace.clock.timestamp()
        for column in Column:
            batch = [draft for draft, target in drafts if target is column]
            ranks = generate_n_keys_between(workspace.leads.last_rank(column), None, len(batch))
            rows = (
                {
                    "currency": DEFAULT_CURRENCY,  # the table's default; every row names it
                    **draft_to_row(draft),
                    **_placement(draft.temperature, column),
                    "created_at": now,
                    "updated_at": now,
                    "rank": rank,
                }
                for draft, rank in zip(batch, ranks, strict=True)
            )
            lead_ids = recorder.insert_many(Table.LEADS, rows)
            recorder.record_arrivals(((lead_id, column) for lead_id in lead_ids), now)
        return recorder.finish()


@user_action
def edit_lead(
    workspace: Workspace, lead_id: int, draft: LeadDraft, lost_reason: str | None = None
) -> Change:
    """Saves the editor's fields; a new temperature moves an open lead to that column's end.

    ``lost_reason`` (``None`` leaves it as it is) can only be given to a lost lead. An edit that
    changes nothing writes nothing, so the card's "days since the last change" stays true.
    """
    lead = workspace.leads.get(lead_id)
    validate_draft(workspace, draft, lead_id)
    if lost_reason is not None:
        _check_lost_reason(lead, lost_reason)
    description = f"Edit '{draft.name.strip()}'"
    reason_unchanged = lost_reason is None or lost_reason.strip() == lead.lost_reason
    if draft_to_row(draft) == draft_to_row(lead.draft()) and reason_unchanged:
        return Change(description)
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        row = draft_to_row(draft)
        row["updated_at"] = now
        if lost_reason is not None and lead.outcome is Outcome.LOST:
            row["lost_reason"] = lost_reason.strip()
        if lead.outcome is Outcome.OPEN and draft.temperature is not lead.temperature:
            target = Column(draft.temperature.value)
            row["board_column"] = target.value
            row["rank"] = generate_key_between(workspace.leads.last_rank(target), None)
            recorder.record_move(lead_id, lead.column, target, now)
        recorder.update(Table.LEADS, lead_id, row)
        return recorder.finish()


@user_action
def move_lead(
    workspace: Workspace,
    lead_id: int,
    column: Column,
    position: int | None = None,
    lost_reason: str = "",
) -> Change:
    """Moves a lead to ``column`` at ``position`` (0 is the top; ``None`` is the bottom)."""
    return move_leads(workspace, [lead_id], column, position, lost_reason)


@user_action
def move_leads(
    workspace: Workspace,
    lead_ids: Sequence[int],
    column: Column,
    position: int | None = None,
    lost_reason: str = "",
    *,
    below: int | None = None,
) -> Change:
    """Moves leads, in the order given, to ``column``: directly ``below`` the lead with that id
    (a drop names the card it landed under), or at ``position`` (0 is the top), or at the bottom
    when neither is given.

    The neighbours are read inside the action's transaction, so a drop cannot interleave with
    another writer's move. A ``below`` lead that left the column meanwhile puts the leads at the
    bottom. Writes each lead's row and, for a lead that changes column, one history row: a
    constant amount of work per lead however many leads the board holds.
    """
    moving = list(dict.fromkeys(lead_ids))
    leads = [workspace.leads.get(lead_id) for lead_id in moving]
    if not leads:
        raise ValidationError("No leads to move", "lead_ids")
    reason_problem = LOST_REASON.problem(lost_reason)
    if reason_problem is not None:
        raise ValidationError(reason_problem, "lost_reason")
    before, after = _neighbour_ranks(workspace, column, moving, position, below)
    description = (
        f"Move '{leads[0].name}' to {column.heading}"
        if len(leads) == 1
        else f"Move {len(leads)} leads to {column.heading}"
    )
    if all(lead.column is column for lead in leads) and _ranks_between(
        before, [lead.rank for lead in leads], after
    ):
        return Change(description)
    ranks = generate_n_keys_between(before, after, len(leads))
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        for lead, rank in zip(leads, ranks, strict=True):
            row: dict[str, object] = {
                "rank": rank,
                "updated_at": now,
                **_placement(lead.temperature, column),
            }
            if column is not lead.column or lost_reason.strip():
                # A card reordered within Lost keeps its reason unless a new one is given.
                row["lost_reason"] = lost_reason.strip() if column is Column.LOST else ""
            recorder.update(Table.LEADS, lead.id, row)
            if column is not lead.column:
                recorder.record_move(lead.id, lead.column, column, now)
        return recorder.finish()


def _neighbour_ranks(
    workspace: Workspace,
    column: Column,
    moving: list[int],
    position: int | None,
    below: int | None,
) -> tuple[str | None, str | None]:
    """The ranks the moving leads will sit between, with the moving leads lifted out."""
    if position is not None and below is not None:
        raise ValidationError("Give a position or a lead to drop below, not both", "position")
    if below is not None:
        if below in moving:
            raise ValidationError("Leads cannot be dropped below one of themselves", "below")
        around = workspace.leads.ranks_below(column, below, moving)
        if around is not None:
            return around
    if position is None:
        return workspace.leads.last_rank(column, moving), None
    if position < 0:
        raise ValidationError("A position is 0 or more", "position")
    return workspace.leads.ranks_around(column, min(position, MAX_RECORD_ID), moving)


@user_action
def note_lost_reason(workspace: Workspace, lead_id: int, reason: str) -> Change:
    """Records why a lost lead was lost (asked for after a move to Lost)."""
    lead = workspace.leads.get(lead_id)
    _check_lost_reason(lead, reason)
    description = f"Note why '{lead.name}' was lost"
    if reason.strip() == lead.lost_reason:
        return Change(description)
    with recording(workspace.db, description) as recorder:
        recorder.update(
            Table.LEADS,
            lead_id,
            {"lost_reason": reason.strip(), "updated_at": workspace.clock.timestamp()},
        )
        return recorder.finish()


def _check_lost_reason(lead: Lead, reason: str) -> None:
    problem = LOST_REASON.problem(reason)
    if problem is not None:
        raise ValidationError(problem, "lost_reason")
    if lead.outcome is not Outcome.LOST and reason.strip():
        raise ValidationError(
            f"'{lead.name}' is not lost: move it to Lost to give a reason", "lost_reason"
        )


@user_action
def delete_lead(workspace: Workspace, lead_id: int) -> Change:
    """Takes a lead off the board; its history stays, and ``restore_lead`` brings it back."""
    return delete_leads(workspace, [lead_id])


@user_action
def delete_leads(workspace: Workspace, lead_ids: Sequence[int]) -> Change:
    """Takes leads off the board as one step; their history stays, and undo brings them back."""
    leads = [workspace.leads.get(lead_id) for lead_id in dict.fromkeys(lead_ids)]
    if not leads:
        raise ValidationError("No leads to delete", "lead_ids")
    description = f"Delete '{leads[0].name}'" if len(leads) == 1 else f"Delete {len(leads)} leads"
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        for lead in leads:
            recorder.update(Table.LEADS, lead.id, {"deleted_at": now})
        return recorder.finish()


@user_action
def restore_lead(workspace: Workspace, lead_id: int) -> Change:
    """Puts a deleted lead back at the bottom of its column."""
    lead = workspace.leads.get(lead_id, include_deleted=True)
    if lead.deleted_at is None:
        raise ValidationError(f"'{lead.name}' is not deleted")
    with recording(workspace.db, f"Restore '{lead.name}'") as recorder:
        rank = generate_key_between(workspace.leads.last_rank(lead.column), None)
        recorder.update(
            Table.LEADS,
            lead_id,
            {"deleted_at": None, "rank": rank, "updated_at": workspace.clock.timestamp()},
        )
        return recorder.finish()


def _ranks_between(before: str | None, ranks: list[str], after: str | None) -> bool:
    """True when ``ranks`` already rise between their would-be neighbours: the move is a no-op.

    The neighbours are computed with the moving cards lifted, so no other card lies between them.
    """
    bounded = [before, *ranks, after]
    return all(
        lower is None or upper is None or lower < upper for lower, upper in pairwise(bounded)
    )


def write_move_to_end(
    workspace: Workspace,
    recorder: ChangeRecorder,
    lead: Lead,
    column: Column,
    values: dict[str, object] | None = None,
) -> None:
    """Writes, inside another action's recording, a lead's move to the bottom of ``column``
    with ``values`` for other columns of its row (accepting a proposal moves its lead to Won
    and sets the deal amount, as one step)."""
    now = workspace.clock.timestamp()
    row: dict[str, object] = {**(values or {}), "updated_at": now}
    if column is not lead.column:
        row.update(_placement(lead.temperature, column))
        row["rank"] = generate_key_between(workspace.leads.last_rank(column), None)
        row["lost_reason"] = ""
    recorder.update(Table.LEADS, lead.id, row)
    if column is not lead.column:
        recorder.record_move(lead.id, lead.column, column, now)


def neighbour_column(column: Column, step: int) -> Column | None:
    """The column left (``step=-1``) or right (``+1``) of ``column``, or ``None`` at the edge."""
    order = list(Column)
    index = order.index(column) + step
    return order[index] if 0 <= index < len(order) else None


def _placement(temperature: Temperature, column: Column) -> dict[str, str]:
    """The stored temperature, outcome and column of a lead placed in ``column``.

    A won or lost lead keeps the temperature it had; reopening one sets the column's temperature.
    """
    if column.is_outcome:
        return {
            "temperature": temperature.value,
            "outcome": Outcome(column.value).value,
            "board_column": column.value,
        }
    return {
        "temperature": column.value,
        "outcome": Outcome.OPEN.value,
        "board_column": column.value,
    }
