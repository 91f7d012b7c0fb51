"""Turning a row of the file into a lead's values under a mapping, with every problem found.

Each problem names the file's row and column ("Row 14, 'E-mail' (column C): 'anna@' is not an
email address"), so a user can fix the file or skip the row knowingly. Names are joined from
their parts or split out of a whole address; cells neutralised by a formula-safe export
(``'=SUM…``) read back as they were written.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from planner.domain import LEAD_TEXT_FIELDS, Outcome, Temperature
from planner.errors import ValidationError
from planner.interop.address_split import split_address
from planner.interop.mapping import ColumnMapping, Target
from planner.interop.source_table import SourceFormat, SourceRow, SourceTable
from planner.money import Money

EnumT = TypeVar("EnumT", Temperature, Outcome)

MAX_CELL_CHARACTERS = 65_536
"""The longest cell imported; a longer one is a damaged file or a pasted document."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may run as a formula; exports put an apostrophe before them."""

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_TAG_SEPARATORS = re.compile(r"\s*(?::::|[,;])\s*")

_SINGLE_TEXT = {
    Target.COMPANY: "company",
    Target.TITLE: "title",
    Target.EMAIL: "email",
    Target.PHONE: "phone",
    Target.SOURCE: "source",
    Target.LOST_REASON: "lost_reason",
}
"""Targets that take the first non-empty of their columns (Outlook's three phones: the first)."""


PREVIEW_FIELDS: dict[str, str] = {
    "name": "Name",
    "company": "Company",
    "title": "Job title",
    "email": "Email",
    "phone": "Phone",
    "street": "Street",
    "postal_code": "Postal code",
    "city": "City",
    "region": "Region",
    "country": "Country",
    "temperature": "Temperature",
    "outcome": "Outcome",
    "lost_reason": "Lost reason",
    "value": "Deal value",
    "source": "Source",
    "tags": "Tags",
    "notes": "Notes",
}
"""The fields a preview shows, in order, with their headings."""

FIELD_OF_TARGET: dict[Target, str] = {
    Target.NAME: "name",
    Target.FIRST_NAME: "name",
    Target.MIDDLE_NAME: "name",
    Target.LAST_NAME: "name",
    Target.COMPANY: "company",
    Target.TITLE: "title",
    Target.EMAIL: "email",
    Target.PHONE: "phone",
    Target.ADDRESS: "street",
    Target.STREET: "street",
    Target.HOUSE_NUMBER: "street",
    Target.CITY: "city",
    Target.REGION: "region",
    Target.POSTAL_CODE: "postal_code",
    Target.COUNTRY: "country",
    Target.NOTES: "notes",
    Target.SOURCE: "source",
    Target.TAGS: "tags",
    Target.TEMPERATURE: "temperature",
    Target.OUTCOME: "outcome",
    Target.LOST_REASON: "lost_reason",
    Target.VALUE: "value",
    Target.CURRENCY: "value",
}
"""The preview field each target fills, so a problem in a file's column marks its field."""


@dataclass(frozen=True)
class CellProblem:
    """Why one row cannot be imported as it is; ``column`` is ``None`` for the whole row."""

    row: int
    column: int | None
    message: str

    def located(self, table: SourceTable) -> str:
        """``Row 14, 'Email' (column C): …`` for messages and reports; for vCards
        ``Card on line 14, 'Email': …``."""
        if table.format is SourceFormat.VCARD:
            where = f"Card on line {self.row}"
            if self.column is not None:
                where += f", '{table.headers[self.column]}'"
        else:
            where = f"Row {self.row}"
            if self.column is not None:
                where += f", {table.column_letter(self.column)}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ImportedLead:
    """A lead's values as the file gives them; ``None`` where the file says nothing."""

    fields: dict[str, str]
    temperature: Temperature | None = None
    outcome: Outcome | None = None
    value: Money | None = None
    tags: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The lead's name."""
        return self.fields["name"]


@dataclass(frozen=True)
class ConvertedRow:
    """One row of the file: its lead when it is valid, its problems either way."""

    number: int
    lead: ImportedLead | None
    problems: tuple[CellProblem, ...] = field(default=())
    shown: Mapping[str, str] = field(default_factory=dict)
    """The row as it will be imported, by ``PREVIEW_FIELDS`` name, valid or not (a preview)."""

    @property
    def is_valid(self) -> bool:
        """True when the row can be imported."""
        return not self.problems


