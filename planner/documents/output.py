"""Writing document files safely: whole or not at all, and only where the user pointed.

A PDF is written to a temporary file in the target folder and renamed over the target only when
it is complete, so a cancelled or failed batch never leaves half a file. A batch of many files is
staged in a hidden folder inside the target folder and moved into place only when every file is
done. File names made from lead names are cleaned so they stay inside the chosen folder on every
operating system.
"""

import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from planner.errors import PlannerError

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{number}" for number in range(1, 10)}
    | {f"LPT{number}" for number in range(1, 10)}
)
MAX_NAME_CHARACTERS = 80
_PART_SUFFIX = ".part"
_BATCH_PREFIX = ".planner-batch-"
_MAX_NAME_BYTES = 200


class OutputError(PlannerError):
    """A place a document cannot be written to (a missing folder, a folder given as a file)."""


def check_output_file(path: Path) -> Path:
    """The absolute target path; OutputError when its folder is missing or it is a folder."""
    target = Path(path).expanduser().absolute()
    if not target.parent.is_dir():
        raise OutputError(f"The folder {target.parent} does not exist; nothing was written")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name such as letters.pdf")
    return target


def check_output_folder(path: Path) -> Path:
    """The absolute folder; OutputError when it does not exist or is not a folder."""
    folder = Path(path).expanduser().absolute()
    if not folder.is_dir():
        raise OutputError(f"The folder {folder} does not exist; nothing was written")
    return folder


Placing = Callable[[list[tuple[Path, Path]]], None]
"""Told the moves (temporary path, final path) about to put finished files in place, so a
journal can finish them if the program dies in between (``planner.services.job_journal``)."""


def _nothing_to_tell(_moves: list[tuple[Path, Path]]) -> None:
    """The default ``Placing``: nobody keeps a journal."""


@contextmanager
def atomic_file(path: Path, before_placing: Placing = _nothing_to_tell) -> Iterator[BinaryIO]:
    """An open file that becomes ``path`` only when the block finishes without an error.

    The temporary file, ``.<name>.<pid>-<random>.part`` beside the target, names the process
    writing it, so leftovers of a process that died can be told from a running one's.
    """
    target = check_output_file(path)
    descriptor, temporary = _new_part_file(target)
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        before_placing([(Path(temporary), target)])
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_part_file(target: Path) -> tuple[int, str]:
    """A new, empty ``.part`` file beside ``target``, opened for writing.

    Unlike ``tempfile.mkstemp`` (always 0600) it is created 0666 less the user's umask, like any
    file a program saves, so the finished document has the permissions the user expects.
    """
    while True:
        candidate = target.parent / (
            f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}{_PART_SUFFIX}"
        )
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(candidate, flags, 0o666), str(candidate)
        except FileExistsError:
            continue


class StagedFolder:
    """Files of one batch, written into a hidden folder and moved into ``folder`` together."""

    def __init__(self, folder: Path) -> None:
        """Creates the hidden staging folder inside ``folder`` (which must exist)."""
        self.folder = check_output_folder(folder)
        self.staging = Path(
            tempfile.mkdtemp(dir=self.folder, prefix=f"{_BATCH_PREFIX}{os.getpid()}-")
        )
        self._names: list[str] = []

    def existing_names(self) -> set[str]:
        """The names (case-folded, as ``safe_file_name`` compares them) already in the folder,
        so that a new batch never replaces the letters of an earlier one."""
        return {entry.name.casefold() for entry in self.folder.iterdir() if entry != self.staging}

    def path_for(self, name: str) -> Path:
        """Where to write the file that will become ``folder / name``."""
        staged = self.staging / name
        if staged.resolve().parent != self.staging.resolve():
            raise OutputError(f"'{name}' is not a plain file name")
        self._names.append(name)
        return staged

    def commit(self, before_placing: Placing = _nothing_to_tell) -> list[Path]:
        """Moves every file into the folder; returns their paths.

        The names were chosen beside the folder's files (``existing_names``); a file that
        appeared there with the same name while the batch ran is replaced.
        """
        moves = [(self.staging / name, self.folder / name) for name in self._names]
        before_placing(moves)
        for staged, target in moves:
            os.replace(staged, target)
        self.staging.rmdir()
        return [target for _staged, target in moves]

    def discard(self) -> None:
        """Removes the staging folder and everything in it."""
        shutil.rmtree(self.staging, ignore_errors=True)


def leftovers_of(process: int, folder: Path) -> list[Path]:
    """The temporary files and staging folders that ``process`` made in ``folder``."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return [
        entry
        for entry in entries
        if entry.name.startswith(f"{_BATCH_PREFIX}{process}-")
        or (
            entry.name.startswith(".")
            and f".{process}-" in entry.name
            and entry.name.endswith(_PART_SUFFIX)
        )
    ]


def remove_leftovers(paths: list[Path]) -> int:
    """Deletes temporary files and staging folders; returns how many finished files went."""
    removed = 0
    for path in paths:
        if path.is_dir():
            removed += sum(1 for _entry in path.iterdir())
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def safe_file_name(name: str, taken: set[str], fallback: str, suffix: str = ".pdf") -> str:
    """A file name for ``name`` that stays in its folder on Windows, macOS and Linux.

    Path separators, reserved characters and control characters become spaces; leading and
    trailing dots and spaces go; Windows device names (``CON``, ``LPT1`` …) get a leading
    underscore; long names are cut; an empty result becomes ``fallback``. A name already in
    ``taken`` (compared ignoring case) gets `` (2)``, `` (3)`` …; the result is added to ``taken``.
    """
    text = unicodedata.normalize("NFC", name)
    text = " ".join(_FORBIDDEN.sub(" ", text).split()).strip(" .")
    text = _cut(text) or fallback
    if text.split(".")[0].upper() in _WINDOWS_DEVICES:
        text = "_" + text
    candidate = text + suffix
    number = 2
    while candidate.casefold() in taken:
        candidate = f"{text} ({number}){suffix}"
        number += 1
    taken.add(candidate.casefold())
    return candidate


def _cut(text: str) -> str:
    text = text[:MAX_NAME_CHARACTERS]
    while len(text.encode("utf-8")) > _MAX_NAME_BYTES:
        text = text[:-1]
    return text.rstrip(" .")
