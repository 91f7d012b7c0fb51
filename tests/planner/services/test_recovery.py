"""After kill -9 during a mail merge: the next start finishes the letters or removes the leftovers,
records the letters that were to be recorded, and says so."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain import Column, LeadDraft
from planner.services import board
from planner.services.job_journal import journal_folder
from planner.workspace import Workspace

KILL_AT_FIRST = """
import os, signal, sys
from planner.cli import main

real_replace = os.replace
def die(source, target):
    if {when}:
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(source, target)
os.replace = die
sys.exit(main(sys.argv[1:]))
"""
"""A command that dies by SIGKILL at the first move (``os.replace``) matching ``when``."""

STAGED_LETTER = "'.planner-batch-' in str(source)"
FINISHED_PDF = "str(source).endswith('.part') and '.jobs' not in str(source)"


@pytest.fixture
def addressed(database_path: Path) -> Path:
    workspace = Workspace.open(database_path)
    drafts = [
        (LeadDraft(name=f"Lead {number}", street=f"{number} High St", city="Leeds"), Column.COLD)
        for number in range(1, 6)
    ]
    board.add_leads(workspace, drafts, "Add")
    workspace.close()
    return database_path


def _killed(database: Path, *arguments: str, when: str) -> None:
    script = KILL_AT_FIRST.format(when=when)
    finished = subprocess.run(
        [sys.executable, "-c", script, "--db", str(database), *arguments],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert finished.returncode == -9, finished.stderr.decode()


def _touch_documents(database: Path) -> list[str]:
    workspace = Workspace.open(database)
    try:
        return sorted(
            str(touch.document)
            for card in workspace.leads.cards(Column.COLD)
            for touch in workspace.touches.for_lead(card.id)
        )
    finally:
        workspace.close()


def _hidden(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name.startswith("."))


def test_a_split_merge_killed_while_placing_is_finished_and_recorded_on_the_next_start(
    addressed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    _killed(
        addressed, "mailmerge", "--template", "win-back", "--column", "cold",
        "--split-dir", str(letters), "--record", when=STAGED_LETTER,
    )  # fmt: skip
    assert _hidden(letters), "the kill left the staging folder"
    (note,) = journal_folder(addressed).glob("*.json")
    assert json.loads(note.read_text())["state"] == "placing"
    assert main(["--db", str(addressed), "lead", "list"]) == 0
    err = capsys.readouterr().err
    assert "Put 5 files of a job interrupted on" in err
    assert "Recorded 5 letters of a mail merge interrupted on" in err
    assert _hidden(letters) == []
    placed = sorted(str(path) for path in letters.iterdir())
    assert len(placed) == 5
    assert _touch_documents(addressed) == placed
    assert list(journal_folder(addressed).glob("*.json")) == []
    assert main(["--db", str(addressed), "lead", "list"]) == 0
    assert capsys.readouterr().err == "", "recovered once"


def test_a_merge_killed_before_its_finished_pdf_was_renamed_is_completed(
    addressed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The .part file was whole (written and synced) and noted: the next start renames it into
    place and records the letters it holds."""
    target = tmp_path / "letters.pdf"
    _killed(
        addressed, "mailmerge", "--template", "win-back", "--column", "cold",
        "--out", str(target), "--record", when=FINISHED_PDF,
    )  # fmt: skip
    leftovers = _hidden(tmp_path)
    assert any(name.endswith(".part") for name in leftovers)
    note = json.loads(next(journal_folder(addressed).glob("*.json")).read_text())
    assert note["state"] == "placing"
    assert main(["--db", str(addressed), "lead", "list"]) == 0
    err = capsys.readouterr().err
    assert "Put 1 file of a job interrupted on" in err
    assert "Recorded 5 letters" in err
    assert target.exists()
    assert [name for name in _hidden(tmp_path) if name.endswith(".part")] == []
    assert _touch_documents(addressed) == [str(target)] * 5


KILL_AT_THIRD_LETTER = """
import os, signal, sys
from planner.documents import letters
from planner.cli import main

real_save = letters.LetterWriter.save
saved = []
def save(self):
    saved.append(self)
    if len(saved) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    real_save(self)
letters.LetterWriter.save = save
sys.exit(main(sys.argv[1:]))
"""


def test_a_split_merge_killed_while_writing_leaves_no_stray_file_after_the_next_start(
    addressed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    finished = subprocess.run(
        [
            sys.executable, "-c", KILL_AT_THIRD_LETTER, "--db", str(addressed), "mailmerge",
            "--template", "win-back", "--column", "cold", "--split-dir", str(letters), "--record",
        ],
        capture_output=True, check=False, timeout=120,
    )  # fmt: skip
    assert finished.returncode == -9, finished.stderr.decode()
    (staging,) = letters.iterdir()
    assert staging.name.startswith(".planner-batch-")
    assert main(["--db", str(addressed), "lead", "list"]) == 0
    err = capsys.readouterr().err
    assert "Removed 2 files left unfinished by a job interrupted on" in err
    assert list(letters.iterdir()) == []
    assert _touch_documents(addressed) == [], "nothing was placed, so nothing is recorded"
    assert list(journal_folder(addressed).glob("*.json")) == []
