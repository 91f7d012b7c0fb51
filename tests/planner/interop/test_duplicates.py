"""Telling duplicates apart: emails without case, phones however written, near-same names at
near-same companies."""

import phonenumbers
import pytest

from planner.interop.duplicates import (
    Contact,
    DuplicateFinder,
    MatchReason,
    normalized_name,
)


@pytest.mark.parametrize(
    "text",
    [
        "+48 601 234 567",
        "+49 (0)30 1234567",
        "+49 030 1234567",
        "+1 (415) 555-0100",
        "+39 06 1234 5678",
        "+86-10-1234-5678",
        "+352 12 34 56",
        "601 234 567",
        "0048 601 234 567",
    ],
)
def test_phones_read_as_phonenumbers_reads_them(text: str) -> None:
    parsed = phonenumbers.parse(text, "PL")
    expected = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    assert DuplicateFinder("PL").normalized_phone(text) == expected


def test_the_same_number_written_two_ways_in_poland() -> None:
    finder = DuplicateFinder("PL")
    finder.add(Contact("Anna", phone="+48 601 234 567", lead_id=1))
    match = finder.find(Contact("Someone", phone="601234567"))
    assert match is not None
    assert match.reason is MatchReason.PHONE
    assert match.other.lead_id == 1
    assert DuplicateFinder("DE").find(Contact("Someone", phone="601234567")) is None


def test_legal_forms_and_case_do_not_make_another_company() -> None:
    assert normalized_name("ACME Bakery Ltd.") == normalized_name("Acme Bakery") == "acme bakery"
    assert normalized_name("Piekarnia Łódź sp. z o.o.") == "piekarnia lodz"
    finder = DuplicateFinder()
    finder.add(Contact("Jan Kowalski", "Kowalski Bau GmbH", lead_id=4))
    near = finder.find(Contact("Jan Kowalsky", "Kowalski-Bau"))
    assert near is not None
    assert near.reason is MatchReason.NAME_AND_COMPANY
    assert finder.find(Contact("Jan Kowalski", "Nowak Transport")) is None


def test_without_a_company_only_the_same_name_counts() -> None:
    finder = DuplicateFinder()
    finder.add(Contact("John Smith", lead_id=1))
    assert finder.find(Contact("john  SMITH")) is not None
    assert finder.find(Contact("John Smyth")) is None
