"""The EPC payment QR code's payload follows EPC069-12; IBAN, BIC and VAT numbers are checked."""

import pytest

from planner.errors import ValidationError
from planner.money import Money
from planner.sales.banking import checked_bic, checked_iban, checked_vat_id, formatted_iban
from planner.sales.epc import EpcPayment, epc_qr_matrix

IBAN = "DE89370400440532013000"


def _payment(**changes: object) -> EpcPayment:
    values: dict[str, object] = {
        "name": "Harbour Light Bookkeeping",
        "iban": IBAN,
        "amount": Money(123450, "EUR"),
        "remittance": "Invoice INV-2026-0001",
        "bic": "COBADEFFXXX",
    }
    values.update(changes)
    return EpcPayment(**values)  # type: ignore[arg-type]


def test_payload_lines_are_in_the_order_epc069_12_prescribes() -> None:
    lines = _payment().payload().split("\n")
    assert lines == [
        "BCD",  # service tag
        "002",  # version
        "1",  # character set: UTF-8
        "SCT",  # SEPA credit transfer
        "COBADEFFXXX",
        "Harbour Light Bookkeeping",
        IBAN,
        "EUR1234.50",
        "",  # purpose
        "",  # structured reference
        "Invoice INV-2026-0001",
    ]
    assert len(_payment().payload().encode("utf-8")) <= 331


def test_payload_shortens_name_and_text_to_their_limits_and_allows_no_bic() -> None:
    lines = _payment(name="Łódź " * 20, bic="").payload().split("\n")
    assert lines[4] == ""
    assert len(lines[5]) == 70
    assert lines[5].startswith("Łódź Łódź")
    text = _payment(remittance="word " * 40).payload().split("\n")[10]
    assert len(text) == 140


@pytest.mark.parametrize(
    "changes",
    [
        {"amount": Money(100, "USD")},
        {"amount": Money(0, "EUR")},
        {"amount": Money(100000000000, "EUR")},
        {"iban": ""},
        {"name": "  "},
    ],
)
def test_transfers_a_payment_code_cannot_ask_for_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        _payment(**changes).payload()


def test_the_symbol_is_a_qr_code_of_at_most_version_13() -> None:
    matrix = epc_qr_matrix(_payment())
    size = len(matrix)
    assert size == len(matrix[0])
    assert 21 <= size <= 17 + 4 * 13
    assert any(any(row) for row in matrix)


def test_iban_bic_and_vat_numbers_are_checked() -> None:
    assert checked_iban("de89 3704 0044 0532 0130 00") == IBAN
    assert formatted_iban(IBAN) == "DE89 3704 0044 0532 0130 00"
    assert checked_bic("cobadeffxxx") == "COBADEFFXXX"
    assert checked_vat_id("de 123 456 789") == "DE123456789"
    assert checked_iban("") == ""
    for check, bad in (
        (checked_iban, "DE89 3704 0044 0532 0130 01"),
        (checked_iban, "not an iban"),
        (checked_bic, "XYZ"),
        (checked_vat_id, "123456789"),
    ):
        with pytest.raises(ValidationError):
            check(bad)
