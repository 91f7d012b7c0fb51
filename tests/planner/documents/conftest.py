"""Leads in many scripts, a sender, and PDF text helpers for the document tests."""

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.documents.context import CampaignInfo, LetterContext
from planner.documents.profile import DateFormat, PaperSize, SenderProfile
from planner.domain import Lead, Outcome, Temperature

LETTER_DAY = date(2026, 3, 16)


def make_lead(lead_id: int, name: str, **fields: str) -> Lead:
    """A lead as stored, with a postal address unless the fields say otherwise."""
    values = {
        "company": "",
        "title": "",
        "email": "",
        "phone": "",
        "street": "Main Street 1",
        "city": "Springfield",
        "region": "",
        "postal_code": "12345",
        "country": "",
        "source": "",
        "notes": "",
        **fields,
    }
    return Lead(
        id=lead_id,
        name=name,
        temperature=Temperature.COLD,
        outcome=Outcome.OPEN,
        lost_reason="",
        value=None,
        referred_by=None,
        created_at="2026-03-01T09:00:00+00:00",
        updated_at="2026-03-01T09:00:00+00:00",
        rank="a0",
        **values,
    )


MULTISCRIPT_LEADS = (
    make_lead(
        1,
        "Zofia Wróblewska",
        company="Łódź Print Works",
        street="ul. Piotrkowska 101",
        city="Łódź",
        postal_code="90-425",
        country="PL",
    ),
    make_lead(
        2,
        "Ελένη Παπαδοπούλου",
        company="Αθηνά Ταβέρνα",
        street="Ερμού 22",
        city="Αθήνα",
        postal_code="105 63",
        country="GR",
    ),
    make_lead(
        3,
        "Ольга Иванова",
        company="Северный Ветер",
        street="ул. Ленина 5",
        city="Рига",
        postal_code="LV-1010",
        country="LV",
    ),
    make_lead(
        4,
        "Jiří Dvořák",
        company="Dvořák Architekti",
        street="Masarykova 18",
        city="Brno",
        postal_code="602 00",
        country="CZ",
    ),
    make_lead(
        5,
        "Ahmet Yılmaz",
        company="Yılmaz Halı",
        street="Kıbrıs Şehitleri Cd. 44",
        city="İzmir",
        postal_code="35220",
        country="TR",
    ),
    make_lead(
        6,
        "陈伟",
        company="陈氏茶行",
        street="388 Keefer St",
        city="Vancouver",
        region="BC",
        postal_code="V6A 1X6",
        country="CA",
    ),
    make_lead(
        7,
        "佐藤 花子",
        company="さくら工房",
        street="Sanjo-dori 150",
        city="Kyoto",
        postal_code="604-8005",
        country="JP",
    ),
)
"""Names and addresses in Polish, Greek, Cyrillic, Czech, Turkish, Chinese and Japanese."""

MARKUP_LEADS = (
    make_lead(11, "Smith & <Sons>", company="<b>Bold</b> & Co", street="1 <i>High</i> Street"),
    make_lead(12, '<img src="http://example.com/x.png"/>', company="Tag Ltd"),
    make_lead(13, '<a href="http://example.com/">click</a>', company="**Stars** & *Dots*"),
)
"""Names made of markup: they must print literally, nothing fetched or linked."""


@pytest.fixture
def sender() -> SenderProfile:
    """A complete sender on A4 paper."""
    return SenderProfile(
        business_name="Harbour Light Bookkeeping",
        street="Kaiserstraße 12",
        postal_code="60311",
        city="Frankfurt am Main",
        country="DE",
        phone="+49 69 1234 5678",
        email="hello@harbourlight.example",
        website="harbourlight.example",
        signer_name="Anna Schmidt",
        signer_title="Founder",
        paper_size=PaperSize.A4,
        date_format=DateFormat.DAY_MONTH_YEAR,
        currency="EUR",
    )


@pytest.fixture
def campaign() -> CampaignInfo:
    """A campaign with an offer, a response code and a deadline."""
    return CampaignInfo(
        campaign_id=None,
        name="Spring hello",
        offer="a free one-hour review of your books",
        response_code="SPR-7Q2K",
        start_on=date(2026, 3, 1),
        end_on=date(2026, 4, 30),
    )


def context_for(
    lead: Lead, sender: SenderProfile, campaign: CampaignInfo | None = None
) -> LetterContext:
    """A letter context dated LETTER_DAY."""
    return LetterContext(lead, sender, LETTER_DAY, campaign)


def pdf_pages(path: Path | bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    from io import BytesIO

    source = BytesIO(path) if isinstance(path, bytes) else path
    return [page.extract_text() for page in PdfReader(source).pages]


def page_count(path: Path | bytes) -> int:
    """How many pages the PDF has."""
    from io import BytesIO

    source = BytesIO(path) if isinstance(path, bytes) else path
    return len(PdfReader(source).pages)


def with_fields(lead: Lead, **fields: Any) -> Lead:
    """The lead with some fields changed."""
    return dataclasses.replace(lead, **fields)


def text_positions(data: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each text piece pypdf finds on a page with its baseline start (x, y in points)."""
    from io import BytesIO

    found: list[tuple[str, float, float]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], *_args: object) -> None:
        if text.strip():
            found.append((text.strip(), text_matrix[4] + matrix[4], text_matrix[5] + matrix[5]))

    PdfReader(BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found
