"""Column figures kept by triggers, and a search that finds every column's matches in one pass."""

from planner.domain import Column, LeadDraft
from planner.money import Money
from planner.read_models import ColumnSummary
from planner.services import board
from planner.services.history import History
from planner.workspace import Workspace


def _grouped(workspace: Workspace) -> dict[Column, ColumnSummary]:
    """The figures the slow way: every lead grouped by column and currency."""
    counts: dict[Column, int] = {}
    totals: dict[Column, dict[str, int]] = {}
    valued: dict[Column, dict[str, int]] = {}
    rows = workspace.db.execute(
        "SELECT board_column, currency, count(*), total(value_minor), count(value_minor) "
        "FROM leads WHERE deleted_at IS NULL GROUP BY board_column, currency"
    )
    for name, currency, count, total, with_value in rows:
        column = Column(name)
        counts[column] = counts.get(column, 0) + count
        if total:
            totals.setdefault(column, {})[currency] = int(total)
            valued.setdefault(column, {})[currency] = with_value
    return {
        column: ColumnSummary(counts.get(column, 0), totals.get(column, {}), valued.get(column, {}))
        for column in Column
    }


def _add(workspace: Workspace, name: str, value: Money | None = None) -> int:
    change = board.add_lead(workspace, LeadDraft(name=name, value=value))
    return next(iter(change.lead_ids))


def test_column_figures_follow_every_action_undo_and_redo(workspace: Workspace) -> None:
    history = History()
    first = _add(workspace, "Ana", Money(1000, "EUR"))
    second = _add(workspace, "Bo", Money(250, "GBP"))
    _add(workspace, "Cy")
    steps = [
        lambda: board.move_lead(workspace, first, Column.HOT),
        lambda: board.move_lead(workspace, second, Column.WON),
        lambda: board.delete_lead(workspace, first),
        lambda: board.edit_lead(workspace, second, LeadDraft(name="Bo", value=Money(900, "USD"))),
        lambda: board.add_leads(
            workspace,
            [(LeadDraft(name=f"P{n}", value=Money(n, "PLN")), Column.WARM) for n in range(50)],
            "Add 50",
        ),
    ]
    for step in steps:
        history.record(step())
        assert workspace.leads.summaries() == _grouped(workspace)
    while history.done:
        history.undo(workspace)
        assert workspace.leads.summaries() == _grouped(workspace)
    while history.undone:
        history.redo(workspace)
        assert workspace.leads.summaries() == _grouped(workspace)
    assert workspace.leads.count() == sum(s.count for s in _grouped(workspace).values())


def test_the_figures_are_read_without_scanning_the_leads(workspace: Workspace) -> None:
    plan = workspace.db.execute(
        "EXPLAIN QUERY PLAN SELECT board_column, currency, leads, value_minor FROM column_totals"
    ).fetchall()
    assert not any("leads" in str(step[-1]).split() for step in plan)


def test_one_search_pass_finds_each_columns_matches_in_board_order(
    workspace: Workspace,
) -> None:
    names = ["Łódź Bakery", "Lodz Books", "Paris Café", "Łódź Tea", "lódz garage"]
    ids = [_add(workspace, name, Money(100 * (n + 1), "PLN")) for n, name in enumerate(names)]
    board.move_lead(workspace, ids[3], Column.HOT)
    board.move_lead(workspace, ids[4], Column.COLD, position=0)
    found = workspace.leads.search("LODZ")
    assert found.matches[Column.COLD].ids == (ids[4], ids[0], ids[1])
    assert found.matches[Column.HOT].ids == (ids[3],)
    assert found.matches[Column.WARM].ids == ()
    assert found.count == 4
    assert found.summaries[Column.COLD] == ColumnSummary(3, {"PLN": 100 + 200 + 500}, {"PLN": 3})
    assert dict(found.summaries) == workspace.leads.summaries("lodz")
    cold = found.matches[Column.COLD]
    assert cold.page_after(None, 2) == (ids[4], ids[0])
    assert cold.page_after(cold.ranks[1], 2) == (ids[1],)
