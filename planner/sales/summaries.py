"""Light values for lists of documents and for the figures other screens read from sales."""

from dataclasses import dataclass
from datetime import date

from planner.money import Money
from planner.sales.document import DocumentStatus
from planner.sales.numbering import DocumentKind


@dataclass(frozen=True)
class DocumentSummary:
    """One line of a document list: what it is, for whom, where it stands and how much."""

    id: int
    number: str
    kind: DocumentKind
    status: DocumentStatus
    total: Money
    lead_id: int
    lead_name: str
    issued_on: date | None
    created_at: str


@dataclass(frozen=True)
class AcceptedProposal:
    """A proposal the customer accepted: the revenue the dashboard counts, on the day it was won.

    ``amount`` is the net amount (after discounts, before tax: the deal value the lead gets);
    ``total`` includes the tax.
    """

    document_id: int
    number: str
    lead_id: int
    amount: Money
    total: Money
    accepted_on: date


@dataclass(frozen=True)
class PaidInvoice:
    """An invoice marked paid: the cash that came in (``total``, tax included; ``amount`` is
    the net), on the day it came."""

    document_id: int
    number: str
    lead_id: int
    amount: Money
    total: Money
    paid_on: date


@dataclass(frozen=True)
class UnusedNumber:
    """A number that was taken but belongs to no document now, and why: the document list shows
    these so a gap in the sequence explains itself."""

    number: str
    kind: DocumentKind
    taken_at: str
    reason: str
