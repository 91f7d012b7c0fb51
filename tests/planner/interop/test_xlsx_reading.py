"""Excel workbooks: a chosen sheet, numbers and dates read as Excel shows them."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.interop.mapping import propose_mapping
from planner.interop.row_conversion import RowConverter
from planner.interop.source_files import SourceChoice, read_source
from planner.interop.source_table import ImportFileError
from planner.interop.xlsx_reading import sheet_names


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Nothing to import here"])
    leads = book.create_sheet("Leads")
    leads.append(["Name", "Company", "Phone", "PLZ", "Met on", "Value"])
    leads.append(["Zofia Wójcik", "Piekarnia Łódź", 48601234567, 90001, date(2026, 3, 2), 1250.5])
    leads.append(["王小明", "北京烤鸭店", None, None, None, 300.0])
    path = tmp_path / "leads.xlsx"
    book.save(path)
    return path


def test_a_chosen_sheet_reads_as_text_cells(workbook: Path) -> None:
    assert sheet_names(workbook) == ["Notes", "Leads"]
    table, dialect = read_source(workbook, SourceChoice(sheet="Leads"))
    assert dialect is None
    assert table.description == "Excel workbook, sheet 'Leads'"
    first, second = table.rows
    assert first.cells == (
        "Zofia Wójcik",
        "Piekarnia Łódź",
        "48601234567",
        "90001",
        "2026-03-02",
        "1250.5",
    )
    assert (second.number, second.cells[0]) == (3, "王小明")
    (zofia, _wang) = RowConverter(table, propose_mapping(table.headers)).convert_all()
    assert zofia.lead is not None
    assert zofia.lead.fields["postal_code"] == "90001"
    assert zofia.lead.value is not None
    assert zofia.lead.value.as_decimal_string() == "1250.50"


def test_a_missing_sheet_is_named(workbook: Path) -> None:
    with pytest.raises(
        ImportFileError, match="has no sheet 'Kontakte' \\(it has 'Notes', 'Leads'\\)"
    ):
        read_source(workbook, SourceChoice(sheet="Kontakte"))


def test_a_workbook_renamed_csv_still_imports(workbook: Path) -> None:
    renamed = workbook.rename(workbook.with_suffix(".csv"))
    table, _dialect = read_source(renamed, SourceChoice(sheet="Leads"))
    assert len(table.rows) == 2
