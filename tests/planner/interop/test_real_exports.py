"""Cells as real exports write them: Google's several values in one cell, a German amount,
an address whose country is written in its own language."""

from planner.interop.mapping import propose_mapping
from planner.interop.row_conversion import RowConverter
from planner.interop.source_table import SourceFormat, SourceRow, SourceTable


def _convert(headers: tuple[str, ...], cells: tuple[str, ...]) -> dict[str, str]:
    table = SourceTable(headers, (SourceRow(2, cells),), SourceFormat.CSV)
    (row,) = RowConverter(table, propose_mapping(headers)).convert_all()
    assert row.lead is not None, row.problems
    return row.lead.fields


def test_google_keeps_the_first_of_several_values_in_one_cell() -> None:
    fields = _convert(
        ("First Name", "Last Name", "E-mail 1 - Value", "Phone 1 - Value"),
        ("Anna", "Kowalska", "anna@piekarnia.pl ::: anna.k@gmail.com", "+48 601 234 567 ::: 22 1"),
    )
    assert fields["email"] == "anna@piekarnia.pl"
    assert fields["phone"] == "+48 601 234 567"


def test_amounts_written_the_german_or_the_english_way() -> None:
    headers = ("Firma", "Wert")
    amounts = {
        "1.250,50": 125050,
        "1,250.50": 125050,
        "12,5": 1250,
        "1.250.000": 125000000,
        "1'250.50": 125050,
    }
    for written, expected in amounts.items():
        table = SourceTable(headers, (SourceRow(2, ("Acme", written)),), SourceFormat.CSV)
        (row,) = RowConverter(table, propose_mapping(headers)).convert_all()
        assert row.lead is not None, (written, row.problems)
        assert row.lead.value is not None
        assert row.lead.value.minor == expected, written
