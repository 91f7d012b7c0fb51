"""Running an import: the planned rows written in one transaction, as one undoable step.

New leads go in through one ``insert_many`` (with their column history, tags and the import's
own record), duplicates chosen for update are updated in place: the lead keeps its id, column,
touches and history, and an empty cell never erases what is stored. The import's record in
``imports`` (with the leads it wrote in ``imported_leads``) is what File ▸ Import History lists
and "revert this import" reads.
"""

import json
from dataclasses import dataclass
from typing import Any

from fractional_indexing import generate_n_keys_between

from planner.changes import Change
from planner.documents.batch import CancelCheck, ProgressCallback, never_cancelled, no_progress
from planner.domain import LEAD_TEXT_FIELDS, Column, LeadDraft, Outcome
from planner.errors import PlannerError
from planner.interop.row_conversion import ImportedLead
from planner.money import DEFAULT_CURRENCY
from planner.services.actions import user_action
from planner.services.backups import back_up_before_import
from planner.services.cancelling import ImportCancelledError
from planner.services.import_planning import Decision, ImportPlan, PlannedRow
from planner.store.changes import ChangeRecorder, Table, recording
from planner.store.imports import row_fingerprint
from planner.store.leads import draft_to_row
from planner.store.text_search import searchable_text
from planner.workspace import Workspace

PROBLEMS_SHOWN = 20
"""How many row problems a refused import lists before "… and N more"."""


class ImportRowsError(PlannerError):
    """Rows of the file are invalid and skipping them was not chosen; nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        lines = plan.problem_lines()
        rows = len(plan.invalid_rows)
        shown = lines[:PROBLEMS_SHOWN]
        if len(lines) > PROBLEMS_SHOWN:
            shown.append(f"… and {len(lines) - PROBLEMS_SHOWN} more")
        super().__init__(
            f"{rows} {'row' if rows == 1 else 'rows'} of {plan.file_name} cannot be imported, so "
            "nothing was written (skip invalid rows to import the others):\n" + "\n".join(shown)
        )
        self.problems = lines


@dataclass
class _NewLead:
    """A row to add, with the rows of the file merged into it."""

    lead: ImportedLead
    fields: dict[str, str]


def import_description(added_and_updated: int) -> str:
    """``Import of 312 leads``: the Edit menu's "Undo Import of 312 leads"."""
    return f"Import of {added_and_updated:,} {'lead' if added_and_updated == 1 else 'leads'}"


