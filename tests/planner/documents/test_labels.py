"""Address labels: Avery geometry within half a millimetre, text never leaves its label."""

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest

from planner.documents.address import Recipient, recipient
from planner.documents.labels import write_labels
from planner.documents.pages import INCH, MM, PAGE_SIZES
from planner.documents.stationery import LabelSheet, check_start
from planner.errors import ValidationError
from tests.planner.documents.conftest import (
    MARKUP_LEADS,
    MULTISCRIPT_LEADS,
    make_lead,
    page_count,
    pdf_pages,
    text_positions,
)

HALF_MM = 0.5 * MM

PUBLISHED = {
    # sheet: (label width, height, first label's left, top, last label's right, bottom, gap), mm
    LabelSheet.AVERY_5160: (66.675, 25.4, 4.7625, 12.7, 211.1375, 266.7, 3.175),
    LabelSheet.AVERY_5163: (101.6, 50.8, 3.96875, 12.7, 211.93125, 266.7, 4.7625),
    LabelSheet.AVERY_L7160: (63.5, 38.1, 7.21, 15.15, 202.79, 281.85, 2.54),
    LabelSheet.AVERY_L7163: (99.1, 38.1, 4.65, 15.15, 205.35, 281.85, 2.5),
}
"""Avery's published specifications, converted to millimetres (5160: 2⅝ x 1 in, 3/16 in
side margins, ½ in top margin, ⅛ in gap; 5163: 4 x 2 in, 5/32 in side margins, 3/16 in gap)."""

LONG = make_lead(
    99,
    "Dr. Maximiliane Alexandra von Hohenzollern-Sigmaringen",
    company="Internationale Gesellschaft für Qualitätsmanagement und Prozessoptimierung mbH",
    street="Sehr lange Straße mit einem ungewöhnlich langen Namen 1234, Hinterhaus, 3. OG links",
    city="Frankfurt am Main",
    region="Hessen",
    postal_code="60311",
    country="CH",
)


@pytest.mark.parametrize("sheet", list(LabelSheet))
def test_label_positions_match_the_published_sheet(sheet: LabelSheet) -> None:
    width, height, left, top, right, bottom, gap = PUBLISHED[sheet]
    spec = sheet.spec
    page_height = PAGE_SIZES[spec.paper][1]
    first, second = spec.label_box(0), spec.label_box(1)
    last = spec.label_box(spec.per_sheet - 1)
    assert first.width == pytest.approx(width * MM, abs=HALF_MM)
    assert first.height == pytest.approx(height * MM, abs=HALF_MM)
    assert first.x == pytest.approx(left * MM, abs=HALF_MM)
    assert page_height - first.top == pytest.approx(top * MM, abs=HALF_MM)
    assert last.right == pytest.approx(right * MM, abs=HALF_MM)
    assert page_height - last.y == pytest.approx(bottom * MM, abs=HALF_MM)
    assert second.x - first.right == pytest.approx(gap * MM, abs=HALF_MM)


@pytest.mark.parametrize("sheet", list(LabelSheet))
def test_each_sheet_adds_up_to_its_paper(sheet: LabelSheet) -> None:
    spec = sheet.spec
    page_width, _page_height = PAGE_SIZES[spec.paper]
    last = spec.label_box(spec.per_sheet - 1)
    assert page_width - last.right == pytest.approx(spec.left_margin, abs=0.01 * MM)
    assert last.y == pytest.approx(spec.top_margin, abs=0.01 * MM)
    assert spec.paper.label == ("US Letter" if sheet.value.startswith("avery-5") else "A4")
    assert INCH == 72.0


def _recipients() -> list[Recipient]:
    leads = [*MULTISCRIPT_LEADS, *MARKUP_LEADS, LONG] * 5
    return [recipient(lead, "DE") for lead in leads]


@pytest.mark.parametrize("sheet", list(LabelSheet))
def test_text_stays_inside_its_label_and_long_addresses_shrink(sheet: LabelSheet) -> None:
    buffer = BytesIO()
    recipients = _recipients()
    placed = write_labels(buffer, sheet, recipients, start=3)
    assert [label.recipient for label in placed] == recipients
    for label in placed:
        assert label.label.contains(label.text), label.recipient.name
    sizes = {label.recipient.lead_id: label.font_size for label in placed}
    assert sizes[LONG.id] < sizes[MULTISCRIPT_LEADS[0].id]
    data = buffer.getvalue()
    spec = sheet.spec
    assert page_count(data) == -(-(len(recipients) + 2) // spec.per_sheet)
    boxes = [label.label for label in placed if label.page == 0]
    for _text, x, y in text_positions(data, page=0):
        assert any(box.contains_point(x, y) for box in boxes), (x, y)


def test_a_label_that_had_to_be_cut_says_so() -> None:
    """5160 labels are small: a very long address loses words and is marked for the report."""
    placed = write_labels(BytesIO(), LabelSheet.AVERY_5160, _recipients()[: len(MULTISCRIPT_LEADS)])
    assert not any(label.shortened for label in placed)
    buffer = BytesIO()
    longer = replace(LONG, street=" ".join([LONG.street] * 3))
    (long_label,) = write_labels(buffer, LabelSheet.AVERY_5160, [recipient(longer, "DE")])
    assert long_label.shortened
    printed = " ".join(text for text, _x, _y in text_positions(buffer.getvalue(), page=0))
    assert "…" in printed


def test_start_at_label_n_leaves_the_used_labels_empty() -> None:
    placed = write_labels(BytesIO(), LabelSheet.AVERY_L7163, _recipients()[:3], start=13)
    spec = LabelSheet.AVERY_L7163.spec
    assert [(label.page, label.label) for label in placed] == [
        (0, spec.label_box(12)),
        (0, spec.label_box(13)),
        (1, spec.label_box(0)),
    ]


def test_names_in_every_script_and_markup_print_on_labels(tmp_path: Path) -> None:
    path = tmp_path / "labels.pdf"
    recipients = [recipient(lead, "DE") for lead in (*MULTISCRIPT_LEADS, *MARKUP_LEADS)]
    write_labels(str(path), LabelSheet.AVERY_5160, recipients)
    (text,) = pdf_pages(path)
    words = " ".join(text.split())  # a long line may have wrapped onto the next
    for one in recipients:
        for line in one.lines:
            assert " ".join(line.split()) in words


def test_a_long_street_wraps_before_it_shrinks() -> None:
    short = make_lead(1, "Ann Lee", street="Main Street 1", city="Bristol", postal_code="BS1")
    long_street = replace(
        short, id=2, street="Unit 4, Harbourside Business Park, Wapping Wharf Road 17"
    )
    buffer = BytesIO()
    first, second = write_labels(
        buffer, LabelSheet.AVERY_L7160, [recipient(short, "GB"), recipient(long_street, "GB")]
    )
    assert second.font_size == first.font_size, "the long street wrapped instead of shrinking"
    assert not second.shortened
    assert second.label.contains(second.text)
    lines = [text for text, _x, _y in text_positions(buffer.getvalue(), page=0)]
    assert len([line for line in lines if line]) > len(recipient(short, "GB").lines) + len(
        recipient(long_street, "GB").lines
    )


@pytest.mark.parametrize("start", [0, 31])
def test_a_start_outside_the_sheet_is_refused(start: int) -> None:
    with pytest.raises(ValidationError, match="between 1 and 30"):
        check_start(LabelSheet.AVERY_5160, start)
