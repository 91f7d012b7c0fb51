"""Proposals: numbers never given twice, revisions of sent proposals, the accept chain and undo."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.changes import Kind
from planner.clock import Clock
from planner.documents.batch import never_cancelled, no_progress
from planner.documents.template_text import TemplateError
from planner.domain import Column, LeadDraft, Outcome, Temperature, TouchKind
from planner.errors import ValidationError
from planner.locale import ENGLISH
from planner.money import Money
from planner.sales.document import DocumentContent, DocumentStatus
from planner.sales.items import LineItem
from planner.sales.numbering import DocumentKind
from planner.services import board, deals, proposals, sender
from planner.services.history import History, undo_change
from planner.services.numbering import set_number_pattern
from planner.services.sales_jobs import PrintSale
from planner.workspace import Workspace
from tests.conftest import FIXED_MOMENT, dump_database
from tests.planner.documents.conftest import pdf_pages

TODAY = FIXED_MOMENT.date()


def content(*prices: int, currency: str = "EUR", **changes: object) -> DocumentContent:
    """A proposal of one line per price (in minor units), two tax rates, valid 30 days."""
    lines = tuple(
        LineItem(
            f"Item {index}",
            Decimal(index),
            Money(price, currency),
            tax_rate=Decimal(19 if index % 2 else 7),
        )
        for index, price in enumerate(prices or (10000,), start=1)
    )
    values: dict[str, object] = {
        "lines": lines,
        "currency": currency,
        "valid_until": TODAY + timedelta(days=30),
    }
    values.update(changes)
    return DocumentContent(**values)  # type: ignore[arg-type]


@pytest.fixture
def hot_lead(workspace: Workspace) -> int:
    change = board.add_lead(
        workspace,
        LeadDraft(
            name="Acme Bakery", street="Main St 1", city="Lisbon", temperature=Temperature.HOT
        ),
    )
    return change.created_id(Kind.LEAD)


def _proposal(workspace: Workspace, lead_id: int, *, send: bool = True, **changes: object) -> int:
    change = proposals.create_proposal(
        workspace, lead_id, content(12000, 4550, **changes), send=send
    )
    return change.created_id(Kind.DOCUMENT)


def test_creating_a_proposal_numbers_it_and_sending_records_a_touch(
    workspace: Workspace, hot_lead: int
) -> None:
    first = workspace.documents.get(_proposal(workspace, hot_lead))
    second = workspace.documents.get(_proposal(workspace, hot_lead, send=False))
    assert (first.number, second.number) == ("P-2026-0001", "P-2026-0002")
    assert (first.status, first.issued_on) == (DocumentStatus.SENT, TODAY)
    assert second.status is DocumentStatus.DRAFT
    touches = workspace.touches.for_lead(hot_lead)
    assert [(touch.kind, touch.document, touch.done_on) for touch in touches] == [
        (TouchKind.PROPOSAL, "P-2026-0001", TODAY)
    ]
    assert first.total == Money(12000 * 119 // 100 + 9100 * 107 // 100, "EUR")


def test_numbers_are_never_given_twice_across_undo_and_delete(
    workspace: Workspace, hot_lead: int
) -> None:
    history = History()
    created = history.record(
        proposals.create_proposal(workspace, hot_lead, content(100), send=False)
    )
    history.undo(workspace)
    history.redo(workspace)
    assert workspace.documents.get(created.created_id(Kind.DOCUMENT)).number == "P-2026-0001"
    history.undo(workspace)
    draft = _proposal(workspace, hot_lead, send=False)
    proposals.delete_document(workspace, draft)
    third = workspace.documents.get(_proposal(workspace, hot_lead))
    assert third.number == "P-2026-0003"
    assert [(gap.number, gap.reason) for gap in workspace.numbers.unused()] == [
        ("P-2026-0001", "its document was undone"),
        ("P-2026-0002", "its document was deleted"),
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(["create", "undo", "redo", "delete"]), max_size=14))
def test_no_sequence_of_creates_undos_redos_and_deletes_repeats_a_number(
    workspace: Workspace, hot_lead: int, steps: list[str]
) -> None:
    history = History()
    numbers_seen: list[str] = []
    for step in steps:
        if step == "create":
            change = history.record(
                proposals.create_proposal(workspace, hot_lead, content(100), send=False)
            )
            number = workspace.documents.get(change.created_id(Kind.DOCUMENT)).number
            assert number is not None
            numbers_seen.append(number)
        elif step == "undo":
            history.undo(workspace)
        elif step == "redo":
            history.redo(workspace)
        else:
            live = workspace.documents.summaries(TODAY, hot_lead)
            drafts = [summary for summary in live if summary.status is DocumentStatus.DRAFT]
            if drafts:
                history.record(proposals.delete_document(workspace, drafts[0].id))
        live_numbers = [summary.number for summary in workspace.documents.summaries(TODAY)]
        assert len(live_numbers) == len(set(live_numbers))
    assert len(numbers_seen) == len(set(numbers_seen))


def test_patterns_are_configurable_and_new_numbers_follow_them(
    workspace: Workspace, hot_lead: int
) -> None:
    set_number_pattern(workspace, DocumentKind.PROPOSAL, "OFFER-{YY}-{###}")
    assert workspace.documents.get(_proposal(workspace, hot_lead)).number == "OFFER-26-001"
    with pytest.raises(ValidationError):
        set_number_pattern(workspace, DocumentKind.PROPOSAL, "OFFER")


def test_editing_a_sent_proposal_makes_a_revision_and_keeps_the_old_one(
    workspace: Workspace, hot_lead: int
) -> None:
    sent = _proposal(workspace, hot_lead)
    change = proposals.save_document(workspace, sent, content(99900))
    revision = workspace.documents.get(change.created_id(Kind.DOCUMENT))
    old = workspace.documents.get(sent)
    assert (revision.number, revision.revision, revision.previous_id) == ("P-2026-0001-2", 2, sent)
    assert old.status is DocumentStatus.SUPERSEDED
    assert old.content.lines[0].unit_price == Money(12000, "EUR")
    assert [doc.number for doc in workspace.documents.revisions(revision)] == [
        "P-2026-0001",
        "P-2026-0001-2",
    ]
    assert workspace.documents.by_number("P-2026-0001").id == revision.id
    assert workspace.documents.by_number("p-2026-0001").id == revision.id
    undo_change(workspace, change)
    again = proposals.save_document(workspace, sent, content(5))
    assert workspace.documents.get(again.created_id(Kind.DOCUMENT)).number == "P-2026-0001-3"


def test_a_draft_is_edited_in_place(workspace: Workspace, hot_lead: int) -> None:
    draft = _proposal(workspace, hot_lead, send=False)
    proposals.save_document(workspace, draft, content(1, 2, 3))
    edited = workspace.documents.get(draft)
    assert (edited.number, len(edited.content.lines)) == ("P-2026-0001", 3)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": ()}, "lines"),
        ({"lines": (LineItem("x", Decimal(-1), Money(1, "EUR")),)}, "quantity"),
        ({"lines": (LineItem(" ", Decimal(1), Money(1, "EUR")),)}, "description"),
        ({"lines": (LineItem("x", Decimal(1), Money(1, "USD")),)}, "currency"),
        ({"discount": Decimal(101)}, "discount"),
        ({"valid_until": TODAY - timedelta(days=1)}, "valid_until"),
        ({"customer_vat_id": "12"}, "customer_vat_id"),
    ],
)
def test_bad_content_is_refused_and_writes_nothing(
    workspace: Workspace, hot_lead: int, changes: dict[str, object], field: str
) -> None:
    before = dump_database(workspace)
    with pytest.raises(ValidationError) as refused:
        proposals.create_proposal(workspace, hot_lead, content(100, **changes))
    assert refused.value.field == field
    assert dump_database(workspace) == before


def test_accepting_moves_the_lead_to_won_with_the_amount_and_undo_restores_both(
    workspace: Workspace, hot_lead: int
) -> None:
    proposal = _proposal(workspace, hot_lead)
    before = dump_database(workspace)
    change = deals.accept_proposal(workspace, proposal)
    lead = workspace.leads.get(hot_lead)
    accepted = workspace.documents.get(proposal)
    assert (lead.column, lead.outcome) == (Column.WON, Outcome.WON)
    assert lead.value == accepted.content.totals.net
    assert (accepted.status, accepted.decided_on) == (DocumentStatus.ACCEPTED, TODAY)
    assert [move.target for move in change.moves] == [Column.WON]
    assert change.ids(Kind.DOCUMENT) == {proposal}
    assert hot_lead in change.touched_leads
    assert [
        (won.number, won.lead_id, won.amount, won.total, won.accepted_on)
        for won in workspace.documents.accepted_proposals()
    ] == [("P-2026-0001", hot_lead, lead.value, accepted.total, TODAY)]
    undo_change(workspace, change)
    assert dump_database(workspace) == before
    assert workspace.leads.get(hot_lead).column is Column.HOT


def test_accepting_twice_or_after_expiry_is_refused(workspace: Workspace, hot_lead: int) -> None:
    proposal = _proposal(workspace, hot_lead)
    deals.accept_proposal(workspace, proposal)
    with pytest.raises(ValidationError, match="already accepted"):
        deals.accept_proposal(workspace, proposal)
    short = _proposal(workspace, hot_lead, valid_until=TODAY)
    later = Workspace(workspace.path, workspace.db, Clock.fixed(FIXED_MOMENT + timedelta(days=2)))
    assert later.documents.get(short).status_on(later.clock.today()) is DocumentStatus.EXPIRED
    with pytest.raises(ValidationError, match="expired"):
        deals.accept_proposal(later, short)


def test_declining_keeps_the_reason_and_can_lose_the_lead(
    workspace: Workspace, hot_lead: int
) -> None:
    proposal = _proposal(workspace, hot_lead)
    deals.decline_proposal(workspace, proposal, "Too expensive", lose_lead=True)
    declined = workspace.documents.get(proposal)
    lead = workspace.leads.get(hot_lead)
    assert declined.status is DocumentStatus.DECLINED
    assert declined.decline_reason == "Too expensive"
    assert (lead.column, lead.lost_reason) == (Column.LOST, "Too expensive")


def test_invoice_and_contract_follow_an_accepted_proposal(
    workspace: Workspace, hot_lead: int
) -> None:
    proposal = _proposal(workspace, hot_lead)
    with pytest.raises(ValidationError, match="accept it"):
        deals.invoice_from_proposal(workspace, proposal)
    deals.accept_proposal(workspace, proposal)
    draft = workspace.documents.get(
        deals.invoice_from_proposal(workspace, proposal, 30, issue=False).created_id(Kind.DOCUMENT)
    )
    assert (draft.number, draft.display_number) == (None, "Draft invoice")
    issued_change = proposals.send_document(workspace, draft.id)
    invoice = workspace.documents.get(draft.id)
    assert (invoice.number, invoice.status, invoice.payment_reference) == (
        "INV-2026-0001",
        DocumentStatus.ISSUED,
        "INV-2026-0001",
    )
    assert invoice.content.due_on == TODAY + timedelta(days=30)
    assert invoice.content.lines == workspace.documents.get(proposal).content.lines
    assert invoice.total == workspace.documents.get(proposal).total
    paid = deals.mark_invoice_paid(workspace, invoice.id)
    assert workspace.documents.get(invoice.id).paid_on == TODAY
    assert [
        (cash.number, cash.total, cash.paid_on) for cash in workspace.documents.paid_invoices()
    ] == [("INV-2026-0001", invoice.total, TODAY)]
    with pytest.raises(ValidationError, match="already paid"):
        deals.mark_invoice_paid(workspace, invoice.id)
    undo_change(workspace, paid)
    assert workspace.documents.get(invoice.id).status is DocumentStatus.ISSUED
    undo_change(workspace, issued_change)
    second = deals.invoice_from_proposal(workspace, proposal).created_id(Kind.DOCUMENT)
    assert workspace.documents.get(second).number == "INV-2026-0002"
    contract = deals.contract_from_proposal(workspace, proposal, date(2026, 4, 1))
    made = workspace.documents.get(contract.created_id(Kind.DOCUMENT))
    assert (made.number, made.content.start_on, made.source_id) == (
        "C-2026-0001",
        date(2026, 4, 1),
        proposal,
    )


def test_overdue_invoices_are_listed(workspace: Workspace, hot_lead: int) -> None:
    proposal = _proposal(workspace, hot_lead)
    deals.accept_proposal(workspace, proposal)
    deals.invoice_from_proposal(workspace, proposal, 7)
    assert workspace.documents.overdue_invoices(TODAY) == []
    overdue = workspace.documents.overdue_invoices(TODAY + timedelta(days=8))
    assert [(summary.number, summary.status) for summary in overdue] == [
        ("INV-2026-0001", DocumentStatus.OVERDUE)
    ]


def test_a_sent_proposal_prints_as_it_was_sent_after_the_sender_changes(
    workspace: Workspace, hot_lead: int, tmp_path: Path
) -> None:
    sender.set_sender_field(workspace, "business_name", "Harbour Light Bookkeeping")
    proposal = _proposal(workspace, hot_lead)
    sender.set_sender_field(workspace, "business_name", "Renamed Ltd")
    draft = _proposal(workspace, hot_lead, send=False)
    job = PrintSale(workspace.path, proposal, TODAY, tmp_path / "proposal.pdf")
    printed = job(no_progress, never_cancelled)
    text = "\n".join(pdf_pages(tmp_path / "proposal.pdf"))
    assert (printed.number, printed.pages) == ("P-2026-0001", 1)
    assert "Harbour Light Bookkeeping" in text
    assert "Renamed Ltd" not in text
    assert workspace.documents.get(proposal).total.format(ENGLISH) in text
    draft_text = "\n".join(
        pdf_pages(PrintSale(workspace.path, draft, TODAY)(no_progress, never_cancelled).pdf)
    )
    assert "Renamed Ltd" in draft_text
    assert "Draft: not sent yet." in draft_text


def test_an_invoice_prints_the_payment_qr_code_when_an_iban_is_set(
    workspace: Workspace, hot_lead: int
) -> None:
    sender.set_sender_field(workspace, "business_name", "Harbour Light Bookkeeping")
    sender.set_sender_field(workspace, "iban", "DE89 3704 0044 0532 0130 00")
    proposal = _proposal(workspace, hot_lead)
    deals.accept_proposal(workspace, proposal)
    invoice = deals.invoice_from_proposal(workspace, proposal).created_id(Kind.DOCUMENT)
    printed = PrintSale(workspace.path, invoice, TODAY)(no_progress, never_cancelled)
    text = "\n".join(pdf_pages(printed.pdf))
    assert "INV-2026-0001" in text
    assert "IBAN DE89 3704 0044 0532 0130 00" in text
    assert "Scan with your banking" in text


def test_an_unpaid_invoice_waits_on_the_agenda_until_it_is_paid(
    workspace: Workspace, hot_lead: int
) -> None:
    proposal = _proposal(workspace, hot_lead)
    deals.accept_proposal(workspace, proposal)
    invoice = deals.invoice_from_proposal(workspace, proposal, 7).created_id(Kind.DOCUMENT)
    late = TODAY + timedelta(days=9)
    due = [entry for entry in workspace.touches.agenda(late) if entry.kind is TouchKind.INVOICE]
    assert [(entry.lead_id, entry.planned_on) for entry in due] == [
        (hot_lead, TODAY + timedelta(days=7))
    ]
    paid = deals.mark_invoice_paid(workspace, invoice)
    assert not [
        entry for entry in workspace.touches.agenda(late) if entry.kind is TouchKind.INVOICE
    ]
    undo_change(workspace, paid)
    assert [entry.kind for entry in workspace.touches.agenda(late)] == [TouchKind.INVOICE]


def test_an_introduction_that_is_not_a_valid_template_is_refused(
    workspace: Workspace, hot_lead: int
) -> None:
    before = dump_database(workspace)
    with pytest.raises(TemplateError):
        proposals.create_proposal(workspace, hot_lead, content(100, introduction="{% if %}"))
    assert dump_database(workspace) == before
