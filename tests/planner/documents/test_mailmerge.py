"""Mail merge: one PDF or one per lead, duplex padding, skipped leads, cancel leaves nothing."""

from pathlib import Path
from typing import Any

import pytest

from planner.documents.batch import (
    MergeCancelledError,
    MergeJob,
    NothingToPrintError,
)
from planner.documents.context import CampaignInfo
from planner.documents.mailmerge import run_mail_merge, write_letter
from planner.documents.output import OutputError
from planner.documents.profile import SenderProfile
from planner.documents.template_text import LetterTemplate, TemplateError, builtin_templates
from planner.domain import Lead
from tests.planner.documents.conftest import (
    LETTER_DAY,
    MARKUP_LEADS,
    MULTISCRIPT_LEADS,
    context_for,
    make_lead,
    page_count,
    pdf_pages,
    with_fields,
)

COLD = next(template for template in builtin_templates() if template.name == "cold-introduction")
NO_ADDRESS = make_lead(50, "Rob Quinn", street="", city="")
LONG = LetterTemplate(
    name="long",
    title="Long",
    body="{{ salutation }},\n\n{% if lead.title %}"
    + "\n\n".join("A longer paragraph that goes on. " * 8 for _ in range(14))
    + "{% endif %}\n\nBye.",
)


def _job(tmp_path: Path, leads: list[Lead] | tuple[Lead, ...], **changes: Any) -> MergeJob:
    values: dict[str, Any] = {
        "template": COLD,
        "leads": leads,
        "sender": changes.pop("sender"),
        "today": LETTER_DAY,
        "output": tmp_path / "letters.pdf",
        **changes,
    }
    return MergeJob(**values)


