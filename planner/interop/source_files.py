"""Opening any file to import by what it is: a CSV text, an Excel workbook or vCards.

The kind is read from the file's first bytes where they tell (a workbook is a zip archive, a
vCard file starts with ``BEGIN:VCARD``), else from its name, so a workbook renamed ``.csv``
still imports and a binary file renamed ``.csv`` is refused with a reason.
"""

from dataclasses import dataclass
from pathlib import Path

from planner.interop.csv_reading import CsvDialect, read_csv
from planner.interop.source_table import ImportFileError, SourceFormat, SourceTable

_ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class SourceChoice:
    """How to read a file: the user's corrections of what was detected (``None``: detect)."""

    dialect: CsvDialect | None = None
    sheet: str | None = None


def source_format(path: Path) -> SourceFormat:
    """What kind of file ``path`` is."""
    try:
        with Path(path).open("rb") as file:
            start = file.read(4096)
    except OSError as error:
        raise ImportFileError(f"{Path(path).name} cannot be read: {error.strerror}") from None
    if start.startswith(_ZIP_SIGNATURE):
        return SourceFormat.XLSX
    text = start.lstrip(b"\xef\xbb\xbf\xff\xfe \r\n\t").replace(b"\x00", b"")
    if text[:11].upper() == b"BEGIN:VCARD":
        return SourceFormat.VCARD
    suffix = Path(path).suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return SourceFormat.XLSX
    if suffix in (".vcf", ".vcard"):
        return SourceFormat.VCARD
    return SourceFormat.CSV


def read_source(
    path: Path, choice: SourceChoice = SourceChoice()
) -> tuple[SourceTable, CsvDialect | None]:
    """The file's rows, and for a CSV file the dialect it was read with."""
    kind = source_format(path)
    if kind is SourceFormat.XLSX:
        from planner.interop.xlsx_reading import read_xlsx  # loads openpyxl lazily

        return read_xlsx(path, choice.sheet), None
    if kind is SourceFormat.VCARD:
        from planner.interop.vcard import read_vcards  # loads vobject lazily

        return read_vcards(path), None
    return read_csv(path, choice.dialect)
