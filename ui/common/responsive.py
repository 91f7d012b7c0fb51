"""Keeping the window responsive while a long job runs on a worker thread.

The job and the GUI thread share one interpreter lock, and two things let a busy job keep it
long enough to freeze the window:

- The garbage collector's full passes scan every object the program holds with the lock held:
  in the middle of a 1,000-letter merge that is 100 ms and more. While a job runs, the automatic
  collector is off and the worker sweeps only the young generations after each step (``sweep``),
  which frees the cycles a step leaves behind in well under a millisecond.
- The lock changes hands at most every 5 ms by default, and the GUI thread needs it for every
  Python call of an event it handles, so a few events add up to a visible hitch. While a job
  runs the interval is 1 ms.

Both come back as they were when the last running job ends.
"""

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

JOB_SWITCH_INTERVAL = 0.001
"""Seconds between the interpreter lock's hand-overs while a job runs."""

_lock = threading.Lock()
_running = 0
_collector_was_enabled = True
_switch_interval = sys.getswitchinterval()


@contextmanager
def responsive_while_running() -> Iterator[None]:
    """Turns the automatic collector off and shortens the switch interval while the block runs
    (jobs may overlap)."""
    global _running, _collector_was_enabled, _switch_interval
    with _lock:
        if _running == 0:
            _collector_was_enabled = gc.isenabled()
            _switch_interval = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(min(_switch_interval, JOB_SWITCH_INTERVAL))
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_switch_interval)
                if _collector_was_enabled:
                    gc.enable()


def sweep() -> None:
    """Collects the young generations: what the last step made and dropped in cycles."""
    gc.collect(1)
