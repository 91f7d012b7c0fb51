"""The document commands on real files: letters, mail merge, labels, envelopes, call sheet,
templates and the sender profile, through the real entry point."""

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.documents.batch import CancelCheck, ProgressCallback
from planner.domain import Column, LeadDraft
from planner.services import board
from planner.services.document_jobs import MergeLetters
from planner.workspace import Workspace
from tests.conftest import dump_database

LEADS = [
    LeadDraft(
        name="Zofia Wróblewska",
        company="Łódź Print Works",
        street="ul. Piotrkowska 101",
        city="Łódź",
        postal_code="90-425",
        country="PL",
    ),
    LeadDraft(
        name="Ελένη Παπαδοπούλου",
        street="Ερμού 22",
        city="Αθήνα",
        postal_code="105 63",
        country="GR",
    ),
    LeadDraft(
        name="陈伟",
        company="陈氏茶行",
        street="388 Keefer St",
        city="Vancouver",
        region="BC",
        postal_code="V6A 1X6",
        country="CA",
    ),
    LeadDraft(
        name="Smith & <Sons>", street="1 High St", city="Leeds", postal_code="LS1 6HD", country="GB"
    ),
    LeadDraft(name="Rob Quinn", city="Dublin"),
    LeadDraft(name="Nora Ellis", email="nora@example.com"),
]


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


