"""Benchmark: a 10,000-letter mail merge stays under 300 MB at its peak.

Run with ``make bench``. reportlab keeps every page of a document until it is saved, so a merge's
memory grows with its letters; the merge draws the letterhead and footer once per file as forms,
which keeps each page small. The merge runs in a process of its own (``bench.probes``), whose
peak resident memory is the figure: memory does not depend on how busy the machine is, so the
limit is absolute.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import filled_database

pytestmark = pytest.mark.bench

LETTERS = 10_000
PEAK_LIMIT_MIB = 300
ROOT = Path(__file__).resolve().parents[3]


def test_a_10000_letter_merge_peaks_under_300_mb(tmp_path: Path) -> None:
    database = filled_database(tmp_path / "leads.db", LETTERS)
    output = tmp_path / "letters.pdf"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}

    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.probes",
            "merge-memory",
            str(database),
            str(LETTERS),
            str(output),
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        cwd=ROOT,
    )

    report = json.loads(finished.stdout.strip().splitlines()[-1])
    print(f"\n{LETTERS:,} letters in {report['seconds']:.1f} s, peak {report['peak_mib']:.0f} MiB")
    assert output.stat().st_size > 0
    assert report["peak_mib"] < PEAK_LIMIT_MIB
