"""Bulk inserts: one ``executemany``, an undo record of ids, and undo and redo that stay exact."""

import pytest

from planner.changes import Kind
from planner.domain import Column, LeadDraft
from planner.errors import StaleUndoError
from planner.money import Money
from planner.services import board
from planner.services.history import History
from planner.store.changes import RowImages, Table, reapply, recording, revert
from planner.store.inserted_rows import InsertedRows
from planner.workspace import Workspace
from tests.conftest import dump_database


def _drafts(count: int) -> list[tuple[LeadDraft, Column]]:
    columns = list(Column)
    return [
        (
            LeadDraft(
                name=f"Prospect {index}",
                city=("Łódź", "Αθήνα", "Москва")[index % 3],
                value=Money(index * 100) if index % 2 else None,
            ),
            columns[index % len(columns)],
        )
        for index in range(count)
    ]


def _row(name: str, rank: str) -> dict[str, object]:
    return {
        "name": name,
        "temperature": "cold",
        "board_column": "cold",
        "rank": rank,
        "created_at": "2026-03-16T09:30:00+00:00",
        "updated_at": "2026-03-16T09:30:00+00:00",
    }


def test_insert_many_returns_the_ids_in_order_and_keeps_no_row_images(
    workspace: Workspace,
) -> None:
    board.add_leads(workspace, _drafts(3), "First")
    with recording(workspace.db, "Bulk") as recorder:
        ids = recorder.insert_many(
            Table.LEADS,
            [_row("Ana", "x1"), {**_row("Bo", "x2"), "city": "Porto"}, _row("Cy", "x3")],
        )
        change = recorder.finish()
    assert ids == [4, 5, 6]
    assert [workspace.leads.get(lead_id).name for lead_id in ids] == ["Ana", "Bo", "Cy"]
    assert workspace.leads.get(5).city == "Porto"
    assert change.created_ids(Kind.LEAD) == (4, 5, 6)
    assert isinstance(change.undo_record, RowImages)
    (entry,) = change.undo_record.rows
    assert isinstance(entry, InsertedRows)
    assert list(entry.ids) == ids
    assert not entry.parked


def test_adding_many_leads_is_undone_and_redone_exactly(workspace: Workspace) -> None:
    board.add_lead(workspace, LeadDraft(name="Already here"))
    before = dump_database(workspace)
    history = History()
    change = history.record(board.add_leads(workspace, _drafts(500), "Add 500"))
    after = dump_database(workspace)
    assert len(change.created_ids(Kind.LEAD)) == 500
    assert len(change.moves) == 500
    assert isinstance(change.undo_record, RowImages)
    assert all(isinstance(entry, InsertedRows) for entry in change.undo_record.rows)
    history.undo(workspace)
    assert dump_database(workspace) == before
    history.redo(workspace)
    assert dump_database(workspace) == after
    history.undo(workspace)
    assert dump_database(workspace) == before


def test_a_bulk_added_lead_edited_in_the_same_action_undoes_whole(workspace: Workspace) -> None:
    before = dump_database(workspace)
    with recording(workspace.db, "Bulk and edit") as recorder:
        first, _second = recorder.insert_many(Table.LEADS, [_row("Ana", "a"), _row("Bo", "b")])
        recorder.update(Table.LEADS, first, {"city": "Lisbon"})
        change = recorder.finish()
    after = dump_database(workspace)
    revert(workspace.db, change)
    assert dump_database(workspace) == before
    reapply(workspace.db, change)
    assert dump_database(workspace) == after


def test_undo_of_a_bulk_add_refuses_when_a_row_changed_meanwhile(workspace: Workspace) -> None:
    change = board.add_leads(workspace, _drafts(10), "Add 10")
    lead_id = change.created_ids(Kind.LEAD)[4]
    workspace.db.execute("UPDATE leads SET city = 'Elsewhere' WHERE id = ?", [lead_id])
    changed = dump_database(workspace)
    with pytest.raises(StaleUndoError):
        revert(workspace.db, change)
    assert dump_database(workspace) == changed


def test_redo_of_a_bulk_add_refuses_when_its_place_was_taken(workspace: Workspace) -> None:
    change = board.add_leads(workspace, [(LeadDraft(name="Bulk"), Column.COLD)], "Add one")
    revert(workspace.db, change)
    board.add_lead(workspace, LeadDraft(name="Took the place"))
    taken = dump_database(workspace)
    with pytest.raises(StaleUndoError):
        reapply(workspace.db, change)
    assert dump_database(workspace) == taken


def test_planned_touches_in_bulk_name_their_leads(workspace: Workspace) -> None:
    change = board.add_leads(workspace, _drafts(4), "Add 4")
    lead_ids = change.created_ids(Kind.LEAD)
    with recording(workspace.db, "Touches") as recorder:
        recorder.insert_many(
            Table.TOUCHES,
            (
                {
                    "lead_id": lead_id,
                    "kind": "email",
                    "planned_on": "2026-03-20",
                    "created_at": "2026-03-16T09:30:00+00:00",
                }
                for lead_id in lead_ids[:2]
            ),
        )
        touches = recorder.finish()
    assert touches.touched_leads == frozenset(lead_ids[:2])
    assert len(touches.ids(Kind.TOUCH)) == 2
