"""``planner catalog``, ``proposal``, ``invoice``, ``contract`` and ``document``: selling.

A command that writes a PDF checks its output folder before it changes anything; when the PDF
then cannot be written, the action is undone (its number stays taken, as every number does) and
the command exits 2, so nothing is left half done.
"""

import argparse
from datetime import timedelta
from pathlib import Path
from typing import Any

from planner.changes import Change, Kind
from planner.cli.arguments import enum_choice, enum_metavar, iso_date, record_id
from planner.cli.output import print_json
from planner.documents.batch import never_cancelled, no_progress
from planner.documents.factur_x import check_factur_x_parties
from planner.documents.output import check_output_file
from planner.errors import PlannerError, ValidationError
from planner.money import Money, currency_code
from planner.sales.document import DocumentContent, SalesDocument
from planner.sales.items import CatalogueDraft, parse_item_spec
from planner.sales.numbering import DocumentKind
from planner.sales.percent import parse_percent, percent_text
from planner.services import catalogue, deals, proposals
from planner.services.history import undo_change
from planner.services.numbering import load_number_patterns, set_number_pattern
from planner.services.sales_jobs import PrintSale
from planner.services.sales_texts import load_standard_texts, set_standard_texts
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace

DEFAULT_VALID_DAYS = 30


def register(subparsers: Any) -> None:
    """Adds the selling commands to the command line."""
    _register_catalog(subparsers)
    _register_proposal(subparsers)

    invoice = subparsers.add_parser("invoice", help="invoices from accepted proposals")
    invoice_actions = invoice.add_subparsers(dest="action", metavar="ACTION", required=True)
    from_proposal = invoice_actions.add_parser(
        "from-proposal",
        help="issue an invoice with an accepted proposal's items; prints its number",
    )
    from_proposal.add_argument("number", metavar="NUMBER")
    from_proposal.add_argument("--due-days", type=int, default=deals.DEFAULT_DUE_DAYS)
    from_proposal.add_argument(
        "--factur-x", action="store_true", help="embed the EN 16931 e-invoice XML (Factur-X)"
    )
    from_proposal.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    from_proposal.set_defaults(handler=_invoice_from_proposal)
    paid = invoice_actions.add_parser("paid", help="mark an invoice paid")
    paid.add_argument("number", metavar="NUMBER")
    paid.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    paid.set_defaults(handler=_invoice_paid)

    contract = subparsers.add_parser("contract", help="contracts from accepted proposals")
    contract_actions = contract.add_subparsers(dest="action", metavar="ACTION", required=True)
    contract_from = contract_actions.add_parser(
        "from-proposal", help="a contract with an accepted proposal's items; prints its number"
    )
    contract_from.add_argument("number", metavar="NUMBER")
    contract_from.add_argument("--start", type=iso_date, metavar="YYYY-MM-DD")
    contract_from.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    contract_from.set_defaults(handler=_contract_from_proposal)

    document = subparsers.add_parser("document", help="list, print and number documents")
    document_actions = document.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = document_actions.add_parser(
        "list", help="number, type, status, total and currency of every document"
    )
    listing.add_argument("--lead", type=record_id, metavar="ID")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_document_list)
    printing = document_actions.add_parser("print", help="print a document (any revision) again")
    printing.add_argument("number", metavar="NUMBER")
    printing.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    printing.set_defaults(handler=_document_print)
    numbering = document_actions.add_parser(
        "numbering", help="show the number patterns, or set one (e.g. P-{YYYY}-{####})"
    )
    numbering.add_argument(
        "kind", nargs="?", type=enum_choice(DocumentKind), metavar=enum_metavar(DocumentKind)
    )
    numbering.add_argument("pattern", nargs="?", metavar="PATTERN")
    numbering.set_defaults(handler=_document_numbering)
    texts = document_actions.add_parser(
        "texts", help="show or set the standard introduction and terms of a kind of document"
    )
    texts.add_argument("kind", type=enum_choice(DocumentKind), metavar=enum_metavar(DocumentKind))
    texts.add_argument("--introduction", metavar="TEXT", help="a template like the letters'")
    texts.add_argument("--terms", metavar="TEXT")
    texts.set_defaults(handler=_document_texts)


def _register_catalog(subparsers: Any) -> None:
    catalog = subparsers.add_parser("catalog", help="the catalogue of products and services")
    actions = catalog.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a product or service; prints its id")
    add.add_argument("name")
    add.add_argument("--price", required=True, metavar="120.00")
    add.add_argument("--unit", default="", metavar="UNIT")
    add.add_argument("--tax", default="0", metavar="PERCENT")
    add.add_argument("--description", default="")
    add.add_argument("--currency", metavar="CODE", help="default: the sender profile's")
    add.set_defaults(handler=_catalog_add)
    listing = actions.add_parser("list", help="list the catalogue")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_catalog_list)
    delete = actions.add_parser("delete", help="take an entry out of the catalogue")
    delete.add_argument("id", type=record_id)
    delete.set_defaults(handler=_catalog_delete)
    export = actions.add_parser("export", help="write the catalogue as CSV")
    export.add_argument("file", type=Path, metavar="FILE.csv")
    export.set_defaults(handler=_catalog_export)
    importing = actions.add_parser("import", help="add the entries of a CSV file, one step")
    importing.add_argument("file", type=Path, metavar="FILE.csv")
    importing.set_defaults(handler=_catalog_import)


