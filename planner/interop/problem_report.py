"""The report of rows an import skipped: each row's problems beside its cells, as CSV.

A user can fix the rows in a spreadsheet and import the report's rows again (the "Row" and
"Problem" columns are not imported: the mapping does not know them).
"""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from planner.documents.output import atomic_file
from planner.interop.csv_export import safe_cell
from planner.interop.row_conversion import ConvertedRow
from planner.interop.source_table import SourceTable


def write_problem_report(table: SourceTable, rows: Sequence[ConvertedRow], path: Path) -> int:
    """Writes the rows with problems to ``path`` (UTF-8 with BOM); returns how many."""
    cells = {row.number: row.cells for row in table.rows}
    invalid = [row for row in rows if row.problems]
    with atomic_file(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(["Row", "Problem", *table.headers])
        for row in invalid:
            problems = "; ".join(
                problem.located(table).split(": ", 1)[-1]
                if problem.column is None
                else f"{table.column_letter(problem.column)}: {problem.message}"
                for problem in row.problems
            )
            writer.writerow(
                [str(row.number), safe_cell(problems), *(safe_cell(c) for c in cells[row.number])]
            )
        text.flush()
        text.detach()
    return len(invalid)
