"""The document jobs: letters, labels, envelopes, call sheet, and one letter for a preview.

Each job is a frozen description of what to make, called with a progress callback and a cancel
check: the window runs it on a worker thread with a progress bar, the command line runs it
directly (``no_progress``, ``never_cancelled``). It opens its own read connection to the planner
file (a worker thread may not use the window's), resolves the selection into plain values for
the document engine (which never sees the database), loads that engine only when it runs, and
writes its file whole or not at all. A job is the only description of its document: the mail
merge dialog, "Letter to Selected Lead", ``planner mailmerge`` and ``planner letter`` all build a
``MergeLetters``.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from planner.documents.address import Recipient, recipient
from planner.documents.batch import (
    CancelCheck,
    MergeCancelledError,
    MergeReport,
    ProgressCallback,
    SkippedLead,
    postal_leads,
    shortened_note,
    skipped_note,
)
from planner.documents.context import LetterContext
from planner.documents.profile import SenderProfile
from planner.documents.stationery import EnvelopeSize, LabelSheet, check_start
from planner.documents.template_text import LetterTemplate
from planner.services.documents import LeadSelection, call_sheet, campaign_info, select_leads
from planner.services.job_journal import JournalLetter, RecordIntent, journaled
from planner.store.database import open_reader


@dataclass(frozen=True)
class MergeLetters:
    """A mail merge: the selected leads, one template, into one PDF or a folder of PDFs.

    One letter to one lead is a merge too (``lead_ids`` of one): the same skipping, the same
    report, the same touches recorded. ``output`` is the PDF file, or with ``split`` the folder
    that gets one PDF per lead; ``duplex`` starts every letter in the single PDF on a front side.
    """

    database: Path
    selection: LeadSelection
    template: LetterTemplate
    sender: SenderProfile
    today: date
    output: Path
    split: bool = False
    campaign_id: int | None = None
    duplex: bool = False
    record: bool = False
    """The caller records the letters as touches afterwards (``planner mailmerge --record``):
    the journal keeps that intent until ``job_journal.finish(report.journal)``, so a crash in
    between is completed on the next start."""

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> MergeReport:
        """Writes the letters; MergeCancelledError or a PlannerError leave no file."""
        from planner.documents.mailmerge import run_mail_merge

        with closing(open_reader(self.database)) as reader:
            selected = select_leads(reader, self.selection)
            campaign = campaign_info(reader, self.campaign_id)
        leads, skipped = postal_leads(selected, "No letters to write")
        intent = RecordIntent(self.template.name, self.campaign_id) if self.record else None
        with journaled(self.database, self.output, intent) as journal:

            def placing(moves: list[tuple[Path, Path]]) -> None:
                files = [target for _source, target in moves] * (1 if self.split else len(leads))
                journal.placing(
                    moves,
                    [
                        JournalLetter(lead.id, lead.name, file)
                        for lead, file in zip(leads, files, strict=True)
                    ],
                )

            report = run_mail_merge(
                self.template,
                [LetterContext(lead, self.sender, self.today, campaign) for lead in leads],
                self.output,
                split=self.split,
                duplex=self.duplex,
                progress=progress,
                is_cancelled=is_cancelled,
                before_placing=placing,
            )
        return replace(report, skipped=skipped, journal=journal.path if self.record else None)


@dataclass(frozen=True)
class PrintedAddresses:
    """Labels or envelopes written: the file, how many, on how many pages, and who was skipped."""

    path: Path
    count: int
    pages: int
    skipped: tuple[SkippedLead, ...]
    shortened: tuple[str, ...] = ()

    def notes_text(self) -> str:
        """Who was skipped and whose address was shortened, by name, or an empty string."""
        notes = (skipped_note(self.skipped), shortened_note(self.shortened))
        return "\n".join(note for note in notes if note)


@dataclass(frozen=True)
class PrintLabels:
    """Address labels for the selected leads on one Avery sheet, from label ``start``."""

    database: Path
    selection: LeadSelection
    sender: SenderProfile
    sheet: LabelSheet
    output: Path
    start: int = 1
    outline: bool = False
    """Also draws every label's edge, for a test print on plain paper."""

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> PrintedAddresses:
        """Writes the label sheets; cancel or failure leaves no file."""
        from planner.documents.labels import write_labels
        from planner.documents.metadata import author_of
        from planner.documents.output import atomic_file

        check_start(self.sheet, self.start)
        recipients, skipped = _recipients(self.database, self.selection, self.sender)
        with journaled(self.database, self.output), atomic_file(self.output) as file:
            placed = write_labels(
                file,
                self.sheet,
                _counted(recipients, progress, is_cancelled),
                self.start,
                outline=self.outline,
                author=author_of(self.sender),
            )
        return PrintedAddresses(
            self.output,
            len(placed),
            placed[-1].page + 1,
            skipped,
            tuple(label.recipient.name for label in placed if label.shortened),
        )


