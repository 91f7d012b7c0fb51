"""``planner letter``, ``mailmerge``, ``labels``, ``envelopes`` and ``callsheet``: PDFs to print.

The document engine (reportlab, Jinja2) is imported inside the handlers, so starting the planner
for any other command stays quick. Every file is written whole or not at all; a bad template, an
unknown sheet or a missing output folder exits 2 before anything is written.
"""

import argparse
from pathlib import Path
from typing import Any

from planner.cli.arguments import count_number, enum_choice, enum_metavar, iso_date, record_id
from planner.documents.batch import (
    MergeReport,
    NothingToPrintError,
    SkippedLead,
    never_cancelled,
    no_progress,
    skipped_note,
)
from planner.documents.stationery import EnvelopeSize, LabelSheet
from planner.domain import Column, Temperature
from planner.errors import ValidationError
from planner.services import documents, job_journal
from planner.services.document_jobs import (
    MergeLetters,
    PrintCallSheet,
    PrintedAddresses,
    PrintEnvelopes,
    PrintLabels,
)
from planner.services.sender import load_sender_profile
from planner.services.templates import find_template
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds the document commands to the command line."""
    letter = subparsers.add_parser("letter", help="write one letter to one lead")
    letter.add_argument("lead_id", type=record_id, metavar="LEAD_ID")
    letter.add_argument("--template", required=True, metavar="NAME")
    letter.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    letter.add_argument(
        "--campaign", type=record_id, metavar="ID", help="print this campaign's offer"
    )
    letter.add_argument("--record", action="store_true", help="record the letter as a touch")
    letter.set_defaults(handler=_letter)

    merge = subparsers.add_parser(
        "mailmerge", help="write one letter per selected lead (every lead when nothing narrows)"
    )
    merge.add_argument("--template", required=True, metavar="NAME")
    _add_selection(merge)
    target = merge.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE.pdf", help="all letters in one PDF")
    target.add_argument("--split-dir", type=Path, metavar="DIR", help="one PDF per lead")
    merge.add_argument("--duplex", action="store_true", help="start every letter on a front side")
    merge.add_argument("--record", action="store_true", help="record each letter as a touch")
    merge.set_defaults(handler=_mailmerge)

    labels = subparsers.add_parser("labels", help="print address labels for the selected leads")
    labels.add_argument(
        "--sheet", type=enum_choice(LabelSheet), metavar=enum_metavar(LabelSheet), required=True
    )
    labels.add_argument(
        "--start", type=count_number, default=1, metavar="N", help="first free label"
    )
    labels.add_argument("--outline", action="store_true", help="draw the labels' edges")
    _add_selection(labels)
    labels.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    labels.set_defaults(handler=_labels)

    envelopes = subparsers.add_parser("envelopes", help="print envelopes for the selected leads")
    envelopes.add_argument(
        "--size", type=enum_choice(EnvelopeSize), metavar=enum_metavar(EnvelopeSize), required=True
    )
    _add_selection(envelopes)
    envelopes.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    envelopes.set_defaults(handler=_envelopes)

    calls = subparsers.add_parser("callsheet", help="print a day's calls and meetings")
    calls.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    calls.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    calls.set_defaults(handler=_callsheet)


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--temperature",
        type=enum_choice(Temperature),
        metavar=enum_metavar(Temperature),
        help="the open leads of this temperature (won and lost customers are left out)",
    )
    parser.add_argument("--column", type=enum_choice(Column), metavar=enum_metavar(Column))
    parser.add_argument("--campaign", type=record_id, metavar="ID", help="the campaign's targets")
    parser.add_argument("--search", default="", metavar="TEXT")
    parser.add_argument(
        "--lead", type=record_id, action="append", metavar="ID", help="this lead (repeatable)"
    )


def _check_lead_ids(arguments: argparse.Namespace, workspace: Workspace) -> None:
    """An unknown ``--lead`` id is an error, not a smaller selection."""
    for lead_id in arguments.lead or ():
        workspace.leads.get(lead_id)


def _selection(arguments: argparse.Namespace) -> documents.LeadSelection:
    return documents.LeadSelection(
        temperature=arguments.temperature,
        column=arguments.column,
        campaign_id=arguments.campaign,
        search=arguments.search,
        lead_ids=frozenset(arguments.lead) if arguments.lead else None,
    )


def _print_skipped(skipped: list[SkippedLead] | tuple[SkippedLead, ...]) -> None:
    if skipped:
        print(skipped_note(skipped))


def _letter(arguments: argparse.Namespace, workspace: Workspace) -> int:
    """One letter is the mail merge with one lead, so it skips, writes and records alike.

    Only the refusal is worded for this command: with one lead, "nothing to print" means that
    lead has no address, and the user is told how to add one.
    """
    template = find_template(workspace, arguments.template)
    lead = workspace.leads.get(arguments.lead_id)
    job = MergeLetters(
        database=workspace.path,
        selection=documents.LeadSelection(lead_ids=frozenset({lead.id})),
        template=template,
        sender=load_sender_profile(workspace),
        today=workspace.clock.today(),
        output=arguments.out,
        campaign_id=arguments.campaign,
        record=arguments.record,
    )
    try:
        report = job(no_progress, never_cancelled)
    except NothingToPrintError:
        raise ValidationError(
            f"'{lead.name}' has no postal address: give a street and a city or postal "
            f"code first (planner lead edit {lead.id} --street ... --city ...)",
            "street",
        ) from None
    print(f"Wrote {arguments.out} ({report.pages} page{'s' if report.pages > 1 else ''})")
    for warning in report.warnings:
        print(warning)
    for missing in report.missing:
        print("Printed empty: " + ", ".join(missing.fields))
    if arguments.record:
        documents.record_letters(workspace, report.letters, template, arguments.campaign)
        job_journal.finish(report.journal)
        print("Recorded 1 touch")
    return 0


def _mailmerge(arguments: argparse.Namespace, workspace: Workspace) -> int:
    template = find_template(workspace, arguments.template)
    split = arguments.split_dir is not None
    _check_lead_ids(arguments, workspace)
    job = MergeLetters(
        database=workspace.path,
        selection=_selection(arguments),
        template=template,
        sender=load_sender_profile(workspace),
        today=workspace.clock.today(),
        output=arguments.split_dir if split else arguments.out,
        split=split,
        campaign_id=arguments.campaign,
        duplex=arguments.duplex,
        record=arguments.record,
    )
    report = job(no_progress, never_cancelled)
    _print_report(report)
    if arguments.record:
        documents.record_letters(workspace, report.letters, template, arguments.campaign)
        job_journal.finish(report.journal)
        count = len(report.letters)
        print(f"Recorded {count} touch" if count == 1 else f"Recorded {count} touches")
    return 0


def _print_report(report: MergeReport) -> None:
    print(report.summary)
    _print_skipped(report.skipped)
    for lead in report.missing:
        print(f"Printed empty for {lead.name}: {', '.join(lead.fields)}")
    for warning in report.warnings:
        print(warning)
    if len(report.files) == 1:
        print(f"Wrote {report.files[0]} ({report.pages} pages)")
    else:
        print(f"Wrote {len(report.files)} files to {report.files[0].parent}")


def _labels(arguments: argparse.Namespace, workspace: Workspace) -> int:
    _check_lead_ids(arguments, workspace)
    job = PrintLabels(
        database=workspace.path,
        selection=_selection(arguments),
        sender=load_sender_profile(workspace),
        sheet=arguments.sheet,
        output=arguments.out,
        start=arguments.start,
        outline=arguments.outline,
    )
    printed = job(no_progress, never_cancelled)
    sheets = printed.pages
    print(
        f"{printed.count} labels on {sheets} sheet{'s' if sheets > 1 else ''}, "
        f"{len(printed.skipped)} skipped"
    )
    _print_notes(printed)
    return 0


def _envelopes(arguments: argparse.Namespace, workspace: Workspace) -> int:
    _check_lead_ids(arguments, workspace)
    job = PrintEnvelopes(
        database=workspace.path,
        selection=_selection(arguments),
        sender=load_sender_profile(workspace),
        size=arguments.size,
        output=arguments.out,
    )
    printed = job(no_progress, never_cancelled)
    print(f"{printed.count} envelopes, {len(printed.skipped)} skipped")
    _print_notes(printed)
    return 0


def _print_notes(printed: PrintedAddresses) -> None:
    notes = printed.notes_text()
    if notes:
        print(notes)


def _callsheet(arguments: argparse.Namespace, workspace: Workspace) -> int:
    day = arguments.on or workspace.clock.today()
    job = PrintCallSheet(workspace.path, day, load_sender_profile(workspace), arguments.out)
    printed = job(no_progress, never_cancelled)
    print(f"{printed.count} planned calls and meetings on {day.isoformat()}")
    return 0
