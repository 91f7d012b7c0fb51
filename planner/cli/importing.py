"""``planner import``, ``planner imports`` and ``planner export``: leads in and out of files."""

import argparse
import dataclasses
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.changes import Kind
from planner.cli.arguments import enum_choice, enum_metavar, record_id
from planner.cli.output import print_json
from planner.domain import Outcome, Temperature
from planner.errors import ValidationError
from planner.interop.csv_reading import CsvDialect, Delimiter, detect_dialect
from planner.interop.mapping import ColumnMapping, Target, normalized_header, propose_mapping
from planner.interop.source_files import SourceChoice, read_source
from planner.interop.source_table import ImportFileError
from planner.read_models import LeadFilter
from planner.services.import_history import revert_import, saved_mapping
from planner.services.import_planning import (
    DuplicatePolicy,
    ImportOptions,
    ImportPlan,
    plan_import,
)
from planner.services.importing import ImportRowsError, run_import
from planner.workspace import Workspace

_IMPORT_DESCRIPTION = """\
Imports leads as one step: the columns are matched from their headers (Google Contacts,
Outlook, Apple, HubSpot, Pipedrive, plain sheets in several languages), duplicates of your
leads are found by email, phone or a near-same name and company. When a row is invalid,
nothing is written unless --skip-invalid is given. `planner imports revert ID` takes an
import back."""

_IMPORT_EXAMPLES = """\
examples:
  planner import contacts.csv --dry-run
  planner import outlook.csv --tag fair-2026 --on-duplicate update
  planner import kunden.csv --encoding cp1252 --delimiter semicolon --map "Firma=company"
  planner import leads.xlsx --sheet "Leads 2026" --skip-invalid"""


def register(subparsers: Any) -> None:
    """Adds ``import``, ``imports`` and ``export`` to the command line."""
    importing = subparsers.add_parser(
        "import",
        help="import leads from a CSV, Excel (.xlsx) or vCard (.vcf) file",
        description=_IMPORT_DESCRIPTION,
        epilog=_IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importing.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a .csv (any common encoding and separator), .xlsx or .vcf file",
    )
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column to a field ("
        + ", ".join(target.value for target in Target)
        + "); repeatable",
    )
    importing.add_argument(
        "--temperature",
        type=enum_choice(Temperature),
        default=Temperature.COLD,
        metavar=enum_metavar(Temperature),
        help="the column new leads go to (default: cold)",
    )
    importing.add_argument("--source", default="", help="source label for leads without one")
    importing.add_argument("--tag", default="", help="a tag for every lead of the batch")
    importing.add_argument(
        "--on-duplicate",
        type=enum_choice(DuplicatePolicy),
        default=DuplicatePolicy.SKIP,
        metavar=enum_metavar(DuplicatePolicy),
        help="what to do with a row that duplicates a lead (default: skip)",
    )
    importing.add_argument(
        "--only-update", action="store_true", help="only update existing leads, add none"
    )
    importing.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, report the others"
    )
    importing.add_argument("--dry-run", action="store_true", help="show what would happen")
    importing.add_argument(
        "--json", action="store_true", help="print the counts and problems as JSON"
    )
    importing.add_argument("--sheet", help="the sheet of an Excel workbook (default: the first)")
    importing.add_argument("--encoding", help="read a CSV file in this encoding (e.g. cp1252)")
    importing.add_argument(
        "--delimiter",
        choices=["comma", "semicolon", "tab", "pipe"],
        help="the cell separator of a CSV file",
    )
    importing.set_defaults(handler=_import)

    imports = subparsers.add_parser(
        "imports",
        help="list past imports, or revert one",
        description="Without ACTION, lists past imports, newest first: id, date, file and counts.",
    )
    imports.add_argument("--json", action="store_true", help="list the imports as JSON")
    actions = imports.add_subparsers(dest="action", metavar="ACTION")
    revert = actions.add_parser(
        "revert",
        help="revert one import (its leads must be unchanged)",
        description="Removes the leads an import added and restores those it updated. Refused, "
        "naming them, when some of those leads were changed since the import.",
    )
    revert.add_argument(
        "id", type=record_id, metavar="ID", help="the import's id from `planner imports`"
    )
    imports.set_defaults(handler=_imports)

    export = subparsers.add_parser(
        "export",
        help="export leads to a CSV or vCard (.vcf) file",
        description="Writes every lead, or those the options select, with every field. CSV is "
        "UTF-8 with a byte order mark, so Excel, LibreOffice and Google Sheets read it; cells "
        "that a spreadsheet would run as a formula are written with an apostrophe in front.",
    )
    export.add_argument(
        "file",
        type=Path,
        metavar="FILE.csv|FILE.vcf",
        help="the file to write; its extension chooses CSV or vCard",
    )
    export.add_argument(
        "--temperature",
        type=enum_choice(Temperature),
        metavar=enum_metavar(Temperature),
        help="only leads of this temperature",
    )
    export.add_argument(
        "--outcome",
        type=enum_choice(Outcome),
        metavar=enum_metavar(Outcome),
        help="only leads with this outcome",
    )
    export.add_argument(
        "--search", default="", help="only leads whose name, company, email, city or notes match"
    )
    export.set_defaults(handler=_export)


