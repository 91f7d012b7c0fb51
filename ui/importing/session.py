"""What the import wizard has learnt so far, shared by its pages."""

from dataclasses import dataclass, field
from pathlib import Path

from planner.interop.csv_reading import CsvDialect
from planner.interop.mapping import ColumnMapping
from planner.interop.source_table import SourceTable
from planner.services.import_planning import ImportOptions, ImportPlan


@dataclass
class ImportSession:
    """The file, how it was read, the mapping, the options and the plan, as the pages fill them."""

    path: Path | None = None
    sheet: str | None = None
    dialect: CsvDialect | None = None
    table: SourceTable | None = None
    mapping: ColumnMapping | None = None
    options: ImportOptions = field(default_factory=ImportOptions)
    plan: ImportPlan | None = None
