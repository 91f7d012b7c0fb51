"""Every action is one BEGIN IMMEDIATE transaction and says what it changed in public terms."""

import importlib
import inspect
import multiprocessing
import pkgutil
import sqlite3
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

import planner.services
from planner.changes import Change, Kind, LeadMove, Origin
from planner.domain import Column, LeadDraft
from planner.errors import DatabaseBusyError, ValidationError
from planner.services import board
from planner.services.actions import is_user_action
from planner.services.history import History, redo_change, undo_change
from planner.workspace import Workspace

MOVES_PER_PROCESS = 150


def _service_functions() -> list[tuple[str, object]]:
    found = []
    for module_info in pkgutil.iter_modules(planner.services.__path__):
        module = importlib.import_module(f"planner.services.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                found.append((f"{module.__name__}.{name}", function))
    return found


def test_every_service_function_that_changes_the_file_is_a_user_action() -> None:
    actions = [
        (name, function)
        for name, function in _service_functions()
        if inspect.signature(function).return_annotation in (Change, "Change")
    ]
    assert len(actions) > 20
    undecorated = [name for name, function in actions if not is_user_action(function)]
    assert undecorated == []


def test_a_move_reports_where_the_lead_went_and_its_undo_the_way_back(
    workspace: Workspace,
) -> None:
    history = History()
    added = history.record(board.add_lead(workspace, LeadDraft(name="Acme Bakery")))
    lead_id = added.created_id(Kind.LEAD)
    assert added.moves == (LeadMove(lead_id, None, Column.COLD),)
    moved = history.record(board.move_lead(workspace, lead_id, Column.HOT))
    assert moved.lead_ids == {lead_id}
    assert moved.moves == (LeadMove(lead_id, Column.COLD, Column.HOT),)
    assert moved.created == {}, "a move creates no lead (its history row is not a kind)"
    undone = history.undo(workspace)
    assert undone is not None
    assert undone.origin is Origin.UNDO
    assert undone.moves == (LeadMove(lead_id, Column.HOT, Column.COLD),)
    redone = history.redo(workspace)
    assert redone is not None
    assert (redone.origin, redone.moves) == (Origin.REDO, moved.moves)


def test_a_drop_below_a_card_lands_directly_under_it(workspace: Workspace) -> None:
    names = ["Alpha", "Bravo", "Charlie", "Delta"]
    board.add_leads(workspace, [(LeadDraft(name=name), Column.WARM) for name in names], "Add")
    alpha, bravo, charlie, delta = (card.id for card in workspace.leads.cards(Column.WARM))
    board.move_leads(workspace, [delta, alpha], Column.WARM, below=bravo)
    order = [card.name for card in workspace.leads.cards(Column.WARM)]
    assert order == ["Bravo", "Delta", "Alpha", "Charlie"]
    with pytest.raises(ValidationError):
        board.move_leads(workspace, [charlie, bravo], Column.WARM, below=bravo)


def test_a_drop_below_a_card_that_left_the_column_goes_to_the_bottom(
    workspace: Workspace,
) -> None:
    names = ["Alpha", "Bravo", "Charlie"]
    board.add_leads(workspace, [(LeadDraft(name=name), Column.WARM) for name in names], "Add")
    alpha, bravo, _charlie = (card.id for card in workspace.leads.cards(Column.WARM))
    board.move_lead(workspace, bravo, Column.HOT)
    board.move_leads(workspace, [alpha], Column.WARM, below=bravo)
    assert [card.name for card in workspace.leads.cards(Column.WARM)] == ["Charlie", "Alpha"]


def test_a_failed_action_leaves_no_open_transaction(workspace: Workspace) -> None:
    with pytest.raises(ValidationError):
        board.move_leads(workspace, [], Column.HOT)
    assert not workspace.db.conn.in_transaction


def _shuffle_column(path: str, seed: int, start: Event) -> None:
    """One process's share: moves cards of the Warm column to the top, below others, down."""
    workspace = Workspace.open(Path(path))
    start.wait(timeout=60)
    try:
        ids = [card.id for card in workspace.leads.cards(Column.WARM)]
        for step in range(MOVES_PER_PROCESS):
            lead_id = ids[(seed * 7 + step * 5) % len(ids)]
            anchor = ids[(seed * 3 + step * 11) % len(ids)]
            if step % 3 == 0:
                board.move_lead(workspace, lead_id, Column.WARM, 0)
            elif anchor != lead_id:
                board.move_leads(workspace, [lead_id], Column.WARM, below=anchor)
            else:
                board.move_lead(workspace, lead_id, Column.WARM)
    finally:
        workspace.close()


def test_two_processes_moving_cards_of_one_column_keep_every_rank_unique(
    workspace: Workspace,
) -> None:
    drafts = [(LeadDraft(name=f"Lead {index}"), Column.WARM) for index in range(12)]
    board.add_leads(workspace, drafts, "Add")
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=_shuffle_column, args=(str(workspace.path), seed, start))
        for seed in (1, 2)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    rows = workspace.db.execute(
        "SELECT rank FROM leads WHERE board_column = 'warm' AND deleted_at IS NULL"
    ).fetchall()
    ranks = [row[0] for row in rows]
    assert len(ranks) == 12, "no lead was lost"
    assert len(set(ranks)) == 12, "every rank is unique"


def test_undo_never_gives_two_cards_one_place(workspace: Workspace) -> None:
    """Bravo leaves Warm, Delta is dropped where Bravo was (and gets Bravo's old rank, the key
    between the same neighbours), then Bravo's move is undone: Bravo comes back just after Delta,
    and redo and undo again still work."""
    names = ["Alpha", "Bravo", "Charlie", "Delta"]
    board.add_leads(workspace, [(LeadDraft(name=name), Column.WARM) for name in names], "Add")
    alpha, bravo, _charlie, delta = (card.id for card in workspace.leads.cards(Column.WARM))
    move_away = board.move_lead(workspace, bravo, Column.HOT)
    board.move_leads(workspace, [delta], Column.WARM, below=alpha)
    undo_change(workspace, move_away)
    cards = workspace.leads.cards(Column.WARM)
    assert [card.name for card in cards] == ["Alpha", "Delta", "Bravo", "Charlie"]
    assert len({card.rank for card in cards}) == len(cards)
    redo_change(workspace, move_away)
    assert workspace.leads.get(bravo).column is Column.HOT
    undo_change(workspace, move_away)
    assert [card.name for card in workspace.leads.cards(Column.WARM)] == [
        "Alpha",
        "Delta",
        "Bravo",
        "Charlie",
    ]


def test_a_file_kept_busy_by_another_writer_is_refused_in_words(workspace: Workspace) -> None:
    board.add_lead(workspace, LeadDraft(name="Acme Bakery"))
    other = sqlite3.connect(str(workspace.path))
    try:
        other.execute("BEGIN IMMEDIATE")
        workspace.db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(DatabaseBusyError, match="busy"):
            board.add_lead(workspace, LeadDraft(name="Becker Joinery"))
        assert not workspace.db.conn.in_transaction
    finally:
        other.rollback()
        other.close()
    assert [lead.name for lead in workspace.leads.find()] == ["Acme Bakery"]
