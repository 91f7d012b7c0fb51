"""Proposal actions: create, edit (a new revision once sent), send and delete documents.

A proposal takes its number when it is created; a sent proposal is frozen, so saving changes
to it creates the next revision (``P-2026-0007-2``) and marks the old one superseded; the old
one stays, with its data, and prints as it did.
"""

from planner.changes import Change
from planner.errors import ValidationError
from planner.sales.document import DocumentContent, DocumentStatus, SalesDocument
from planner.sales.numbering import DocumentKind
from planner.services.actions import user_action
from planner.services.numbering import load_number_patterns
from planner.services.sales_records import (
    checked_content,
    insert_document,
    log_document_touch,
    plan_payment_touch,
    replace_content,
    sent_snapshot,
)
from planner.store.changes import Table, recording
from planner.store.numbering import take_number, take_revision_number
from planner.workspace import Workspace


@user_action
def create_proposal(
    workspace: Workspace, lead_id: int, content: DocumentContent, *, send: bool = False
) -> Change:
    """Creates a proposal for the lead with the next proposal number; with ``send`` it is sent
    at once (frozen, dated today and recorded as a touch), as ``planner proposal create`` does.
    """
    lead = workspace.leads.get(lead_id)
    today = workspace.clock.today()
    checked_content(content, today)
    now = workspace.clock.timestamp()
    pattern = load_number_patterns(workspace)[DocumentKind.PROPOSAL]
    number = take_number(workspace.db, DocumentKind.PROPOSAL, pattern, today.year, now)
    with recording(workspace.db, f"Create proposal {number} for '{lead.name}'") as recorder:
        values: dict[str, object] = {"number": number, "base_number": number}
        if send:
            values.update(
                status=DocumentStatus.SENT.value,
                issued_on=today.isoformat(),
                **sent_snapshot(workspace, lead),
            )
        insert_document(workspace, recorder, lead, DocumentKind.PROPOSAL, content, **values)
        if send:
            log_document_touch(
                workspace, recorder, lead.id, DocumentKind.PROPOSAL, number, "Proposal sent"
            )
        return recorder.finish()


@user_action
def save_document(workspace: Workspace, document_id: int, content: DocumentContent) -> Change:
    """Saves edited content: a draft changes in place; a sent proposal or contract gets a new
    revision, the old one marked superseded. Accepted, paid and issued documents stay as
    they are."""
    document = workspace.documents.get(document_id)
    lead = workspace.leads.get(document.lead_id, include_deleted=True)
    checked_content(content, workspace.clock.today())
    if not document.is_frozen:
        if content == document.content:
            return Change(f"Edit {document.display_number}")
        with recording(workspace.db, f"Edit {document.display_number}") as recorder:
            replace_content(workspace, recorder, document_id, content)
            return recorder.finish()
    _check_revisable(document)
    base = document.base_number or document.display_number
    now = workspace.clock.timestamp()
    number, revision = take_revision_number(workspace.db, document.kind, base, now)
    with recording(workspace.db, f"Revise {base} as {number}") as recorder:
        recorder.update(
            Table.DOCUMENTS,
            document_id,
            {"status": DocumentStatus.SUPERSEDED.value, "updated_at": now},
        )
        insert_document(
            workspace,
            recorder,
            lead,
            document.kind,
            content,
            number=number,
            base_number=base,
            revision=revision,
            previous_id=document_id,
            source_id=document.source_id,
        )
        return recorder.finish()


def _check_revisable(document: SalesDocument) -> None:
    if document.kind is DocumentKind.INVOICE:
        raise ValidationError(
            f"Invoice {document.display_number} was issued and cannot change; "
            "issue a new invoice instead"
        )
    if document.status not in (DocumentStatus.SENT, DocumentStatus.DECLINED):
        raise ValidationError(
            f"{document.kind.label} {document.display_number} is {document.status.value} "
            "and cannot change"
        )


@user_action
def send_document(workspace: Workspace, document_id: int) -> Change:
    """Marks a draft sent (an invoice: issued, taking its number now), freezes what it says and
    records it as a touch on the lead. A document already sent is left as it is."""
    document = workspace.documents.get(document_id)
    if document.is_frozen:
        return Change(f"Send {document.display_number}")
    lead = workspace.leads.get(document.lead_id)
    today = workspace.clock.today()
    if document.status_on(today) is DocumentStatus.EXPIRED:
        raise ValidationError(
            f"Proposal {document.display_number} expired on "
            f"{document.content.valid_until}; give it a new validity date first",
            "valid_until",
        )
    values: dict[str, object] = {
        "issued_on": today.isoformat(),
        "updated_at": workspace.clock.timestamp(),
        **sent_snapshot(workspace, lead),
    }
    number = document.number
    if document.kind is DocumentKind.INVOICE:
        number = issue_number(workspace, DocumentKind.INVOICE)
        values.update(
            number=number,
            base_number=number,
            payment_reference=number,
            status=DocumentStatus.ISSUED.value,
        )
        verb = "Issue"
    else:
        values["status"] = DocumentStatus.SENT.value
        verb = "Send"
    assert number is not None
    with recording(workspace.db, f"{verb} {document.kind.value} {number}") as recorder:
        recorder.update(Table.DOCUMENTS, document_id, values)
        log_document_touch(
            workspace,
            recorder,
            lead.id,
            document.kind,
            number,
            f"{document.kind.label} {'issued' if verb == 'Issue' else 'sent'}",
        )
        due_on = document.content.due_on
        if document.kind is DocumentKind.INVOICE and due_on is not None:
            plan_payment_touch(
                workspace, recorder, lead.id, number, due_on, f"Payment due: {document.total}"
            )
        return recorder.finish()


def issue_number(workspace: Workspace, kind: DocumentKind) -> str:
    """Takes the next number of ``kind`` inside the running action (never given back)."""
    today = workspace.clock.today()
    pattern = load_number_patterns(workspace)[kind]
    return take_number(workspace.db, kind, pattern, today.year, workspace.clock.timestamp())


@user_action
def delete_document(workspace: Workspace, document_id: int) -> Change:
    """Deletes a draft; its number stays taken and the document list explains the gap.
    Documents that left the house are kept (a revision replaces one)."""
    document = workspace.documents.get(document_id)
    if document.is_frozen:
        raise ValidationError(
            f"{document.kind.label} {document.display_number} was sent and is kept; "
            "revise it instead"
        )
    with recording(workspace.db, f"Delete {document.display_number}") as recorder:
        recorder.update(Table.DOCUMENTS, document_id, {"deleted_at": workspace.clock.timestamp()})
        return recorder.finish()
