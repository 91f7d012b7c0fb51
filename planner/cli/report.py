"""``planner report``: the dashboard's figures as text, as JSON for scripts, or as a PDF."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from planner.cli.arguments import iso_date
from planner.cli.output import print_json
from planner.documents.batch import never_cancelled, no_progress
from planner.metrics.export import report_to_json
from planner.metrics.period import Period, PeriodChoice
from planner.services.report import load_report
from planner.services.report_pdf import PrintReport, report_pages
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds ``report`` to the command line."""
    report = subparsers.add_parser(
        "report",
        help="funnel, sales and campaign figures for a period (default: this quarter)",
    )
    report.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD")
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every figure as JSON")
    output.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="write the report as a PDF")
    report.set_defaults(handler=_report)


def chosen_period(start: date | None, end: date | None, today: date) -> Period:
    """The period the options name: neither gives this quarter; only ``--from`` runs to today;
    only ``--to`` starts on the first of January of its year."""
    if start is None and end is None:
        return Period.of(PeriodChoice.QUARTER, today)
    if end is not None:
        return Period(start or date(end.year, 1, 1), end)
    assert start is not None
    return Period(start, max(start, today))


def _report(arguments: argparse.Namespace, workspace: Workspace) -> int:
    period = chosen_period(arguments.start, arguments.end, workspace.clock.today())
    if arguments.pdf is not None:
        job = PrintReport(
            workspace.path,
            period,
            load_sender_profile(workspace),
            arguments.pdf,
            workspace.clock,
        )
        printed = job(no_progress, never_cancelled)
        print(f"{printed.path} ({printed.pages} pages)")
        return 0
    report = load_report(workspace, period)
    if arguments.json:
        print_json(report_to_json(report))
        return 0
    pages = report_pages(report, load_sender_profile(workspace))
    print(f"{pages.title}, {pages.period_text}")
    for figure in pages.key_figures:
        print(f"  {figure.label}: {figure.value}")
    for table in pages.tables:
        print(f"\n{table.title}")
        if not table.rows:
            print(f"  {table.empty_text}")
        for row in table.rows:
            print("  " + " · ".join(row))
    return 0
