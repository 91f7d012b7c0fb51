"""The EPC payment QR code ("GiroCode") that banking apps scan to fill in a SEPA transfer.

The payload follows EPC069-12 version 002: twelve lines at most, separated by LF, in this order —
service tag ``BCD``, version ``002``, character set (``1`` = UTF-8), identification ``SCT``, the
BIC (optional in the EEA), the beneficiary's name (≤ 70 characters), the IBAN, the amount as
``EUR`` and at most two decimals (0.01 to 999,999,999.99), a purpose code (empty), a structured
reference (empty here) and the unstructured remittance text (≤ 140 characters). The symbol uses
error correction level M and at most version 13; the payload is at most 331 bytes.
"""

from dataclasses import dataclass
from decimal import Decimal

from planner.errors import ValidationError
from planner.money import Money

EPC_CURRENCY = "EUR"
_MAX_AMOUNT = Decimal("999999999.99")
_MAX_PAYLOAD_BYTES = 331


@dataclass(frozen=True)
class EpcPayment:
    """A credit transfer to ask for: who is paid, into which account, how much and what for."""

    name: str
    iban: str
    amount: Money
    remittance: str
    bic: str = ""

    def payload(self) -> str:
        """The EPC069-12 text the QR code carries; ValidationError when a transfer cannot be
        asked for this way (not euros, an amount out of range, missing name or IBAN)."""
        if self.amount.currency != EPC_CURRENCY:
            raise ValidationError("A payment QR code is for amounts in euros only", "currency")
        amount = self.amount.decimal
        if not Decimal("0.01") <= amount <= _MAX_AMOUNT:
            raise ValidationError(
                "A payment QR code takes amounts from 0.01 to 999,999,999.99", "amount"
            )
        name = " ".join(self.name.split())[:70]
        if not name or not self.iban:
            raise ValidationError(
                "A payment QR code needs the business name and an IBAN "
                "(planner settings set iban ...)",
                "iban",
            )
        lines = [
            "BCD",
            "002",
            "1",
            "SCT",
            self.bic,
            name,
            self.iban.replace(" ", ""),
            f"{EPC_CURRENCY}{amount:.2f}",
            "",
            "",
            " ".join(self.remittance.split())[:140],
        ]
        payload = "\n".join(lines)
        if len(payload.encode("utf-8")) > _MAX_PAYLOAD_BYTES:
            raise ValidationError("The payment details are too long for a payment QR code")
        return payload


def epc_qr_matrix(payment: EpcPayment) -> list[list[bool]]:
    """The QR symbol's modules, row by row (``True`` is dark), quiet zone excluded.

    Made with ``segno`` at error level M without boosting, as EPC069-12 asks.
    """
    import segno

    code = segno.make_qr(payment.payload().encode("utf-8"), error="M", boost_error=False)
    if int(code.version) > 13:
        raise ValidationError("The payment details are too long for a payment QR code")
    return [[bool(module) for module in row] for row in code.matrix]
