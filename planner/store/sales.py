"""Reading the catalogue and the sales documents (proposals, invoices, contracts) with their lines.

Writes go through the services' change recorder; ``document_values`` and ``line_rows`` give them
the stored form of what a user edited.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from planner.errors import NotFoundError
from planner.money import Money
from planner.sales.document import DocumentContent, DocumentStatus, SalesDocument
from planner.sales.items import CatalogueItem, LineItem
from planner.sales.numbering import DocumentKind
from planner.sales.percent import percent_text
from planner.sales.summaries import AcceptedProposal, DocumentSummary, PaidInvoice


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _day_text(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def document_values(content: DocumentContent) -> dict[str, Any]:
    """The ``documents`` columns for what a user edits, with the totals kept for lists."""
    totals = content.totals
    return {
        "currency": content.currency,
        "discount": percent_text(content.discount),
        "valid_until": _day_text(content.valid_until),
        "due_on": _day_text(content.due_on),
        "start_on": _day_text(content.start_on),
        "introduction": content.introduction,
        "terms": content.terms,
        "customer_vat_id": content.customer_vat_id,
        "net_minor": totals.net.minor,
        "tax_minor": totals.tax.minor,
        "total_minor": totals.total.minor,
    }


def line_rows(document_id: int, lines: Iterable[LineItem]) -> list[dict[str, Any]]:
    """The ``document_lines`` rows of a document, numbered from 1 in order."""
    return [
        {
            "document_id": document_id,
            "position": position,
            "description": line.description.strip(),
            "quantity": f"{line.quantity:f}",
            "unit": line.unit.strip(),
            "unit_price_minor": line.unit_price.minor,
            "discount": percent_text(line.discount),
            "tax_rate": percent_text(line.tax_rate),
            "catalogue_id": line.catalogue_id,
        }
        for position, line in enumerate(lines, start=1)
    ]


def catalogue_item_from_row(row: Mapping[str, Any]) -> CatalogueItem:
    """A catalogue entry from its row."""
    return CatalogueItem(
        id=row["id"],
        name=row["name"],
        description=row["description"],
        unit=row["unit"],
        unit_price=Money(row["unit_price_minor"], row["currency"]),
        tax_rate=Decimal(row["tax_rate"]),
    )


def _line(row: Mapping[str, Any], currency: str) -> LineItem:
    return LineItem(
        description=row["description"],
        quantity=Decimal(row["quantity"]),
        unit=row["unit"],
        unit_price=Money(row["unit_price_minor"], currency),
        discount=Decimal(row["discount"]),
        tax_rate=Decimal(row["tax_rate"]),
        catalogue_id=row["catalogue_id"],
    )


def document_from_rows(row: Mapping[str, Any], lines: Iterable[Mapping[str, Any]]) -> SalesDocument:
    """A document from its row and its lines' rows (in position order)."""
    currency = row["currency"]
    content = DocumentContent(
        lines=tuple(_line(line, currency) for line in lines),
        currency=currency,
        discount=Decimal(row["discount"]),
        valid_until=_day(row["valid_until"]),
        due_on=_day(row["due_on"]),
        start_on=_day(row["start_on"]),
        introduction=row["introduction"],
        terms=row["terms"],
        customer_vat_id=row["customer_vat_id"],
    )
    return SalesDocument(
        id=row["id"],
        lead_id=row["lead_id"],
        kind=DocumentKind(row["kind"]),
        number=row["number"],
        base_number=row["base_number"],
        revision=row["revision"],
        status=DocumentStatus(row["status"]),
        content=content,
        issued_on=_day(row["issued_on"]),
        paid_on=_day(row["paid_on"]),
        decided_on=_day(row["decided_on"]),
        decline_reason=row["decline_reason"],
        payment_reference=row["payment_reference"],
        source_id=row["source_id"],
        previous_id=row["previous_id"],
        created_at=row["created_at"],
    )