@dataclass(frozen=True)
class PrintEnvelopes:
    """One envelope per selected lead, with the sender's return address."""

    database: Path
    selection: LeadSelection
    sender: SenderProfile
    size: EnvelopeSize
    output: Path

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> PrintedAddresses:
        """Writes the envelopes; cancel or failure leaves no file."""
        from planner.documents.envelopes import write_envelopes
        from planner.documents.output import atomic_file

        recipients, skipped = _recipients(self.database, self.selection, self.sender)
        with journaled(self.database, self.output), atomic_file(self.output) as file:
            placed = write_envelopes(
                file, self.size, _counted(recipients, progress, is_cancelled), self.sender
            )
        return PrintedAddresses(
            self.output,
            len(placed),
            len(placed),
            skipped,
            tuple(envelope.recipient.name for envelope in placed if envelope.shortened),
        )


@dataclass(frozen=True)
class PrintedCallSheet:
    """A call sheet written: the file, how many calls and meetings, and its heading."""

    path: Path
    count: int
    heading: str


@dataclass(frozen=True)
class PrintCallSheet:
    """The calls and meetings planned for one day."""

    database: Path
    day: date
    sender: SenderProfile
    output: Path

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> PrintedCallSheet:
        """Writes the call sheet; failure leaves no file."""
        from planner.documents.callsheet import write_call_sheet
        from planner.documents.output import atomic_file

        progress(0, 1)
        with closing(open_reader(self.database)) as reader:
            sheet = call_sheet(reader, self.day, self.sender)
        if is_cancelled():
            raise MergeCancelledError
        with journaled(self.database, self.output), atomic_file(self.output) as file:
            write_call_sheet(file, sheet)
        progress(1, 1)
        return PrintedCallSheet(self.output, len(sheet.entries), sheet.heading)


@dataclass(frozen=True)
class LetterPreview:
    """One letter rendered for the template editor: the PDF and the fields it printed empty."""

    pdf: bytes
    missing: frozenset[str]


@dataclass(frozen=True)
class RenderLetter:
    """One letter from a (possibly unsaved) template to one lead, in memory."""

    template: LetterTemplate
    context: LetterContext

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> LetterPreview:
        """Renders the letter; TemplateError says what the template got wrong and where."""
        from planner.documents.letters import letter_pdf
        from planner.documents.templating import CompiledTemplate

        pdf, letter = letter_pdf(CompiledTemplate(self.template), self.context)
        return LetterPreview(pdf, letter.missing)


def _recipients(
    database: Path, selection: LeadSelection, sender: SenderProfile
) -> tuple[list[Recipient], tuple[SkippedLead, ...]]:
    """The address blocks of the selected leads the post can reach, and the leads skipped."""
    with closing(open_reader(database)) as reader:
        selected = select_leads(reader, selection)
    leads, skipped = postal_leads(selected, "Nothing to print")
    return [recipient(lead, sender.country) for lead in leads], skipped


def _counted(
    recipients: Sequence[Recipient], progress: ProgressCallback, is_cancelled: CancelCheck
) -> Iterable[Recipient]:
    """The recipients one by one, reporting each as done and stopping when cancelled."""

    def each() -> Iterator[Recipient]:
        total = len(recipients)
        progress(0, total)
        for done, addressed in enumerate(recipients, start=1):
            if is_cancelled():
                raise MergeCancelledError
            yield addressed
            progress(done, total)

    return each()
