"""Proposing the mapping from the header names of common exports and plain sheets."""

from pathlib import Path

import pytest

from planner.interop.csv_reading import read_csv
from planner.interop.mapping import Target, propose_mapping, saved_form
from planner.interop.row_conversion import RowConverter
from tests.planner.interop.sample_files import ANNA, FRENCH, JURGEN, SAMPLES, Sample


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.file_name)
def test_every_export_style_maps_without_touching_the_mapping(
    tmp_path: Path, sample: Sample
) -> None:
    table, _dialect = read_csv(sample.write(tmp_path))
    converted = list(RowConverter(table, propose_mapping(table.headers)).convert_all())
    anna, jurgen = (row.lead for row in converted)
    assert anna is not None
    assert jurgen is not None
    for field, value in ANNA.items():
        assert anna.fields[field] == value, field
    for field, value in JURGEN.items():
        assert jurgen.fields[field] == value, field


def test_french_headers_and_a_cp1252_file(tmp_path: Path) -> None:
    table, _dialect = read_csv(FRENCH.write(tmp_path))
    mapping = propose_mapping(table.headers)
    assert dict(zip(table.headers, mapping.targets(), strict=True)) == {
        "Civilité": Target.NAME_PREFIX,
        "Prénom": Target.FIRST_NAME,
        "Nom": Target.LAST_NAME,
        "Société": Target.COMPANY,
        "Fonction": Target.TITLE,
        "Courriel": Target.EMAIL,
        "Téléphone": Target.PHONE,
        "Adresse": Target.ADDRESS,
        "Code postal": Target.POSTAL_CODE,
        "Ville": Target.CITY,
        "Pays": Target.COUNTRY,
        "Remarques": Target.NOTES,
    }
    (anna, _jurgen) = RowConverter(table, mapping).convert_all()
    assert anna.lead is not None
    assert anna.lead.fields["street"] == "1 rue de la Paix"
    assert anna.lead.fields["notes"] == "Salon à Lyon"


def test_outlook_title_is_a_salutation_beside_its_job_title() -> None:
    mapping = propose_mapping(["Title", "First Name", "Last Name", "Job Title"])
    assert mapping.targets() == (
        Target.NAME_PREFIX,
        Target.FIRST_NAME,
        Target.LAST_NAME,
        Target.TITLE,
    )
    assert propose_mapping(["Name", "Title"]).targets() == (Target.NAME, Target.TITLE)


def test_an_ambiguous_name_header_fills_the_missing_half() -> None:
    assert propose_mapping(["Nombre", "Apellidos"]).targets() == (
        Target.FIRST_NAME,
        Target.LAST_NAME,
    )
    assert propose_mapping(["Vorname", "Name"]).targets() == (
        Target.FIRST_NAME,
        Target.LAST_NAME,
    )
    assert propose_mapping(["Name", "Company"]).targets() == (Target.NAME, Target.COMPANY)


def test_unknown_headers_are_not_imported_and_a_saved_mapping_wins() -> None:
    headers = ["Kundennummer", "Wer", "Mail"]
    proposed = propose_mapping(headers)
    assert proposed.targets() == (Target.IGNORE, Target.IGNORE, Target.EMAIL)
    chosen = proposed.with_target(1, Target.NAME)
    again = propose_mapping(list(reversed(headers)), saved_form(headers, chosen))
    assert again.targets() == (Target.EMAIL, Target.NAME, Target.IGNORE)


def test_first_and_last_name_join_and_a_whole_address_splits() -> None:
    from planner.interop.source_table import SourceFormat, SourceRow, SourceTable

    headers = ("First name", "Last name", "Address")
    table = SourceTable(
        headers,
        (SourceRow(2, ("Νίκος", "Παπαδόπουλος", "Οδός Αιόλου 1\n10551 Αθήνα\nGreece")),),
        SourceFormat.CSV,
    )
    (row,) = RowConverter(table, propose_mapping(headers)).convert_all()
    assert row.lead is not None
    fields = row.lead.fields
    assert fields["name"] == "Νίκος Παπαδόπουλος"
    assert (fields["street"], fields["postal_code"], fields["city"], fields["country"]) == (
        "Οδός Αιόλου 1",
        "10551",
        "Αθήνα",
        "Greece",
    )


def test_a_formatted_address_and_its_separate_parts_are_one_address() -> None:
    from planner.interop.source_table import SourceFormat, SourceRow, SourceTable

    headers = ("Name", "Address 1 - Formatted", "Address 1 - City", "Address 1 - Postal Code")
    table = SourceTable(
        headers,
        (SourceRow(2, ("Anna Nowak", "ul. Długa 5\nKraków", "Kraków", "30-001")),),
        SourceFormat.CSV,
    )

    (row,) = RowConverter(table, propose_mapping(headers)).convert_all()

    assert row.lead is not None
    assert (row.lead.fields["city"], row.lead.fields["postal_code"]) == ("Kraków", "30-001")