class RowConverter:
    """Converts the rows of one table under one mapping; the default currency applies to
    amounts whose row names none."""

    def __init__(
        self, table: SourceTable, mapping: ColumnMapping, default_currency: str = "EUR"
    ) -> None:
        self._table = table
        self._mapping = mapping
        self._currency = default_currency
        self._by_target: dict[Target, list[int]] = {}
        for index, column in enumerate(mapping.columns):
            self._by_target.setdefault(column.target, []).append(index)
        self._address_columns: dict[str, list[tuple[int, Target]]] = {}
        for index, column in enumerate(mapping.columns):
            if column.target.is_address_part:
                self._address_columns.setdefault(column.group, []).append((index, column.target))
        self._groups = list(self._address_columns)

    def convert_all(self) -> Iterable[ConvertedRow]:
        """Every row of the table, converted, in file order."""
        for row in self._table.rows:
            yield self.convert(row)

    def convert(self, row: SourceRow) -> ConvertedRow:
        """One row's lead and problems."""
        problems: list[CellProblem] = []
        cells = [self._cell(row, index, problems) for index in range(len(row.cells))]
        if row.extra_cells:
            problems.append(
                CellProblem(
                    row.number,
                    None,
                    f"the row has {len(row.cells) + row.extra_cells} cells, the header "
                    f"{len(row.cells)}: a separator or quote is probably out of place",
                )
            )
        fields = dict.fromkeys((*LEAD_TEXT_FIELDS, "lost_reason"), "")
        for target, name in _SINGLE_TEXT.items():
            fields[name] = self._first(target, cells)
        fields["notes"] = "\n\n".join(self._all(Target.NOTES, cells))
        fields["name"] = self._name(cells)
        fields.update(self._address(cells))
        if not fields["name"]:
            fields["name"] = fields["company"]
        if not fields["name"]:
            problems.append(CellProblem(row.number, None, "the row has no name or company"))
        email = fields["email"]
        if email and not _EMAIL.fullmatch(email):
            problems.append(
                CellProblem(row.number, self._column_of(Target.EMAIL, cells), _not_email(email))
            )
        temperature = self._enum(Temperature, Target.TEMPERATURE, cells, row.number, problems)
        outcome = self._enum(Outcome, Target.OUTCOME, cells, row.number, problems)
        value = self._value(cells, row.number, problems)
        tags = tuple(
            dict.fromkeys(
                tag
                for text in self._all(Target.TAGS, cells)
                for tag in _TAG_SEPARATORS.split(text)
                if tag and not tag.startswith("* ")
            )
        )
        shown = {
            **fields,
            "temperature": self._first(Target.TEMPERATURE, cells),
            "outcome": self._first(Target.OUTCOME, cells),
            "value": " ".join(
                text
                for text in (self._first(Target.VALUE, cells), self._first(Target.CURRENCY, cells))
                if text
            ),
            "tags": ", ".join(tags),
        }
        if problems:
            return ConvertedRow(row.number, None, tuple(problems), shown)
        lead = ImportedLead(fields, temperature, outcome, value, tags)
        return ConvertedRow(row.number, lead, shown=shown)

    def _cell(self, row: SourceRow, index: int, problems: list[CellProblem]) -> str:
        text = row.cells[index]
        if self._mapping.columns[index].target is Target.IGNORE:
            return ""
        if len(text) > MAX_CELL_CHARACTERS:
            problems.append(
                CellProblem(
                    row.number,
                    index,
                    f"the cell holds {len(text):,} characters, more than the "
                    f"{MAX_CELL_CHARACTERS:,} a cell may have",
                )
            )
            return ""
        if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
            text = text[1:]
        return text.replace("\r\n", "\n").strip()

    def _first(self, target: Target, cells: list[str]) -> str:
        for index in self._by_target.get(target, ()):
            if cells[index]:
                return cells[index]
        return ""

    def _all(self, target: Target, cells: list[str]) -> list[str]:
        indexes = self._by_target.get(target)
        return [cells[index] for index in indexes if cells[index]] if indexes else []

    def _column_of(self, target: Target, cells: list[str]) -> int | None:
        return next((i for i in self._by_target.get(target, ()) if cells[i]), None)

    def _name(self, cells: list[str]) -> str:
        whole = self._first(Target.NAME, cells)
        if whole:
            return whole
        parts = (Target.FIRST_NAME, Target.MIDDLE_NAME, Target.LAST_NAME)
        return " ".join(part for part in (self._first(target, cells) for target in parts) if part)

    def _address(self, cells: list[str]) -> dict[str, str]:
        """The address parts of the first address group that has any, never mixed."""
        for group in self._groups:
            parts: dict[Target, list[str]] = {}
            for index, target in self._address_columns[group]:
                if cells[index]:
                    parts.setdefault(target, []).append(cells[index])
            if not parts:
                continue
            whole = (
                split_address("\n".join(parts[Target.ADDRESS])).as_fields()
                if Target.ADDRESS in parts
                else dict.fromkeys(("street", "city", "region", "postal_code", "country"), "")
            )
            street = ", ".join(parts.get(Target.STREET, [])) or whole["street"]
            number = " ".join(parts.get(Target.HOUSE_NUMBER, []))
            separate = {
                "street": f"{street} {number}".strip(),
                "city": (parts.get(Target.CITY) or [""])[0],
                "region": (parts.get(Target.REGION) or [""])[0],
                "postal_code": (parts.get(Target.POSTAL_CODE) or [""])[0],
                "country": (parts.get(Target.COUNTRY) or [""])[0],
            }
            return {name: value or whole[name] for name, value in separate.items()}
        return {}

    def _enum(
        self,
        kind: type[EnumT],
        target: Target,
        cells: list[str],
        number: int,
        problems: list[CellProblem],
    ) -> EnumT | None:
        text = self._first(target, cells)
        if not text:
            return None
        try:
            return kind(text.casefold())
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            problems.append(
                CellProblem(
                    number,
                    self._column_of(target, cells),
                    f"'{text}' is not one of {allowed}",
                )
            )
            return None

    def _value(self, cells: list[str], number: int, problems: list[CellProblem]) -> Money | None:
        text = self._first(Target.VALUE, cells)
        currency = self._first(Target.CURRENCY, cells) or self._currency
        if not text:
            return None
        amount = text.replace("\u00a0", "").replace(" ", "")
        if "," in amount and "." not in amount:
            amount = amount.replace(",", ".")
        try:
            return Money.parse(amount, currency)
        except ValidationError as error:
            column = (
                self._column_of(Target.CURRENCY, cells)
                if error.field == "currency"
                else self._column_of(Target.VALUE, cells)
            )
            problems.append(CellProblem(number, column, str(error)))
            return None


def _not_email(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return f"'{shown}' is not an email address"
