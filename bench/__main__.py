"""``make bench``: every measure of the performance table against its baseline, in one run.

Makes its own data (seeded sample leads in several scripts) in a temporary folder, runs each
measure and its baseline in turn, prints the table, writes ``bench-results.json`` at the
repository root and exits with status 1 when a target is missed.
"""

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.harness import Outcome, table, write_results

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results.json"

SMALL_BOARD = 1_000
BIG_BOARD = 100_000
LETTERS = 1_000


def prepare_environment(folder: Path) -> None:
    """Headless Qt and user folders inside the bench's own, for this process and its children."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(folder / name.lower())


def filled_database(path: Path, count: int) -> Path:
    from bench.data import sample_leads
    from planner.services.board import add_leads
    from planner.workspace import Workspace

    workspace = Workspace.open(path)
    add_leads(workspace, list(sample_leads(count)), f"Add {count:,} leads")
    workspace.close()
    return path


def run(folder: Path, wanted: set[str], scale: int) -> list[Outcome]:
    """Runs the wanted measures (all when empty); ``scale`` divides the repetitions."""
    from bench.processes import child_environment, measure_adding, measure_start

    def runs(count: int) -> int:
        return max(3, count // scale)

    def chosen(*names: str) -> bool:
        return not wanted or bool(wanted.intersection(names))

    environment = child_environment(folder)
    outcomes: list[Outcome] = []
    small_file = filled_database(folder / "small.db", SMALL_BOARD)
    if chosen("start"):
        _report(outcomes, measure_start(small_file, folder, runs(12), environment))
    if chosen("add_100k", "add_100k_memory"):
        for outcome in measure_adding(folder, BIG_BOARD, runs(3), environment):
            _report(outcomes, outcome)
    if chosen("move_100k", "search_100k", "paint_100k"):
        _run_board(folder, small_file, chosen, runs, lambda outcome: _report(outcomes, outcome))
    if chosen("merge_1k", "merge_stall"):
        _run_merge(folder, small_file, chosen, runs, lambda outcome: _report(outcomes, outcome))
    return outcomes


def _run_board(
    folder: Path,
    small_file: Path,
    chosen: Callable[..., bool],
    runs: Callable[[int], int],
    report: Callable[[Outcome], None],
) -> None:
    from PySide6.QtWidgets import QApplication

    from bench.board import (
        dispose_window,
        measure_first_paint,
        measure_move,
        measure_search,
        open_window,
    )
    from planner.workspace import Workspace

    _application = QApplication.instance() or QApplication(sys.argv[:1])
    big_file = filled_database(folder / "big.db", BIG_BOARD)
    settings = folder / "window-settings.ini"
    if chosen("move_100k", "search_100k"):
        big_window, small_window = (
            open_window(Workspace.open(path), settings) for path in (big_file, small_file)
        )
        if chosen("move_100k"):
            report(measure_move(big_window, small_window, runs(20)))
        if chosen("search_100k"):
            report(measure_search(big_window, big_file, runs(12)))
        for window in (big_window, small_window):
            dispose_window(window)
    if chosen("paint_100k"):
        report(measure_first_paint(big_file, small_file, settings, runs(8)))


def _run_merge(
    folder: Path,
    small_file: Path,
    chosen: Callable[..., bool],
    runs: Callable[[int], int],
    report: Callable[[Outcome], None],
) -> None:
    from bench.merging import measure_merge
    from planner.workspace import Workspace

    workspace = Workspace.open(small_file)
    leads = workspace.leads.find()[:LETTERS]
    workspace.close()
    if chosen("merge_1k"):
        report(measure_merge(leads, folder, runs(4)))
    if chosen("merge_stall"):
        from PySide6.QtWidgets import QApplication

        from bench.stall import measure_stall

        _application = QApplication.instance() or QApplication(sys.argv[:1])
        report(measure_stall(leads, folder, runs(5)))


def _report(outcomes: list[Outcome], outcome: Outcome) -> None:
    outcomes.append(outcome)
    print(
        f"{outcome.name}: {outcome.ratio:.2f}× (target {outcome.better.value} "
        f"{outcome.target:g}×, spread {outcome.spread:.2f}, {len(outcome.figures)} runs)",
        flush=True,
    )


def main() -> int:
    """Runs the bench; 0 when every target is met."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("measures", nargs="*", help="run only these measures (default: all)")
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, for trying a change out"
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as temporary:
        folder = Path(temporary)
        prepare_environment(folder)
        outcomes = run(folder, set(arguments.measures), 3 if arguments.quick else 1)
    print()
    print(table(outcomes))
    write_results(outcomes, RESULTS)
    print(f"\nwritten to {RESULTS.name}")
    return 0 if all(outcome.met for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
