"""Benchmark: 1,000 mail-merge letters against a bare reportlab script making the same letters.

Run with ``make bench``. Reports throughput as a ratio measured in the same run, so it means the
same on any machine, and the peak Python memory of 250 against 1,000 letters. Each letter's
flowables are dropped once it is laid out; what still grows is reportlab's canvas, which keeps
every finished page (about 15 KB a letter) until the file is saved.
"""

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from planner.documents.address import address_lines
from planner.documents.context import CampaignInfo, LetterContext
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.mailmerge import run_mail_merge
from planner.documents.markup import escape
from planner.documents.profile import SenderProfile
from planner.documents.template_text import builtin_templates
from planner.domain import Lead
from tests.planner.documents.conftest import LETTER_DAY, MULTISCRIPT_LEADS, make_lead, page_count

pytestmark = pytest.mark.bench

LETTERS = 1_000


def _leads(count: int) -> list[Lead]:
    return [
        make_lead(
            number,
            f"{MULTISCRIPT_LEADS[number % 5].name} {number}",
            company=MULTISCRIPT_LEADS[number % 5].company,
            street=MULTISCRIPT_LEADS[number % 5].street,
            city=MULTISCRIPT_LEADS[number % 5].city,
            postal_code=MULTISCRIPT_LEADS[number % 5].postal_code,
            country=MULTISCRIPT_LEADS[number % 5].country,
        )
        for number in range(1, count + 1)
    ]


def _bare_reportlab(path: Path, leads: list[Lead], sender: SenderProfile, offer: str) -> None:
    """The same letters the plain way: text formatted in Python, one platypus build."""
    register_fonts()
    body = ParagraphStyle("body", fontName=Typeface.SERIF.value, fontSize=10, leading=14.5)
    story: list[Flowable] = []
    for lead in leads:
        story.extend(Paragraph(escape(line), body) for line in address_lines(lead, sender.country))
        story.append(Spacer(1, 60))
        story.append(Paragraph(f"<b>A small welcome offer for {escape(lead.company)}</b>", body))
        story.append(Paragraph(f"Dear {escape(lead.name)},", body))
        for _paragraph in range(4):
            story.append(
                Paragraph(
                    "We have not met yet, so please allow me a short introduction. "
                    f"At {escape(sender.business_name)} we work with businesses in and around "
                    f"{escape(lead.city)}. To say hello: <b>{escape(offer)}</b>.",
                    body,
                )
            )
        story.append(Paragraph("Warm regards,", body))
        story.append(PageBreak())
    SimpleDocTemplate(str(path)).build(story)


def _merge(path: Path, leads: list[Lead], sender: SenderProfile, campaign: CampaignInfo) -> None:
    template = next(
        template for template in builtin_templates() if template.name == "cold-introduction"
    )
    letters = [LetterContext(lead, sender, LETTER_DAY, campaign) for lead in leads]
    run_mail_merge(template, letters, path)


def _peak(function: Callable[..., None], *arguments: object) -> int:
    tracemalloc.start()
    function(*arguments)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def test_mail_merge_throughput_against_bare_reportlab(
    tmp_path: Path, sender: SenderProfile, campaign: CampaignInfo
) -> None:
    leads = _leads(LETTERS)
    _merge(tmp_path / "warm-up.pdf", leads[:20], sender, campaign)

    started = time.perf_counter()
    _bare_reportlab(tmp_path / "bare.pdf", leads, sender, campaign.offer)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    _merge(tmp_path / "merged.pdf", leads, sender, campaign)
    merged = time.perf_counter() - started

    small = _peak(_merge, tmp_path / "small.pdf", leads[:250], sender, campaign)
    large = _peak(_merge, tmp_path / "large.pdf", leads, sender, campaign)

    assert page_count(tmp_path / "merged.pdf") == LETTERS
    print(
        f"\n{LETTERS} letters: mail merge {merged:.2f} s ({LETTERS / merged:.0f} letters/s), "
        f"bare reportlab {bare:.2f} s; ratio {merged / bare:.2f}x the bare script's time"
        f"\npeak Python memory: {small / 1e6:.1f} MB for 250 letters, "
        f"{large / 1e6:.1f} MB for {LETTERS} (ratio {large / small:.2f})"
    )
    assert merged / bare < 10