def _local(timestamp: str) -> str:
    """``2026-11-30 11:17``: a stored UTC timestamp in the user's own time zone (``--json``
    keeps the stored form)."""
    return f"{datetime.fromisoformat(timestamp).astimezone():%Y-%m-%d %H:%M}"


def _sheet_of(sheet: str) -> str:
    return f", sheet '{sheet}'," if sheet else ""


_DELIMITERS = {
    "comma": Delimiter.COMMA,
    "semicolon": Delimiter.SEMICOLON,
    "tab": Delimiter.TAB,
    "pipe": Delimiter.PIPE,
}


def _import(arguments: argparse.Namespace, workspace: Workspace) -> int:
    path: Path = arguments.file
    table, dialect = read_source(path, _choice(arguments))
    mapping = _mapping(workspace, table.headers, arguments.map)
    if not mapping.fills_a_name:
        hint = 'map one with --map "HEADER=name"'
        if table.sheet:
            from planner.interop.xlsx_reading import sheet_names

            others = [f"'{name}'" for name in sheet_names(path) if name != table.sheet]
            if others:
                hint += f", or choose another sheet with --sheet ({', '.join(others)})"
        raise ValidationError(
            f"No column of {path.name}{_sheet_of(table.sheet)} gives a name or a company; {hint}"
        )
    options = ImportOptions(
        temperature=arguments.temperature,
        source=arguments.source,
        tag=arguments.tag,
        on_duplicate=arguments.on_duplicate,
        skip_invalid=arguments.skip_invalid,
        only_update=arguments.only_update,
    )
    plan = plan_import(workspace, path.name, table, mapping, options)
    detected = dialect.description if dialect is not None else table.description
    if arguments.dry_run:
        if plan.invalid_rows and not options.skip_invalid:
            raise ImportRowsError(plan)
        _report(arguments, plan, detected, None)
        return 0
    change = run_import(workspace, plan)
    created = change.created_ids(Kind.IMPORT)
    _report(arguments, plan, detected, created[0] if created else None)
    return 0


def _choice(arguments: argparse.Namespace) -> SourceChoice:
    if arguments.encoding is None and arguments.delimiter is None:
        return SourceChoice(sheet=arguments.sheet)
    path = Path(arguments.file)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path.name} cannot be read: {error.strerror}") from None
    detected = detect_dialect(raw, path.name)
    dialect = CsvDialect(
        arguments.encoding or detected.encoding,
        _DELIMITERS[arguments.delimiter] if arguments.delimiter else detected.delimiter,
    )
    return SourceChoice(dialect=dialect, sheet=arguments.sheet)


