"""The board's actions on a real file: add, edit, move, delete, restore, and their undo."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.changes import Change, Kind
from planner.domain import Column, LeadDraft, Outcome, Temperature
from planner.errors import NotFoundError, StaleUndoError, ValidationError
from planner.money import Money
from planner.services import board
from planner.services.history import History
from planner.store.changes import RowChange, RowImages
from planner.workspace import Workspace
from tests.conftest import dump_database


def _add(workspace: Workspace, name: str, **fields: object) -> int:
    change = board.add_lead(workspace, LeadDraft(name=name, **fields))  # type: ignore[arg-type]
    (lead_id,) = change.lead_ids
    return lead_id


def _column_names(workspace: Workspace, column: Column) -> list[str]:
    return [card.name for card in workspace.leads.cards(column)]


def test_add_puts_the_lead_at_the_bottom_of_its_temperature(workspace: Workspace) -> None:
    _add(workspace, "Acme Bakery")
    _add(workspace, "Becker Joinery", temperature=Temperature.WARM)
    _add(workspace, "Cedar Catering")
    assert _column_names(workspace, Column.COLD) == ["Acme Bakery", "Cedar Catering"]
    assert _column_names(workspace, Column.WARM) == ["Becker Joinery"]


def test_add_records_the_first_column_in_the_history(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery", temperature=Temperature.HOT)
    (entry,) = workspace.leads.column_changes(lead_id)
    assert entry.from_column is None
    assert entry.to_column is Column.HOT
    assert entry.changed_at == "2026-03-16T09:30:00+00:00"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (LeadDraft(name="   "), "name"),
        (LeadDraft(name="Ann", email="not-an-address"), "email"),
        (LeadDraft(name="Ann", referred_by=999), "referred_by"),
    ],
)
def test_invalid_drafts_name_the_field_and_write_nothing(
    workspace: Workspace, draft: LeadDraft, field: str
) -> None:
    before = dump_database(workspace)
    with pytest.raises(ValidationError) as raised:
        board.add_lead(workspace, draft)
    assert raised.value.field == field
    assert dump_database(workspace) == before


def test_move_to_another_column_and_position(workspace: Workspace) -> None:
    first = _add(workspace, "First", temperature=Temperature.HOT)
    _add(workspace, "Second", temperature=Temperature.HOT)
    mover = _add(workspace, "Mover")
    change = board.move_lead(workspace, mover, Column.HOT, position=1)
    assert change.description == "Move 'Mover' to Hot"
    assert _column_names(workspace, Column.HOT) == ["First", "Mover", "Second"]
    assert workspace.leads.get(mover).temperature is Temperature.HOT
    board.move_lead(workspace, first, Column.HOT, position=2)
    assert _column_names(workspace, Column.HOT) == ["Mover", "Second", "First"]


def test_move_writes_a_constant_number_of_rows(workspace: Workspace) -> None:
    drafts = [(LeadDraft(name=f"Lead {index}"), Column.COLD) for index in range(500)]
    board.add_leads(workspace, drafts, "Add many")
    target = workspace.leads.cards(Column.COLD)[250].id
    across = board.move_lead(workspace, target, Column.WARM, position=0)
    reorder = board.move_lead(workspace, workspace.leads.cards(Column.COLD)[3].id, Column.COLD, 400)
    assert [len(written_rows(change)) for change in (across, reorder)] == [2, 1]
    assert across.ids(Kind.LEAD) == {target}


def test_dropping_a_card_where_it_already_is_changes_nothing(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    before = dump_database(workspace)
    assert board.move_lead(workspace, lead_id, Column.COLD, position=0).is_empty
    assert dump_database(workspace) == before


def test_several_leads_move_together_in_the_order_given(workspace: Workspace) -> None:
    first, second, third, fourth = (_add(workspace, name) for name in "ABCD")
    change = board.move_leads(workspace, [fourth, second], Column.COLD, position=1)
    assert change.description == "Move 2 leads to Cold"
    assert _column_names(workspace, Column.COLD) == ["A", "D", "B", "C"]
    assert change.ids(Kind.LEAD) <= {fourth, second}
    assert board.move_leads(workspace, [fourth, second], Column.COLD, position=1).is_empty
    across = board.move_leads(workspace, [first, third], Column.HOT)
    assert len(written_rows(across)) == 4
    assert _column_names(workspace, Column.HOT) == ["A", "C"]
    with pytest.raises(ValidationError):
        board.move_leads(workspace, [], Column.HOT)


def test_reordering_within_lost_keeps_the_reason(workspace: Workspace) -> None:
    lost, other = _add(workspace, "Lost one"), _add(workspace, "Other")
    board.move_lead(workspace, lost, Column.LOST, lost_reason="Too dear")
    board.move_lead(workspace, other, Column.LOST)
    board.move_lead(workspace, lost, Column.LOST, position=1)
    assert _column_names(workspace, Column.LOST) == ["Other", "Lost one"]
    assert workspace.leads.get(lost).lost_reason == "Too dear"


def test_several_leads_are_deleted_and_undone_as_one_step(workspace: Workspace) -> None:
    lead_ids = [_add(workspace, name) for name in "ABC"]
    before = dump_database(workspace)
    history = History()
    change = history.record(board.delete_leads(workspace, lead_ids[:2]))
    assert change.description == "Delete 2 leads"
    assert _column_names(workspace, Column.COLD) == ["C"]
    history.undo(workspace)
    assert dump_database(workspace) == before


def test_won_keeps_temperature_and_reopening_makes_it_warm(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery", temperature=Temperature.HOT)
    board.move_lead(workspace, lead_id, Column.WON)
    lead = workspace.leads.get(lead_id)
    assert (lead.outcome, lead.temperature, lead.column) == (
        Outcome.WON,
        Temperature.HOT,
        Column.WON,
    )
    board.move_lead(workspace, lead_id, Column.WARM)
    lead = workspace.leads.get(lead_id)
    assert (lead.outcome, lead.temperature) == (Outcome.OPEN, Temperature.WARM)
    history = [
        (entry.from_column, entry.to_column) for entry in workspace.leads.column_changes(lead_id)
    ]
    assert history == [(None, Column.HOT), (Column.HOT, Column.WON), (Column.WON, Column.WARM)]


def test_lost_records_its_reason(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    board.move_lead(workspace, lead_id, Column.LOST, lost_reason="Chose a cheaper supplier")
    assert workspace.leads.get(lead_id).lost_reason == "Chose a cheaper supplier"


def test_a_lost_reason_noted_later_is_one_undoable_step(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    board.move_lead(workspace, lead_id, Column.LOST)
    before = dump_database(workspace)
    history = History()
    change = history.record(
        board.note_lost_reason(workspace, lead_id, "  Chose a cheaper supplier ")
    )
    assert change.description == "Note why 'Acme Bakery' was lost"
    assert workspace.leads.get(lead_id).lost_reason == "Chose a cheaper supplier"
    assert board.note_lost_reason(workspace, lead_id, "Chose a cheaper supplier").is_empty
    history.undo(workspace)
    assert dump_database(workspace) == before


def test_only_a_lost_lead_takes_a_lost_reason(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    before = dump_database(workspace)
    with pytest.raises(ValidationError, match="is not lost") as raised:
        board.note_lost_reason(workspace, lead_id, "Too dear")
    assert raised.value.field == "lost_reason"
    draft = workspace.leads.get(lead_id).draft()
    with pytest.raises(ValidationError, match="is not lost"):
        board.edit_lead(workspace, lead_id, draft, lost_reason="Too dear")
    assert dump_database(workspace) == before


def test_an_edit_that_changes_nothing_writes_nothing(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery", city="Porto")
    before = dump_database(workspace)
    same = dataclasses.replace(workspace.leads.get(lead_id).draft(), city=" Porto ")
    assert board.edit_lead(workspace, lead_id, same).is_empty
    assert dump_database(workspace) == before


def test_edit_changes_the_lost_reason_with_the_other_fields(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    board.move_lead(workspace, lead_id, Column.LOST, lost_reason="Too dear")
    draft = dataclasses.replace(workspace.leads.get(lead_id).draft(), city="Porto")
    board.edit_lead(workspace, lead_id, draft, lost_reason="Moved away")
    lead = workspace.leads.get(lead_id)
    assert (lead.city, lead.lost_reason, lead.column) == ("Porto", "Moved away", Column.LOST)
    board.edit_lead(workspace, lead_id, draft)
    assert workspace.leads.get(lead_id).lost_reason == "Moved away"


def test_edit_changes_fields_and_temperature_moves_the_card(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    draft = dataclasses.replace(
        workspace.leads.get(lead_id).draft(),
        city="Kraków",
        temperature=Temperature.WARM,
        value=Money.parse("1250.00", "PLN"),
    )
    board.edit_lead(workspace, lead_id, draft)
    lead = workspace.leads.get(lead_id)
    assert (lead.city, lead.column, lead.value) == ("Kraków", Column.WARM, Money(125000, "PLN"))


def test_delete_hides_and_restore_brings_back(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    board.delete_lead(workspace, lead_id)
    assert _column_names(workspace, Column.COLD) == []
    with pytest.raises(NotFoundError):
        workspace.leads.get(lead_id)
    board.restore_lead(workspace, lead_id)
    assert _column_names(workspace, Column.COLD) == ["Acme Bakery"]


def test_summaries_count_and_total_per_currency(workspace: Workspace) -> None:
    _add(workspace, "A", value=Money(100_00, "EUR"))
    _add(workspace, "B", value=Money(250_50, "EUR"))
    _add(workspace, "C", value=Money(1_000, "USD"))
    _add(workspace, "D")
    cold = workspace.leads.summaries()[Column.COLD]
    assert cold.count == 4
    assert cold.totals == {"EUR": 350_50, "USD": 1_000}
    assert cold.value_counts == {"EUR": 2, "USD": 1}


def test_search_folds_case_and_accents(workspace: Workspace) -> None:
    _add(workspace, "Jan Kowalski", city="Łódź")
    _add(workspace, "Maria Lopez", notes="Loves SOURDOUGH")
    assert _names_found(workspace, "lodz") == ["Jan Kowalski"]
    assert _names_found(workspace, "sourdough") == ["Maria Lopez"]
    assert _names_found(workspace, "%") == []


def _names_found(workspace: Workspace, text: str) -> list[str]:
    return [card.name for card in workspace.leads.cards(Column.COLD, search=text)]


def test_undo_and_redo_restore_the_database_exactly(workspace: Workspace) -> None:
    history = History()
    snapshots = [dump_database(workspace)]
    lead_id = history.record(board.add_lead(workspace, LeadDraft(name="Acme Bakery"))).lead_ids
    (acme,) = lead_id
    snapshots.append(dump_database(workspace))
    steps = [
        lambda: board.move_lead(workspace, acme, Column.HOT),
        lambda: board.edit_lead(
            workspace,
            acme,
            dataclasses.replace(workspace.leads.get(acme).draft(), notes="Call Tue"),
        ),
        lambda: board.delete_lead(workspace, acme),
        lambda: board.restore_lead(workspace, acme),
    ]
    for step in steps:
        history.record(step())
        snapshots.append(dump_database(workspace))
    assert history.undo_text == "Undo Restore 'Acme Bakery'"
    for expected in reversed(snapshots[:-1]):
        history.undo(workspace)
        assert dump_database(workspace) == expected
    for expected in snapshots[1:]:
        history.redo(workspace)
        assert dump_database(workspace) == expected


def test_undo_refuses_to_overwrite_later_changes(workspace: Workspace) -> None:
    lead_id = _add(workspace, "Acme Bakery")
    move = board.move_lead(workspace, lead_id, Column.WARM)
    board.move_lead(workspace, lead_id, Column.HOT)
    before = dump_database(workspace)
    history = History()
    history.record(move)
    with pytest.raises(StaleUndoError):
        history.undo(workspace)
    assert dump_database(workspace) == before


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 8)), min_size=1, max_size=25))
def test_moves_keep_the_order_the_user_sees(
    tmp_path_factory: pytest.TempPathFactory, moves: list[tuple[int, int]]
) -> None:
    workspace = Workspace.open(tmp_path_factory.mktemp("moves") / "planner.db")
    drafts = [(LeadDraft(name=f"L{index}"), Column.COLD) for index in range(5)]
    board.add_leads(workspace, drafts, "Add")
    expected = [card.id for card in workspace.leads.cards(Column.COLD)]
    for source, target in moves:
        lead_id = expected[source]
        expected.remove(lead_id)
        expected.insert(min(target, len(expected)), lead_id)
        board.move_lead(workspace, lead_id, Column.COLD, target)
        assert [card.id for card in workspace.leads.cards(Column.COLD)] == expected
    workspace.close()


def written_rows(change: Change) -> tuple[RowChange, ...]:
    """The rows the store wrote for a change (its private undo record)."""
    assert isinstance(change.undo_record, RowImages)
    return change.undo_record.rows


def test_a_lead_can_be_added_at_the_top_of_its_column(workspace: Workspace) -> None:
    board.add_lead(workspace, LeadDraft(name="First"))
    board.add_lead(workspace, LeadDraft(name="Second"))
    board.add_lead(workspace, LeadDraft(name="Newest"), position=0)
    assert [card.name for card in workspace.leads.cards(Column.COLD)] == [
        "Newest",
        "First",
        "Second",
    ]
