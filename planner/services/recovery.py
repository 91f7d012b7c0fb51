"""What the next start does about document jobs a crash interrupted (see ``job_journal``).

For each journal note whose process is gone: moves that were noted but not made are made (the
files were complete), temporary files and hidden staging folders that process left are removed,
and letters that were to be recorded as touches and are not yet are recorded, as one undoable
step. Each of these is said in a sentence; the window and the command line show them.

Every start runs this, so what only recording letters needs (the mail merge's values and the
document services) is imported when there are letters to record.
"""

import os
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from planner.documents.output import leftovers_of, remove_leftovers
from planner.errors import PlannerError
from planner.services.job_journal import (
    JobJournal,
    JobState,
    RecordIntent,
    entries,
    half_written_notes,
)
from planner.store.file_safety import process_is_gone
from planner.workspace import Workspace


def recover_interrupted_jobs(workspace: Workspace) -> list[str]:
    """Finishes or cleans up after every interrupted job of the open file; what was done."""
    if workspace.read_only:
        return []
    notices: list[str] = []
    for note, process in half_written_notes(workspace.path):
        with suppress(FileNotFoundError):
            started = datetime.fromtimestamp(note.stat().st_mtime, UTC)
            if process_is_gone(process, started):
                note.unlink(missing_ok=True)
    for journal in entries(workspace.path):
        if _still_running(journal):
            continue
        try:
            notices.extend(_recover(workspace, journal))
        except OSError as error:
            notices.append(f"A job interrupted earlier could not be cleaned up: {error}")
            continue
        journal.finish()
    return notices


def _still_running(journal: JobJournal) -> bool:
    return not process_is_gone(journal.process, journal.started)


def _recover(workspace: Workspace, journal: JobJournal) -> list[str]:
    when = journal.started.astimezone().strftime("%Y-%m-%d %H:%M")
    notices = []
    moved = _finish_moves(journal.moves)
    if moved:
        notices.append(f"Put {_files(moved)} of a job interrupted on {when} in place")
    removed = remove_leftovers(leftovers_of(journal.process, journal.folder))
    if removed:
        notices.append(
            f"Removed {_files(removed)} left unfinished by a job interrupted on {when} "
            f"(in {journal.folder})"
        )
    if journal.record is not None and journal.state is not JobState.WRITING:
        notices.extend(_record(workspace, journal, journal.record, when))
    return notices


def _finish_moves(moves: list[tuple[Path, Path]]) -> int:
    moved = 0
    for source, target in moves:
        if source.exists():
            os.replace(source, target)
            moved += 1
    for source, _target in moves[:1]:
        if source.parent.name.startswith(".planner-batch-"):
            with suppress(OSError):
                source.parent.rmdir()
    return moved


def _record(
    workspace: Workspace, journal: JobJournal, intent: RecordIntent, when: str
) -> list[str]:
    waiting = [
        letter
        for letter in journal.letters
        if letter.file.exists() and not _recorded(workspace, letter.lead_id, letter.file)
    ]
    if not waiting:
        return []
    from planner.documents.batch import MergedLetter
    from planner.services.documents import record_letters
    from planner.services.templates import find_template

    letters = [MergedLetter(letter.lead_id, letter.name, 0, letter.file) for letter in waiting]
    try:
        template = find_template(workspace, intent.template)
        record_letters(workspace, letters, template, intent.campaign_id)
    except PlannerError as error:
        return [f"The letters of a mail merge interrupted on {when} could not be recorded: {error}"]
    count = len(letters)
    return [
        f"Recorded {count} letter{'s' if count > 1 else ''} of a mail merge interrupted on "
        f"{when} as touches (the files were in place)"
    ]


def _recorded(workspace: Workspace, lead_id: int, file: Path) -> bool:
    """True when the lead already has a touch for this letter (recorded before the crash)."""
    try:
        touches = workspace.touches.for_lead(lead_id)
    except PlannerError:
        return True  # the lead is gone: nothing to record
    return any(touch.document == str(file) for touch in touches)


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count} files"
