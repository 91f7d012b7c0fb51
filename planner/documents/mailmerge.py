"""Mail merge: one template, many letters, one print-ready PDF (or one PDF per lead).

``run_mail_merge`` is the engine under the ``MergeLetters`` job: it gets the letters already
resolved (leads the post can reach, each with its ``LetterContext``), reports progress after every
letter and asks before every letter whether to stop. Letters are written one at a time, so memory
stays flat however many there are. A cancelled or failed merge leaves no file behind: the single
PDF is renamed into place only when complete, and split letters are staged and moved together.
"""

from collections.abc import Sequence
from pathlib import Path

from planner.documents.batch import (
    CancelCheck,
    MergeCancelledError,
    MergedLetter,
    MergeReport,
    MissingData,
    NothingToPrintError,
    ProgressCallback,
    never_cancelled,
    no_progress,
)
from planner.documents.context import LetterContext
from planner.documents.letter_content import ComposedLetter, compose_letter
from planner.documents.letters import LetterWriter
from planner.documents.output import (
    Placing,
    StagedFolder,
    atomic_file,
    check_output_file,
    check_output_folder,
    safe_file_name,
)
from planner.documents.template_text import LetterTemplate
from planner.documents.templating import CompiledTemplate


def run_mail_merge(
    template: LetterTemplate,
    letters: Sequence[LetterContext],
    output: Path,
    *,
    split: bool = False,
    duplex: bool = False,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
    before_placing: Placing | None = None,
) -> MergeReport:
    """Writes one letter per context; MergeCancelledError, TemplateError and OutputError leave
    no file.

    ``output`` is the PDF file to write, or with ``split`` the folder that gets one PDF per lead
    (named after the lead). ``duplex`` adds a blank page after every letter with an odd number of
    pages, so each letter starts on a front side when the single PDF is printed on both sides.
    The report's ``skipped`` is empty: choosing who gets no letter is the job's part.
    ``before_placing`` hears the moves that put the finished files in place, in letter order,
    just before they are made.
    """
    if split:
        check_output_folder(output)
    else:
        check_output_file(output)
    if not letters:
        raise NothingToPrintError("No letters to write: no lead was given")
    run = _MergeRun(CompiledTemplate(template), progress, is_cancelled, len(letters))
    if before_placing is not None:
        run.before_placing = before_placing
    if split:
        written, warnings = run.into_folder(letters, output)
        files = tuple(letter.file for letter in written)
    else:
        written, warnings = run.into_one_file(letters, output, template.title, duplex=duplex)
        files = (output.expanduser().absolute(),)
    return MergeReport(
        letters=tuple(written),
        skipped=(),
        missing=tuple(run.missing),
        files=files,
        pages=run.pages,
        warnings=tuple(dict.fromkeys(warnings)),
    )


class _MergeRun:
    """The state of one merge: progress, missing data and pages so far."""

    def __init__(
        self,
        compiled: CompiledTemplate,
        progress: ProgressCallback,
        is_cancelled: CancelCheck,
        total: int,
    ) -> None:
        self.compiled = compiled
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.total = total
        self.done = 0
        self.pages = 0
        self.missing: list[MissingData] = []
        self.before_placing: Placing = lambda _moves: None

    def _compose(self, context: LetterContext) -> ComposedLetter:
        if self.is_cancelled():
            raise MergeCancelledError
        letter = compose_letter(self.compiled, context)
        if letter.missing:
            lead = context.lead
            self.missing.append(MissingData(lead.id, lead.name, tuple(sorted(letter.missing))))
        return letter

    def _finished(self) -> None:
        self.done += 1
        self.progress(self.done, self.total)

    def into_one_file(
        self, letters: Sequence[LetterContext], path: Path, title: str, *, duplex: bool
    ) -> tuple[list[MergedLetter], list[str]]:
        """All letters in one PDF under the first letter's letterhead (a merge has one sender)."""
        self.progress(0, self.total)
        target = path.expanduser().absolute()
        written = []
        with atomic_file(target, self.before_placing) as file:
            count = len(letters)
            subject = f"{count} letter{'s' if count != 1 else ''}: {title}"
            writer = LetterWriter(file, letters[0].sender, title=title, subject=subject)
            for context in letters:
                pages = writer.write(self._compose(context))
                if duplex and pages % 2:
                    writer.blank_page()
                written.append(MergedLetter(context.lead.id, context.lead.name, pages, target))
                self._finished()
            self.pages = writer.page_count
            writer.save()
        return written, writer.warnings

    def into_folder(
        self, letters: Sequence[LetterContext], folder: Path
    ) -> tuple[list[MergedLetter], list[str]]:
        """One PDF per letter, named after its lead, moved into ``folder`` together."""
        self.progress(0, self.total)
        staged = StagedFolder(folder)
        written: list[tuple[LetterContext, int]] = []
        warnings: list[str] = []
        taken = staged.existing_names()
        try:
            for context in letters:
                lead = context.lead
                letter = self._compose(context)
                name = safe_file_name(lead.name, taken, fallback=f"lead-{lead.id}")
                writer = LetterWriter(
                    str(staged.path_for(name)),
                    context.sender,
                    f"Letter to {lead.name}",
                    subject=self.compiled.template.title,
                )
                pages = writer.write(letter)
                writer.save()
                warnings.extend(writer.warnings)
                written.append((context, pages))
                self.pages += pages
                self._finished()
            paths = staged.commit(self.before_placing)
        except BaseException:
            staged.discard()
            raise
        merged = [
            MergedLetter(context.lead.id, context.lead.name, pages, path)
            for (context, pages), path in zip(written, paths, strict=True)
        ]
        return merged, warnings
