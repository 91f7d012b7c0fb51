"""Measures taken in processes of their own: the cold start and adding 100,000 leads."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Outcome, interleaved
from bench.probes import PAINTED


def _probe(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "bench.probes", *arguments]


def _seconds_to_paint(command: list[str], environment: dict[str, str]) -> float:
    """From starting the process to its line saying the window was painted."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    ) as process:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        seconds = time.perf_counter() - started
        process.wait()
    if line != PAINTED:
        raise RuntimeError(f"{' '.join(command)} did not report its first paint")
    return seconds


def _against_bare_window(
    subject: list[str], runs: int, environment: dict[str, str]
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Seconds to the first paint of ``subject`` and of a bare PySide6 window shown and
    painted, each a new process, interleaved after one warm-up run of each."""
    bare = _probe("start-bare")
    _seconds_to_paint(subject, environment)
    _seconds_to_paint(bare, environment)
    return interleaved(
        runs,
        lambda: _seconds_to_paint(subject, environment),
        lambda: _seconds_to_paint(bare, environment),
    )


def measure_start(database: Path, folder: Path, runs: int, environment: dict[str, str]) -> Outcome:
    """``planner`` on a file of 1,000 leads until the board is painted, against a bare
    PySide6 window shown and painted, each a new process."""
    board = _probe("start-board", str(database), str(folder / "start-settings.ini"))
    figures, baselines = _against_bare_window(board, runs, environment)
    return Outcome(
        "start",
        "cold start to the painted board, 1,000 leads (whole process) vs a bare QMainWindow",
        "s",
        figures,
        baselines,
        target=1.3,
    )


def measure_start_floor(database: Path, runs: int, environment: dict[str, str]) -> Outcome:
    """A minimal hand-written board (``probes.start_floor``) against the bare window: how far
    under the start target any board with content can get."""
    floor = _probe("start-floor", str(database))
    figures, baselines = _against_bare_window(floor, runs, environment)
    return Outcome(
        "start_floor",
        "a minimal hand-written board (plain sqlite3, five list views) vs a bare QMainWindow",
        "s",
        figures,
        baselines,
        target=1.3,
    )


def measure_adding(
    folder: Path, count: int, runs: int, environment: dict[str, str]
) -> tuple[Outcome, Outcome]:
    """Adding ``count`` leads through the service against ``insert_all`` of the same rows:
    the time, and the peak memory of the whole process."""
    reports: dict[str, list[dict[str, float]]] = {"add-ours": [], "add-insert-all": []}

    def run(kind: str) -> float:
        database = folder / f"{kind}-{len(reports[kind])}.db"
        output = subprocess.run(
            _probe(kind, str(database), str(count)),
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        ).stdout
        report = json.loads(output.strip().splitlines()[-1])
        reports[kind].append(report)
        for leftover in folder.glob(f"{database.name}*"):
            leftover.unlink()
        return float(report["seconds"])

    figures, baselines = interleaved(runs, lambda: run("add-ours"), lambda: run("add-insert-all"))
    memory = tuple(report["peak_mib"] for report in reports["add-ours"])
    memory_baseline = tuple(report["peak_mib"] for report in reports["add-insert-all"])
    return (
        Outcome(
            "add_100k",
            f"adding {count:,} leads vs sqlite_utils insert_all of the same rows",
            "s",
            figures,
            baselines,
            target=1.5,
        ),
        Outcome(
            "add_100k_memory",
            f"peak memory of adding {count:,} leads vs insert_all",
            "MiB",
            memory,
            memory_baseline,
            target=1.5,
        ),
    )


def child_environment(folder: Path) -> dict[str, str]:
    """The children's environment: headless Qt, and user folders inside the bench's own."""
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        environment[name] = str(folder / name.lower())
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parent.parent), environment.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    return environment
