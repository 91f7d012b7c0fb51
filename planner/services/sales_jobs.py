"""Printing proposals, invoices and contracts: a frozen job per PDF, like the letters' jobs.

The job opens its own read connection (the window runs it on a worker thread), resolves the
stored document into the plain ``PrintedSale`` the document engine takes, loads the engine only
when it runs, and writes the file whole or not at all. A document that was sent prints with the
sender and recipient frozen into it then, so an old revision prints as it was sent.
"""

import json
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale
from sqlite_utils import Database

from planner.documents.address import address_lines
from planner.documents.batch import CancelCheck, MergeCancelledError, ProgressCallback
from planner.documents.context import LetterContext
from planner.documents.profile import SenderProfile, default_sender_profile
from planner.documents.sales_texts import render_sales_text
from planner.documents.sales_values import PaymentDetails, PrintedSale
from planner.errors import ValidationError
from planner.locale import user_locale
from planner.sales.document import DocumentStatus, SalesDocument
from planner.sales.epc import EPC_CURRENCY, EpcPayment
from planner.sales.numbering import DocumentKind
from planner.sales.texts import standard_texts
from planner.store.database import open_reader
from planner.store.leads import LeadStore
from planner.store.sales import DocumentStore
from planner.store.settings import SettingKey, SettingsStore


def printed_sale(db: Database, document_id: int, today: date, locale: Locale) -> PrintedSale:
    """The stored document as the PDF writer takes it."""
    documents = DocumentStore(db)
    document = documents.get(document_id)
    sender_json, recipient_json = documents.snapshot(document_id)
    sender = _sender(db, sender_json)
    lead = LeadStore(db).get(document.lead_id, include_deleted=True)
    country = lead.country
    if recipient_json:
        recipient = json.loads(recipient_json)
        name, lines = str(recipient["name"]), tuple(recipient["lines"])
        country = str(recipient.get("country", country))
    else:
        name, lines = lead.name, address_lines(lead, sender.country)
    content = document.content
    introduction, terms = standard_texts(SettingsStore(db).get(SettingKey.DOCUMENT_TEXTS))[
        document.kind
    ]
    context = LetterContext(lead, sender, document.issued_on or today)
    return PrintedSale(
        kind=document.kind,
        number=document.display_number,
        sender=sender,
        recipient_name=name,
        recipient_lines=lines,
        facts=_facts(document, sender, today),
        content=content,
        locale=locale,
        introduction=render_sales_text(
            content.introduction or introduction, "introduction", context
        ),
        terms=render_sales_text(content.terms or terms, "terms", context),
        note=_note(document, today),
        payment=_payment(document, sender),
        issued_on=document.issued_on,
        recipient_country=country or sender.country,
    )


def _sender(db: Database, frozen: str | None) -> SenderProfile:
    default = default_sender_profile()
    stored: Mapping[str, Any] | None = (
        json.loads(frozen) if frozen else SettingsStore(db).get(SettingKey.SENDER_PROFILE)
    )
    return SenderProfile.from_json(stored, default)


def _facts(
    document: SalesDocument, sender: SenderProfile, today: date
) -> tuple[tuple[str, str], ...]:
    day = sender.date_format.apply
    content = document.content
    facts = [("Number", document.display_number), ("Date", day(document.issued_on or today))]
    if content.valid_until is not None and document.kind is DocumentKind.PROPOSAL:
        facts.append(("Valid until", day(content.valid_until)))
    if content.due_on is not None and document.kind is DocumentKind.INVOICE:
        facts.append(("Due", day(content.due_on)))
    if content.start_on is not None and document.kind is DocumentKind.CONTRACT:
        facts.append(("Starts", day(content.start_on)))
    if sender.signer_name:
        facts.append(("Contact", sender.signer_name))
    if sender.vat_id:
        facts.append(("Our VAT no.", sender.vat_id))
    if content.customer_vat_id:
        facts.append(("Your VAT no.", content.customer_vat_id))
    return tuple(facts)


def _note(document: SalesDocument, today: date) -> str:
    status = document.status_on(today)
    if status is DocumentStatus.SUPERSEDED:
        return "This revision was replaced by a later one."
    if status is DocumentStatus.DRAFT:
        return "Draft: not sent yet."
    if document.revision > 1:
        return f"Revision {document.revision}, replacing the earlier ones."
    return ""


def _payment(document: SalesDocument, sender: SenderProfile) -> PaymentDetails | None:
    if document.kind is not DocumentKind.INVOICE:
        return None
    total = document.total
    reference = document.payment_reference or document.display_number
    epc = None
    if total.currency == EPC_CURRENCY and sender.iban and sender.business_name and total.minor:
        epc = EpcPayment(
            name=sender.business_name,
            iban=sender.iban,
            amount=total,
            remittance=f"{reference}",
            bic=sender.bic,
        )
    return PaymentDetails(
        iban=sender.iban,
        bic=sender.bic,
        reference=reference,
        due_on=document.content.due_on,
        epc=epc,
    )


@dataclass(frozen=True)
class PrintedSaleFile:
    """A document printed: where (``None`` for a preview in memory), its pages and bytes."""

    path: Path | None
    number: str
    pages: int
    pdf: bytes


@dataclass(frozen=True)
class PrintSale:
    """One proposal, invoice or contract to PDF (``output``; ``None`` keeps it in memory for a
    preview). ``factur_x`` embeds the EN 16931 invoice XML (invoices only)."""

    database: Path
    document_id: int
    today: date
    output: Path | None = None
    factur_x: bool = False

    def __call__(self, progress: ProgressCallback, is_cancelled: CancelCheck) -> PrintedSaleFile:
        """Writes the PDF; a failure or a cancel leaves no file."""
        from planner.documents.output import atomic_file
        from planner.documents.sales_pdf import sale_pdf

        progress(0, 2)
        with closing(open_reader(self.database)) as reader:
            sale = printed_sale(reader, self.document_id, self.today, user_locale())
        pdf, pages = sale_pdf(sale)
        if self.factur_x:
            pdf = _with_factur_x(pdf, sale)
        progress(1, 2)
        if is_cancelled():
            raise MergeCancelledError
        if self.output is not None:
            with atomic_file(self.output) as file:
                file.write(pdf)
        progress(2, 2)
        return PrintedSaleFile(self.output, sale.number, pages, pdf)


def _with_factur_x(pdf: bytes, sale: PrintedSale) -> bytes:
    if sale.kind is not DocumentKind.INVOICE:
        raise ValidationError("Only invoices carry Factur-X data", "factur_x")
    from planner.documents.factur_x import embed_factur_x

    return embed_factur_x(pdf, sale)