def test_one_pdf_holds_one_letter_per_lead_in_order(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    leads = [*MULTISCRIPT_LEADS, *MARKUP_LEADS, NO_ADDRESS]
    progress: list[tuple[int, int]] = []
    report = run_mail_merge(
        _job(tmp_path, leads, sender=sender, campaign=campaign),
        progress=lambda *p: progress.append(p),
    )
    pages = pdf_pages(tmp_path / "letters.pdf")
    assert len(pages) == report.pages == 10
    for page, lead in zip(pages, [*MULTISCRIPT_LEADS, *MARKUP_LEADS], strict=True):
        assert lead.name in page
    assert report.summary == "10 letters, 1 skipped"
    assert [(lead.name, lead.reason) for lead in report.skipped] == [
        ("Rob Quinn", "no postal address")
    ]
    assert progress == [(count, 10) for count in range(11)]
    assert list(tmp_path.iterdir()) == [tmp_path / "letters.pdf"]


def test_duplex_pads_letters_with_an_odd_page_count(tmp_path: Path, sender: SenderProfile) -> None:
    short = make_lead(1, "Short Letter")
    long = with_fields(make_lead(2, "Long Letter"), title="wants the long one")
    report = run_mail_merge(
        _job(tmp_path, [short, long, short], sender=sender, template=LONG, duplex=True)
    )
    assert [letter.pages for letter in report.letters] == [1, 2, 1]
    assert page_count(tmp_path / "letters.pdf") == 6
    pages = pdf_pages(tmp_path / "letters.pdf")
    assert ["Short Letter" in page for page in pages] == [True, False, False, False, True, False]
    assert ["Long Letter" in page for page in pages] == [False, False, True, True, False, False]
    assert not pages[1].strip()
    assert not pages[5].strip()
    simplex = run_mail_merge(_job(tmp_path, [short, long, short], sender=sender, template=LONG))
    assert simplex.pages == 4


def test_the_report_lists_leads_with_missing_data(tmp_path: Path, sender: SenderProfile) -> None:
    template = LetterTemplate(name="t", title="T", body="{{ lead.company }} {{ campaign.offer }}")
    leads = [make_lead(1, "Has Company", company="Acme"), make_lead(2, "No Company")]
    report = run_mail_merge(_job(tmp_path, leads, sender=sender, template=template))
    assert [(lead.name, lead.fields) for lead in report.missing] == [
        ("Has Company", ("campaign.offer",)),
        ("No Company", ("campaign.offer", "lead.company")),
    ]
    assert "No Company: campaign.offer, lead.company" in report.text()


@pytest.mark.parametrize("split", [False, True])
def test_cancel_leaves_no_file_behind(tmp_path: Path, sender: SenderProfile, split: bool) -> None:
    asked: list[int] = []

    def cancel_on_third() -> bool:
        asked.append(1)
        return len(asked) == 3

    job = _job(tmp_path, MULTISCRIPT_LEADS, sender=sender, split=split, output=tmp_path)
    if not split:
        job = _job(tmp_path, MULTISCRIPT_LEADS, sender=sender)
    with pytest.raises(MergeCancelledError, match="no file was written"):
        run_mail_merge(job, is_cancelled=cancel_on_third)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("split", [False, True])
def test_a_template_failing_on_one_lead_leaves_no_file(
    tmp_path: Path, sender: SenderProfile, split: bool
) -> None:
    template = LetterTemplate(
        name="fragile", title="Fragile", body="{{ 100 // lead.title|length }}"
    )
    leads = [make_lead(1, "Fine", title="CEO"), make_lead(2, "Breaks")]
    output = tmp_path if split else tmp_path / "letters.pdf"
    job = _job(tmp_path, leads, sender=sender, template=template, split=split, output=output)
    with pytest.raises(TemplateError, match="fragile', body line 1: ZeroDivisionError"):
        run_mail_merge(job)
    assert list(tmp_path.iterdir()) == []


def test_split_letters_get_safe_unique_names_inside_the_folder(
    tmp_path: Path, sender: SenderProfile
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    names = ["../../etc/passwd", "CON", "a/b", "", "Acme", "ACME", "陈伟"]
    leads = [make_lead(number, name or " ") for number, name in enumerate(names, start=1)]
    report = run_mail_merge(_job(tmp_path, leads, sender=sender, split=True, output=folder))
    written = sorted(path.name for path in folder.iterdir())
    assert written == sorted(
        [
            "etc passwd.pdf",
            "_CON.pdf",
            "a b.pdf",
            "lead-4.pdf",
            "Acme.pdf",
            "ACME (2).pdf",
            "陈伟.pdf",
        ]
    )
    assert {path.parent for path in report.files} == {folder.absolute()}
    assert [page_count(path) for path in report.files] == [1] * 7
    assert list(tmp_path.iterdir()) == [folder]


def test_a_second_batch_into_the_same_folder_keeps_the_first_ones_letters(
    tmp_path: Path, sender: SenderProfile
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    leads = [make_lead(1, "Maria Lopez"), make_lead(2, "Tom Becker")]
    run_mail_merge(_job(tmp_path, leads, sender=sender, split=True, output=folder))
    first = (folder / "Maria Lopez.pdf").read_bytes()
    again = run_mail_merge(
        _job(tmp_path, leads[:1], sender=sender, split=True, output=folder, template=LONG)
    )
    assert [path.name for path in again.files] == ["Maria Lopez (2).pdf"]
    assert (folder / "Maria Lopez.pdf").read_bytes() == first
    assert (folder / "notes.txt").read_text() == "mine"
    assert sorted(path.name for path in folder.iterdir()) == [
        "Maria Lopez (2).pdf",
        "Maria Lopez.pdf",
        "Tom Becker.pdf",
        "notes.txt",
    ]


def test_a_missing_output_folder_or_no_addressable_lead_writes_nothing(
    tmp_path: Path, sender: SenderProfile
) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        run_mail_merge(
            _job(tmp_path, MULTISCRIPT_LEADS, sender=sender, output=tmp_path / "x" / "y.pdf")
        )
    with pytest.raises(OutputError, match="does not exist"):
        run_mail_merge(
            _job(tmp_path, MULTISCRIPT_LEADS, sender=sender, split=True, output=tmp_path / "x")
        )
    with pytest.raises(NothingToPrintError, match="Rob Quinn"):
        run_mail_merge(_job(tmp_path, [NO_ADDRESS], sender=sender))
    assert list(tmp_path.iterdir()) == []


def test_a_single_letter_is_written_whole(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    path = tmp_path / "one.pdf"
    letter, pages, _warnings = write_letter(
        path, COLD, context_for(MULTISCRIPT_LEADS[5], sender, campaign)
    )
    assert pages == 1
    assert letter.missing == frozenset()
    assert "陈伟" in pdf_pages(path)[0]


def test_an_address_cut_to_fit_the_window_is_named_in_the_report(
    tmp_path: Path, sender: SenderProfile
) -> None:
    crowded = make_lead(
        60,
        "Dr. Maximiliane Alexandra von Hohenzollern-Sigmaringen und Veringen-Hechingen",
        company="Internationale Gesellschaft für Qualitätsmanagement und Prozessoptimierung mbH",
        title="Leiterin der Abteilung für strategische Beschaffung und Lieferantenentwicklung",
        street="Sehr lange Straße mit einem ungewöhnlich langen Namen 1234, Hinterhaus, 3. OG",
        city="Frankfurt am Main",
        region="Hessen",
        postal_code="60311",
        country="CH",
    )
    report = run_mail_merge(_job(tmp_path, [make_lead(1, "Maria Lopez"), crowded], sender=sender))
    assert report.warnings == (
        f"The address of '{crowded.name}' was shortened to fit the envelope window; "
        "check it before posting.",
    )
    assert report.warnings[0] in report.text()
