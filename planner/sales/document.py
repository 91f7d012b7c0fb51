"""A proposal, invoice or contract as stored: its lines, dates, status and number."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from planner.money import Money
from planner.sales.items import LineItem
from planner.sales.numbering import DocumentKind
from planner.sales.totals import Totals, compute_totals


class DocumentStatus(StrEnum):
    """Where a document stands. ``EXPIRED`` and ``OVERDUE`` are never stored: they follow from
    the date (``SalesDocument.status_on``)."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    SUPERSEDED = "superseded"
    ISSUED = "issued"
    PAID = "paid"
    EXPIRED = "expired"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        """``Sent``: the name a user sees."""
        return self.value.capitalize()


FROZEN_STATUSES = frozenset(
    {
        DocumentStatus.SENT,
        DocumentStatus.ACCEPTED,
        DocumentStatus.DECLINED,
        DocumentStatus.SUPERSEDED,
        DocumentStatus.ISSUED,
        DocumentStatus.PAID,
    }
)
"""Statuses of a document that left the house: changing one makes a new revision instead."""


@dataclass(frozen=True)
class DocumentContent:
    """What a user edits in a document: its lines, discount, currency, dates and texts."""

    lines: tuple[LineItem, ...]
    currency: str
    discount: Decimal = Decimal(0)
    valid_until: date | None = None
    due_on: date | None = None
    start_on: date | None = None
    introduction: str = ""
    terms: str = ""
    customer_vat_id: str = ""

    @property
    def totals(self) -> Totals:
        """Every figure of the document, under the rounding rule of ``planner.sales.totals``."""
        return compute_totals(self.lines, self.currency, self.discount)


@dataclass(frozen=True)
class SalesDocument:
    """One revision of a document as stored.

    ``number`` is the revision's own number (``P-2026-0007-2``; ``base_number`` is
    ``P-2026-0007``); both are ``None`` for an invoice not yet issued (its number is taken on
    issue).
    ``source_id`` is the proposal an invoice or contract was made from; ``previous_id`` the
    revision this one replaced.
    """

    id: int
    lead_id: int
    kind: DocumentKind
    number: str | None
    base_number: str | None
    revision: int
    status: DocumentStatus
    content: DocumentContent
    issued_on: date | None = None
    paid_on: date | None = None
    decided_on: date | None = None
    decline_reason: str = ""
    payment_reference: str = ""
    source_id: int | None = None
    previous_id: int | None = None
    created_at: str = ""

    @property
    def display_number(self) -> str:
        """``P-2026-0007-2``, or ``Draft invoice`` before an invoice has its number."""
        return self.number if self.number is not None else f"Draft {self.kind.value}"

    @property
    def total(self) -> Money:
        """The amount due, tax included."""
        return self.content.totals.total

    @property
    def is_frozen(self) -> bool:
        """True once the document was sent or issued: edits make a new revision."""
        return self.status in FROZEN_STATUSES

    def status_on(self, today: date) -> DocumentStatus:
        """The status as of ``today``: an open proposal past its validity is expired, an issued
        invoice past its due date overdue."""
        content = self.content
        if (
            self.kind is DocumentKind.PROPOSAL
            and self.status in (DocumentStatus.DRAFT, DocumentStatus.SENT)
            and content.valid_until is not None
            and content.valid_until < today
        ):
            return DocumentStatus.EXPIRED
        if (
            self.kind is DocumentKind.INVOICE
            and self.status is DocumentStatus.ISSUED
            and content.due_on is not None
            and content.due_on < today
        ):
            return DocumentStatus.OVERDUE
        return self.status
