"""Input that must never crash: every refusal is exit 2, one line on stderr, nothing written."""

import os
import sqlite3
from pathlib import Path

import pytest

from planner.cli import main
from planner.limits import MAX_TEMPLATE_FILE_BYTES
from planner.workspace import Workspace
from tests.conftest import dump_database

UNDECODABLE = "caf\udcff"
"""``café`` as bytes that are not UTF-8 (``caf\\xff``), as Python hands them over in argv."""

TOO_BIG = str(2**63)
ESCAPE = "\x1b]0;owned\x07"

BAD_INPUTS: dict[str, list[str]] = {
    "undecodable name": ["lead", "add", UNDECODABLE],
    "undecodable city": ["lead", "add", "Acme", "--city", UNDECODABLE],
    "undecodable search": ["lead", "list", "--search", UNDECODABLE],
    "undecodable notes": ["lead", "edit", "1", "--notes", UNDECODABLE],
    "undecodable touch notes": [
        "touch", "add", "1", "phone_call", "--on", "2026-03-20", "--notes", UNDECODABLE,
    ],
    "undecodable setting": ["settings", "set", "city", UNDECODABLE],
    "huge id to show": ["lead", "show", TOO_BIG],
    "huge id to move": ["lead", "move", TOO_BIG, "warm"],
    "huge id to delete": ["lead", "delete", TOO_BIG],
    "huge campaign id": ["campaign", "show", TOO_BIG],
    "huge position": ["lead", "move", "1", "warm", "--position", TOO_BIG],
    "huge touch id": ["touch", "done", TOO_BIG],
    "huge lead of a touch": ["touch", "add", TOO_BIG, "phone_call", "--on", "2026-03-20"],
    "negative id": ["lead", "show", "-1"],
    "long name": ["lead", "add", "x" * 201],
    "long company": ["lead", "add", "Acme", "--company", "x" * 201],
    "long street": ["lead", "edit", "1", "--street", "x" * 201],
    "long notes": ["lead", "add", "Acme", "--notes", "x" * 10_001],
    "long touch notes": [
        "touch", "add", "1", "phone_call", "--on", "2026-03-20", "--notes", "x" * 10_001,
    ],
    "long reason": ["lead", "move", "1", "lost", "--reason", "x" * 1_001],
    "long setting": ["settings", "set", "business_name", "x" * 1_001],
    "year 9999 touch": ["touch", "add", "1", "phone_call", "--on", "9999-01-01"],
    "year 1899 touch": ["touch", "add", "1", "phone_call", "--on", "1899-12-31"],
    "year 9999 campaign": [
        "campaign", "add", "Far", "--channel", "direct_mail", "--target", "cold",
        "--start", "9999-01-01", "--end", "9999-01-02",
    ],
    "terminal escape in a name": ["lead", "add", ESCAPE],
    "nul in a city": ["lead", "add", "Acme", "--city", "Lis\x00bon"],
    "escape in notes": ["lead", "edit", "1", "--notes", "\x1b[2J"],
    "escape in a campaign": [
        "campaign", "add", ESCAPE, "--channel", "direct_mail", "--target", "cold",
        "--start", "2026-04-01", "--end", "2026-04-02",
    ],
    "escape in a setting": ["settings", "set", "business_name", ESCAPE],
    "line break in a name": ["lead", "add", "Acme\nBakery"],
    "template from a device": ["template", "add", "/dev/zero"],
    "template from a folder": ["template", "add", "{tmp}"],
    "template from a pipe": ["template", "add", "{tmp}/pipe"],
    "template too large": ["template", "add", "{tmp}/huge.letter"],
    "template missing": ["template", "add", "{tmp}/missing.letter"],
}  # fmt: skip


@pytest.fixture
def populated(database_path: Path) -> Path:
    """A file with a lead, a touch and a campaign, each id 1."""
    for arguments in (
        ["lead", "add", "Acme Bakery"],
        ["touch", "add", "1", "phone_call", "--on", "2026-03-20"],
        [
            "campaign", "add", "Spring", "--channel", "direct_mail", "--target", "cold",
            "--start", "2026-04-01", "--end", "2026-04-02",
        ],
    ):  # fmt: skip
        assert main(["--db", str(database_path), *arguments]) == 0
    return database_path


def _status(arguments: list[str]) -> int:
    """The exit status, whether ``main`` returned it or argparse exited with it."""
    try:
        return main(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def _dump(path: Path) -> object:
    workspace = Workspace.open(path)
    try:
        return dump_database(workspace)
    finally:
        workspace.close()


@pytest.mark.parametrize("arguments", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    arguments: list[str], populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "huge.letter").write_text("---\n" + "x" * MAX_TEMPLATE_FILE_BYTES)
    before = _dump(populated)
    capsys.readouterr()
    given = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    assert _status(["--db", str(populated), *given]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("planner")
    assert err.count("\n") == 1, err
    assert err.endswith("\n")
    assert "\x1b" not in err
    assert "\x00" not in err
    assert "\udcff" not in err
    assert _dump(populated) == before


def test_control_characters_already_in_a_file_are_escaped_on_output(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name an older version (or another program) stored with a terminal escape is printed
    as ``\\x1b``, and the calendar export leaves control characters out."""
    with sqlite3.connect(populated) as connection:
        connection.execute("UPDATE leads SET name = ? WHERE id = 1", [f"Acme{ESCAPE}"])
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(populated), "lead", "list"]) == 0
    listed = capsys.readouterr().out
    assert "\x1b" not in listed
    assert "\x07" not in listed
    assert "Acme\\x1b]0;owned\\x07" in listed
    target = tmp_path / "plan.ics"
    assert main(["--db", str(populated), "calendar", "export", str(target)]) == 0
    exported = target.read_bytes()
    assert b"\x1b" not in exported
    assert b"\x07" not in exported
    assert b"Acme]0\\;owned" in exported
