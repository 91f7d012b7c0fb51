"""What SQLite plans to do for the queries a piece of code runs: structural checks that a read
stays quick at any size, instead of timing it."""

from collections.abc import Callable

from sqlite_utils import Database


def query_plans(db: Database, action: Callable[[], object]) -> list[str]:
    """The query-plan steps (``EXPLAIN QUERY PLAN`` details) of every SELECT ``action`` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return [
        str(step[-1])
        for statement in statements
        if statement.lstrip().upper().startswith(("SELECT", "WITH"))
        for step in db.conn.execute(f"EXPLAIN QUERY PLAN {statement}").fetchall()
    ]


def full_scans(plans: list[str], table: str) -> list[str]:
    """The steps that read every row of ``table`` (a SCAN not through an index)."""
    return [
        step for step in plans if step.startswith(f"SCAN {table}") and "INDEX" not in step.upper()
    ]
