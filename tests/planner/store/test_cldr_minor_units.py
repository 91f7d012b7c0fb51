"""m005: amounts stored with the old hand list of minor digits are rescaled to CLDR's."""

from pathlib import Path

from babel.numbers import get_currency_precision, list_currencies
from sqlite_utils import Database

from planner.money import Money
from planner.store.database import open_database
from planner.store.migrations import _MINOR_DIGITS_FIXED_BY_CLDR, MIGRATIONS
from planner.store.text_search import register_text_functions
from planner.workspace import Workspace

_OLD_ZERO_DIGIT_CURRENCIES = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX"})
"""The hand list money.py had before m005: these had no minor unit, every other code two."""

_LEAD_VALUES = [
    ("TWD", 1250, 125000),
    ("KWD", 125050, 1250500),
    ("BHD", 99, 990),
    ("JOD", 0, 0),
    ("XOF", 125000, 1250),
    ("PYG", 125050, 1250),
    ("PYG", 125150, 1252),
    ("XOF", 49, 0),
    ("EUR", 125000, 125000),
    ("JPY", 1250, 1250),
]
"""Currency, minor units as the old version stored them, minor units after m005. Dropping two
digits rounds half to even: 1250.50 PYG becomes 1250, 1251.50 becomes 1252."""


def _file_before_m005(path: Path) -> None:
    db = Database(path)
    register_text_functions(db)
    MIGRATIONS.apply(db, stop_before="m005_cldr_minor_units")
    for index, (currency, minor, _after) in enumerate(_LEAD_VALUES, start=1):
        db.execute(
            "INSERT INTO leads (id, name, temperature, value_minor, currency, created_at, "
            "updated_at, board_column, rank) VALUES (?, ?, 'cold', ?, ?, '', '', 'cold', ?)",
            [index, f"Lead {index}", minor, currency, f"a{index}"],
        )
    db.execute(
        "INSERT INTO leads (id, name, temperature, value_minor, currency, created_at, "
        "updated_at, board_column, rank) VALUES (99, 'No value', 'cold', NULL, 'TWD', '', '', "
        "'cold', 'b')"
    )
    for index, (currency, minor) in enumerate([("TWD", 500), ("KWD", 500), ("XOF", 50000)], 1):
        db.execute(
            "INSERT INTO campaigns (id, name, channel, target_temperature, start_on, end_on, "
            "budget_minor, currency, response_code, created_at) "
            "VALUES (?, ?, 'email', 'cold', '2026-03-16', '2026-03-20', ?, ?, ?, '')",
            [index, f"Campaign {index}", minor, currency, f"CODE-{index}"],
        )
    db.conn.commit()
    db.close()


def test_opening_an_older_file_rescales_amounts_to_cldr_minor_units(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    _file_before_m005(path)
    db = open_database(path)
    values = db.execute("SELECT value_minor FROM leads WHERE id < 99 ORDER BY id").fetchall()
    assert [row[0] for row in values] == [after for _code, _before, after in _LEAD_VALUES]
    assert db.execute("SELECT value_minor FROM leads WHERE id = 99").fetchone()[0] is None
    budgets = db.execute("SELECT budget_minor FROM campaigns ORDER BY id").fetchall()
    assert [row[0] for row in budgets] == [50000, 5000, 500]
    db.close()
    workspace = Workspace.open(path)
    assert str(workspace.leads.get(1).value) == "1,250.00 TWD"
    assert str(workspace.leads.get(2).value) == "1,250.500 KWD"
    assert workspace.leads.get(5).value == Money(1250, "XOF")
    workspace.close()


def test_reopening_does_not_rescale_twice(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    _file_before_m005(path)
    open_database(path).close()
    db = open_database(path)
    assert db.execute("SELECT value_minor FROM leads WHERE id = 1").fetchone()[0] == 125000
    db.close()


def test_the_migration_covers_every_currency_the_old_list_got_wrong() -> None:
    """Fails when a Babel update changes a currency's digits: that needs a migration of its own."""
    wrong = {
        code: (0 if code in _OLD_ZERO_DIGIT_CURRENCIES else 2, get_currency_precision(code))
        for code in list_currencies()
    }
    assert {code: digits for code, digits in wrong.items() if digits[0] != digits[1]} == (
        _MINOR_DIGITS_FIXED_BY_CLDR
    )
