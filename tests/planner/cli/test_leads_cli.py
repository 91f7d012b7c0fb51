"""``planner lead …`` and ``planner demo`` on real files, through the real entry point."""

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain import Column
from planner.workspace import Workspace
from tests.conftest import dump_database


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


def test_add_prints_the_id_and_list_json_shows_the_fields(
    database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run(
        database_path,
        "lead",
        "add",
        "Zofia Wójcik",
        "--company",
        "Piekarnia Łódź",
        "--city",
        "Łódź",
        "--postal-code",
        "90-001",
        "--temperature",
        "warm",
        "--value",
        "1250.00",
        "--currency",
        "PLN",
    )
    assert status == 0
    lead_id = int(capsys.readouterr().out.strip())
    assert run(database_path, "lead", "list", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["id"] == lead_id
    assert listed["name"] == "Zofia Wójcik"
    assert listed["postal_code"] == "90-001"
    assert (listed["temperature"], listed["outcome"]) == ("warm", "open")
    assert (listed["value"], listed["currency"], listed["position"]) == ("1250.00", "PLN", 0)


def test_move_edit_show_and_delete(database_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(database_path, "lead", "add", "Acme Bakery")
    run(database_path, "lead", "add", "Becker Joinery", "--temperature", "hot")
    capsys.readouterr()
    assert run(database_path, "lead", "move", "1", "hot", "--position", "0") == 0
    assert run(database_path, "lead", "edit", "1", "--notes", "Call on Tuesday") == 0
    assert run(database_path, "lead", "show", "1", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["temperature"], shown["position"], shown["notes"]) == (
        "hot",
        0,
        "Call on Tuesday",
    )
    assert run(database_path, "lead", "move", "2", "lost", "--reason", "No budget") == 0
    assert run(database_path, "lead", "list", "--outcome", "lost", "--json") == 0
    (lost,) = json.loads(capsys.readouterr().out)
    assert lost["lost_reason"] == "No budget"
    assert run(database_path, "lead", "delete", "1") == 0
    assert run(database_path, "lead", "list", "--json") == 0
    assert [lead["name"] for lead in json.loads(capsys.readouterr().out)] == ["Becker Joinery"]


def test_search_filters_the_list(database_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(database_path, "demo")
    capsys.readouterr()
    run(database_path, "lead", "list", "--search", "łódź", "--json")
    found = json.loads(capsys.readouterr().out)
    assert found
    assert all("Łódź" in lead["city"] or "Łódź" in lead["company"] for lead in found)


@pytest.mark.parametrize(
    "arguments",
    [
        ("lead", "show", "99"),
        ("lead", "move", "99", "hot"),
        ("lead", "add", "  "),
        ("lead", "add", "Ann", "--value", "twelve"),
        ("lead", "add", "Ann", "--value", "12.345"),
        ("lead", "add", "Ann", "--value", "10", "--currency", "euro"),
        ("lead", "move", "1", "sideways"),
        ("lead", "edit", "1", "--email", "nobody"),
        ("lead", "edit", "1", "--reason", "too dear"),
        ("lead", "move", "1", "hot", "--reason", "too dear"),
        ("lead", "add", "Ann", "--value", "1e5"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    database_path: Path, capsys: pytest.CaptureFixture[str], arguments: tuple[str, ...]
) -> None:
    run(database_path, "lead", "add", "Existing")
    capsys.readouterr()
    workspace = Workspace.open(database_path)
    before = dump_database(workspace)
    workspace.close()
    try:
        status = run(database_path, *arguments)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    error = capsys.readouterr().err.strip()
    assert status == 2
    assert error
    assert "Traceback" not in error
    assert len(error.splitlines()) <= 2
    workspace = Workspace.open(database_path)
    assert dump_database(workspace) == before
    workspace.close()


def test_demo_fills_every_column(database_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database_path, "demo") == 0
    capsys.readouterr()
    run(database_path, "lead", "list", "--json")
    columns = {lead["column"] for lead in json.loads(capsys.readouterr().out)}
    assert columns == {"cold", "warm", "hot", "won", "lost"}


def test_refuses_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear customer")
    assert run(path, "lead", "list") == 2
    assert "not a planner database" in capsys.readouterr().err
    assert path.read_text() == "Dear customer"


def test_move_below_names_the_lead_it_lands_under(database_path: Path) -> None:
    for name in ("Alpha", "Bravo", "Charlie"):
        assert run(database_path, "lead", "add", name) == 0
    assert run(database_path, "lead", "move", "1", "cold", "--below", "2") == 0
    workspace = Workspace.open(database_path)
    try:
        names = [card.name for card in workspace.leads.cards(Column.COLD)]
    finally:
        workspace.close()
    assert names == ["Bravo", "Alpha", "Charlie"]
