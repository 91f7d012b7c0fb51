"""Keeping the garbage collector's full passes out of a long job on a worker thread.

A full pass scans every object the program holds and keeps the interpreter lock throughout: in
the middle of a 1,000-letter merge that is 100 ms and more during which the window cannot paint.
While a job runs, the automatic collector is off and the job's worker sweeps only the young
generations after each step (``sweep``), which frees the cycles a step leaves behind in well
under a millisecond. The collector is back on when the last running job ends.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = True


@contextmanager
def young_collections_only() -> Iterator[None]:
    """Turns the automatic collector off while the block runs (jobs may overlap)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()


def sweep() -> None:
    """Collects the young generations: what the last step made and dropped in cycles."""
    gc.collect(1)
