"""The document jobs on a real planner file: every one skips the leads the post cannot reach
through the same filter, and one letter is a merge of one lead."""

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.documents.batch import NothingToPrintError, SkipReason, never_cancelled, no_progress
from planner.documents.stationery import EnvelopeSize, LabelSheet
from planner.domain import Column, LeadDraft
from planner.services import board
from planner.services.document_jobs import MergeLetters, PrintEnvelopes, PrintLabels
from planner.services.documents import LeadSelection
from planner.services.sender import load_sender_profile
from planner.services.templates import find_template
from planner.workspace import Workspace

COLD = LeadSelection(column=Column.COLD)


@pytest.fixture
def leads(workspace: Workspace) -> dict[str, int]:
    """Three cold leads, the middle one with a city but no street."""
    drafts = [
        (LeadDraft(name="Piekarnia", street="ul. Długa 1", city="Łódź"), Column.COLD),
        (LeadDraft(name="No Street", city="Łódź"), Column.COLD),
        (LeadDraft(name="Bäckerei", street="Hauptstr. 3", city="Berlin"), Column.COLD),
    ]
    board.add_leads(workspace, drafts, "Add leads")
    return {lead.name: lead.id for lead in workspace.leads.find()}


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _merge(workspace: Workspace, selection: LeadSelection, output: Path) -> MergeLetters:
    return MergeLetters(
        database=workspace.path,
        selection=selection,
        template=find_template(workspace, "cold-introduction"),
        sender=load_sender_profile(workspace),
        today=date(2026, 3, 16),
        output=output,
    )


def test_every_job_skips_the_lead_without_a_street_alike(
    workspace: Workspace, leads: dict[str, int], tmp_path: Path
) -> None:
    sender = load_sender_profile(workspace)
    letters = _merge(workspace, COLD, tmp_path / "letters.pdf")(no_progress, never_cancelled)
    labels = PrintLabels(
        workspace.path, COLD, sender, LabelSheet.AVERY_L7163, tmp_path / "labels.pdf"
    )(no_progress, never_cancelled)
    envelopes = PrintEnvelopes(
        workspace.path, COLD, sender, EnvelopeSize.DL, tmp_path / "envelopes.pdf"
    )(no_progress, never_cancelled)
    expected = ((leads["No Street"], "No Street", SkipReason.NO_POSTAL_ADDRESS),)
    for skipped in (letters.skipped, labels.skipped, envelopes.skipped):
        assert tuple((lead.lead_id, lead.name, lead.reason) for lead in skipped) == expected
    assert [letter.name for letter in letters.letters] == ["Piekarnia", "Bäckerei"]
    assert (labels.count, envelopes.count) == (2, 2)
    for path in ("letters.pdf", "labels.pdf", "envelopes.pdf"):
        text = _text(tmp_path / path)
        assert "Piekarnia" in text
        assert "Bäckerei" in text
        assert "No Street" not in text


def test_nobody_reachable_is_refused_by_every_job_and_writes_nothing(
    workspace: Workspace, leads: dict[str, int], tmp_path: Path
) -> None:
    only = LeadSelection(lead_ids=frozenset({leads["No Street"]}))
    sender = load_sender_profile(workspace)
    jobs = (
        _merge(workspace, only, tmp_path / "letters.pdf"),
        PrintLabels(workspace.path, only, sender, LabelSheet.AVERY_5160, tmp_path / "l.pdf"),
        PrintEnvelopes(workspace.path, only, sender, EnvelopeSize.C5, tmp_path / "e.pdf"),
    )
    for job in jobs:
        with pytest.raises(NothingToPrintError, match=r"postal address \(No Street\)$"):
            job(no_progress, never_cancelled)
    assert not [path for path in tmp_path.iterdir() if path.suffix == ".pdf"]


def test_one_letter_is_a_merge_of_one_lead(
    workspace: Workspace, leads: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "one.pdf"
    only = LeadSelection(lead_ids=frozenset({leads["Bäckerei"]}))
    report = _merge(workspace, only, out)(no_progress, never_cancelled)
    assert report.summary == "1 letter, 0 skipped"
    assert report.files == (out.absolute(),)
    assert "Bäckerei" in _text(out)
    assert "Piekarnia" not in _text(out)
