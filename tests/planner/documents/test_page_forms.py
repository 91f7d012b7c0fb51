"""The sender's parts of a letter are drawn once per file and placed on every page as forms, so a
merge's cost and size per letter are the recipient's own."""

from pathlib import Path

from pypdf import PdfReader

from planner.documents.context import CampaignInfo, LetterContext
from planner.documents.mailmerge import run_mail_merge
from planner.documents.profile import SenderProfile
from planner.documents.template_text import builtin_templates
from tests.planner.documents.conftest import LETTER_DAY, MULTISCRIPT_LEADS

SHARED_FORMS = ("Letterhead", "Footer")


def _merge(path: Path, sender: SenderProfile, campaign: CampaignInfo, count: int) -> PdfReader:
    template = next(
        template for template in builtin_templates() if template.name == "cold-introduction"
    )
    leads = [MULTISCRIPT_LEADS[number % 5] for number in range(count)]
    letters = [LetterContext(lead, sender, LETTER_DAY, campaign) for lead in leads]
    run_mail_merge(template, letters, path)
    return PdfReader(path)


def _forms(reader: PdfReader, page: int) -> dict[str, int]:
    """The form XObjects a page can place, by name, with the object each name stands for."""
    objects = reader.pages[page]["/Resources"]["/XObject"]
    return {str(name): objects.raw_get(name).idnum for name in objects}


def test_every_letter_places_the_same_letterhead_footer_and_info_forms(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    few = _merge(tmp_path / "few.pdf", sender, campaign, 3)
    many = _merge(tmp_path / "many.pdf", sender, campaign, 12)
    assert len(_forms(many, 0)) == len(_forms(few, 0))
    assert {_forms(many, page)["/FormXob.Letterhead"] for page in range(12)} == {
        _forms(many, 0)["/FormXob.Letterhead"]
    }
    for page in (0, 11):
        content = many.pages[page].get_contents()
        assert content is not None
        drawn = content.get_data()
        for name in SHARED_FORMS:
            assert drawn.count(f"/FormXob.{name} Do".encode()) == 1
        assert b"/FormXob.Info" in drawn
        assert b"/FormXob.QR" not in drawn
