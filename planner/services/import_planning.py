"""Planning an import: each row of the file converted, checked and matched against duplicates.

A plan is made before anything is written, so the wizard can show the rows as they will be
imported, their problems and their duplicates, and the user can decide per batch and per row.
``run_import`` (``planner.services.importing``) then writes the plan in one transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from planner.documents.batch import CancelCheck, ProgressCallback, never_cancelled, no_progress
from planner.domain import Temperature
from planner.interop.duplicates import Contact, DuplicateFinder, Match
from planner.interop.mapping import ColumnMapping
from planner.interop.row_conversion import ConvertedRow, RowConverter
from planner.interop.source_table import SourceTable
from planner.locale import locale_country
from planner.services.cancelling import ImportCancelledError
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace

PROGRESS_EVERY = 1000
"""Rows between two progress reports and cancel checks."""


class Decision(StrEnum):
    """What happens to one row of the file."""

    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    KEEP = "keep"
    """Added although it duplicates a lead ("keep both")."""

    @property
    def label(self) -> str:
        """``Keep both``: how the wizard offers it."""
        return {
            Decision.ADD: "Add",
            Decision.UPDATE: "Update the existing lead",
            Decision.SKIP: "Skip",
            Decision.KEEP: "Keep both",
        }[self]


class DuplicatePolicy(StrEnum):
    """The batch's answer for every duplicate; single rows can be answered otherwise."""

    SKIP = "skip"
    UPDATE = "update"
    KEEP = "keep"

    @property
    def decision(self) -> Decision:
        """The decision this policy gives a duplicate row."""
        return Decision(self.value)


@dataclass(frozen=True)
class ImportOptions:
    """The choices of one import: the wizard's last page, or the CLI's options."""

    temperature: Temperature = Temperature.COLD
    source: str = ""
    tag: str = ""
    on_duplicate: DuplicatePolicy = DuplicatePolicy.SKIP
    skip_invalid: bool = False
    only_update: bool = False
    phone_region: str = ""
    """The country numbers without a country code are read in; "" for the sender's."""
    default_currency: str = ""
    """The currency of amounts whose row names none; "" for the sender's."""


@dataclass(frozen=True)
class PlannedRow:
    """One row of the file with what will happen to it."""

    converted: ConvertedRow
    decision: Decision
    match: Match | None = None

    @property
    def number(self) -> int:
        """The row's line in the file."""
        return self.converted.number


@dataclass(frozen=True)
class ImportCounts:
    """What an import wrote or left out."""

    added: int = 0
    updated: int = 0
    skipped_duplicates: int = 0
    invalid: int = 0
    skipped_new: int = 0
    """Rows left out because "only update existing leads" was chosen and they matched none."""

    def as_dict(self) -> dict[str, int]:
        """The counts under their CLI names."""
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped_duplicates": self.skipped_duplicates,
            "invalid": self.invalid,
            "skipped_new": self.skipped_new,
        }


@dataclass(frozen=True)
class ImportPlan:
    """Every row of one file, converted, checked and decided."""

    file_name: str
    table: SourceTable
    mapping: ColumnMapping
    options: ImportOptions
    rows: tuple[PlannedRow, ...]

    @property
    def invalid_rows(self) -> tuple[PlannedRow, ...]:
        """The rows with problems, in file order."""
        return tuple(row for row in self.rows if not row.converted.is_valid)

    @property
    def duplicate_rows(self) -> tuple[PlannedRow, ...]:
        """The valid rows that duplicate a lead or an earlier row."""
        return tuple(row for row in self.rows if row.match is not None and row.converted.is_valid)

    def problem_lines(self) -> list[str]:
        """Every problem as ``Row 4, 'Email' (column C): …``."""
        return [
            problem.located(self.table)
            for row in self.invalid_rows
            for problem in row.converted.problems
        ]

    def counts(self) -> ImportCounts:
        """What running the plan will write."""
        valid = [row for row in self.rows if row.converted.is_valid]
        skipped = [row for row in valid if row.decision is Decision.SKIP]
        return ImportCounts(
            added=sum(1 for row in valid if row.decision in (Decision.ADD, Decision.KEEP)),
            updated=sum(1 for row in valid if row.decision is Decision.UPDATE),
            skipped_duplicates=sum(1 for row in skipped if row.match is not None),
            invalid=len(self.invalid_rows),
            skipped_new=sum(1 for row in skipped if row.match is None),
        )

    def with_decision(self, row_number: int, decision: Decision) -> "ImportPlan":
        """The plan with one duplicate row answered otherwise than the batch."""
        rows = tuple(
            replace(row, decision=decision)
            if row.number == row_number and row.match is not None
            else row
            for row in self.rows
        )
        return replace(self, rows=rows)

    def with_options(self, options: ImportOptions) -> "ImportPlan":
        """The plan with the batch's column, source, tag and "skip invalid rows" chosen later;
        "only update existing leads" skips or adds back the rows that match no lead."""
        rows = self.rows
        if options.only_update != self.options.only_update:
            wanted, unwanted = (
                (Decision.SKIP, Decision.ADD)
                if options.only_update
                else (Decision.ADD, Decision.SKIP)
            )
            rows = tuple(
                replace(row, decision=wanted)
                if row.match is None and row.converted.is_valid and row.decision is unwanted
                else row
                for row in rows
            )
        return replace(self, options=options, rows=rows)

    def with_policy(self, policy: DuplicatePolicy) -> "ImportPlan":
        """The plan with every duplicate answered by ``policy``."""
        rows = tuple(
            replace(row, decision=policy.decision) if row.match is not None else row
            for row in self.rows
        )
        return replace(self, rows=rows)


def plan_import(
    workspace: Workspace,
    file_name: str,
    table: SourceTable,
    mapping: ColumnMapping,
    options: ImportOptions,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportPlan:
    """Converts and checks every row and finds its duplicates; writes nothing.

    Reads the file's leads once (one query) and judges each row against them and the rows
    before it, so a contact twice in the file is found too.
    """
    sender = load_sender_profile(workspace)
    finder = DuplicateFinder(options.phone_region or sender.country or locale_country())
    for contact in workspace.imports.contacts():
        finder.add(
            Contact(contact.name, contact.company, contact.email, contact.phone, contact.lead_id)
        )
    converter = RowConverter(table, mapping, options.default_currency or sender.currency)
    total = len(table.rows)
    planned: list[PlannedRow] = []
    for converted in _checked(converter.convert_all(), total, progress, cancelled):
        planned.append(_planned(converted, finder, options))
    progress(total, total)
    return ImportPlan(file_name, table, mapping, options, tuple(planned))


def _checked(
    rows: Iterable[ConvertedRow], total: int, progress: ProgressCallback, cancelled: CancelCheck
) -> Iterable[ConvertedRow]:
    for index, row in enumerate(rows):
        if index % PROGRESS_EVERY == 0:
            if cancelled():
                raise ImportCancelledError
            progress(index, total)
        yield row


def _planned(
    converted: ConvertedRow, finder: DuplicateFinder, options: ImportOptions
) -> PlannedRow:
    lead = converted.lead
    if lead is None:
        return PlannedRow(converted, Decision.SKIP)
    fields = lead.fields
    contact = Contact(
        fields["name"], fields["company"], fields["email"], fields["phone"], row=converted.number
    )
    match = finder.find(contact)
    if match is None:
        if options.only_update:
            return PlannedRow(converted, Decision.SKIP)
        finder.add(contact)
        return PlannedRow(converted, Decision.ADD)
    decision = options.on_duplicate.decision
    if decision is Decision.KEEP:
        finder.add(contact)
    return PlannedRow(converted, decision, match)
