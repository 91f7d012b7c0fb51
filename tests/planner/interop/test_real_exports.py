"""Cells as real exports write them: Google's several values in one cell, a German amount,
an address whose country is written in its own language."""

from planner.interop.address_split import split_address
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


def test_a_whole_address_splits_with_its_country_in_any_language_and_long_postal_codes() -> None:
    cases = {
        "ul. Kwiatowa 3, 31-000 Kraków, Polska": ("ul. Kwiatowa 3", "31-000", "Kraków", "Polska"),
        "Hauptstr. 7\n80331 München\nDeutschland": (
            "Hauptstr. 7",
            "80331",
            "München",
            "Deutschland",
        ),
        "10 High St, Oxford OX1 1AA, UK": ("10 High St", "OX1 1AA", "Oxford", "UK"),
        "1 Market St, San Francisco, CA 94105, USA": (
            "1 Market St",
            "94105",
            "San Francisco",
            "USA",
        ),
        "Тверская 1, 125009 Москва": ("Тверская 1", "125009", "Москва", ""),
        "12 MG Road\n560001 Bengaluru\nIndia": ("12 MG Road", "560001", "Bengaluru", "India"),
    }
    for text, (street, postal_code, city, country) in cases.items():
        parts = split_address(text)
        assert (parts.street, parts.postal_code, parts.city, parts.country) == (
            street,
            postal_code,
            city,
            country,
        ), text


def test_google_file_as_does_not_replace_the_first_and_last_name() -> None:
    headers = ("First Name", "Last Name", "File As", "Organization Name")
    fields = _convert(headers, ("Anna", "Kowalska", "Kowalska, Anna", "Piekarnia"))
    assert fields["name"] == "Anna Kowalska"
    assert _convert(("File As", "E-mail 1 - Value"), ("Ania", "a@x.example"))["name"] == "Ania"


def test_a_german_outlook_export_maps_its_business_address_phone_and_categories() -> None:
    headers = (
        "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Firma", "Position",
        "Straße geschäftlich", "Straße geschäftlich 2", "Ort geschäftlich",
        "Region geschäftlich", "Postleitzahl geschäftlich", "Land/Region geschäftlich",
        "Straße privat", "Ort privat", "Postleitzahl privat", "Land/Region privat",
        "Telefon geschäftlich", "Telefon privat", "Mobiltelefon", "E-Mail-Adresse",
        "E-Mail 2: Adresse", "Kategorien",
    )  # fmt: skip
    cells = (
        "Herr", "Jürgen", "Karl", "Weiß", "Bäckerei Weiß GmbH", "Geschäftsführer",
        "Hauptstraße 7", "", "München", "Bayern", "80331", "Deutschland",
        "Lindenweg 1", "Augsburg", "86150", "Deutschland",
        "089 123456", "0821 555", "0171 1234567", "juergen@baeckerei-weiss.de", "", "Kunden",
    )  # fmt: skip
    table = SourceTable(headers, (SourceRow(2, cells),), SourceFormat.CSV)
    (row,) = RowConverter(table, propose_mapping(headers)).convert_all()
    assert row.lead is not None, row.problems
    fields = row.lead.fields
    assert fields["name"] == "Jürgen Karl Weiß"
    assert (fields["street"], fields["postal_code"], fields["city"]) == (
        "Hauptstraße 7",
        "80331",
        "München",
    )
    assert (fields["region"], fields["country"]) == ("Bayern", "Deutschland")
    assert fields["phone"] == "089 123456"
    assert row.lead.tags == ("Kunden",)
