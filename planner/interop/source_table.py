"""The rows of a file to import, as text cells under their header, whatever the file's format.

CSV files, Excel sheets and vCards all become a ``SourceTable`` before mapping, so the mapping,
the validation and the duplicate search work the same for each. Every row keeps the line (or
sheet row) it came from, so a problem names the place a user can find in the file.
"""

from dataclasses import dataclass
from enum import StrEnum

from planner.errors import PlannerError


class ImportFileError(PlannerError):
    """A file that cannot be imported at all (empty, binary, damaged); nothing was written."""


class SourceFormat(StrEnum):
    """The kinds of file the import reads."""

    CSV = "csv"
    XLSX = "xlsx"
    VCARD = "vcard"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row: its cells in header order and where it starts in the file (1 is the first
    line or sheet row, the header included)."""

    number: int
    cells: tuple[str, ...]
    extra_cells: int = 0
    """Cells beyond the header that hold text: the row is ragged, and the import says so."""


@dataclass(frozen=True)
class SourceTable:
    """A file's header and data rows, read whole, with a sentence on how it was read."""

    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    format: SourceFormat
    description: str = ""

    def column_letter(self, index: int) -> str:
        """``'Email' (column C)``: how a problem names a column."""
        return f"'{self.headers[index]}' (column {column_letters(index)})"


def column_letters(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 is A, 26 is AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def checked_headers(headers: list[str], file_name: str) -> tuple[str, ...]:
    """The header cells stripped; ImportFileError for a file without one or with a name twice.

    A header named twice would make the mapping ambiguous ("which Email?"), so the user is asked
    to rename one rather than the import guessing.
    """
    cleaned = [header.strip() for header in headers]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    if not any(cleaned):
        raise ImportFileError(f"{file_name} has no header row: its first line is empty")
    seen: dict[str, int] = {}
    for index, header in enumerate(cleaned):
        key = header.casefold()
        if key and key in seen:
            raise ImportFileError(
                f"{file_name} names the column '{header}' twice (columns "
                f"{column_letters(seen[key])} and {column_letters(index)}); rename one and "
                "import again"
            )
        seen[key] = index
    return tuple(
        header or f"Column {column_letters(index)}" for index, header in enumerate(cleaned)
    )


def data_rows(
    numbered_records: list[tuple[int, list[str]]], width: int, file_name: str
) -> tuple[SourceRow, ...]:
    """The records after the header as rows of ``width`` cells; blank lines are left out.

    Short rows are padded (spreadsheets drop trailing empty cells); text beyond the header is
    counted, so the row is reported instead of being silently cut.
    """
    rows = []
    for number, record in numbered_records:
        cells = list(record)
        if not any(cell.strip() for cell in cells):
            continue
        extra = sum(1 for cell in cells[width:] if cell.strip())
        cells = (cells + [""] * width)[:width]
        rows.append(SourceRow(number, tuple(cells), extra))
    if not rows:
        raise ImportFileError(f"{file_name} has a header but no rows to import")
    return tuple(rows)
