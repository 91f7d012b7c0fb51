"""What the sales actions share: checking a document's content and writing its rows.

Not actions themselves: each function runs inside the recording of the action that calls it
(``planner.services.proposals``, ``planner.services.deals``).
"""

import json
from datetime import date
from typing import Any

from planner.documents.address import address_lines
from planner.documents.sales_texts import check_sales_text
from planner.domain import Lead, TouchDraft, TouchKind
from planner.errors import ValidationError
from planner.money import currency_code
from planner.sales.banking import checked_vat_id
from planner.sales.document import DocumentContent, DocumentStatus
from planner.sales.numbering import DocumentKind
from planner.sales.percent import checked_percent
from planner.services.sender import load_sender_profile
from planner.services.touches import insert_touches
from planner.store.changes import ChangeRecorder, Table
from planner.store.sales import document_values, line_rows
from planner.workspace import Workspace

_LARGEST_TOTAL = 10**15
"""Minor units above which a total is refused, like any amount (``planner.money``)."""

TOUCH_KINDS = {
    DocumentKind.PROPOSAL: TouchKind.PROPOSAL,
    DocumentKind.INVOICE: TouchKind.INVOICE,
    DocumentKind.CONTRACT: TouchKind.CONTRACT,
}


def checked_content(content: DocumentContent, today: date) -> DocumentContent:
    """The content when it can be stored; ValidationError naming the first problem otherwise."""
    currency = currency_code(content.currency)
    if not content.lines:
        raise ValidationError("A document needs at least one line", "lines")
    for number, line in enumerate(content.lines, start=1):
        try:
            line.checked()
        except ValidationError as error:
            raise ValidationError(f"Line {number}: {error}", error.field) from None
        if line.unit_price.currency != currency:
            raise ValidationError(
                f"Line {number} is priced in {line.unit_price.currency}, the document in "
                f"{currency}",
                "currency",
            )
    checked_percent(content.discount, "discount")
    if content.valid_until is not None and content.valid_until < today:
        raise ValidationError("The validity date has already passed", "valid_until")
    checked_vat_id(content.customer_vat_id, "customer_vat_id")
    check_sales_text(content.introduction, "introduction")
    check_sales_text(content.terms, "terms")
    if content.totals.total.minor > _LARGEST_TOTAL:
        raise ValidationError("The total is too large", "lines")
    return content


def insert_document(
    workspace: Workspace,
    recorder: ChangeRecorder,
    lead: Lead,
    kind: DocumentKind,
    content: DocumentContent,
    **values: Any,
) -> int:
    """Writes a new document and its lines; ``values`` are further ``documents`` columns
    (number, status, source …). Returns the new id."""
    now = workspace.clock.timestamp()
    row: dict[str, Any] = {
        "lead_id": lead.id,
        "kind": kind.value,
        "status": DocumentStatus.DRAFT.value,
        "created_at": now,
        "updated_at": now,
        **document_values(content),
        **values,
    }
    document_id = recorder.insert(Table.DOCUMENTS, row)
    for line in line_rows(document_id, content.lines):
        recorder.insert(Table.DOCUMENT_LINES, line)
    return document_id


def replace_content(
    workspace: Workspace, recorder: ChangeRecorder, document_id: int, content: DocumentContent
) -> None:
    """Overwrites a draft's content and lines."""
    for line_id in workspace.documents.line_row_ids(document_id):
        recorder.delete(Table.DOCUMENT_LINES, line_id)
    recorder.update(
        Table.DOCUMENTS,
        document_id,
        {**document_values(content), "updated_at": workspace.clock.timestamp()},
    )
    for line in line_rows(document_id, content.lines):
        recorder.insert(Table.DOCUMENT_LINES, line)


def sent_snapshot(workspace: Workspace, lead: Lead) -> dict[str, str]:
    """The sender and recipient as they are now, frozen into a document that leaves the house,
    so printing it again later gives the same page even after an address changed."""
    sender = load_sender_profile(workspace)
    recipient = {
        "name": lead.name,
        "lines": list(address_lines(lead, sender.country)),
        "country": lead.country,
    }
    return {
        "sender_json": json.dumps(sender.to_json(), ensure_ascii=False, sort_keys=True),
        "recipient_json": json.dumps(recipient, ensure_ascii=False, sort_keys=True),
    }


def log_document_touch(
    workspace: Workspace,
    recorder: ChangeRecorder,
    lead_id: int,
    kind: DocumentKind,
    number: str,
    notes: str,
) -> None:
    """Records the document on the lead's timeline as a touch done today."""
    today = workspace.clock.today()
    draft = TouchDraft(
        lead_id=lead_id,
        kind=TOUCH_KINDS[kind],
        planned_on=today,
        done_on=today,
        notes=notes,
        document=number,
    )
    insert_touches(recorder, [draft], workspace.clock.timestamp())


def plan_payment_touch(
    workspace: Workspace,
    recorder: ChangeRecorder,
    lead_id: int,
    number: str,
    due_on: date,
    notes: str,
) -> None:
    """Plans the invoice's payment as a touch on its due day, so an unpaid invoice shows on the
    agenda, overdue once the day has passed; marking the invoice paid completes it."""
    draft = TouchDraft(
        lead_id=lead_id,
        kind=TouchKind.INVOICE,
        planned_on=due_on,
        notes=notes,
        document=number,
    )
    insert_touches(recorder, [draft], workspace.clock.timestamp())