def _register_proposal(subparsers: Any) -> None:
    proposal = subparsers.add_parser("proposal", help="create, accept and decline proposals")
    actions = proposal.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help="create and print a proposal for a lead; prints its number"
    )
    create.add_argument("lead_id", type=record_id, metavar="LEAD_ID")
    create.add_argument(
        "--item",
        action="append",
        metavar="DESCRIPTION:QTY:UNIT_PRICE[:TAX%]",
        help="one line of the proposal (repeatable); no tax when TAX%% is left out",
    )
    create.add_argument(
        "--catalog",
        type=record_id,
        action="append",
        metavar="ID",
        help="one unit of this catalogue entry (repeatable)",
    )
    create.add_argument("--discount", default="0", metavar="10%", help="overall discount")
    create.add_argument("--valid-days", type=int, default=DEFAULT_VALID_DAYS, metavar="DAYS")
    create.add_argument("--currency", metavar="CODE", help="default: the lead's or the sender's")
    create.add_argument("--vat-id", default="", metavar="VAT_ID", help="the customer's VAT id")
    create.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    create.set_defaults(handler=_proposal_create)
    accept = actions.add_parser("accept", help="the customer accepted: the lead moves to Won")
    accept.add_argument("number", metavar="NUMBER")
    accept.set_defaults(handler=_proposal_accept)
    decline = actions.add_parser("decline", help="the customer declined")
    decline.add_argument("number", metavar="NUMBER")
    decline.add_argument("--reason", default="", metavar="TEXT")
    decline.add_argument("--lost", action="store_true", help="also move the lead to Lost")
    decline.set_defaults(handler=_proposal_decline)


def _catalog_add(arguments: argparse.Namespace, workspace: Workspace) -> int:
    currency = arguments.currency or load_sender_profile(workspace).currency
    draft = CatalogueDraft(
        name=arguments.name,
        unit_price=Money.parse(arguments.price, currency),
        description=arguments.description,
        unit=arguments.unit,
        tax_rate=parse_percent(arguments.tax, "tax"),
    )
    print(catalogue.add_catalogue_item(workspace, draft).created_id(Kind.CATALOGUE_ITEM))
    return 0


def _catalog_list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    items = workspace.catalogue.items()
    if arguments.json:
        print_json(
            [
                {
                    "id": item.id,
                    "name": item.name,
                    "description": item.description,
                    "unit": item.unit,
                    "unit_price": item.unit_price.as_decimal_string(),
                    "currency": item.unit_price.currency,
                    "tax_rate": percent_text(item.tax_rate),
                }
                for item in items
            ]
        )
        return 0
    for item in items:
        unit = f" per {item.unit}" if item.unit else ""
        tax = percent_text(item.tax_rate)
        print(f"{item.id:>4}  {item.name}  {item.unit_price}{unit}  tax {tax} %")
    return 0


def _catalog_delete(arguments: argparse.Namespace, workspace: Workspace) -> int:
    catalogue.delete_catalogue_item(workspace, arguments.id)
    return 0


def _catalog_export(arguments: argparse.Namespace, workspace: Workspace) -> int:
    from planner.documents.output import atomic_file

    with atomic_file(arguments.file) as file:
        file.write(catalogue.catalogue_csv(workspace).encode("utf-8"))
    print(f"Wrote {len(workspace.catalogue.items())} entries to {arguments.file}")
    return 0


def _catalog_import(arguments: argparse.Namespace, workspace: Workspace) -> int:
    try:
        text = arguments.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"{arguments.file} cannot be read: {error}", "file") from None
    drafts = catalogue.read_catalogue_csv(text, load_sender_profile(workspace).currency)
    print(catalogue.import_catalogue(workspace, drafts).description)
    return 0


def _proposal_create(arguments: argparse.Namespace, workspace: Workspace) -> int:
    check_output_file(arguments.out)
    lead = workspace.leads.get(arguments.lead_id)
    currency = currency_code(
        arguments.currency
        or (lead.value.currency if lead.value is not None else "")
        or load_sender_profile(workspace).currency
    )
    lines = [parse_item_spec(spec, currency) for spec in arguments.item or ()]
    for item_id in arguments.catalog or ():
        lines.append(workspace.catalogue.get(item_id).line())
    if not 0 <= arguments.valid_days <= 365:
        raise ValidationError("--valid-days must be between 0 and 365", "valid_days")
    content = DocumentContent(
        lines=tuple(lines),
        currency=currency,
        discount=parse_percent(arguments.discount, "discount"),
        valid_until=workspace.clock.today() + timedelta(days=arguments.valid_days),
        customer_vat_id=arguments.vat_id,
    )
    change = proposals.create_proposal(workspace, lead.id, content, send=True)
    _print_or_undo(workspace, change, arguments.out)
    return 0


