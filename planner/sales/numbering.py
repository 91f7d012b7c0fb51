"""Document numbers from patterns such as ``P-{YYYY}-{####}``: sequential and never reused.

A pattern is plain text with three placeholders: ``{YYYY}`` (the year), ``{YY}`` (its last two
digits) and ``{#…#}`` (the sequence, padded to as many digits as there are ``#``). The sequence
counts per document kind and per *series*: the pattern with the year filled in, so a pattern
with a year starts again at 1 each January and a changed pattern starts a series of its own.
Which numbers were taken is the store's business (``planner.store.numbering``).
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from planner.errors import ValidationError

_PLACEHOLDER = re.compile(r"\{(YYYY|YY|#+)\}")
_SEQUENCE = re.compile(r"\{#+\}")
_MAX_PATTERN = 40


class DocumentKind(StrEnum):
    """The documents of a sale, in the order it produces them."""

    PROPOSAL = "proposal"
    INVOICE = "invoice"
    CONTRACT = "contract"

    @property
    def label(self) -> str:
        """``Proposal``: the name a user sees."""
        return self.value.capitalize()

    @property
    def default_pattern(self) -> "NumberPattern":
        """``P-{YYYY}-{####}``, ``INV-{YYYY}-{####}``, ``C-{YYYY}-{####}``."""
        prefix = {"proposal": "P", "invoice": "INV", "contract": "C"}[self.value]
        return NumberPattern(f"{prefix}-{{YYYY}}-{{####}}")


@dataclass(frozen=True)
class NumberPattern:
    """A checked numbering pattern; ``NumberPattern.parse`` refuses what cannot number."""

    text: str

    @classmethod
    def parse(cls, text: str, field: str = "pattern") -> "NumberPattern":
        """The pattern when it has exactly one sequence placeholder and only known ones."""
        cleaned = text.strip()
        if not cleaned or len(cleaned) > _MAX_PATTERN:
            raise ValidationError(
                f"A number pattern has 1 to {_MAX_PATTERN} characters, like P-{{YYYY}}-{{####}}",
                field,
            )
        if len(_SEQUENCE.findall(cleaned)) != 1:
            raise ValidationError(
                f"'{text}' needs exactly one sequence placeholder such as {{####}}", field
            )
        leftover = _PLACEHOLDER.sub("", cleaned)
        if "{" in leftover or "}" in leftover:
            raise ValidationError(
                f"'{text}' has an unknown placeholder (known: {{YYYY}}, {{YY}}, {{####}})", field
            )
        if any(char.isspace() or char in "/\\" for char in leftover):
            raise ValidationError(f"'{text}' may not contain spaces or slashes", field)
        return cls(cleaned)

    def series(self, year: int) -> str:
        """The pattern with the year filled in: numbers of one series share one sequence."""
        return _PLACEHOLDER.sub(
            lambda match: _year_part(match.group(1), year) or match.group(0), self.text
        )

    def number(self, year: int, sequence: int) -> str:
        """``P-2026-0007`` for year 2026 and sequence 7."""
        return _SEQUENCE.sub(
            lambda match: str(sequence).zfill(len(match.group(0)) - 2), self.series(year)
        )


def _year_part(placeholder: str, year: int) -> str:
    if placeholder == "YYYY":
        return f"{year:04d}"
    if placeholder == "YY":
        return f"{year % 100:02d}"
    return ""
