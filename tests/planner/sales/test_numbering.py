"""Number patterns: placeholders, series per year, and patterns that cannot number refused."""

import pytest

from planner.errors import ValidationError
from planner.sales.numbering import DocumentKind, NumberPattern


def test_default_patterns_number_like_the_issue_says() -> None:
    assert DocumentKind.PROPOSAL.default_pattern.number(2026, 7) == "P-2026-0007"
    assert DocumentKind.INVOICE.default_pattern.number(2026, 3) == "INV-2026-0003"
    assert DocumentKind.CONTRACT.default_pattern.number(2027, 12345) == "C-2027-12345"


def test_series_fill_the_year_so_each_year_counts_from_one() -> None:
    pattern = NumberPattern.parse("Q{YY}/{###}".replace("/", "-"))
    assert pattern.series(2026) == "Q26-{###}"
    assert pattern.series(2027) != pattern.series(2026)
    assert pattern.number(2026, 5) == "Q26-005"
    assert NumberPattern.parse("OFFER-{####}").series(2026) == NumberPattern.parse(
        "OFFER-{####}"
    ).series(2031)


@pytest.mark.parametrize(
    "text",
    ["", "P-{YYYY}", "P-{##}-{##}", "P-{MM}-{###}", "P {###}", "P/{###}", "x" * 41 + "{#}"],
)
def test_patterns_without_one_sequence_or_with_unknown_placeholders_are_refused(
    text: str,
) -> None:
    with pytest.raises(ValidationError):
        NumberPattern.parse(text)
