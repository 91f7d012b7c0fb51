"""Factur-X / ZUGFeRD: the invoice as EN 16931 XML inside its PDF, for the buyer's bookkeeping.

The XML is built with ``drafthorse`` from the same ``PrintedSale`` the PDF prints, so its totals
are the PDF's to the cent (the rounding rule of ``planner.sales.totals`` is EN 16931's own), and
checked against the Factur-X EN 16931 schema when it is serialised. ``factur-x`` then embeds it
and turns the PDF into PDF/A-3, as the standard asks.
"""

from decimal import Decimal

from planner.documents.sales_values import PrintedSale
from planner.errors import ValidationError
from planner.locale import ENGLISH, country_code
from planner.money import Money, minor_digits
from planner.sales.percent import HUNDRED

GUIDELINE = "urn:cen.eu:en16931:2017"
"""The EN 16931 ("COMFORT") profile of Factur-X 1.0."""

COMMERCIAL_INVOICE = "380"
SEPA_CREDIT_TRANSFER = "58"
_UNIT_CODES = {
    "hour": "HUR",
    "hours": "HUR",
    "h": "HUR",
    "day": "DAY",
    "days": "DAY",
    "month": "MON",
    "months": "MON",
    "kg": "KGM",
    "m": "MTR",
    "km": "KMT",
}
"""UN/ECE recommendation 20 codes for the units people type; anything else is "one" (C62)."""


def _amount(money: Money) -> Decimal:
    return money.decimal.quantize(Decimal(1).scaleb(-minor_digits(money.currency)))


def _country(text: str, field: str) -> str:
    code = text.strip().upper()
    if len(code) == 2 and code.isalpha():
        return code
    found = country_code(text, ENGLISH) if text.strip() else None
    if found is None:
        raise ValidationError(
            f"An e-invoice needs the {field}'s country as a code such as DE", field
        )
    return found


def _category(rate: Decimal) -> str:
    """EN 16931's VAT category: standard rated, or zero rated."""
    return "S" if rate else "Z"


def factur_x_xml(sale: PrintedSale) -> bytes:
    """The invoice as Factur-X EN 16931 XML; ValidationError when a required fact is missing
    (the seller's VAT id or country, the buyer's country), or the schema refuses the result."""
    from drafthorse.models.accounting import ApplicableTradeTax, TradeAllowanceCharge
    from drafthorse.models.document import Document
    from drafthorse.models.party import TaxRegistration
    from drafthorse.models.payment import PaymentMeans, PaymentTerms
    from drafthorse.models.tradelines import LineItem as XmlLine

    sender = sale.sender
    if not sender.vat_id:
        raise ValidationError(
            "A Factur-X invoice needs your VAT id: planner settings set vat_id DE123456789",
            "vat_id",
        )
    if sale.issued_on is None:
        raise ValidationError("Issue the invoice before it gets its e-invoice data", "number")
    content = sale.content
    totals = content.totals
    currency = content.currency
    document = Document()
    document.context.guideline_parameter.id = GUIDELINE
    document.header.id = sale.number
    document.header.type_code = COMMERCIAL_INVOICE
    document.header.issue_date_time = sale.issued_on

    seller = document.trade.agreement.seller
    seller.name = sender.business_name or "Seller"
    seller.address.line_one = sender.street
    seller.address.postcode = sender.postal_code
    seller.address.city_name = sender.city
    seller.address.country_id = _country(sender.country, "sender")
    seller.tax_registrations.add(TaxRegistration(id=("VA", sender.vat_id)))

    buyer = document.trade.agreement.buyer
    buyer.name = sale.recipient_name
    buyer.address.line_one = sale.recipient_lines[1] if len(sale.recipient_lines) > 1 else ""
    buyer.address.country_id = _country(sale.recipient_country or sender.country, "customer")
    if content.customer_vat_id:
        buyer.tax_registrations.add(TaxRegistration(id=("VA", content.customer_vat_id)))

    for number, (line, net) in enumerate(zip(content.lines, totals.line_nets, strict=True), 1):
        item = XmlLine()
        item.document.line_id = str(number)
        item.product.name = line.description
        net_price = line.unit_price.decimal * (HUNDRED - line.discount) / HUNDRED
        item.agreement.net.amount = net_price.quantize(Decimal("0.0001"))
        unit = _UNIT_CODES.get(line.unit.strip().lower(), "C62")
        item.delivery.billed_quantity = (line.quantity, unit)
        item.settlement.trade_tax.type_code = "VAT"
        item.settlement.trade_tax.category_code = _category(line.tax_rate)
        item.settlement.trade_tax.rate_applicable_percent = line.tax_rate
        item.settlement.monetary_summation.total_amount = _amount(net)
        document.trade.items.add(item)

    settlement = document.trade.settlement
    settlement.currency_code = currency
    payment = sale.payment
    if payment is not None:
        settlement.payment_reference = payment.reference
        if payment.iban:
            means = PaymentMeans()
            means.type_code = SEPA_CREDIT_TRANSFER
            means.payee_account.iban = payment.iban
            if payment.bic:
                means.payee_institution.bic = payment.bic
            settlement.payment_means.add(means)
        if payment.due_on is not None:
            terms = PaymentTerms()
            terms.due = payment.due_on
            settlement.terms.add(terms)
    for rate in totals.rates:
        if rate.discount.minor:
            allowance = TradeAllowanceCharge()
            allowance.indicator = False
            allowance.calculation_percent = content.discount
            allowance.basis_amount = _amount(rate.lines_net)
            allowance.actual_amount = _amount(rate.discount)
            allowance.reason = "Discount"
            allowance.trade_tax.add(_category_tax(rate.rate))
            settlement.allowance_charge.add(allowance)
        tax = ApplicableTradeTax()
        tax.calculated_amount = _amount(rate.tax)
        tax.basis_amount = _amount(rate.taxable)
        tax.type_code = "VAT"
        tax.category_code = _category(rate.rate)
        if not rate.rate:
            tax.exemption_reason = "Zero rated"
        tax.rate_applicable_percent = rate.rate
        settlement.trade_tax.add(tax)
    summation = settlement.monetary_summation
    summation.line_total = _amount(totals.subtotal)
    summation.charge_total = _amount(Money(0, currency))
    summation.allowance_total = _amount(totals.discount)
    summation.tax_basis_total = _amount(totals.net)
    summation.tax_total = (_amount(totals.tax), currency)
    summation.grand_total = _amount(totals.total)
    summation.due_amount = _amount(totals.total)
    try:
        xml: bytes = document.serialize(schema="FACTUR-X_EN16931")
    except Exception as error:  # drafthorse reports schema failures as lxml's own errors
        raise ValidationError(f"The e-invoice data is not valid: {error}", "factur_x") from None
    return xml


def _category_tax(rate: Decimal) -> object:
    from drafthorse.models.accounting import CategoryTradeTax

    tax = CategoryTradeTax()
    tax.type_code = "VAT"
    tax.category_code = _category(rate)
    tax.rate_applicable_percent = rate
    return tax


def embed_factur_x(pdf: bytes, sale: PrintedSale) -> bytes:
    """The PDF as PDF/A-3 with the invoice's Factur-X XML attached (``factur-x.xml``)."""
    from facturx import generate_from_binary

    xml = factur_x_xml(sale)
    result: bytes = generate_from_binary(
        pdf, xml, flavor="factur-x", level="en16931", check_xsd=True, lang="en-GB"
    )
    return result
