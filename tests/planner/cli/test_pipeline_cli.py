"""``planner pipeline``: rates, probabilities and stale limits, and each column's worth."""

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.workspace import Workspace
from tests.conftest import dump_database


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


@pytest.fixture
def board(database_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Hot holds 1,000 EUR and 200 USD; Warm 500 PLN; the home currency is EUR."""
    run(database_path, "settings", "set", "currency", "EUR")
    for name, value, currency, temperature in (
        ("Acme Bakery", "1000.00", "EUR", "hot"),
        ("Becker Joinery", "200.00", "USD", "hot"),
        ("Cedar Catering", "500.00", "PLN", "warm"),
    ):
        run(
            database_path,
            "lead",
            "add",
            name,
            "--value",
            value,
            "--currency",
            currency,
            "--temperature",
            temperature,
        )
    capsys.readouterr()
    return database_path


def _show(database: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert run(database, "pipeline", "show", "--json") == 0
    shown: dict[str, object] = json.loads(capsys.readouterr().out)
    return shown


def test_show_converts_what_has_a_rate_and_counts_the_rest(
    board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(board, "pipeline", "rate", "usd", "0.9") == 0
    assert capsys.readouterr().out.strip() == "1 USD = 0.9"
    shown = _show(board, capsys)
    columns = shown["columns"]
    assert isinstance(columns, dict)
    assert shown["rates"] == {"USD": "0.9"}
    assert columns["hot"]["total"] == {"amount": "1180.00", "currency": "EUR"}
    assert columns["hot"]["weighted"] == {"amount": "708.00", "currency": "EUR"}
    assert columns["warm"]["unconverted_leads"] == 1
    assert columns["warm"]["total"] == {"amount": "0.00", "currency": "EUR"}
    assert run(board, "pipeline", "show") == 0
    text = capsys.readouterr().out
    assert "1 USD = 0.9 EUR" in text
    assert "Warm       1 leads  0.00 EUR + 1 in other currencies" in text


def test_probability_and_stale_limits_are_kept(
    board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(board, "pipeline", "probability", "warm", "30") == 0
    assert run(board, "pipeline", "stale", "HOT", "5") == 0
    columns = _show(board, capsys)["columns"]
    assert isinstance(columns, dict)
    assert (columns["warm"]["probability"], columns["hot"]["stale_after_days"]) == ("0.3", 5)


def test_a_rate_can_be_cleared(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(board, "pipeline", "rate", "USD", "0.9")
    assert run(board, "pipeline", "rate", "USD", "--clear") == 0
    assert _show(board, capsys)["rates"] == {}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("rate", "PLN", "cheap"), "'cheap' is not a rate like 0.92"),
        (("rate", "PLN", "-1"), "The rate of PLN must be above zero"),
        (("rate", "PLN"), "Give the rate of PLN"),
        (("rate", "PLN", "--clear"), "There is no rate for PLN to clear"),
        (("probability", "hot", "120"), "between 0 % and 100 %"),
        (("probability", "won", "50"), "'won' is not one of cold, warm, hot"),
        (("stale", "cold", "0"), "1 to 3650 days"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    board: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: tuple[str, ...],
    message: str,
) -> None:
    workspace = Workspace.open(board)
    before = dump_database(workspace)
    workspace.close()
    try:
        status = run(board, "pipeline", *arguments)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    assert status == 2
    assert message in capsys.readouterr().err
    workspace = Workspace.open(board)
    assert dump_database(workspace) == before
    workspace.close()
