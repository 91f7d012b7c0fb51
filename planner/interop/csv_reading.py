"""Reading CSV files as people really have them: any common encoding, delimiter and quoting.

The encoding comes from the byte order mark when there is one, else from a strict UTF-8 read,
else from ``charset-normalizer``; the delimiter from ``csv.Sniffer``, checked against the rows
and replaced by the delimiter that splits the rows most consistently when the sniffer guessed
badly. Both are shown to the user, who can correct them (``CsvDialect``).
"""

import codecs
import csv
import io
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planner.interop.source_table import (
    ImportFileError,
    SourceFormat,
    SourceTable,
    checked_headers,
    data_rows,
)

SAMPLE_CHARACTERS = 64_000
"""How much of the text the delimiter is guessed from."""

_DETECTION_BYTES = 256_000
"""How much of the file charset-normalizer looks at (the whole file would be slow and no wiser)."""

_MAX_FIELD = 2**31 - 1
"""The csv module's own cell limit (128 KB) would stop a file with a long note mid-read with
a bare "field larger than field limit"; cells are measured by the validation instead, which
names the row and column."""

_CONTROL_SHARE_OF_BINARY = 0.01
"""A text with more than this share of control characters (other than tab and line breaks) is a
binary file renamed, not a CSV."""


_STRAY_NULS = 3
"""A few NUL characters in a text are damage to report by line; many make a binary file."""


class Delimiter(StrEnum):
    """The cell separators people's files use."""

    COMMA = ","
    SEMICOLON = ";"
    TAB = "\t"
    PIPE = "|"

    @property
    def label(self) -> str:
        """``Semicolon (;)``: the name a user picks from."""
        names = {
            Delimiter.COMMA: "Comma (,)",
            Delimiter.SEMICOLON: "Semicolon (;)",
            Delimiter.TAB: "Tab",
            Delimiter.PIPE: "Vertical bar (|)",
        }
        return names[self]


KNOWN_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "Unicode (UTF-8)"),
    ("utf-8-sig", "Unicode (UTF-8 with BOM)"),
    ("utf-16", "Unicode (UTF-16, Excel's “Unicode text”)"),
    ("cp1252", "Western European (Windows-1252)"),
    ("cp1250", "Central European (Windows-1250)"),
    ("cp1251", "Cyrillic (Windows-1251)"),
    ("iso-8859-1", "Western European (ISO 8859-1)"),
    ("iso-8859-2", "Central European (ISO 8859-2)"),
    ("mac-roman", "Western (Mac OS Roman)"),
    ("cp437", "DOS (code page 437)"),
)
"""Encodings offered for correction, with the names a user recognises."""


def encoding_label(encoding: str) -> str:
    """The readable name of an encoding (its codec name when it is not a common one)."""
    name = codecs.lookup(encoding).name
    for known, label in KNOWN_ENCODINGS:
        if codecs.lookup(known).name == name and (known == "utf-8-sig") == (
            encoding == "utf-8-sig"
        ):
            return label
    return encoding


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is read: detected first, then possibly corrected by the user."""

    encoding: str
    delimiter: Delimiter
    quote: str = '"'

    @property
    def description(self) -> str:
        """``Unicode (UTF-8), Semicolon (;)``: what the wizard and the CLI say they detected."""
        return f"{encoding_label(self.encoding)}, {self.delimiter.label}"


def detect_encoding(raw: bytes, file_name: str) -> str:
    """The encoding of the file's bytes; ImportFileError for an empty or binary file."""
    if not raw.strip():
        raise ImportFileError(f"{file_name} is empty: there is nothing to import")
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    from charset_normalizer import from_bytes  # its models load only when a file needs them

    guesses = list(from_bytes(raw[:_DETECTION_BYTES]))
    if not guesses:
        raise _binary(file_name)
    best = min((guess.chaos, -guess.coherence) for guess in guesses)
    tied = [
        codecs.lookup(guess.encoding).name
        for guess in guesses
        if (guess.chaos, -guess.coherence) == best
    ]
    return min(tied, key=_preference)


def _preference(encoding: str) -> int:
    """Where charset-normalizer cannot tell code pages apart (a French file reads as well in
    Windows-1250 as in Windows-1252), the more common one wins, in ``KNOWN_ENCODINGS`` order."""
    names = [codecs.lookup(known).name for known, _label in KNOWN_ENCODINGS]
    return names.index(encoding) if encoding in names else len(names)


