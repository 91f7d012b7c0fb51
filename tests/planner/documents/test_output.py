"""Output files: safe names inside the folder, whole files or none."""

from pathlib import Path

import pytest

from planner.documents.output import (
    MAX_NAME_CHARACTERS,
    OutputError,
    StagedFolder,
    atomic_file,
    safe_file_name,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc passwd.pdf"),
        ("..\\..\\Windows\\win.ini", "Windows win.ini.pdf"),
        ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j.pdf"),
        ("CON", "_CON.pdf"),
        ("lpt1.report", "_lpt1.report.pdf"),
        ("", "lead-7.pdf"),
        ("...", "lead-7.pdf"),
        ("  /  ", "lead-7.pdf"),
        ("Jan\x00\x1fKowalski", "Jan Kowalski.pdf"),
        ("Łódź Print Works", "Łódź Print Works.pdf"),
        ("陈氏茶行", "陈氏茶行.pdf"),
    ],
)
def test_file_names_from_lead_names_stay_plain(name: str, expected: str, tmp_path: Path) -> None:
    result = safe_file_name(name, set(), fallback="lead-7")
    assert result == expected
    assert (tmp_path / result).resolve().parent == tmp_path.resolve()


def test_duplicate_names_get_numbers_ignoring_case() -> None:
    taken: set[str] = set()
    names = [safe_file_name(name, taken, "x") for name in ("Acme", "ACME", "acme", "Acme (2)")]
    assert names == ["Acme.pdf", "ACME (2).pdf", "acme (3).pdf", "Acme (2) (2).pdf"]


def test_long_names_are_cut() -> None:
    result = safe_file_name("Ż" * 500, set(), "x")
    assert len(result) <= MAX_NAME_CHARACTERS + len(".pdf")
    assert len(result.encode()) <= 255


def test_an_atomic_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"

    def write_half() -> None:
        with atomic_file(target) as file:
            file.write(b"half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_half()
    assert list(tmp_path.iterdir()) == []
    with atomic_file(target) as file:
        file.write(b"whole")
    assert target.read_bytes() == b"whole"
    assert list(tmp_path.iterdir()) == [target]


def test_a_missing_folder_or_a_folder_as_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"), atomic_file(tmp_path / "no" / "x.pdf"):
        pass
    with pytest.raises(OutputError, match="is a folder"), atomic_file(tmp_path):
        pass


def test_a_staged_folder_moves_everything_or_nothing(tmp_path: Path) -> None:
    staged = StagedFolder(tmp_path)
    staged.path_for("a.pdf").write_bytes(b"a")
    staged.discard()
    assert list(tmp_path.iterdir()) == []
    staged = StagedFolder(tmp_path)
    staged.path_for("b.pdf").write_bytes(b"b")
    assert staged.commit() == [tmp_path.absolute() / "b.pdf"]
    assert [path.name for path in tmp_path.iterdir()] == ["b.pdf"]
    with pytest.raises(OutputError):
        StagedFolder(tmp_path).path_for("../escape.pdf")