class CatalogueStore:
    """Reads the catalogue of products and services."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def items(self) -> list[CatalogueItem]:
        """Every entry not deleted, by name."""
        rows = self._db.query(
            "SELECT * FROM catalogue_items WHERE deleted_at IS NULL "
            "ORDER BY name COLLATE NOCASE, id"
        )
        return [catalogue_item_from_row(row) for row in rows]

    def get(self, item_id: int) -> CatalogueItem:
        """One entry; NotFoundError when there is none (or it was deleted)."""
        rows = list(
            self._db.query(
                "SELECT * FROM catalogue_items WHERE id = ? AND deleted_at IS NULL", [item_id]
            )
        )
        if not rows:
            raise NotFoundError(f"There is no catalogue entry with id {item_id}")
        return catalogue_item_from_row(rows[0])


class DocumentStore:
    """Reads proposals, invoices and contracts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, document_id: int) -> SalesDocument:
        """One document with its lines; NotFoundError when there is none (or it was deleted)."""
        rows = list(
            self._db.query(
                "SELECT * FROM documents WHERE id = ? AND deleted_at IS NULL", [document_id]
            )
        )
        if not rows:
            raise NotFoundError(f"There is no document with id {document_id}")
        return self._with_lines(rows[0])

    def by_number(self, number: str) -> SalesDocument:
        """The document with this number (``P-2026-0007-2``); a number without its revision
        suffix names the newest revision. NotFoundError when no document has it."""
        text = number.strip()
        rows = list(
            self._db.query(
                "SELECT * FROM documents WHERE deleted_at IS NULL "
                "AND (number = ? COLLATE NOCASE OR base_number = ? COLLATE NOCASE) "
                "ORDER BY base_number = ? COLLATE NOCASE DESC, revision DESC LIMIT 1",
                [text, text, text],
            )
        )
        if not rows:
            raise NotFoundError(f"There is no document numbered '{text}'")
        return self._with_lines(rows[0])

    def revisions(self, document: SalesDocument) -> list[SalesDocument]:
        """Every revision of the document's number, oldest first (the document alone when it
        has no number yet)."""
        if document.base_number is None:
            return [document]
        rows = self._db.query(
            "SELECT * FROM documents WHERE base_number = ? AND deleted_at IS NULL "
            "ORDER BY revision",
            [document.base_number],
        )
        return [self._with_lines(row) for row in rows]

    def summaries(self, today: date, lead_id: int | None = None) -> list[DocumentSummary]:
        """Every document (of one lead, when given), newest first, with its status as of
        ``today`` (expired proposals, overdue invoices)."""
        sql = (
            "SELECT d.*, l.name AS lead_name FROM documents d JOIN leads l ON l.id = d.lead_id "
            "WHERE d.deleted_at IS NULL"
        )
        params: list[Any] = []
        if lead_id is not None:
            sql += " AND d.lead_id = ?"
            params.append(lead_id)
        sql += " ORDER BY d.created_at DESC, d.id DESC"
        summaries = []
        for row in self._db.query(sql, params):
            document = document_from_rows(row, ())
            summaries.append(
                DocumentSummary(
                    id=document.id,
                    number=document.display_number,
                    kind=document.kind,
                    status=document.status_on(today),
                    total=Money(row["total_minor"], document.content.currency),
                    lead_id=document.lead_id,
                    lead_name=row["lead_name"],
                    issued_on=document.issued_on,
                    created_at=document.created_at,
                )
            )
        return summaries

    def accepted_proposals(self) -> list[AcceptedProposal]:
        """Proposals the customer accepted, by the day they were accepted: amount (net, and
        the total with tax), currency, lead and day. The dashboard's revenue reads this."""
        rows = self._db.query(
            "SELECT id, number, lead_id, net_minor, total_minor, currency, decided_on "
            "FROM documents "
            "WHERE kind = 'proposal' AND status = 'accepted' AND deleted_at IS NULL "
            "ORDER BY decided_on, id"
        )
        return [
            AcceptedProposal(
                document_id=row["id"],
                number=row["number"],
                lead_id=row["lead_id"],
                amount=Money(row["net_minor"], row["currency"]),
                total=Money(row["total_minor"], row["currency"]),
                accepted_on=date.fromisoformat(row["decided_on"]),
            )
            for row in rows
        ]

    def paid_invoices(self) -> list[PaidInvoice]:
        """Invoices marked paid, by the day they were paid."""
        rows = self._db.query(
            "SELECT id, number, lead_id, net_minor, total_minor, currency, paid_on FROM documents "
            "WHERE kind = 'invoice' AND status = 'paid' AND deleted_at IS NULL "
            "ORDER BY paid_on, id"
        )
        return [
            PaidInvoice(
                document_id=row["id"],
                number=row["number"],
                lead_id=row["lead_id"],
                amount=Money(row["net_minor"], row["currency"]),
                total=Money(row["total_minor"], row["currency"]),
                paid_on=date.fromisoformat(row["paid_on"]),
            )
            for row in rows
        ]

    def overdue_invoices(self, today: date) -> list[DocumentSummary]:
        """Issued invoices still unpaid after their due date, the longest overdue first."""
        return sorted(
            (
                summary
                for summary in self.summaries(today)
                if summary.status is DocumentStatus.OVERDUE
            ),
            key=lambda summary: summary.issued_on or date.min,
        )

    def payment_touch_ids(self, number: str) -> list[int]:
        """The planned, not yet done "payment due" touches of an invoice number."""
        rows = self._db.execute(
            "SELECT id FROM touches WHERE kind = 'invoice' AND document = ? AND done_on IS NULL",
            [number],
        )
        return [row[0] for row in rows]

    def line_row_ids(self, document_id: int) -> list[int]:
        """The ids of a document's line rows, for replacing them through the recorder."""
        rows = self._db.execute(
            "SELECT id FROM document_lines WHERE document_id = ? ORDER BY position", [document_id]
        )
        return [row[0] for row in rows]

    def snapshot(self, document_id: int) -> tuple[str | None, str | None]:
        """The sender and recipient frozen into the document when it was sent (JSON), if any."""
        row = self._db.execute(
            "SELECT sender_json, recipient_json FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _with_lines(self, row: Mapping[str, Any]) -> SalesDocument:
        lines = self._db.query(
            "SELECT * FROM document_lines WHERE document_id = ? ORDER BY position", [row["id"]]
        )
        return document_from_rows(row, lines)
