"""``planner import``, ``planner imports`` and ``planner export`` through the real entry point:
exit codes, counts, and hostile files leaving the database as it was."""

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.planner.interop.sample_files import GOOGLE, OUTLOOK


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


def dump(database: Path) -> object:
    workspace = Workspace.open(database)
    try:
        return dump_database(workspace)
    finally:
        workspace.close()


def test_import_prints_counts_and_imports_lists_it(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = GOOGLE.write(tmp_path)
    assert run(database_path, "import", str(path), "--tag", "fair", "--source", "Fair") == 0
    out = capsys.readouterr().out
    assert "Read contacts.csv as Unicode (UTF-8), Comma (,)" in out
    assert "2 added, 0 updated, 0 skipped as duplicates, 0 invalid" in out
    assert run(database_path, "import", str(OUTLOOK.write(tmp_path)), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["skipped_duplicates"], report["invalid"]) == (0, 2, 0)
    assert report["duplicates"][0]["match"] == "same email as 'Anna Nowak' (lead 1)"
    assert run(database_path, "imports", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["file_name"], listed["added"], listed["tag"]) == ("contacts.csv", 2, "fair")


def test_dry_run_writes_nothing(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(database_path, "lead", "list")
    before = dump(database_path)
    assert run(database_path, "import", str(GOOGLE.write(tmp_path)), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "First Name → First name" in out
    assert "2 would be added" in out
    assert dump(database_path) == before


def test_invalid_rows_exit_2_with_row_errors_and_skip_invalid_imports_the_rest(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Email\nAnna,anna@x.example\nBob,not-an-email\n", encoding="utf-8")
    run(database_path, "lead", "list")
    before = dump(database_path)
    assert run(database_path, "import", str(path)) == 2
    error = capsys.readouterr().err
    assert "1 row of bad.csv cannot be imported, so nothing was written" in error
    assert "Row 3, 'Email' (column B): 'not-an-email' is not an email address" in error
    assert dump(database_path) == before
    assert run(database_path, "import", str(path), "--skip-invalid") == 0
    captured = capsys.readouterr()
    assert "1 added" in captured.out
    assert "skipped: Row 3, 'Email' (column B)" in captured.err


def test_map_option_and_its_mistakes(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Wer,Mail\nAnna,anna@x.example\n", encoding="utf-8")
    assert run(database_path, "import", str(path)) == 2
    assert "No column of odd.csv gives a name" in capsys.readouterr().err
    assert run(database_path, "import", str(path), "--map", "Who=name") == 2
    assert "The file has no column 'Who'" in capsys.readouterr().err
    assert run(database_path, "import", str(path), "--map", "Wer=nickname") == 2
    assert "'nickname' is not a field" in capsys.readouterr().err
    assert run(database_path, "import", str(path), "--map", "Wer=name") == 0
    assert run(database_path, "lead", "list", "--json") == 0
    capsys.readouterr()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"Name,Email\r\n", "has a header but no rows"),
        (b"Name,Email,Name\r\nA,a@x.example,B\r\n", "names the column 'Name' twice"),
        (b"Name,Email\r\nAn\x00na,a@x.example\r\n", "NUL byte on line 2"),
        (bytes(range(256)) * 40, "is not a text file"),
        (b'Name,Notes\r\nAnna,"' + b"x" * 1_048_576 + b'"\r\n', "1,048,576 characters"),
        (b"Name,Email\r\nAnna,a@x.example,surplus\r\n", "the row has 3 cells"),
    ],
    ids=["empty", "header-only", "duplicate-headers", "nul", "binary", "1mb-field", "ragged"],
)
def test_hostile_files_exit_2_with_a_message_and_leave_the_database_unchanged(
    database_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    run(database_path, "lead", "add", "Already there")
    capsys.readouterr()
    before = dump(database_path)
    path = tmp_path / "hostile.csv"
    path.write_bytes(content)
    assert run(database_path, "import", str(path)) == 2
    assert message in capsys.readouterr().err
    assert dump(database_path) == before


def test_revert_exit_codes(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database_path, "import", str(GOOGLE.write(tmp_path))) == 0
    assert run(database_path, "lead", "edit", "1", "--city", "Poznań") == 0
    capsys.readouterr()
    assert run(database_path, "imports", "revert", "1") == 2
    assert "'Anna Nowak' (lead 1)" in capsys.readouterr().err
    assert run(database_path, "imports", "revert", "7") == 2
    assert "There is no import with id 7" in capsys.readouterr().err
    assert run(database_path, "lead", "edit", "1", "--city", "Łódź") == 0


def test_export_csv_and_vcf(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database_path, "import", str(GOOGLE.write(tmp_path)), "--temperature", "warm") == 0
    capsys.readouterr()
    out_csv, out_vcf = tmp_path / "out.csv", tmp_path / "out.vcf"
    assert run(database_path, "export", str(out_csv), "--temperature", "warm") == 0
    assert capsys.readouterr().out == f"Wrote 2 leads to {out_csv}\n"
    assert run(database_path, "export", str(out_vcf), "--search", "Müller") == 0
    assert out_vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1
    assert run(database_path, "export", str(tmp_path / "out.pdf")) == 2
    assert run(database_path, "export", str(tmp_path / "missing" / "x.csv")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_encoding_and_delimiter_can_be_given(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.planner.interop.sample_files import FRENCH

    path = FRENCH.write(tmp_path)
    assert run(database_path, "import", str(path), "--encoding", "cp1250", "--dry-run") == 0
    assert "Central European (Windows-1250), Semicolon (;)" in capsys.readouterr().out
    assert run(database_path, "import", str(path), "--delimiter", "semicolon") == 0
    assert "Western European (Windows-1252), Semicolon (;)" in capsys.readouterr().out
    assert run(database_path, "import", str(tmp_path / "missing.csv"), "--encoding", "cp1252") == 2
    assert "missing.csv cannot be read" in capsys.readouterr().err


def test_import_a_chosen_sheet_and_a_vcard_file(
    database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.create_sheet("Leads").append(["Vorname", "Nachname", "E-Mail"])
    book["Leads"].append(["Jürgen", "Müller", "jm@mueller.example"])
    workbook = tmp_path / "kontakte.xlsx"
    book.save(workbook)
    assert run(database_path, "import", str(workbook), "--sheet", "Nope") == 2
    assert "has no sheet 'Nope'" in capsys.readouterr().err
    assert run(database_path, "import", str(workbook), "--sheet", "Leads") == 0
    assert "Read kontakte.xlsx as Excel workbook, sheet 'Leads'" in capsys.readouterr().out
    cards = tmp_path / "phone.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nEMAIL:wang@example.cn\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Müller\r\nEMAIL:JM@mueller.example\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    assert run(database_path, "import", str(cards), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["read_as"], report["added"], report["skipped_duplicates"]) == ("2 vCards", 1, 1)
