"""``python -m bench.floor``: how close to a bare window any board can start, as a yardstick for
the ``start`` target.

It times a board reduced to what every board needs (a process importing PySide6 and sqlite3,
five list views of lead names under one-line headers) against the same bare window ``start``
uses, on the same 1,000 leads. If this floor misses the target, no planner window can meet it.
Not part of ``make bench``: it measures the target, not the planner.
"""

import sys
import tempfile
from pathlib import Path

from bench.__main__ import SMALL_BOARD, filled_database, prepare_environment
from bench.harness import table
from bench.processes import child_environment, measure_start_floor

RUNS = 12


def main() -> int:
    """Prints the floor's ratio to the bare window; exits 0."""
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as temporary:
        folder = Path(temporary)
        prepare_environment(folder)
        database = filled_database(folder / "small.db", SMALL_BOARD)
        outcome = measure_start_floor(database, RUNS, child_environment(folder))
    print(table([outcome]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
