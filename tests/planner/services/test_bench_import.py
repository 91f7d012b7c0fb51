"""Benchmark: importing 100,000 CSV rows against a bare ``sqlite_utils`` ``insert_all``.

Run with ``make bench``. The baseline inserts the same rows, already parsed, into a plain table
in one transaction; the import reads the file, detects its dialect, maps, validates, looks for
duplicates (email, phone, name and company) and writes leads, column history and the import
record as one undoable step. The ratio of the two times is reported, measured in the same run.
"""

import csv
import time
from pathlib import Path
from random import Random
from string import ascii_lowercase

import pytest
from sqlite_utils import Database

from planner.interop.mapping import propose_mapping
from planner.interop.source_files import read_source
from planner.services.import_planning import ImportOptions, plan_import
from planner.services.importing import run_import
from planner.workspace import Workspace

pytestmark = pytest.mark.bench

ROWS = 100_000
HEADERS = ["First Name", "Last Name", "Company", "Email", "Phone", "City", "Notes"]


FIRST_NAMES = ("Anna", "Jürgen", "Νίκος", "Иван", "Zofia", "Marie", "John", "王", "Fatima", "Luis")
CITIES = ("Łódź", "Αθήνα", "Berlin", "東京", "Lisboa")


def _word(random: Random, length: int) -> str:
    return "".join(random.choice(ascii_lowercase) for _letter in range(length)).capitalize()


def _write_rows(path: Path) -> list[dict[str, str]]:
    """Distinct people: random family names and companies, so no row duplicates another."""
    random = Random(12)
    rows = [
        {
            "First Name": FIRST_NAMES[number % len(FIRST_NAMES)],
            "Last Name": _word(random, 9),
            "Company": f"{_word(random, 8)} {_word(random, 6)}",
            "Email": f"person{number}@example.com",
            "Phone": f"+48 6{number:08d}",
            "City": CITIES[number % len(CITIES)],
            "Notes": "Met at the fair" if number % 3 else "",
        }
        for number in range(ROWS)
    ]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, HEADERS)
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_import_of_100000_rows_against_bare_insert_all(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    rows = _write_rows(path)

    bare_db = Database(tmp_path / "bare.db")
    started = time.perf_counter()
    with bare_db.conn:
        bare_db["leads"].insert_all(rows, batch_size=1000)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    table, _dialect = read_source(path)
    read = time.perf_counter() - started
    plan = plan_import(
        workspace,
        path.name,
        table,
        propose_mapping(table.headers),
        ImportOptions(phone_region="PL"),
    )
    planned = time.perf_counter() - started
    change = run_import(workspace, plan)
    total = time.perf_counter() - started

    print(
        f"\n{ROWS:,} rows: import {total:.2f} s (read {read:.2f} s, map, check and find "
        f"duplicates {planned - read:.2f} s, write {total - planned:.2f} s); bare insert_all "
        f"{bare:.2f} s; ratio {total / bare:.1f}x the bare insert's time"
    )
    assert plan.counts().added == ROWS
    assert change.description == "Import of 100000 leads"
    assert workspace.db.execute("SELECT count(*) FROM leads").fetchone()[0] == ROWS
