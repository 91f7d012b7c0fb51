"""The Factur-X XML: valid against the EN 16931 schema, embedded in the PDF, totals as printed."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from facturx import get_facturx_xml_from_pdf, xml_check_xsd
from lxml import etree

from planner.documents.factur_x import embed_factur_x, factur_x_xml
from planner.documents.profile import SenderProfile
from planner.documents.sales_pdf import sale_pdf
from planner.documents.sales_values import PaymentDetails, PrintedSale
from planner.errors import ValidationError
from planner.locale import ENGLISH
from planner.money import Money
from planner.sales.document import DocumentContent
from planner.sales.items import LineItem
from planner.sales.numbering import DocumentKind
from tests.planner.documents.conftest import pdf_pages

NAMESPACES = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}


def _invoice(sender: SenderProfile, currency: str = "EUR") -> PrintedSale:
    lines = (
        LineItem("Website design", Decimal(1), Money(120000, currency), tax_rate=Decimal(19)),
        LineItem("Hosting", Decimal(12), Money(1999, currency), "month", Decimal(10), Decimal(19)),
        LineItem("Brochure", Decimal(250), Money(133, currency), tax_rate=Decimal(7)),
        LineItem("Advice (exempt)", Decimal("1.5"), Money(5000, currency), "hour"),
    )
    content = DocumentContent(
        lines, currency, Decimal(5), due_on=date(2026, 3, 30), customer_vat_id="DE987654321"
    )
    return PrintedSale(
        kind=DocumentKind.INVOICE,
        number="INV-2026-0003",
        sender=sender,
        recipient_name="Acme Bakery",
        recipient_lines=("Acme Bakery", "Main St 1", "10115 Berlin"),
        facts=(("Number", "INV-2026-0003"),),
        content=content,
        locale=ENGLISH,
        payment=PaymentDetails(
            "DE89370400440532013000", "COBADEFFXXX", "INV-2026-0003", date(2026, 3, 30), None
        ),
        issued_on=date(2026, 3, 16),
        recipient_country="DE",
    )


def _amount(tree: etree._Element, path: str) -> str:
    found = tree.find(path, NAMESPACES)
    assert found is not None, path
    return str(found.text)


def test_the_xml_passes_the_schema_and_its_totals_equal_the_pdfs(sender: SenderProfile) -> None:
    vat_sender = replace(sender, vat_id="DE123456789")
    sale = _invoice(vat_sender)
    pdf, _pages = sale_pdf(sale)
    embedded = embed_factur_x(pdf, sale)
    filename, xml = get_facturx_xml_from_pdf(BytesIO(embedded), check_xsd=True)
    assert filename == "factur-x.xml"
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    tree = etree.fromstring(xml)
    summation = ".//ram:SpecifiedTradeSettlementHeaderMonetarySummation"
    totals = sale.content.totals
    assert _amount(tree, f"{summation}/ram:LineTotalAmount") == totals.subtotal.as_decimal_string()
    assert _amount(tree, f"{summation}/ram:AllowanceTotalAmount") == (
        totals.discount.as_decimal_string()
    )
    assert _amount(tree, f"{summation}/ram:TaxTotalAmount") == totals.tax.as_decimal_string()
    assert _amount(tree, f"{summation}/ram:GrandTotalAmount") == totals.total.as_decimal_string()
    taxes = tree.findall(
        ".//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", NAMESPACES
    )
    assert [
        (
            Decimal(tax.findtext("ram:RateApplicablePercent", namespaces=NAMESPACES) or ""),
            tax.findtext("ram:CalculatedAmount", namespaces=NAMESPACES),
        )
        for tax in taxes
    ] == [(rate.rate, rate.tax.as_decimal_string()) for rate in totals.rates]
    printed = "\n".join(pdf_pages(embedded))
    assert totals.total.format(ENGLISH) in printed
    for rate in totals.rates:
        assert rate.tax.format(ENGLISH) in printed


def test_an_e_invoice_needs_the_senders_vat_id(sender: SenderProfile) -> None:
    with pytest.raises(ValidationError, match="VAT id"):
        factur_x_xml(_invoice(sender))
