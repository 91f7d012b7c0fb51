"""The chain from an accepted proposal to a paid deal: accept or decline, invoice, contract, paid.

Accepting is one step: the proposal accepted, the lead moved to Won with the deal amount, and
the touch recorded; undo takes all three back together.
"""

from dataclasses import replace
from datetime import date, timedelta

from planner.changes import Change
from planner.domain import Column, Outcome
from planner.errors import ValidationError
from planner.locale import format_day
from planner.sales.document import DocumentStatus, SalesDocument
from planner.sales.numbering import DocumentKind
from planner.services.actions import user_action
from planner.services.board import write_move_to_end
from planner.services.numbering import load_number_patterns
from planner.services.proposals import issue_number
from planner.services.sales_records import (
    insert_document,
    log_document_touch,
    plan_payment_touch,
    sent_snapshot,
)
from planner.store.changes import Table, recording
from planner.store.numbering import take_number
from planner.workspace import Workspace

DEFAULT_DUE_DAYS = 14
_MAX_DUE_DAYS = 365


def _open_proposal(workspace: Workspace, document: SalesDocument, verb: str) -> None:
    """Refuses to accept or decline anything but a proposal still open today."""
    if document.kind is not DocumentKind.PROPOSAL:
        raise ValidationError(
            f"{document.display_number} is {_article(document)}, not a proposal", "number"
        )
    status = document.status_on(workspace.clock.today())
    if status is DocumentStatus.EXPIRED:
        raise ValidationError(
            f"Proposal {document.display_number} expired on "
            f"{format_day(document.content.valid_until or date.min)}; revise it with a new "
            f"validity date before it can be {verb}",
            "number",
        )
    if status not in (DocumentStatus.DRAFT, DocumentStatus.SENT):
        raise ValidationError(
            f"Proposal {document.display_number} is already {status.value}", "number"
        )


def _article(document: SalesDocument) -> str:
    article = "an" if document.kind is DocumentKind.INVOICE else "a"
    return f"{article} {document.kind.value}"


@user_action
def accept_proposal(workspace: Workspace, document_id: int) -> Change:
    """The customer said yes: the proposal is accepted, its lead moves to Won with the
    proposal's net amount (before tax: the tax is the tax office's, not revenue) as the deal
    value, and the touch is recorded, as one undoable step."""
    document = workspace.documents.get(document_id)
    _open_proposal(workspace, document, "accepted")
    lead = workspace.leads.get(document.lead_id)
    today = workspace.clock.today()
    total = document.total
    net = document.content.totals.net
    number = document.display_number
    with recording(workspace.db, f"Accept proposal {number} ('{lead.name}' won)") as recorder:
        recorder.update(
            Table.DOCUMENTS,
            document.id,
            {
                "status": DocumentStatus.ACCEPTED.value,
                "decided_on": today.isoformat(),
                "updated_at": workspace.clock.timestamp(),
            },
        )
        write_move_to_end(
            workspace,
            recorder,
            lead,
            Column.WON,
            {"value_minor": net.minor, "currency": net.currency},
        )
        log_document_touch(
            workspace,
            recorder,
            lead.id,
            DocumentKind.PROPOSAL,
            number,
            f"Proposal accepted: {total}",
        )
        return recorder.finish()


@user_action
def decline_proposal(
    workspace: Workspace, document_id: int, reason: str = "", *, lose_lead: bool = False
) -> Change:
    """The customer said no, for ``reason``. With ``lose_lead`` the lead moves to Lost with the
    reason as its lost reason; a lead already lost without a reason takes it too."""
    document = workspace.documents.get(document_id)
    _open_proposal(workspace, document, "declined")
    lead = workspace.leads.get(document.lead_id)
    today = workspace.clock.today()
    why = " ".join(reason.split())
    number = document.display_number
    with recording(workspace.db, f"Decline proposal {number}") as recorder:
        recorder.update(
            Table.DOCUMENTS,
            document.id,
            {
                "status": DocumentStatus.DECLINED.value,
                "decided_on": today.isoformat(),
                "decline_reason": why,
                "updated_at": workspace.clock.timestamp(),
            },
        )
        if lose_lead and lead.outcome is not Outcome.LOST:
            write_move_to_end(workspace, recorder, lead, Column.LOST)
            recorder.update(Table.LEADS, lead.id, {"lost_reason": why})
        elif lead.outcome is Outcome.LOST and not lead.lost_reason and why:
            recorder.update(Table.LEADS, lead.id, {"lost_reason": why})
        notes = f"Proposal declined: {why}" if why else "Proposal declined"
        log_document_touch(workspace, recorder, lead.id, DocumentKind.PROPOSAL, number, notes)
        return recorder.finish()


def _accepted_proposal(workspace: Workspace, document_id: int, making: str) -> SalesDocument:
    proposal = workspace.documents.get(document_id)
    if proposal.kind is not DocumentKind.PROPOSAL:
        raise ValidationError(f"{proposal.display_number} is not a proposal", "number")
    if proposal.status is not DocumentStatus.ACCEPTED:
        raise ValidationError(
            f"Proposal {proposal.display_number} is {proposal.status_on(workspace.clock.today())}"
            f"; accept it before making {making} from it",
            "number",
        )
    return proposal


