"""Exporting leads as CSV that Excel, LibreOffice and Google Sheets open safely.

UTF-8 with a byte order mark (Excel reads the encoding from it), every field of a lead under a
header the import recognises, so exporting and importing into an empty file gives the same
leads. A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets an
apostrophe in front, so no spreadsheet runs it as a formula; the import takes the apostrophe
off again. The file is written whole or not at all.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.documents.output import atomic_file
from planner.domain import Lead
from planner.interop.row_conversion import FORMULA_STARTS
from planner.read_models import LeadFilter
from planner.workspace import Workspace

EXPORT_HEADERS: tuple[str, ...] = (
    "Name",
    "Company",
    "Title",
    "Email",
    "Phone",
    "Street",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Temperature",
    "Outcome",
    "Lost reason",
    "Value",
    "Currency",
    "Source",
    "Tags",
    "Notes",
    "Created at",
    "Updated at",
)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    leads: int


def safe_cell(text: str) -> str:
    """The cell as written: an apostrophe before a first character a spreadsheet would run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def lead_cells(lead: Lead, tags: Sequence[str]) -> list[str]:
    """A lead's row under ``EXPORT_HEADERS``, before neutralising."""
    return [
        lead.name,
        lead.company,
        lead.title,
        lead.email,
        lead.phone,
        lead.street,
        lead.city,
        lead.region,
        lead.postal_code,
        lead.country,
        lead.temperature.value,
        lead.outcome.value,
        lead.lost_reason,
        lead.value.as_decimal_string() if lead.value is not None else "",
        lead.value.currency if lead.value is not None else "",
        lead.source,
        ", ".join(tags),
        lead.notes,
        lead.created_at,
        lead.updated_at,
    ]


def export_csv(
    workspace: Workspace, path: Path, lead_filter: LeadFilter = LeadFilter()
) -> ExportResult:
    """Writes the leads matching the filter, in board order, to ``path``."""
    leads = workspace.leads.find(lead_filter)
    tags = workspace.imports.tags([lead.id for lead in leads])
    with atomic_file(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(EXPORT_HEADERS)
        for lead in leads:
            writer.writerow([safe_cell(cell) for cell in lead_cells(lead, tags.get(lead.id, []))])
        text.flush()
        text.detach()
    return ExportResult(Path(path).expanduser().absolute(), len(leads))
