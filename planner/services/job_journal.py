"""A journal of document jobs in progress, so the next start can finish or clean up after a crash.

A job that writes files notes itself in ``<file>.jobs/<id>.json`` beside the planner file before
it writes anything: its process, its output, and whether its letters are to be recorded as
touches. Just before the finished files are moved into place it adds the moves and the letters;
when everything is done the note is deleted. A note that outlives its process (kill -9, a power
cut) tells ``planner.services.recovery`` what to do on the next start: remove the half-written
files, finish moving letters that were complete, and record the letters as touches when the job
was asked to.

Each note is written to a temporary name and renamed, so it is whole or absent.
"""

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any


class JobState(StrEnum):
    """How far a journaled job got."""

    WRITING = "writing"
    """Writing temporary files; nothing is in place yet."""
    PLACING = "placing"
    """Every file is finished; the moves into place are noted and may be under way."""
    PLACED = "placed"
    """Files are in place; the letters still wait to be recorded as touches."""


@dataclass(frozen=True)
class RecordIntent:
    """The letters of this job are to be recorded as touches once they are in place."""

    template: str
    campaign_id: int | None


@dataclass(frozen=True)
class JournalLetter:
    """A letter of a journaled merge: the lead and the file it ends up in."""

    lead_id: int
    name: str
    file: Path


@dataclass
class JobJournal:
    """One job's note in the journal folder."""

    path: Path
    process: int
    started: datetime
    output: Path
    record: RecordIntent | None = None
    state: JobState = JobState.WRITING
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    letters: list[JournalLetter] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        """Where the job writes its temporary files: the output folder or the file's folder."""
        return self.output if self.output.is_dir() else self.output.parent

    def placing(self, moves: Sequence[tuple[Path, Path]], letters: Sequence[JournalLetter]) -> None:
        """Notes the moves about to put the files in place, and the letters they hold."""
        self.state = JobState.PLACING
        self.moves = list(moves)
        self.letters = list(letters)
        self._save()

    def placed(self) -> None:
        """Every file is in place: done, unless letters wait to be recorded."""
        if self.record is None:
            self.finish()
            return
        self.state = JobState.PLACED
        self.moves = []
        self._save()

    def finish(self) -> None:
        """The job is over (done, failed or cancelled): the note goes."""
        self.path.unlink(missing_ok=True)

    def _save(self) -> None:
        if not self.path.parent.is_dir():
            return
        partial = self.path.with_suffix(f".{self.process}.part")
        partial.write_text(json.dumps(_to_json(self), ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.path)


def journal_folder(database: Path) -> Path:
    """The journal beside the planner file: ``<file>.jobs``."""
    return database.with_name(f"{database.name}.jobs")


def begin(database: Path, output: Path, record: RecordIntent | None = None) -> JobJournal:
    """Notes a job about to write into ``output`` (a file, or a folder for split letters).

    A planner file whose folder takes no journal (read-only) gets a note that is never saved.
    """
    folder = journal_folder(database)
    with suppress(OSError):
        folder.mkdir(exist_ok=True)
    journal = JobJournal(
        folder / f"{uuid.uuid4().hex}.json",
        os.getpid(),
        datetime.now(UTC),
        Path(output).expanduser().absolute(),
        record,
    )
    journal._save()
    return journal


@contextmanager
def journaled(
    database: Path, output: Path, record: RecordIntent | None = None
) -> Iterator[JobJournal]:
    """A journal note for the job run inside the block; gone when the block fails, and when it
    succeeds unless letters wait to be recorded (``placed``)."""
    journal = begin(database, output, record)
    try:
        yield journal
    except BaseException:
        journal.finish()
        raise
    journal.placed()


def finish(path: Path | None) -> None:
    """Deletes the note at ``path`` once its letters were recorded."""
    if path is not None:
        path.unlink(missing_ok=True)


def half_written_notes(database: Path) -> list[tuple[Path, int]]:
    """Notes a process was writing when it died, with that process (``<id>.<pid>.part``)."""
    found = []
    for path in journal_folder(database).glob("*.part"):
        process = path.suffixes[-2].lstrip(".") if len(path.suffixes) >= 2 else ""
        if process.isdigit():
            found.append((path, int(process)))
    return found


def entries(database: Path) -> list[JobJournal]:
    """Every note in the journal of ``database``, oldest first; unreadable notes are skipped."""
    folder = journal_folder(database)
    try:
        paths = sorted(folder.glob("*.json"))
    except OSError:
        return []
    found = []
    for path in paths:
        try:
            found.append(_from_json(path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda journal: journal.started)


def _to_json(journal: JobJournal) -> dict[str, Any]:
    record = journal.record
    return {
        "process": journal.process,
        "started": journal.started.isoformat(),
        "output": str(journal.output),
        "state": journal.state.value,
        "record": None
        if record is None
        else {
            "template": record.template,
            "campaign_id": record.campaign_id,
        },
        "moves": [[str(source), str(target)] for source, target in journal.moves],
        "letters": [[letter.lead_id, letter.name, str(letter.file)] for letter in journal.letters],
    }


def _from_json(path: Path, data: dict[str, Any]) -> JobJournal:
    record = data["record"]
    return JobJournal(
        path,
        int(data["process"]),
        datetime.fromisoformat(data["started"]),
        Path(data["output"]),
        None if record is None else RecordIntent(str(record["template"]), record["campaign_id"]),
        JobState(data["state"]),
        [(Path(source), Path(target)) for source, target in data["moves"]],
        [JournalLetter(int(lead), str(name), Path(file)) for lead, name, file in data["letters"]],
    )