@pytest.fixture
def filled(database_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A planner file with six cold leads, two of them without a postal address, on A4."""
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    workspace = Workspace.open(database_path)
    board.add_leads(workspace, [(draft, Column.COLD) for draft in LEADS], "Add leads")
    workspace.close()
    return database_path


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_mailmerge_reports_letters_and_skipped_names_and_records_touches(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letters.pdf"
    status = run(
        filled,
        "mailmerge",
        "--template",
        "cold-introduction",
        "--temperature",
        "cold",
        "--out",
        str(out),
        "--duplex",
        "--record",
    )
    assert status == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "4 letters, 2 skipped"
    assert printed[1] == "Skipped (no postal address): Rob Quinn, Nora Ellis"
    assert printed[-1] == "Recorded 4 touches"
    assert len(PdfReader(out).pages) == 8
    text = _text(out)
    for draft in LEADS[:4]:
        assert draft.name in text
        assert draft.street in text
    workspace = Workspace.open(filled)
    done = [
        touch for lead in workspace.leads.find() for touch in workspace.touches.for_lead(lead.id)
    ]
    workspace.close()
    assert len(done) == 4
    assert {touch.document for touch in done} == {str(out.absolute())}


def test_mailmerge_splits_into_one_file_per_lead(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "split"
    folder.mkdir()
    assert run(filled, "mailmerge", "--template", "win-back", "--split-dir", str(folder)) == 0
    assert sorted(path.name for path in folder.iterdir()) == [
        "Smith & Sons.pdf",
        "Zofia Wróblewska.pdf",
        "Ελένη Παπαδοπούλου.pdf",
        "陈伟.pdf",
    ]
    assert f"Wrote 4 files to {folder.absolute()}" in capsys.readouterr().out


def _dump(database: Path) -> dict[str, list[tuple[object, ...]]]:
    workspace = Workspace.open(database)
    try:
        return dump_database(workspace)
    finally:
        workspace.close()


def _fails(database: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    try:
        status = run(database, *arguments)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    assert status == 2
    return capsys.readouterr().err.strip()


def test_errors_exit_2_with_a_clear_message_and_write_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.letter"
    broken.write_text(
        "---\nname: broken\ntitle: Broken\n---\nDear {{ lead.name }},\n\n{{ lead.nmae }}\n",
        encoding="utf-8",
    )
    assert run(filled, "template", "add", str(broken)) == 0
    capsys.readouterr()
    before = _dump(filled)
    out = str(tmp_path / "x.pdf")
    assert "no letter template called 'nope'" in _fails(
        filled, capsys, "mailmerge", "--template", "nope", "--out", out
    )
    assert "'avery-9999' is not one of avery-5160" in _fails(
        filled, capsys, "labels", "--sheet", "avery-9999", "--out", out
    )
    assert "The folder" in _fails(
        filled, capsys, "envelopes", "--size", "dl", "--out", str(tmp_path / "no" / "x.pdf")
    )
    assert "Template 'broken', body line 3: there is no field 'nmae'" in _fails(
        filled, capsys, "mailmerge", "--template", "broken", "--out", out, "--record"
    )
    assert "--start must be between 1 and 21" in _fails(
        filled, capsys, "labels", "--sheet", "avery-l7160", "--start", "22", "--out", out
    )
    assert "no selected lead has a postal address (Rob Quinn)" in _fails(
        filled, capsys, "labels", "--sheet", "avery-5160", "--search", "Quinn", "--out", out
    )
    assert "There is no lead with id 99" in _fails(
        filled, capsys, "envelopes", "--size", "no10", "--lead", "1", "--lead", "99", "--out", out
    )
    assert "'Rob Quinn' has no postal address" in _fails(
        filled, capsys, "letter", "5", "--template", "win-back", "--out", out
    )
    syntax = tmp_path / "syntax.letter"
    syntax.write_text("---\nname: syntax\ntitle: Syntax\n---\nA\n{% if x %}\n", encoding="utf-8")
    assert "Template 'syntax', body line 2" in _fails(
        filled, capsys, "template", "add", str(syntax)
    )
    written = [path.name for path in tmp_path.iterdir() if not path.name.startswith("planner.db")]
    assert sorted(written) == ["broken.letter", "syntax.letter"]
    assert _dump(filled) == before


def test_a_template_that_loops_forever_is_stopped_with_a_one_line_message(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    looping = tmp_path / "loop.letter"
    looping.write_text(
        "---\nname: t-loop\ntitle: Loop\n---\nHello\n"
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n",
        encoding="utf-8",
    )
    assert run(filled, "template", "add", str(looping)) == 0
    capsys.readouterr()
    out = tmp_path / "loop.pdf"
    message = _fails(filled, capsys, "letter", "1", "--template", "t-loop", "--out", str(out))
    assert message.splitlines() == [message]
    assert "Template 't-loop', body line 2: " in message
    assert "loops run more than 100,000 times" in message
    assert "Traceback" not in message
    assert not out.exists()


def test_labels_envelopes_and_a_single_letter(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = tmp_path / "labels.pdf"
    assert (
        run(filled, "labels", "--sheet", "avery-l7163", "--start", "13", "--out", str(labels)) == 0
    )
    assert capsys.readouterr().out.splitlines()[0] == "4 labels on 2 sheets, 2 skipped"
    assert "陈氏茶行" in _text(labels)
    envelopes = tmp_path / "envelopes.pdf"
    assert (
        run(filled, "envelopes", "--size", "c5", "--search", "smith", "--out", str(envelopes)) == 0
    )
    assert capsys.readouterr().out.splitlines() == ["1 envelopes, 0 skipped"]
    assert "Smith & <Sons>" in _text(envelopes)
    letter = tmp_path / "one.pdf"
    assert run(filled, "letter", "2", "--template", "warm-follow-up", "--out", str(letter)) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {letter} (1 page)")
    assert "Dear Ελένη Παπαδοπούλου," in _text(letter)


def test_a_single_letter_runs_as_a_merge_of_one_lead_and_records_its_touch(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[MergeLetters] = []
    merge = MergeLetters.__call__

    def spy(job: MergeLetters, progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        ran.append(job)
        return merge(job, progress, is_cancelled)

    monkeypatch.setattr(MergeLetters, "__call__", spy)
    out = tmp_path / "zofia.pdf"
    status = run(
        filled, "letter", "1", "--template", "cold-introduction", "--out", str(out), "--record"
    )
    assert status == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote {out} (1 page)",
        "Printed empty: sender.business_name",
        "Recorded 1 touch",
    ]
    (job,) = ran
    assert (job.selection.lead_ids, job.output, job.split) == (frozenset({1}), out, False)
    text = _text(out)
    assert "Zofia Wróblewska" in text
    assert "ul. Piotrkowska 101" in text
    assert "Ελένη" not in text
    workspace = Workspace.open(filled)
    (touch,) = workspace.touches.for_lead(1)
    workspace.close()
    assert (touch.document, touch.is_done) == (str(out.absolute()), True)


def test_a_single_letter_to_a_lead_without_an_address_records_and_writes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _dump(filled)
    out = tmp_path / "nora.pdf"
    message = _fails(
        filled, capsys, "letter", "6", "--template", "win-back", "--out", str(out), "--record"
    )
    assert message.startswith("planner: 'Nora Ellis' has no postal address: give a street")
    assert "planner lead edit 6 --street" in message
    assert "There is no lead with id 99" in _fails(
        filled, capsys, "letter", "99", "--template", "win-back", "--out", str(out)
    )
    assert not out.exists()
    assert _dump(filled) == before


def test_callsheet_prints_the_days_calls(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(filled, "touch", "add", "1", "phone_call", "--on", "2026-03-16", "--at", "09:30") == 0
    )
    out = tmp_path / "calls.pdf"
    assert run(filled, "callsheet", "--on", "2026-03-16", "--out", str(out)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 planned calls and meetings on 2026-03-16"
    assert "Zofia Wróblewska" in _text(out)


def test_templates_list_show_add_copy_delete(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(filled, "template", "list") == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    assert run(filled, "template", "show", "win-back") == 0
    shown = capsys.readouterr().out
    assert shown.startswith("---\nname: win-back\ntitle: Win-back letter\n")
    assert run(filled, "template", "copy", "win-back") == 0
    assert capsys.readouterr().out.strip() == "win-back-letter-copy"
    assert "cannot be changed" in _fails(filled, capsys, "template", "delete", "win-back")
    assert run(filled, "template", "delete", "win-back-letter-copy") == 0
    assert run(filled, "template", "list") == 0
    assert "win-back-letter-copy" not in capsys.readouterr().out


def test_settings_show_and_set(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(filled, "settings", "set", "business_name", "Łódź & Söhne") == 0
    assert run(filled, "settings", "set", "paper_size", "Letter") == 0
    assert run(filled, "settings", "show") == 0
    shown = capsys.readouterr().out
    assert "  business_name: Łódź & Söhne" in shown
    assert "     paper_size: letter" in shown
    assert "'a5' is not one of a4, letter" in _fails(
        filled, capsys, "settings", "set", "paper_size", "a5"
    )
    assert "'colour' is not a sender setting" in _fails(
        filled, capsys, "settings", "set", "colour", "red"
    )


def test_the_command_line_starts_without_the_document_engine() -> None:
    script = (
        "import sys, planner.cli; planner.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'jinja2', 'PIL')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
