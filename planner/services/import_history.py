"""Past imports: saving a mapping for next time, and "revert this import" after later work.

Undo takes an import back only while it is the newest step. Reverting works from the import's
record instead, at any later time: the leads it added are deleted (as the board deletes, so
they can be restored), the values it replaced in existing leads are written back and the tags it
gave are taken off. A lead
changed since the import (edited, moved, deleted, given a touch) is not touched: the revert is
refused and names those leads, so later work is never lost.
"""

from planner.changes import Change
from planner.errors import NotFoundError, ValidationError
from planner.interop.mapping import ColumnMapping, mapping_signature, saved_form
from planner.services.actions import user_action
from planner.store.changes import Table, recording
from planner.store.imports import row_fingerprint
from planner.store.settings import SettingKey, encode_setting
from planner.workspace import Workspace

NAMES_SHOWN = 10
"""How many changed leads a refused revert names before "and N more"."""


def saved_mapping(
    workspace: Workspace, headers: list[str] | tuple[str, ...]
) -> dict[str, str] | None:
    """The mapping saved for files with these headers, or ``None``."""
    saved = workspace.settings.get(SettingKey.IMPORT_MAPPINGS) or {}
    found = saved.get(mapping_signature(headers))
    return dict(found) if isinstance(found, dict) else None


@user_action
def save_mapping(
    workspace: Workspace, headers: list[str] | tuple[str, ...], mapping: ColumnMapping
) -> Change:
    """Remembers the mapping for files with the same headers (in any order)."""
    saved = dict(workspace.settings.get(SettingKey.IMPORT_MAPPINGS) or {})
    saved[mapping_signature(headers)] = saved_form(headers, mapping)
    with recording(workspace.db, "Save the import mapping") as recorder:
        recorder.put_setting(SettingKey.IMPORT_MAPPINGS.value, encode_setting(saved))
        return recorder.finish()


@user_action
def revert_import(workspace: Workspace, import_id: int) -> Change:
    """Takes back what one import wrote; refuses, naming them, when leads changed since."""
    record = workspace.imports.get(import_id)
    if record is None:
        raise NotFoundError(f"There is no import with id {import_id}")
    if record.is_reverted:
        raise ValidationError(f"Import {import_id} of {record.file_name} was reverted already")
    written = workspace.imports.imported_leads(import_id)
    rows = workspace.imports.lead_rows([lead.lead_id for lead in written])
    touched = workspace.imports.touched_after(
        [lead.lead_id for lead in written], workspace.imports.last_touch_id_of(import_id)
    )
    changed = [
        lead.lead_id
        for lead in written
        if lead.lead_id not in rows
        or row_fingerprint(rows[lead.lead_id]) != lead.fingerprint
        or lead.lead_id in touched
    ]
    if changed:
        names = [
            f"'{rows[lead_id]['name']}' (lead {lead_id})" if lead_id in rows else f"lead {lead_id}"
            for lead_id in changed[:NAMES_SHOWN]
        ]
        more = f" and {len(changed) - NAMES_SHOWN} more" if len(changed) > NAMES_SHOWN else ""
        raise ValidationError(
            f"Import {import_id} of {record.file_name} cannot be reverted: "
            f"{len(changed)} of its leads changed since ({', '.join(names)}{more}). "
            "Nothing was changed."
        )
    with recording(workspace.db, f"Revert the import of {record.file_name}") as recorder:
        now = workspace.clock.timestamp()
        for tag_id in workspace.imports.tags_added_by(import_id):
            recorder.delete(Table.LEAD_TAGS, tag_id)
        for lead in written:
            if lead.added:
                recorder.update(Table.LEADS, lead.lead_id, {"deleted_at": now})
            else:
                values = dict(lead.before)
                values["updated_at"] = now
                recorder.update(Table.LEADS, lead.lead_id, values)
        recorder.update(Table.IMPORTS, import_id, {"reverted_at": now})
        return recorder.finish()
