"""Envelopes (DL, C5, #10) with return address, and the call sheet's rows on paper."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from planner.documents.address import recipient
from planner.documents.calls import CallSheet, CallSheetEntry
from planner.documents.callsheet import write_call_sheet
from planner.documents.envelopes import write_envelopes
from planner.documents.pages import INCH, MM, Box
from planner.documents.profile import SenderProfile
from planner.documents.stationery import EnvelopeSize
from tests.planner.documents.conftest import MARKUP_LEADS, MULTISCRIPT_LEADS, pdf_pages

SIZES = {
    EnvelopeSize.DL: (220 * MM, 110 * MM),
    EnvelopeSize.C5: (229 * MM, 162 * MM),
    EnvelopeSize.NO10: (9.5 * INCH, 4.125 * INCH),
}


@pytest.mark.parametrize("size", list(EnvelopeSize))
def test_one_envelope_per_recipient_with_both_addresses(
    size: EnvelopeSize, sender: SenderProfile
) -> None:
    recipients = [recipient(lead, sender.country) for lead in (*MULTISCRIPT_LEADS, *MARKUP_LEADS)]
    buffer = BytesIO()
    placed = write_envelopes(buffer, size, recipients, sender)
    width, height = SIZES[size]
    envelope = Box(0, 0, width, height)
    assert all(envelope.contains(one.text) for one in placed)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    assert len(reader.pages) == len(recipients)
    for page, one in zip(reader.pages, recipients, strict=True):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (width, height)
        )
        text = page.extract_text()
        assert "Harbour Light Bookkeeping" in text
        for line in one.lines:
            assert line in text


def test_the_call_sheet_lists_overdue_calls_first_with_everything_to_take_along(
    sender: SenderProfile,
) -> None:
    entries = (
        CallSheetEntry(
            "",
            "Meeting",
            "Ελένη Παπαδοπούλου",
            "Αθηνά Ταβέρνα",
            "+30 210 555 0100",
            "Bring samples",
            "",
            "",
            date(2026, 3, 12),
        ),
        CallSheetEntry(
            "09:30",
            "Phone call",
            "Smith & <Sons>",
            "陈氏茶行",
            "+44 161 555 0101",
            "Ask about the <b>spring</b> offer",
            "Direct-mail letter, 2 March 2026",
            "Prefers calls after 10.",
            date(2026, 3, 16),
        ),
    )
    buffer = BytesIO()
    pages = write_call_sheet(buffer, CallSheet(date(2026, 3, 16), sender, entries))
    assert pages == 1
    (page,) = pdf_pages(buffer.getvalue())
    text = " ".join(page.split())
    assert "Monday, 16 March 2026 · 2 planned · Harbour Light Bookkeeping" in text
    for expected in (
        "overdue since 12 March 2026",
        "Ελένη Παπαδοπούλου",
        "Smith & <Sons>",
        "陈氏茶行",
        "+44 161 555 0101",
        "<b>spring</b>",
        "Prefers calls after 10.",
    ):
        assert expected in text
    assert text.index("Ελένη") < text.index("Smith")
