"""Reading one sheet of an Excel ``.xlsx`` workbook as text cells (``openpyxl``, loaded lazily).

Cells are read as the values Excel shows: whole numbers without ``.0``, dates as ISO 8601, so a
phone number or postal code typed as a number reads back as typed.
"""

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from planner.interop.source_table import (
    ImportFileError,
    SourceFormat,
    SourceTable,
    checked_headers,
    data_rows,
)


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets in their order, for the user to pick one."""
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_xlsx(path: Path, sheet: str | None = None) -> SourceTable:
    """The header and rows of ``sheet`` (default: the first sheet)."""
    file_name = Path(path).name
    workbook = _open(path)
    try:
        name = sheet or workbook.sheetnames[0]
        if name not in workbook.sheetnames:
            available = ", ".join(f"'{each}'" for each in workbook.sheetnames)
            raise ImportFileError(f"{file_name} has no sheet '{name}' (it has {available})")
        records = [
            (number, [_text(value) for value in values])
            for number, values in enumerate(workbook[name].iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    if not records:
        raise ImportFileError(f"The sheet '{name}' of {file_name} is empty")
    headers = checked_headers(records[0][1], file_name)
    rows = data_rows(records[1:], len(headers), file_name)
    return SourceTable(headers, rows, SourceFormat.XLSX, f"Excel workbook, sheet '{name}'")


def _open(path: Path):  # type: ignore[no-untyped-def]  # openpyxl ships no types
    from openpyxl import load_workbook  # openpyxl loads only when a workbook is imported
    from openpyxl.utils.exceptions import InvalidFileException

    file_name = Path(path).name
    try:
        # Read from memory: openpyxl judges a path by its extension, a workbook renamed .csv too.
        content = io.BytesIO(Path(path).read_bytes())
        return load_workbook(content, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise ImportFileError(
            f"{file_name} cannot be read as an Excel workbook ({error}); save it again from "
            "Excel as .xlsx, or as CSV"
        ) from None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
