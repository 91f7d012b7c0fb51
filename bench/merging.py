"""Mail merge throughput against a bare reportlab script writing comparable letters."""

import time
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from bench.harness import Better, Outcome, interleaved
from planner.documents.address import address_lines
from planner.documents.context import CampaignInfo, LetterContext
from planner.documents.fonts import Typeface, register_fonts
from planner.documents.mailmerge import run_mail_merge
from planner.documents.markup import escape
from planner.documents.profile import DateFormat, PaperSize, SenderProfile
from planner.documents.template_text import builtin_templates
from planner.domain import Lead

LETTER_DAY = date(2026, 3, 16)

SENDER = SenderProfile(
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

CAMPAIGN = CampaignInfo(
    campaign_id=None,
    name="Spring hello",
    offer="a free one-hour review of your books",
    response_code="SPR-7Q2K",
    start_on=date(2026, 3, 1),
    end_on=date(2026, 4, 30),
)


def merge_letters(leads: list[Lead], path: Path) -> None:
    """The planner's mail merge: the built-in cold introduction to every lead, one PDF."""
    template = next(
        template for template in builtin_templates() if template.name == "cold-introduction"
    )
    letters = [LetterContext(lead, SENDER, LETTER_DAY, CAMPAIGN) for lead in leads]
    run_mail_merge(template, letters, path)


def bare_reportlab_letters(leads: list[Lead], path: Path) -> None:
    """Comparable letters the plain way: text formatted in Python, one platypus build."""
    register_fonts()
    body = ParagraphStyle("body", fontName=Typeface.SERIF.value, fontSize=10, leading=14.5)
    story: list[Flowable] = []
    for lead in leads:
        story.extend(Paragraph(escape(line), body) for line in address_lines(lead, SENDER.country))
        story.append(Spacer(1, 60))
        story.append(Paragraph(f"<b>A small welcome offer for {escape(lead.company)}</b>", body))
        story.append(Paragraph(f"Dear {escape(lead.name)},", body))
        story.extend(
            Paragraph(
                "We have not met yet, so please allow me a short introduction. "
                f"At {escape(SENDER.business_name)} we work with businesses in and around "
                f"{escape(lead.city)}. To say hello: <b>{escape(CAMPAIGN.offer)}</b>.",
                body,
            )
            for _paragraph in range(4)
        )
        story.append(Paragraph("Warm regards,", body))
        story.append(PageBreak())
    SimpleDocTemplate(str(path)).build(story)


def measure_merge(leads: list[Lead], folder: Path, runs: int) -> Outcome:
    """Letters per second of the mail merge as a share of the bare script's."""

    def timed(write: object) -> float:
        assert callable(write)
        started = time.perf_counter()
        write(leads, folder / "letters.pdf")
        return time.perf_counter() - started

    merge_letters(leads[:20], folder / "warm-up.pdf")
    bare_reportlab_letters(leads[:20], folder / "warm-up.pdf")
    figures, baselines = interleaved(
        runs, lambda: timed(merge_letters), lambda: timed(bare_reportlab_letters)
    )
    return Outcome(
        "merge_1k",
        f"mail merge, {len(leads):,} one-page letters: throughput vs bare reportlab",
        "s",
        figures,
        baselines,
        target=0.9,
        better=Better.HIGHER,
    )