def _print_or_undo(
    workspace: Workspace, change: Change, output: Path, *, factur_x: bool = False
) -> SalesDocument:
    """Prints the document ``change`` created, and its number; undoes ``change`` when the PDF
    cannot be written."""
    document = workspace.documents.get(change.created_id(Kind.DOCUMENT))
    job = PrintSale(workspace.path, document.id, workspace.clock.today(), output, factur_x)
    try:
        job(no_progress, never_cancelled)
    except (PlannerError, OSError):
        undo_change(workspace, change)
        raise
    print(document.display_number)
    return document


def _proposal_accept(arguments: argparse.Namespace, workspace: Workspace) -> int:
    proposal = workspace.documents.by_number(arguments.number)
    change = deals.accept_proposal(workspace, proposal.id)
    print(change.description)
    return 0


def _proposal_decline(arguments: argparse.Namespace, workspace: Workspace) -> int:
    proposal = workspace.documents.by_number(arguments.number)
    change = deals.decline_proposal(
        workspace, proposal.id, arguments.reason, lose_lead=arguments.lost
    )
    print(change.description)
    return 0


def _invoice_from_proposal(arguments: argparse.Namespace, workspace: Workspace) -> int:
    check_output_file(arguments.out)
    proposal = workspace.documents.by_number(arguments.number)
    if arguments.factur_x:
        customer = workspace.leads.get(proposal.lead_id)
        check_factur_x_parties(load_sender_profile(workspace), customer.country)
    change = deals.invoice_from_proposal(workspace, proposal.id, arguments.due_days)
    _print_or_undo(workspace, change, arguments.out, factur_x=arguments.factur_x)
    return 0


def _invoice_paid(arguments: argparse.Namespace, workspace: Workspace) -> int:
    invoice = workspace.documents.by_number(arguments.number)
    print(deals.mark_invoice_paid(workspace, invoice.id, arguments.on).description)
    return 0


def _contract_from_proposal(arguments: argparse.Namespace, workspace: Workspace) -> int:
    check_output_file(arguments.out)
    proposal = workspace.documents.by_number(arguments.number)
    change = deals.contract_from_proposal(workspace, proposal.id, arguments.start)
    _print_or_undo(workspace, change, arguments.out)
    return 0


def _document_list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    if arguments.lead is not None:
        workspace.leads.get(arguments.lead, include_deleted=True)
    today = workspace.clock.today()
    summaries = workspace.documents.summaries(today, arguments.lead)
    unused = workspace.numbers.unused() if arguments.lead is None else []
    if arguments.json:
        print_json(
            {
                "documents": [
                    {
                        "id": summary.id,
                        "number": summary.number,
                        "type": summary.kind.value,
                        "status": summary.status.value,
                        "total": summary.total.as_decimal_string(),
                        "currency": summary.total.currency,
                        "lead_id": summary.lead_id,
                        "lead": summary.lead_name,
                        "issued_on": summary.issued_on.isoformat() if summary.issued_on else None,
                    }
                    for summary in summaries
                ],
                "unused_numbers": [
                    {"number": gap.number, "type": gap.kind.value, "reason": gap.reason}
                    for gap in unused
                ],
            }
        )
        return 0
    for summary in summaries:
        print(
            f"{summary.number:<16} {summary.kind.value:<9} {summary.status.value:<10} "
            f"{summary.total.as_decimal_string():>14} {summary.total.currency}  {summary.lead_name}"
        )
    for gap in unused:
        print(f"{gap.number:<16} {gap.kind.value:<9} unused: {gap.reason}")
    return 0


def _document_print(arguments: argparse.Namespace, workspace: Workspace) -> int:
    check_output_file(arguments.out)
    document = workspace.documents.by_number(arguments.number)
    job = PrintSale(workspace.path, document.id, workspace.clock.today(), arguments.out)
    printed = job(no_progress, never_cancelled)
    print(f"Wrote {arguments.out} ({printed.pages} page{'s' if printed.pages > 1 else ''})")
    return 0


def _document_numbering(arguments: argparse.Namespace, workspace: Workspace) -> int:
    if arguments.kind is not None:
        if arguments.pattern is None:
            raise ValidationError("Give the pattern too, e.g. P-{YYYY}-{####}", "pattern")
        set_number_pattern(workspace, arguments.kind, arguments.pattern)
    for kind, pattern in load_number_patterns(workspace).items():
        print(f"{kind.value:<9} {pattern.text}")
    return 0


def _document_texts(arguments: argparse.Namespace, workspace: Workspace) -> int:
    if arguments.introduction is not None or arguments.terms is not None:
        set_standard_texts(workspace, arguments.kind, arguments.introduction, arguments.terms)
    introduction, terms = load_standard_texts(workspace)[arguments.kind]
    print(f"Introduction:\n{introduction}\n\nTerms:\n{terms}")
    return 0
