"""Reading CSV files in each encoding and dialect people's programs write, and refusing
hostile files with a sentence."""

from pathlib import Path

import pytest

from planner.interop.csv_reading import CsvDialect, Delimiter, read_csv
from planner.interop.source_files import SourceChoice, read_source
from planner.interop.source_table import ImportFileError
from tests.planner.interop.sample_files import (
    APPLE,
    FRENCH,
    GERMAN,
    GOOGLE,
    OUTLOOK,
    POLISH,
    Sample,
)


@pytest.mark.parametrize(
    ("sample", "encoding", "delimiter"),
    [
        (GOOGLE, "utf-8", Delimiter.COMMA),
        (OUTLOOK, "utf-8-sig", Delimiter.COMMA),
        (APPLE, "utf-8", Delimiter.SEMICOLON),
        (GERMAN, "utf-16", Delimiter.SEMICOLON),
        (POLISH, "utf-16", Delimiter.TAB),
        (FRENCH, "cp1252", Delimiter.SEMICOLON),
    ],
    ids=lambda value: getattr(value, "file_name", str(value)),
)
def test_encoding_and_delimiter_are_detected(
    tmp_path: Path, sample: Sample, encoding: str, delimiter: Delimiter
) -> None:
    table, dialect = read_csv(sample.write(tmp_path))
    assert (dialect.encoding, dialect.delimiter) == (encoding, delimiter)
    assert len(table.rows) == 2
    assert not table.headers[0].startswith("\ufeff")


def test_a_quoted_cell_keeps_its_line_breaks_and_rows_keep_their_file_lines(
    tmp_path: Path,
) -> None:
    table, _dialect = read_csv(GOOGLE.write(tmp_path))
    first, second = table.rows
    notes = first.cells[table.headers.index("Notes")]
    assert notes.splitlines() == ["Met at the fair.", "Likes rye bread."]
    assert (first.number, second.number) == (2, 6)


def test_the_user_corrects_the_encoding(tmp_path: Path) -> None:
    path = FRENCH.write(tmp_path)
    table, _dialect = read_csv(path, CsvDialect("cp1252", Delimiter.SEMICOLON))
    assert "Boulangerie Dorée" in table.rows[0].cells
    wrong, _dialect = read_csv(path, CsvDialect("cp1250", Delimiter.SEMICOLON))
    assert "Boulangerie Dorée" in wrong.rows[0].cells  # é is the same byte in both
    assert "Salon à Lyon" not in wrong.rows[0].cells


def test_the_user_corrects_the_delimiter(tmp_path: Path) -> None:
    path = APPLE.write(tmp_path)
    table, dialect = read_source(path, SourceChoice(CsvDialect("utf-8", Delimiter.COMMA)))
    assert dialect == CsvDialect("utf-8", Delimiter.COMMA)
    assert len(table.headers) < 12  # one wide column, as the user asked


def test_short_rows_are_padded_and_text_past_the_header_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Name,Email,Phone\nAnna,a@x.example\nBob,b@x.example,1,extra,more\n")
    table, _dialect = read_csv(path)
    short, long = table.rows
    assert short.cells == ("Anna", "a@x.example", "")
    assert short.extra_cells == 0
    assert long.cells == ("Bob", "b@x.example", "1")
    assert long.extra_cells == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\r\n\r\n", "is empty"),
        (b"Name,Email\r\n", "has a header but no rows"),
        (b"Name,Email,name\r\nAnna,a@x.example,A\r\n", "names the column 'name' twice"),
        (b"Name,Email\r\nAn\x00na,a@x.example\r\n", "NUL byte on line 2"),
        (bytes(range(256)) * 40, "is not a text file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "is not a text file"),
        (b"PK\x03\x04 not really a workbook", "cannot be read as an Excel workbook"),
    ],
    ids=[
        "empty",
        "blank-lines",
        "header-only",
        "duplicate-headers",
        "nul-byte",
        "binary",
        "png-renamed",
        "zip-renamed",
    ],
)
def test_hostile_files_are_refused_with_a_sentence(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message) as refused:
        read_source(path)
    assert "hostile.csv" in str(refused.value)
    assert "\n" not in str(refused.value)
