"""Bank details of the sender, checked with ``schwifty`` (IBAN check digits, country lengths and
the bank registry for BICs), so an invoice never asks to be paid into a mistyped account."""

from planner.errors import ValidationError


def checked_iban(text: str, field: str = "iban") -> str:
    """The IBAN in its compact form (``DE89370400440532013000``); empty stays empty.

    ValidationError with schwifty's reason (wrong check digits, wrong length for the country).
    """
    if not text.strip():
        return ""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        return str(IBAN(text).compact)
    except SchwiftyException as error:
        raise ValidationError(f"'{text.strip()}' is not a valid IBAN: {error}", field) from None


def checked_bic(text: str, field: str = "bic") -> str:
    """The BIC in capitals (``COBADEFFXXX``); empty stays empty. ValidationError otherwise."""
    if not text.strip():
        return ""
    from schwifty import BIC
    from schwifty.exceptions import SchwiftyException

    try:
        return str(BIC(text.strip().upper(), allow_invalid=False).compact)
    except SchwiftyException as error:
        raise ValidationError(f"'{text.strip()}' is not a valid BIC: {error}", field) from None


def formatted_iban(iban: str) -> str:
    """``DE89 3704 0044 0532 0130 00``: the IBAN in groups of four, as printed on invoices."""
    compact = iban.replace(" ", "")
    return " ".join(compact[index : index + 4] for index in range(0, len(compact), 4))


def checked_vat_id(text: str, field: str = "vat_id") -> str:
    """A VAT identifier (``DE123456789``): two letters of a country, then 2 to 13 letters or
    digits. Only the shape is checked; the tax office's registry is online, the planner not."""
    compact = "".join(text.split()).upper()
    if not compact:
        return ""
    if not (
        compact[:2].isalpha()
        and compact.isascii()
        and compact.isalnum()
        and 4 <= len(compact) <= 15
    ):
        raise ValidationError(
            f"'{text.strip()}' is not a VAT number (two country letters, then digits: DE123456789)",
            field,
        )
    return compact