def _mapping(workspace: Workspace, headers: tuple[str, ...], overrides: list[str]) -> ColumnMapping:
    mapping = propose_mapping(headers, saved_mapping(workspace, headers))
    by_header = {normalized_header(header): index for index, header in enumerate(headers)}
    for text in overrides:
        header, separator, field = text.rpartition("=")
        if not separator or not header.strip():
            raise ValidationError(f"--map '{text}' is not HEADER=FIELD")
        index = by_header.get(normalized_header(header))
        if index is None:
            known = ", ".join(f"'{each}'" for each in headers)
            raise ValidationError(f"The file has no column '{header}' (it has {known})")
        try:
            target = Target(field.strip().lower())
        except ValueError:
            fields = ", ".join(target.value for target in Target)
            raise ValidationError(f"'{field}' is not a field; use one of {fields}") from None
        mapping = mapping.with_target(index, target)
    return mapping


def _report(
    arguments: argparse.Namespace, plan: ImportPlan, detected: str, import_id: int | None
) -> None:
    counts = plan.counts()
    skipped = plan.problem_lines()
    duplicates = [
        {"row": row.number, "decision": row.decision.value, "match": row.match.description}
        for row in plan.duplicate_rows
        if row.match is not None
    ]
    if arguments.json:
        print_json(
            {
                "file": plan.file_name,
                "read_as": detected,
                "dry_run": arguments.dry_run,
                "import_id": import_id,
                **counts.as_dict(),
                "mapping": {
                    header: column.target.value
                    for header, column in zip(plan.table.headers, plan.mapping.columns, strict=True)
                },
                "invalid_rows": skipped,
                "duplicates": duplicates,
            }
        )
        return
    print(f"Read {plan.file_name} as {detected}")
    if arguments.dry_run:
        for header, column in zip(plan.table.headers, plan.mapping.columns, strict=True):
            print(f"  {header} → {column.target.label}")
    would = "would be " if arguments.dry_run else ""
    line = (
        f"{counts.added} {would}added, {counts.updated} {would}updated, "
        f"{counts.skipped_duplicates} skipped as duplicates, {counts.invalid} invalid"
    )
    if counts.skipped_new:
        line += f", {counts.skipped_new} skipped as not existing leads"
    print(line)
    for duplicate in duplicates:
        print(f"  row {duplicate['row']}: {duplicate['match']} → {duplicate['decision']}")
    if import_id is not None:
        print(f"Import {import_id}; undo it with `planner imports revert {import_id}`")
    for problem in skipped:
        print(f"skipped: {problem}", file=sys.stderr)


def _imports(arguments: argparse.Namespace, workspace: Workspace) -> int:
    if arguments.action == "revert":
        change = revert_import(workspace, arguments.id)
        print(f"{change.description}: {len(change.lead_ids)} leads restored or taken back")
        return 0
    history = workspace.imports.history()
    if arguments.json:
        print_json([dataclasses.asdict(record) for record in history])
        return 0
    if not history:
        print("No imports yet")
    for record in history:
        state = f"  reverted {_local(record.reverted_at)}" if record.reverted_at else ""
        duplicates = "duplicate" if record.skipped_duplicates == 1 else "duplicates"
        print(
            f"{record.id:>4}  {_local(record.imported_at)}  {record.file_name}: "
            f"{record.added:,} added, {record.updated:,} updated, "
            f"{record.skipped_duplicates:,} {duplicates} skipped, {record.invalid:,} invalid{state}"
        )
    return 0


def _export(arguments: argparse.Namespace, workspace: Workspace) -> int:
    lead_filter = LeadFilter(
        temperature=arguments.temperature, outcome=arguments.outcome, search=arguments.search
    )
    suffix = Path(arguments.file).suffix.casefold()
    if suffix in (".vcf", ".vcard"):
        from planner.interop.vcard import export_vcards  # loads vobject lazily

        result = export_vcards(workspace, arguments.file, lead_filter)
    elif suffix in (".csv", ".txt"):
        from planner.interop.csv_export import export_csv

        result = export_csv(workspace, arguments.file, lead_filter)
    else:
        raise ValidationError(
            f"Export to .csv or .vcf, not '{suffix or Path(arguments.file).name}'"
        )
    print(f"Wrote {result.leads} {'lead' if result.leads == 1 else 'leads'} to {result.path}")
    return 0
