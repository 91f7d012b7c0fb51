"""What the command line lets through to the terminal and takes from it.

Arguments are checked before they are parsed: Python hands bytes that are not UTF-8 over as lone
surrogates, which would fail deep inside a service or the database with ``UnicodeEncodeError``.
Output goes through ``EscapingWriter``: a name stored with a terminal escape (from an older file,
or from another program writing to it) is shown as ``\\x1b`` instead of retitling or
reprogramming the user's terminal.
"""

import io
from collections.abc import Sequence
from typing import TextIO, cast

from planner.limits import printable


def undecodable_argument(arguments: Sequence[str]) -> str | None:
    """The first argument that is not valid UTF-8 text, shown with its bad bytes escaped."""
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raw = argument.encode("utf-8", "surrogateescape")
            return raw.decode("utf-8", "backslashreplace")
    return None


class EscapingWriter(io.TextIOBase):
    """A text stream that writes to ``target`` with control characters escaped."""

    def __init__(self, target: TextIO) -> None:
        """Wraps ``target`` (``sys.stdout`` or ``sys.stderr``)."""
        super().__init__()
        self._target = target

    @classmethod
    def around(cls, target: TextIO) -> TextIO:
        """``target`` wrapped, typed as the text stream it stands in for."""
        return cast(TextIO, cls(target))

    def write(self, text: str, /) -> int:
        """Writes ``text`` with every control character but line feed and tab escaped."""
        self._target.write(printable(text))
        return len(text)

    def flush(self) -> None:
        """Flushes the terminal stream."""
        self._target.flush()

    def writable(self) -> bool:
        """Always: this stream only writes."""
        return True

    def isatty(self) -> bool:
        """Whether the terminal stream is a terminal."""
        return self._target.isatty()
