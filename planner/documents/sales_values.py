"""What a proposal, invoice or contract prints, as plain values the PDF writer takes."""

from dataclasses import dataclass
from datetime import date

from babel import Locale

from planner.documents.profile import SenderProfile
from planner.sales.document import DocumentContent
from planner.sales.epc import EpcPayment
from planner.sales.numbering import DocumentKind


@dataclass(frozen=True)
class PaymentDetails:
    """How an invoice asks to be paid: the account, the reference, and the QR code's transfer
    (``None`` when the invoice is not in euros or the account is missing)."""

    iban: str
    bic: str
    reference: str
    due_on: date | None
    epc: EpcPayment | None


@dataclass(frozen=True)
class PrintedSale:
    """One document to print. ``recipient_lines`` are the address block; ``facts`` the labelled
    rows beside it (number, date, validity or due date); ``note`` a line under the title (an
    older revision says so). ``recipient_country`` is the customer's ISO country code, which
    the e-invoice needs."""

    kind: DocumentKind
    number: str
    sender: SenderProfile
    recipient_name: str
    recipient_lines: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    content: DocumentContent
    locale: Locale
    introduction: str = ""
    terms: str = ""
    note: str = ""
    payment: PaymentDetails | None = None
    issued_on: date | None = None
    recipient_country: str = ""

    @property
    def title(self) -> str:
        """``Proposal P-2026-0007``."""
        return f"{self.kind.label} {self.number}"

    @property
    def has_acceptance(self) -> bool:
        """Proposals and contracts end with signature lines for both parties."""
        return self.kind is not DocumentKind.INVOICE
