"""The catalogue's actions: add, edit and delete products and services, and CSV in and out."""

import csv
import io

from planner.changes import Change
from planner.errors import ValidationError
from planner.money import Money
from planner.sales.items import CatalogueDraft
from planner.sales.percent import parse_percent, percent_text
from planner.services.actions import user_action
from planner.store.changes import Table, recording
from planner.workspace import Workspace

CSV_COLUMNS = ("name", "description", "unit", "unit_price", "currency", "tax_rate")
"""The columns of a catalogue CSV file, in order; ``unit_price`` is plain ``120.00``."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _row(draft: CatalogueDraft, now: str) -> dict[str, object]:
    return {
        "name": draft.name.strip(),
        "description": draft.description.strip(),
        "unit": draft.unit.strip(),
        "unit_price_minor": draft.unit_price.minor,
        "currency": draft.unit_price.currency,
        "tax_rate": percent_text(draft.tax_rate),
        "updated_at": now,
    }


@user_action
def add_catalogue_item(workspace: Workspace, draft: CatalogueDraft) -> Change:
    """Adds a product or service to the catalogue: "Add 'Consulting hour' to the catalogue"."""
    draft.checked()
    description = f"Add '{draft.name.strip()}' to the catalogue"
    with recording(workspace.db, description) as recorder:
        now = workspace.clock.timestamp()
        recorder.insert(Table.CATALOGUE, {**_row(draft, now), "created_at": now})
        return recorder.finish()


@user_action
def edit_catalogue_item(workspace: Workspace, item_id: int, draft: CatalogueDraft) -> Change:
    """Saves an entry's fields; proposals already made keep the lines they had."""
    workspace.catalogue.get(item_id)
    draft.checked()
    with recording(workspace.db, f"Edit '{draft.name.strip()}' in the catalogue") as recorder:
        recorder.update(Table.CATALOGUE, item_id, _row(draft, workspace.clock.timestamp()))
        return recorder.finish()


@user_action
def delete_catalogue_item(workspace: Workspace, item_id: int) -> Change:
    """Takes an entry out of the catalogue; lines picked from it stay as they are."""
    item = workspace.catalogue.get(item_id)
    with recording(workspace.db, f"Delete '{item.name}' from the catalogue") as recorder:
        recorder.update(Table.CATALOGUE, item_id, {"deleted_at": workspace.clock.timestamp()})
        return recorder.finish()


def catalogue_csv(workspace: Workspace) -> str:
    """The catalogue as CSV text (``CSV_COLUMNS``); cells that a spreadsheet would run as a
    formula get a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in workspace.catalogue.items():
        writer.writerow(
            _neutral(cell)
            for cell in (
                item.name,
                item.description,
                item.unit,
                item.unit_price.as_decimal_string(),
                item.unit_price.currency,
                percent_text(item.tax_rate),
            )
        )
    return buffer.getvalue()


def _neutral(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def read_catalogue_csv(text: str, default_currency: str) -> list[CatalogueDraft]:
    """The entries of a catalogue CSV (a header row naming at least ``name`` and
    ``unit_price``); ValidationError naming the line of the first problem."""
    reader = csv.DictReader(io.StringIO(text))
    header = {name.strip().lower() for name in reader.fieldnames or ()}
    if not {"name", "unit_price"} <= header:
        raise ValidationError("A catalogue CSV needs the columns name and unit_price", "csv")
    drafts = []
    for line, raw in enumerate(reader, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
        try:
            currency = row.get("currency") or default_currency
            drafts.append(
                CatalogueDraft(
                    name=row["name"].lstrip("'"),
                    description=row.get("description", "").lstrip("'"),
                    unit=row.get("unit", ""),
                    unit_price=Money.parse(row["unit_price"], currency),
                    tax_rate=parse_percent(row.get("tax_rate") or "0", "tax_rate"),
                ).checked()
            )
        except ValidationError as error:
            raise ValidationError(f"Line {line}: {error}", error.field) from None
    return drafts


@user_action
def import_catalogue(workspace: Workspace, drafts: list[CatalogueDraft]) -> Change:
    """Adds many entries as one undoable step."""
    for draft in drafts:
        draft.checked()
    count = len(drafts)
    label = f"Import {count} catalogue entr{'y' if count == 1 else 'ies'}"
    with recording(workspace.db, label) as recorder:
        now = workspace.clock.timestamp()
        for draft in drafts:
            recorder.insert(Table.CATALOGUE, {**_row(draft, now), "created_at": now})
        return recorder.finish()
