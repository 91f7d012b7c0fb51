"""Mail merge: one template, many leads, one print-ready PDF (or one PDF per lead).

``run_mail_merge`` is the job a GUI worker thread runs: it reports progress after every letter
and asks before every letter whether to stop. Letters are written one at a time, so memory stays
flat however many there are. A cancelled or failed merge leaves no file behind: the single PDF is
renamed into place only when complete, and split letters are staged and moved together.
"""

from pathlib import Path

from planner.documents.batch import (
    NO_POSTAL_ADDRESS,
    CancelCheck,
    MergeCancelledError,
    MergedLetter,
    MergeJob,
    MergeReport,
    MissingData,
    NothingToPrintError,
    ProgressCallback,
    SkippedLead,
    never_cancelled,
    no_progress,
)
from planner.documents.context import LetterContext
from planner.documents.letter_content import ComposedLetter, compose_letter
from planner.documents.letters import LetterWriter
from planner.documents.output import (
    StagedFolder,
    atomic_file,
    check_output_file,
    check_output_folder,
    safe_file_name,
)
from planner.documents.template_text import LetterTemplate
from planner.documents.templating import CompiledTemplate
from planner.domain import Lead


def run_mail_merge(
    job: MergeJob,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> MergeReport:
    """Writes the letters; MergeCancelledError, TemplateError and OutputError leave no file."""
    if job.split:
        check_output_folder(job.output)
    else:
        check_output_file(job.output)
    compiled = CompiledTemplate(job.template)
    usable = [lead for lead in job.leads if lead.has_postal_address]
    skipped = tuple(
        SkippedLead(lead.id, lead.name, NO_POSTAL_ADDRESS)
        for lead in job.leads
        if not lead.has_postal_address
    )
    if not usable:
        names = ", ".join(lead.name for lead in skipped) or "none selected"
        raise NothingToPrintError(
            f"No letters to write: no selected lead has a postal address ({names})"
        )
    run = _MergeRun(job, compiled, progress, is_cancelled, len(usable))
    if job.split:
        letters, warnings = run.into_folder(usable, job.output)
        files = tuple(letter.file for letter in letters)
    else:
        letters, warnings = run.into_one_file(usable, job.output)
        files = (job.output.expanduser().absolute(),)
    return MergeReport(
        letters=tuple(letters),
        skipped=skipped,
        missing=tuple(run.missing),
        files=files,
        pages=run.pages,
        warnings=tuple(dict.fromkeys(warnings)),
    )


class _MergeRun:
    """The state of one merge: progress, missing data and pages so far."""

    def __init__(
        self,
        job: MergeJob,
        compiled: CompiledTemplate,
        progress: ProgressCallback | None,
        is_cancelled: CancelCheck | None,
        total: int,
    ) -> None:
        self.job = job
        self.compiled = compiled
        self.progress = progress or no_progress
        self.is_cancelled = is_cancelled or never_cancelled
        self.total = total
        self.done = 0
        self.pages = 0
        self.missing: list[MissingData] = []

    def _compose(self, lead: Lead) -> ComposedLetter:
        if self.is_cancelled():
            raise MergeCancelledError
        context = LetterContext(lead, self.job.sender, self.job.today, self.job.campaign)
        letter = compose_letter(self.compiled, context)
        if letter.missing:
            self.missing.append(MissingData(lead.id, lead.name, tuple(sorted(letter.missing))))
        return letter

    def _finished(self) -> None:
        self.done += 1
        self.progress(self.done, self.total)

    def into_one_file(self, leads: list[Lead], path: Path) -> tuple[list[MergedLetter], list[str]]:
        self.progress(0, self.total)
        target = path.expanduser().absolute()
        letters = []
        with atomic_file(target) as file:
            writer = LetterWriter(file, self.job.sender, title=self.job.template.title)
            for lead in leads:
                pages = writer.write(self._compose(lead))
                if self.job.duplex and pages % 2:
                    writer.blank_page()
                letters.append(MergedLetter(lead.id, lead.name, pages, target))
                self._finished()
            self.pages = writer.page_count
            writer.save()
        return letters, writer.warnings

    def into_folder(self, leads: list[Lead], folder: Path) -> tuple[list[MergedLetter], list[str]]:
        self.progress(0, self.total)
        staged = StagedFolder(folder)
        written: list[tuple[Lead, int, str]] = []
        warnings: list[str] = []
        taken = staged.existing_names()
        try:
            for lead in leads:
                letter = self._compose(lead)
                name = safe_file_name(lead.name, taken, fallback=f"lead-{lead.id}")
                writer = LetterWriter(
                    str(staged.path_for(name)), self.job.sender, f"Letter to {lead.name}"
                )
                pages = writer.write(letter)
                writer.save()
                warnings.extend(writer.warnings)
                written.append((lead, pages, name))
                self.pages += pages
                self._finished()
            paths = staged.commit()
        except BaseException:
            staged.discard()
            raise
        letters = [
            MergedLetter(lead.id, lead.name, pages, path)
            for (lead, pages, _name), path in zip(written, paths, strict=True)
        ]
        return letters, warnings


def write_letter(
    path: Path, template: LetterTemplate, context: LetterContext
) -> tuple[ComposedLetter, int, list[str]]:
    """One letter to one file (whole or not at all); returns what was composed, its pages and
    the writer's warnings (an unreadable logo, a shortened address)."""
    check_output_file(path)
    letter = compose_letter(CompiledTemplate(template), context)
    with atomic_file(path) as file:
        writer = LetterWriter(file, context.sender, title=f"Letter to {context.lead.name}")
        pages = writer.write(letter)
        writer.save()
    return letter, pages, writer.warnings
