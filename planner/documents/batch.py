"""A batch of documents as plain data: who can be written to, and what came of it.

Free of reportlab and Jinja2, so the window can show a job's report without loading the document
engine. ``postal_leads`` is the one place that decides which leads the post can reach: letters,
labels and envelopes all ask it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planner.domain import Lead
from planner.errors import PlannerError

ProgressCallback = Callable[[int, int], None]
"""Called with (letters done, letters in total) at the start and after every letter."""

CancelCheck = Callable[[], bool]
"""Asked before every letter; returning True stops the merge and removes what it wrote."""


def no_progress(done: int, total: int) -> None:
    """The progress callback of work nobody watches (the command line)."""


def never_cancelled() -> bool:
    """The cancel check of work nobody can stop halfway (the command line)."""
    return False


class SkipReason(StrEnum):
    """Why a selected lead got no document; the value is what reports print."""

    NO_POSTAL_ADDRESS = "no postal address"


def skipped_note(skipped: Sequence["SkippedLead"]) -> str:
    """The leads left out for want of an address, by name, or ``""``."""
    if not skipped:
        return ""
    return f"Skipped ({SkipReason.NO_POSTAL_ADDRESS}): " + ", ".join(lead.name for lead in skipped)


def shortened_note(names: Sequence[str]) -> str:
    """The recipients whose address was cut to fit its label or envelope, or ``""``.

    Said out loud because a cut address may not arrive.
    """
    if not names:
        return ""
    return "Shortened to fit, check before posting: " + ", ".join(names)


class MergeCancelledError(PlannerError):
    """The user stopped the merge; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The mail merge was cancelled; no file was written")


class NothingToPrintError(PlannerError):
    """None of the selected leads can be written to."""


@dataclass(frozen=True)
class MergedLetter:
    """A letter written: for whom, how many pages, and the file it is in."""

    lead_id: int
    name: str
    pages: int
    file: Path


@dataclass(frozen=True)
class SkippedLead:
    """A selected lead that got no letter, label or envelope, and why."""

    lead_id: int
    name: str
    reason: SkipReason


def postal_leads(
    leads: Iterable[Lead], nothing_done: str
) -> tuple[list[Lead], tuple[SkippedLead, ...]]:
    """The leads the post can reach, in order, and those skipped for want of an address.

    Raises NothingToPrintError, starting with ``nothing_done`` (``Nothing to print``) and naming
    the skipped leads, when none can be reached: an empty PDF would only puzzle the user.
    """
    usable: list[Lead] = []
    skipped: list[SkippedLead] = []
    for lead in leads:
        if lead.has_postal_address:
            usable.append(lead)
        else:
            skipped.append(SkippedLead(lead.id, lead.name, SkipReason.NO_POSTAL_ADDRESS))
    if not usable:
        names = ", ".join(lead.name for lead in skipped) or "none selected"
        raise NothingToPrintError(
            f"{nothing_done}: no selected lead has a postal address ({names})"
        )
    return usable, tuple(skipped)


@dataclass(frozen=True)
class MissingData:
    """A lead whose letter printed some placeholders empty (``lead.company``)."""

    lead_id: int
    name: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class MergeReport:
    """What a merge did, for the summary line, the saved report and recording the touches."""

    letters: tuple[MergedLetter, ...]
    skipped: tuple[SkippedLead, ...]
    missing: tuple[MissingData, ...]
    files: tuple[Path, ...]
    pages: int
    warnings: tuple[str, ...] = ()
    journal: Path | None = None
    """The note that keeps "record these letters" until they are recorded (see
    ``planner.services.job_journal``); ``None`` when nobody asked to record them."""

    @property
    def summary(self) -> str:
        """``50 letters, 2 skipped``."""
        letters = "1 letter" if len(self.letters) == 1 else f"{len(self.letters)} letters"
        return f"{letters}, {len(self.skipped)} skipped"

    def text(self) -> str:
        """The whole report as plain text, to show or save."""
        lines = [self.summary]
        if self.skipped:
            lines += ["", "Skipped:"]
            lines += [f"  {lead.name} ({lead.reason})" for lead in self.skipped]
        if self.missing:
            lines += ["", "Printed with missing data:"]
            lines += [f"  {lead.name}: {', '.join(lead.fields)}" for lead in self.missing]
        if self.warnings:
            lines += ["", *self.warnings]
        lines += ["", "Written:", *(f"  {path}" for path in self.files)]
        return "\n".join(lines)