@user_action
def invoice_from_proposal(
    workspace: Workspace,
    proposal_id: int,
    due_days: int = DEFAULT_DUE_DAYS,
    *,
    issue: bool = True,
    terms: str = "",
) -> Change:
    """An invoice with the accepted proposal's lines, due ``due_days`` after today. Issued at
    once by default (taking its number now, recorded as a touch); a draft has no number yet."""
    proposal = _accepted_proposal(workspace, proposal_id, "an invoice")
    if not 0 <= due_days <= _MAX_DUE_DAYS:
        raise ValidationError(f"Payment is due within 0 to {_MAX_DUE_DAYS} days", "due_days")
    lead = workspace.leads.get(proposal.lead_id, include_deleted=True)
    today = workspace.clock.today()
    due_on = today + timedelta(days=due_days)
    content = replace(
        proposal.content,
        valid_until=None,
        due_on=due_on,
        terms=terms or proposal.content.terms,
    )
    values: dict[str, object] = {"source_id": proposal.id}
    if issue:
        number = issue_number(workspace, DocumentKind.INVOICE)
        values.update(
            number=number,
            base_number=number,
            payment_reference=number,
            status=DocumentStatus.ISSUED.value,
            issued_on=today.isoformat(),
            **sent_snapshot(workspace, lead),
        )
        description = f"Issue invoice {number} for '{lead.name}'"
    else:
        description = f"Draft an invoice for '{lead.name}'"
    with recording(workspace.db, description) as recorder:
        insert_document(workspace, recorder, lead, DocumentKind.INVOICE, content, **values)
        if issue:
            number = str(values["number"])
            total = content.totals.total
            log_document_touch(
                workspace,
                recorder,
                lead.id,
                DocumentKind.INVOICE,
                number,
                f"Invoice issued: {total}",
            )
            plan_payment_touch(
                workspace, recorder, lead.id, number, due_on, f"Payment due: {total}"
            )
        return recorder.finish()


@user_action
def mark_invoice_paid(workspace: Workspace, invoice_id: int, paid_on: date | None = None) -> Change:
    """Records that an issued invoice was paid (today unless ``paid_on`` says when)."""
    invoice = workspace.documents.get(invoice_id)
    if invoice.kind is not DocumentKind.INVOICE:
        raise ValidationError(f"{invoice.display_number} is not an invoice", "number")
    if invoice.status is DocumentStatus.PAID:
        raise ValidationError(
            f"Invoice {invoice.display_number} was already paid on "
            f"{format_day(invoice.paid_on or date.min)}",
            "number",
        )
    if invoice.status is not DocumentStatus.ISSUED:
        raise ValidationError(
            f"Invoice {invoice.display_number} is not issued yet; issue it first", "number"
        )
    today = workspace.clock.today()
    day = paid_on or today
    if day > today:
        raise ValidationError("An invoice cannot be paid on a day still to come", "paid_on")
    if invoice.issued_on is not None and day < invoice.issued_on:
        raise ValidationError("An invoice cannot be paid before it was issued", "paid_on")
    number = invoice.display_number
    with recording(workspace.db, f"Mark invoice {number} paid") as recorder:
        recorder.update(
            Table.DOCUMENTS,
            invoice.id,
            {
                "status": DocumentStatus.PAID.value,
                "paid_on": day.isoformat(),
                "updated_at": workspace.clock.timestamp(),
            },
        )
        for touch_id in workspace.documents.payment_touch_ids(number):
            recorder.update(Table.TOUCHES, touch_id, {"done_on": day.isoformat()})
        return recorder.finish()


@user_action
def contract_from_proposal(
    workspace: Workspace, proposal_id: int, start_on: date | None = None, terms: str = ""
) -> Change:
    """A contract over the accepted proposal's lines, starting ``start_on`` (today when not
    given), sent at once: numbered, frozen and recorded as a touch."""
    proposal = _accepted_proposal(workspace, proposal_id, "a contract")
    lead = workspace.leads.get(proposal.lead_id, include_deleted=True)
    today = workspace.clock.today()
    content = replace(
        proposal.content,
        valid_until=None,
        start_on=start_on or today,
        terms=terms or proposal.content.terms,
    )
    now = workspace.clock.timestamp()
    pattern = load_number_patterns(workspace)[DocumentKind.CONTRACT]
    number = take_number(workspace.db, DocumentKind.CONTRACT, pattern, today.year, now)
    with recording(workspace.db, f"Create contract {number} for '{lead.name}'") as recorder:
        insert_document(
            workspace,
            recorder,
            lead,
            DocumentKind.CONTRACT,
            content,
            number=number,
            base_number=number,
            source_id=proposal.id,
            status=DocumentStatus.SENT.value,
            issued_on=today.isoformat(),
            **sent_snapshot(workspace, lead),
        )
        log_document_touch(
            workspace, recorder, lead.id, DocumentKind.CONTRACT, number, "Contract sent"
        )
        return recorder.finish()
