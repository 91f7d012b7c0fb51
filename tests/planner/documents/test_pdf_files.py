"""Written PDFs: permissions that follow the umask, and a title, author and subject."""

import os
import stat
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.documents.address import recipient
from planner.documents.envelopes import write_envelopes
from planner.documents.labels import write_labels
from planner.documents.letters import letter_pdf
from planner.documents.output import atomic_file
from planner.documents.profile import SenderProfile
from planner.documents.stationery import EnvelopeSize, LabelSheet
from planner.documents.template_text import builtin_templates
from planner.documents.templating import CompiledTemplate
from tests.planner.documents.conftest import MULTISCRIPT_LEADS, context_for


@pytest.fixture
def umask() -> Iterator[None]:
    """Restores the process's umask after a test changed it."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_written_pdf_follows_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    os.umask(mask)
    target = tmp_path / "labels.pdf"
    recipients = [recipient(lead, "DE") for lead in MULTISCRIPT_LEADS]
    with atomic_file(target) as file:
        write_labels(file, LabelSheet.AVERY_L7160, recipients)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert [path.name for path in tmp_path.iterdir()] == ["labels.pdf"]


def _info(data: bytes) -> tuple[str | None, str | None, str | None]:
    metadata = PdfReader(BytesIO(data)).metadata
    assert metadata is not None
    return metadata.title, metadata.author, metadata.subject


def test_labels_name_their_sheet_sender_and_count() -> None:
    buffer = BytesIO()
    recipients = [recipient(lead, "DE") for lead in MULTISCRIPT_LEADS[:3]]
    write_labels(buffer, LabelSheet.AVERY_L7160, recipients, author="Harbour Light")
    assert _info(buffer.getvalue()) == (
        f"Address labels, {LabelSheet.AVERY_L7160.spec.title}",
        "Harbour Light",
        "3 address labels",
    )


def test_envelopes_and_letters_are_by_the_sender(sender: SenderProfile) -> None:
    buffer = BytesIO()
    write_envelopes(buffer, EnvelopeSize.DL, [recipient(MULTISCRIPT_LEADS[0], "DE")], sender)
    title, author, subject = _info(buffer.getvalue())
    assert (author, subject) == ("Harbour Light Bookkeeping", "1 envelope")
    assert title is not None
    assert title.startswith("Envelopes")
    template = builtin_templates()[0]
    data, _letter = letter_pdf(
        CompiledTemplate(template), context_for(MULTISCRIPT_LEADS[0], sender)
    )
    assert _info(data) == (
        f"Letter to {MULTISCRIPT_LEADS[0].name}",
        "Harbour Light Bookkeeping",
        template.title,
    )


def test_a_sender_without_a_business_signs_with_their_name(sender: SenderProfile) -> None:
    from dataclasses import replace

    person = replace(sender, business_name="")
    buffer = BytesIO()
    write_envelopes(buffer, EnvelopeSize.DL, [recipient(MULTISCRIPT_LEADS[0], "DE")], person)
    assert _info(buffer.getvalue())[1] == "Anna Schmidt"
