"""Proposal, invoice and contract PDFs: every item and total as printed, tax per rate, the
acceptance and payment blocks, a repeated table header and "Page 1 of N" on every page."""

from datetime import date
from decimal import Decimal

import pytest
from babel import Locale

from planner.documents.profile import SenderProfile
from planner.documents.sales_pdf import page_label, sale_pdf
from planner.documents.sales_values import PaymentDetails, PrintedSale
from planner.locale import ENGLISH
from planner.money import Money
from planner.sales.document import DocumentContent
from planner.sales.epc import EpcPayment
from planner.sales.items import LineItem
from planner.sales.numbering import DocumentKind
from tests.planner.documents.conftest import pdf_pages

IBAN = "DE89370400440532013000"


def _lines(count: int, currency: str = "EUR") -> tuple[LineItem, ...]:
    return tuple(
        LineItem(
            f"Item {index:03d} Łódź <b>&amp;",
            Decimal(index % 4 + 1),
            Money(2500 + index * 13, currency),
            "hour",
            Decimal(10) if index % 5 == 0 else Decimal(0),
            Decimal(19) if index % 2 else Decimal(7),
        )
        for index in range(1, count + 1)
    )


def _sale(
    sender: SenderProfile,
    kind: DocumentKind = DocumentKind.PROPOSAL,
    count: int = 3,
    locale: Locale = ENGLISH,
    **changes: object,
) -> PrintedSale:
    content = DocumentContent(_lines(count), "EUR", Decimal(5), valid_until=date(2026, 4, 15))
    values: dict[str, object] = {
        "kind": kind,
        "number": "P-2026-0007",
        "sender": sender,
        "recipient_name": "Acme Bakery",
        "recipient_lines": ("Acme Bakery", "Main St 1", "10115 Berlin"),
        "facts": (("Number", "P-2026-0007"), ("Date", "16 March 2026")),
        "content": content,
        "locale": locale,
        "introduction": "We are pleased to offer **these** services:",
        "terms": "- Valid for 30 days\n- Prices include VAT",
    }
    values.update(changes)
    return PrintedSale(**values)  # type: ignore[arg-type]


def test_a_proposal_prints_every_item_every_total_and_the_acceptance_block(
    sender: SenderProfile,
) -> None:
    sale = _sale(sender)
    pdf, pages = sale_pdf(sale)
    text = "\n".join(pdf_pages(pdf))
    assert pages == 1
    for line in sale.content.lines:
        assert line.description in text
    totals = sale.content.totals
    for amount in (totals.subtotal, totals.discount, totals.net, totals.total):
        assert amount.format(ENGLISH) in text
    for rate in totals.rates:
        assert f"VAT {rate.rate} % on {rate.taxable.format(ENGLISH)}" in text
        assert rate.tax.format(ENGLISH) in text
    assert "Acceptance" in text
    assert "For Harbour Light Bookkeeping" in text
    assert "For Acme Bakery" in text
    assert text.count("Signature") == 2
    assert "Valid for 30 days" in text
    assert "Page 1 of 1" in text


def test_two_hundred_items_paginate_with_the_header_on_every_page(sender: SenderProfile) -> None:
    sale = _sale(sender, count=200)
    pdf, pages = sale_pdf(sale)
    texts = pdf_pages(pdf)
    assert pages == len(texts) > 3
    for number, page in enumerate(texts, start=1):
        assert page_label(number, pages) in page
        if number < pages:
            assert all(heading in page for heading in ("Description", "Unit price"))
    joined = "\n".join(texts)
    for line in sale.content.lines:
        assert joined.count(line.description) == 1, line.description
    assert sale.content.totals.total.format(ENGLISH) in texts[-1]
    assert "Acceptance" in texts[-1]


def test_an_invoice_prints_payment_details_and_the_qr_code_but_no_signatures(
    sender: SenderProfile,
) -> None:
    sale = _sale(sender, DocumentKind.INVOICE)
    total = sale.content.totals.total
    payment = PaymentDetails(
        iban=IBAN,
        bic="COBADEFFXXX",
        reference="INV-2026-0003",
        due_on=date(2026, 3, 30),
        epc=EpcPayment("Harbour Light Bookkeeping", IBAN, total, "INV-2026-0003", "COBADEFFXXX"),
    )
    text = "\n".join(pdf_pages(sale_pdf(_sale(sender, DocumentKind.INVOICE, payment=payment))[0]))
    assert f"Please transfer {total.format(ENGLISH)} by 30 March 2026" in text
    assert "IBAN DE89 3704 0044 0532 0130 00" in text
    assert "Scan with your banking" in text
    assert "Signature" not in text


@pytest.mark.parametrize("locale_name", ["de_DE", "en_US"])
def test_amounts_follow_the_locale(sender: SenderProfile, locale_name: str) -> None:
    locale = Locale.parse(locale_name)
    sale = _sale(sender, locale=locale)
    text = "\n".join(pdf_pages(sale_pdf(sale)[0]))
    assert sale.content.totals.total.format(locale) in text