def decode(raw: bytes, encoding: str, file_name: str) -> str:
    """The file's text; ImportFileError naming the line when it is not text in ``encoding``."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"{file_name} cannot be read as {encoding_label(encoding)} (line {line}); "
            "choose its encoding"
        ) from None
    except LookupError:
        raise ImportFileError(f"'{encoding}' is not an encoding this program knows") from None
    nul = text.find("\x00")
    if nul >= 0:
        if text.count("\x00") > _STRAY_NULS and _control_share(text) > _CONTROL_SHARE_OF_BINARY:
            raise _binary(file_name)
        line = text.count("\n", 0, nul) + 1
        raise ImportFileError(
            f"{file_name} contains a NUL byte on line {line}: it is damaged or not a text file. "
            "Open it in a spreadsheet and save it again as CSV"
        )
    if _control_share(text[:SAMPLE_CHARACTERS]) > _CONTROL_SHARE_OF_BINARY:
        raise _binary(file_name)
    return text


def detect_delimiter(text: str) -> Delimiter:
    """The separator that splits the first rows into the same number of cells, most of them.

    ``csv.Sniffer`` proposes one; it is kept when the rows agree with it. Otherwise (the sniffer
    is fooled by quoted line breaks and short files) each known separator is scored by how many
    rows it splits into as many cells as the header.
    """
    sample = text[:SAMPLE_CHARACTERS]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(Delimiter))
        proposal: Delimiter | None = Delimiter(sniffed.delimiter)
    except (csv.Error, ValueError):
        proposal = None
    scores = {delimiter: _consistency(sample, delimiter) for delimiter in Delimiter}
    best = max(Delimiter, key=lambda delimiter: scores[delimiter])
    if proposal is not None and scores[proposal] >= scores[best]:
        return proposal
    return best


def detect_dialect(raw: bytes, file_name: str) -> CsvDialect:
    """The encoding and delimiter of a CSV file's bytes."""
    encoding = detect_encoding(raw, file_name)
    return CsvDialect(encoding, detect_delimiter(decode(raw, encoding, file_name)))


def read_csv(path: Path, dialect: CsvDialect | None = None) -> tuple[SourceTable, CsvDialect]:
    """The file's header and rows, read with ``dialect`` (detected when ``None``)."""
    file_name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ImportFileError(f"{file_name} cannot be read: {error.strerror}") from None
    used = dialect or detect_dialect(raw, file_name)
    text = decode(raw, used.encoding, file_name)
    if used.encoding != "utf-8-sig":
        text = text.removeprefix("\ufeff")
    records = _records(text, used, file_name)
    if not records:
        raise ImportFileError(f"{file_name} is empty: there is nothing to import")
    headers = checked_headers(records[0][1], file_name)
    rows = data_rows(records[1:], len(headers), file_name)
    return SourceTable(headers, rows, SourceFormat.CSV, used.description), used


def _records(text: str, dialect: CsvDialect, file_name: str) -> list[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted cell may span lines)."""
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=dialect.delimiter.value, quotechar=dialect.quote
    )
    records = []
    line = 1
    try:
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"{file_name} cannot be read near line {line}: {error}") from None
    return records


def _consistency(sample: str, delimiter: Delimiter) -> tuple[int, int]:
    """(rows split as wide as the header, header width) for one delimiter; wider is better
    only among equally consistent ones."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter.value)
    widths: list[int] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                widths.append(len(record))
            if len(widths) >= 50:
                break
    except csv.Error:
        return (0, 0)
    if not widths or widths[0] < 2:
        return (0, 0)
    complete = widths[:-1] if len(widths) > 2 else widths  # the sample may cut the last row
    agreeing = Counter(complete)[widths[0]]
    return (agreeing, widths[0])


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for character in text if character < " " and character not in "\t\r\n")
    return controls / len(text)


def _binary(file_name: str) -> ImportFileError:
    return ImportFileError(
        f"{file_name} is not a text file, so it cannot be read as CSV. If it is a "
        "spreadsheet, save it as .xlsx or as CSV and import that"
    )
