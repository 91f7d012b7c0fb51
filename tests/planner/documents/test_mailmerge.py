"""Mail merge: one PDF or one per lead, duplex padding, the postal filter, cancel leaves nothing."""

from pathlib import Path
from typing import Any

import pytest

from planner.documents.batch import (
    MergeCancelledError,
    MergeReport,
    NothingToPrintError,
    SkipReason,
    postal_leads,
)
from planner.documents.context import CampaignInfo
from planner.documents.mailmerge import run_mail_merge
from planner.documents.output import OutputError
from planner.documents.profile import SenderProfile
from planner.documents.template_text import LetterTemplate, TemplateError, builtin_templates
from planner.domain import Lead
from tests.planner.documents.conftest import (
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


def _merge(
    tmp_path: Path,
    leads: list[Lead] | tuple[Lead, ...],
    *,
    sender: SenderProfile,
    template: LetterTemplate = COLD,
    campaign: CampaignInfo | None = None,
    output: Path | None = None,
    **options: Any,
) -> MergeReport:
    """Merges a letter to each lead (contexts as ``context_for`` makes them) into ``output``."""
    return run_mail_merge(
        template,
        [context_for(lead, sender, campaign) for lead in leads],
        output or tmp_path / "letters.pdf",
        **options,
    )


def test_one_pdf_holds_one_letter_per_lead_in_order(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    leads = [*MULTISCRIPT_LEADS, *MARKUP_LEADS]
    progress: list[tuple[int, int]] = []
    report = _merge(
        tmp_path,
        leads,
        sender=sender,
        campaign=campaign,
        progress=lambda *p: progress.append(p),
    )
    pages = pdf_pages(tmp_path / "letters.pdf")
    assert len(pages) == report.pages == 10
    for page, lead in zip(pages, leads, strict=True):
        assert lead.name in page
    assert report.summary == "10 letters, 0 skipped"
    assert progress == [(count, 10) for count in range(11)]
    assert list(tmp_path.iterdir()) == [tmp_path / "letters.pdf"]


def test_the_postal_filter_keeps_order_and_names_the_leads_it_skips() -> None:
    leads = [MULTISCRIPT_LEADS[0], NO_ADDRESS, MULTISCRIPT_LEADS[1]]
    usable, skipped = postal_leads(leads, "Nothing to print")
    assert usable == [MULTISCRIPT_LEADS[0], MULTISCRIPT_LEADS[1]]
    assert [(lead.lead_id, lead.name, lead.reason) for lead in skipped] == [
        (50, "Rob Quinn", SkipReason.NO_POSTAL_ADDRESS)
    ]
    assert skipped[0].reason == "no postal address"


def test_the_postal_filter_refuses_when_nobody_can_be_reached() -> None:
    city_only = make_lead(51, "Only City", street="", city="Dublin")
    with pytest.raises(
        NothingToPrintError,
        match=r"^No letters to write: no selected lead has a postal address "
        r"\(Rob Quinn, Only City\)$",
    ):
        postal_leads([NO_ADDRESS, city_only], "No letters to write")
    with pytest.raises(NothingToPrintError, match=r"^Nothing to print: .*\(none selected\)$"):
        postal_leads([], "Nothing to print")


def test_duplex_pads_letters_with_an_odd_page_count(tmp_path: Path, sender: SenderProfile) -> None:
    short = make_lead(1, "Short Letter")
    long = with_fields(make_lead(2, "Long Letter"), title="wants the long one")
    report = _merge(tmp_path, [short, long, short], sender=sender, template=LONG, duplex=True)
    assert [letter.pages for letter in report.letters] == [1, 2, 1]
    assert page_count(tmp_path / "letters.pdf") == 6
    pages = pdf_pages(tmp_path / "letters.pdf")
    assert ["Short Letter" in page for page in pages] == [True, False, False, False, True, False]
    assert ["Long Letter" in page for page in pages] == [False, False, True, True, False, False]
    assert not pages[1].strip()
    assert not pages[5].strip()
    simplex = _merge(tmp_path, [short, long, short], sender=sender, template=LONG)
    assert simplex.pages == 4


def test_the_report_lists_leads_with_missing_data(tmp_path: Path, sender: SenderProfile) -> None:
    template = LetterTemplate(name="t", title="T", body="{{ lead.company }} {{ campaign.offer }}")
    leads = [make_lead(1, "Has Company", company="Acme"), make_lead(2, "No Company")]
    report = _merge(tmp_path, leads, sender=sender, template=template)
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

    output = tmp_path if split else None
    with pytest.raises(MergeCancelledError, match="no file was written"):
        _merge(
            tmp_path,
            MULTISCRIPT_LEADS,
            sender=sender,
            split=split,
            output=output,
            is_cancelled=cancel_on_third,
        )
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
    with pytest.raises(TemplateError, match="fragile', body line 1: ZeroDivisionError"):
        _merge(tmp_path, leads, sender=sender, template=template, split=split, output=output)
    assert list(tmp_path.iterdir()) == []


def test_split_letters_get_safe_unique_names_inside_the_folder(
    tmp_path: Path, sender: SenderProfile
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    names = ["../../etc/passwd", "CON", "a/b", "", "Acme", "ACME", "陈伟"]
    leads = [make_lead(number, name or " ") for number, name in enumerate(names, start=1)]
    report = _merge(tmp_path, leads, sender=sender, split=True, output=folder)
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
    _merge(tmp_path, leads, sender=sender, split=True, output=folder)
    first = (folder / "Maria Lopez.pdf").read_bytes()
    again = _merge(tmp_path, leads[:1], sender=sender, split=True, output=folder, template=LONG)
    assert [path.name for path in again.files] == ["Maria Lopez (2).pdf"]
    assert (folder / "Maria Lopez.pdf").read_bytes() == first
    assert (folder / "notes.txt").read_text() == "mine"
    assert sorted(path.name for path in folder.iterdir()) == [
        "Maria Lopez (2).pdf",
        "Maria Lopez.pdf",
        "Tom Becker.pdf",
        "notes.txt",
    ]


def test_a_missing_output_folder_or_no_letter_writes_nothing(
    tmp_path: Path, sender: SenderProfile
) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        _merge(tmp_path, MULTISCRIPT_LEADS, sender=sender, output=tmp_path / "x" / "y.pdf")
    with pytest.raises(OutputError, match="does not exist"):
        _merge(tmp_path, MULTISCRIPT_LEADS, sender=sender, split=True, output=tmp_path / "x")
    with pytest.raises(NothingToPrintError, match="no lead was given"):
        _merge(tmp_path, [], sender=sender)
    assert list(tmp_path.iterdir()) == []


def test_a_single_letter_is_written_whole(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    path = tmp_path / "one.pdf"
    report = _merge(tmp_path, [MULTISCRIPT_LEADS[5]], sender=sender, campaign=campaign, output=path)
    assert (report.pages, report.missing) == (1, ())
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
    report = _merge(tmp_path, [make_lead(1, "Maria Lopez"), crowded], sender=sender)
    assert report.warnings == (
        f"The address of '{crowded.name}' was shortened to fit the envelope window; "
        "check it before posting.",
    )
    assert report.warnings[0] in report.text()