@user_action
def run_import(
    workspace: Workspace,
    plan: ImportPlan,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Change:
    """Writes the plan; refuses (ImportRowsError) when a row is invalid and skipping invalid
    rows was not chosen. Cancelling rolls everything back. The file is backed up first (a
    verified backup of it as it was, see ``planner.services.backups``)."""
    if plan.invalid_rows and not plan.options.skip_invalid:
        raise ImportRowsError(plan)
    counts = plan.counts()
    description = import_description(counts.added + counts.updated)
    if counts.added + counts.updated == 0:
        return Change(description)
    new_leads, updates = _grouped(plan.rows)
    total = len(new_leads) + len(updates)
    progress(0, total)
    if cancelled():
        raise ImportCancelledError
    back_up_before_import(workspace)
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        options = plan.options
        import_id = recorder.insert(
            Table.IMPORTS,
            {
                "file_name": plan.file_name,
                "imported_at": now,
                **{
                    name: count for name, count in counts.as_dict().items() if name != "skipped_new"
                },
                "target_column": options.temperature.value,
                "source": options.source.strip(),
                "tag": options.tag.strip(),
                "last_touch_id": workspace.imports.last_touch_id(),
            },
        )
        added_ids, added_rows = _add(workspace, recorder, new_leads, plan, now)
        if cancelled():
            raise ImportCancelledError
        progress(len(new_leads), total)
        befores, after_rows = _update(workspace, recorder, updates, plan, now)
        if cancelled():
            raise ImportCancelledError
        _tag(
            workspace, recorder, import_id, plan.options.tag.strip(), new_leads, added_ids, updates
        )
        recorder.insert_many(
            Table.IMPORTED_LEADS,
            [
                {
                    "import_id": import_id,
                    "lead_id": lead_id,
                    "action": "added",
                    "before": None,
                    "fingerprint": row_fingerprint(row),
                }
                for lead_id, row in zip(added_ids, added_rows, strict=True)
            ]
            + [
                {
                    "import_id": import_id,
                    "lead_id": lead_id,
                    "action": "updated",
                    "before": json.dumps(before, ensure_ascii=False),
                    "fingerprint": row_fingerprint(after_rows[lead_id]),
                }
                for lead_id, before in befores.items()
            ],
        )
        progress(total, total)
        return recorder.finish()


def _grouped(rows: tuple[PlannedRow, ...]) -> tuple[list[_NewLead], dict[int, list[ImportedLead]]]:
    """The leads to add (later rows updating earlier ones merged in) and, per existing lead,
    the rows that update it."""
    new_leads: list[_NewLead] = []
    by_row: dict[int, _NewLead] = {}
    updates: dict[int, list[ImportedLead]] = {}
    for row in rows:
        lead = row.converted.lead
        if lead is None or row.decision is Decision.SKIP:
            continue
        if row.decision in (Decision.ADD, Decision.KEEP):
            new = _NewLead(lead, dict(lead.fields))
            new_leads.append(new)
            by_row[row.number] = new
        elif row.match is not None and row.match.other.lead_id is not None:
            updates.setdefault(row.match.other.lead_id, []).append(lead)
        elif row.match is not None and row.match.other.row in by_row:
            earlier = by_row[row.match.other.row]
            for name, value in lead.fields.items():
                if value:
                    earlier.fields[name] = value
    return new_leads, updates


def _add(
    workspace: Workspace,
    recorder: ChangeRecorder,
    new_leads: list[_NewLead],
    plan: ImportPlan,
    now: str,
) -> tuple[list[int], list[dict[str, Any]]]:
    """Inserts the new leads at the end of their columns; returns their ids and rows in file
    order."""
    options = plan.options
    placed: list[tuple[Column, dict[str, Any]]] = []
    for new in new_leads:
        lead, fields = new.lead, new.fields
        temperature = lead.temperature or options.temperature
        outcome = lead.outcome or Outcome.OPEN
        row = draft_to_row(LeadDraft(fields["name"], temperature=temperature, value=lead.value))
        row.setdefault("currency", DEFAULT_CURRENCY)
        row.update({name: fields[name].strip() for name in LEAD_TEXT_FIELDS if name != "notes"})
        row["notes"] = fields["notes"]
        row["search_text"] = searchable_text(row)
        if not row["source"]:
            row["source"] = options.source.strip()
        column = Column.of(temperature, outcome)
        row.update(
            outcome=outcome.value,
            lost_reason=fields["lost_reason"] if outcome is Outcome.LOST else "",
            board_column=column.value,
            created_at=now,
            updated_at=now,
        )
        placed.append((column, row))
    for column in Column:
        in_column = [row for target, row in placed if target is column]
        if not in_column:
            continue
        last = workspace.leads.last_rank(column)
        ranks = generate_n_keys_between(last, None, len(in_column))
        for row, rank in zip(in_column, ranks, strict=True):
            row["rank"] = rank
    rows = [row for _column, row in placed]
    lead_ids = recorder.insert_many(Table.LEADS, rows)
    recorder.insert_many(
        Table.COLUMN_CHANGES,
        [
            {"lead_id": lead_id, "from_column": None, "to_column": row["board_column"],
             "changed_at": now}
            for lead_id, row in zip(lead_ids, rows, strict=True)
        ],
    )  # fmt: skip
    return lead_ids, rows


def _update(
    workspace: Workspace,
    recorder: ChangeRecorder,
    updates: dict[int, list[ImportedLead]],
    plan: ImportPlan,
    now: str,
) -> tuple[dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
    """Fills existing leads from their rows; returns, per lead changed, the values replaced and
    the row as it is now.

    A filled cell replaces the stored value, an empty one leaves it; notes are added below the
    stored notes rather than replacing them. Temperature and outcome cells are not applied: the
    lead stays in its column.
    """
    stored = workspace.imports.lead_rows(updates)
    befores: dict[int, dict[str, Any]] = {}
    afters: dict[int, dict[str, Any]] = {}
    for lead_id, leads in updates.items():
        current = dict(stored[lead_id])
        changes: dict[str, Any] = {}
        for lead in leads:
            for name in LEAD_TEXT_FIELDS:
                value = lead.fields[name].strip() if name != "notes" else lead.fields[name]
                if not value.strip() or value == current[name]:
                    continue
                if name == "notes" and current["notes"]:
                    if value in current["notes"]:
                        continue
                    value = f"{current['notes']}\n\n{value}"
                changes[name] = current[name] = value
            if lead.value is not None and (
                lead.value.minor != current["value_minor"]
                or lead.value.currency != current["currency"]
            ):
                changes["value_minor"] = current["value_minor"] = lead.value.minor
                changes["currency"] = current["currency"] = lead.value.currency
        if not current["source"] and plan.options.source.strip():
            changes["source"] = current["source"] = plan.options.source.strip()
        if not changes:
            continue
        changes["search_text"] = searchable_text(current)
        before = {name: stored[lead_id][name] for name in changes}
        before["updated_at"] = stored[lead_id]["updated_at"]
        changes["updated_at"] = current["updated_at"] = now
        recorder.update(Table.LEADS, lead_id, changes)
        befores[lead_id] = before
        afters[lead_id] = current
    return befores, afters


def _tag(
    workspace: Workspace,
    recorder: ChangeRecorder,
    import_id: int,
    batch_tag: str,
    new_leads: list[_NewLead],
    added_ids: list[int],
    updates: dict[int, list[ImportedLead]],
) -> None:
    """The file's tags and the batch's tag on the leads written; a tag a lead has stays one."""
    wanted: dict[tuple[int, str], None] = {}
    for new, lead_id in zip(new_leads, added_ids, strict=True):
        for tag in (*new.lead.tags, batch_tag):
            if tag:
                wanted[(lead_id, tag)] = None
    for lead_id, leads in updates.items():
        for tag in (*(tag for lead in leads for tag in lead.tags), batch_tag):
            if tag:
                wanted[(lead_id, tag)] = None
    existing = workspace.imports.tag_pairs() if updates else set()
    recorder.insert_many(
        Table.LEAD_TAGS,
        [
            {"lead_id": lead_id, "tag": tag, "import_id": import_id}
            for lead_id, tag in wanted
            if (lead_id, tag) not in existing
        ],
    )
