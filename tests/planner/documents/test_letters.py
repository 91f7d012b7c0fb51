"""Letters as PDFs: names and addresses print exactly in any script; user markup stays text."""

import dataclasses
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.documents.address import address_lines
from planner.documents.context import CampaignInfo
from planner.documents.letter_content import compose_letter
from planner.documents.letters import LetterWriter, letter_pdf
from planner.documents.pages import INCH, MM
from planner.documents.profile import PaperSize, SenderProfile
from planner.documents.template_text import LetterTemplate, builtin_templates
from planner.documents.templating import CompiledTemplate
from planner.domain import Lead
from tests.planner.documents.conftest import (
    MARKUP_LEADS,
    MULTISCRIPT_LEADS,
    context_for,
    make_lead,
    page_count,
    pdf_pages,
    text_positions,
)

SIMPLE = LetterTemplate(
    name="simple",
    title="Simple",
    subject="Hello {{ lead.company or lead.name }}",
    body="{{ salutation }},\n\nWe met **{{ lead.name }}** at *{{ lead.company }}*.\n\nBye.",
)


def _template(name: str) -> LetterTemplate:
    return next(template for template in builtin_templates() if template.name == name)


def _pdf(
    template: LetterTemplate,
    lead: Lead,
    sender: SenderProfile,
    campaign: CampaignInfo | None = None,
) -> bytes:
    data, _letter = letter_pdf(CompiledTemplate(template), context_for(lead, sender, campaign))
    return data


@pytest.mark.parametrize("lead", MULTISCRIPT_LEADS, ids=lambda lead: lead.country)
def test_names_and_addresses_in_every_script_print_exactly(
    lead: Lead, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    data = _pdf(_template("cold-introduction"), lead, sender, campaign)
    (text,) = pdf_pages(data)
    for line in address_lines(lead, sender.country):
        assert line in text
    assert f"Dear {lead.name}," in text


@pytest.mark.parametrize("lead", MARKUP_LEADS, ids=["ampersand", "img", "link"])
def test_names_made_of_markup_print_literally_and_fetch_nothing(
    lead: Lead, sender: SenderProfile
) -> None:
    data = _pdf(SIMPLE, lead, sender)
    (text,) = pdf_pages(data)
    assert lead.name in text
    assert lead.company in text
    reader = PdfReader(BytesIO(data))
    page = reader.pages[0]
    assert "/Annots" not in page
    assert not page.images
    assert b"/URI" not in data


def test_template_markup_becomes_bold_and_italic_but_values_stay_literal(
    sender: SenderProfile,
) -> None:
    lead = MARKUP_LEADS[2]
    letter = compose_letter(CompiledTemplate(SIMPLE), context_for(lead, sender))
    (_greeting, met, _bye) = letter.blocks
    assert met.markup.startswith("We met <b>&lt;a href=")
    assert "<i>**Stars** &amp; *Dots*</i>" in met.markup


def test_a_long_letter_flows_onto_a_second_page_with_a_running_header(
    sender: SenderProfile,
) -> None:
    long_body = "{{ salutation }},\n\n" + "\n\n".join(
        f"Paragraph {number}: " + "We would like to tell you more about what we do. " * 6
        for number in range(1, 16)
    )
    template = LetterTemplate(name="long", title="Long", body=long_body)
    data = _pdf(template, MULTISCRIPT_LEADS[0], sender)
    pages = pdf_pages(data)
    assert len(pages) == 2
    assert "Page 2" in pages[1]
    assert "Zofia Wróblewska" in pages[1]
    assert "Paragraph 15" in pages[1]
    assert "Anna Schmidt" in pages[1]


def test_every_builtin_template_fits_on_one_page_with_a_full_campaign(
    sender: SenderProfile, campaign: CampaignInfo
) -> None:
    for template in builtin_templates():
        data = _pdf(template, MULTISCRIPT_LEADS[1], sender, campaign)
        assert page_count(data) == 1, template.name


def test_the_response_code_and_its_qr_code_print_when_the_template_asks(
    sender: SenderProfile, campaign: CampaignInfo
) -> None:
    data = _pdf(_template("cold-introduction"), MULTISCRIPT_LEADS[0], sender, campaign)
    (text,) = pdf_pages(data)
    assert "Reply code" in text
    assert text.count("SPR-7Q2K") == 2
    without = _pdf(_template("warm-follow-up"), MULTISCRIPT_LEADS[0], sender, campaign)
    assert "SPR-7Q2K" not in pdf_pages(without)[0]


def test_a_letter_without_a_campaign_falls_back_and_reports_what_it_left_out(
    sender: SenderProfile,
) -> None:
    template = LetterTemplate(
        name="offer", title="Offer", body="Our offer: {{ campaign.offer }} for {{ lead.title }}."
    )
    lead = make_lead(1, "Maria Lopez")
    letter = compose_letter(CompiledTemplate(template), context_for(lead, sender))
    assert letter.missing == {"campaign.offer", "lead.title"}


def test_the_logo_and_signature_are_embedded_and_a_missing_one_is_reported(
    sender: SenderProfile, tmp_path: Path
) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (31, 58, 95)).save(logo)
    missing = tmp_path / "missing.png"
    profile = dataclasses.replace(sender, logo_path=str(logo), signature_path=str(missing))
    buffer = BytesIO()
    writer = LetterWriter(buffer, profile)
    writer.write(
        compose_letter(CompiledTemplate(SIMPLE), context_for(MULTISCRIPT_LEADS[0], profile))
    )
    writer.save()
    page = PdfReader(BytesIO(buffer.getvalue())).pages[0]
    assert len(page.images) == 1
    assert writer.warnings == [f"The signature image {missing} could not be read; left out."]


def test_emoji_right_to_left_and_control_characters_never_stop_a_letter(
    sender: SenderProfile,
) -> None:
    lead = make_lead(
        1, "Dana 😀 כהן", company="مخبز الأمل\x00\u202e", street="Rehov Herzl 3\x07", city="Haifa"
    )
    data = _pdf(SIMPLE, lead, sender)
    (text,) = pdf_pages(data)
    assert "Dana" in text
    assert "Rehov Herzl 3" in text


@pytest.mark.parametrize(
    ("paper", "size", "window"),
    [
        # DIN 5008 form B: the address zone 62.7 to 90 mm from the top, text from 25 mm.
        (PaperSize.A4, (595.3, 841.9), ((25 * MM, 105 * MM), (62.7 * MM, 90 * MM))),
        # #10 window envelope, sheet folded in three: visible 2.04 to 3.17 in from the top,
        # 1 to 4.375 in from the left however the sheet slides.
        (PaperSize.LETTER, (612.0, 792.0), ((1 * INCH, 4.375 * INCH), (2.04 * INCH, 3.17 * INCH))),
    ],
)
def test_the_address_sits_in_the_envelope_window(
    sender: SenderProfile,
    paper: PaperSize,
    size: tuple[float, float],
    window: tuple[tuple[float, float], tuple[float, float]],
) -> None:
    profile = dataclasses.replace(sender, paper_size=paper)
    lead = MULTISCRIPT_LEADS[3]
    data = _pdf(SIMPLE, lead, profile)
    box = PdfReader(BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == size
    (left, right), (top, bottom) = window
    placed: dict[str, tuple[float, float]] = {}
    for text, x, y in text_positions(data):
        placed.setdefault(text, (x, y))
    for line in address_lines(lead, profile.country):
        x, y = placed[line]
        from_top = size[1] - y
        assert left - 0.5 <= x <= right
        assert top <= from_top <= bottom, line
