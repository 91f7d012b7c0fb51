"""The column model: Qt's model contract, pages, drops that move leads, and refreshing by ids."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.changes import Change
from planner.domain import Column, LeadDraft
from planner.locale import user_locale
from planner.money import Money
from planner.services.board import add_leads, move_lead
from planner.workspace import Workspace
from ui.board import column_model
from ui.board.column_model import (
    CARD_ROLE,
    LEAD_IDS_MIME_TYPE,
    ColumnModel,
    lead_ids_from_mime_data,
    lead_ids_mime_data,
)
from ui.operations import Operations


def _check_contract(tester: ModelTester, model: ColumnModel) -> None:
    """Runs Qt's model tester in Python, so failures show as assertions (it is untyped)."""
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def _names(model: ColumnModel) -> list[str]:
    return [model.card(row).name for row in range(model.rowCount())]


def _column_names(workspace: Workspace, column: Column) -> list[str]:
    return [card.name for card in workspace.leads.cards(column)]


def _add_cold(workspace: Workspace, count: int) -> None:
    drafts = [(LeadDraft(name=f"Lead {index:02}"), Column.COLD) for index in range(count)]
    add_leads(workspace, drafts, "Add leads")


def test_every_column_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_workspace: Workspace, operations: Operations
) -> None:
    for column in Column:
        model = ColumnModel(operations, column)
        _check_contract(qtmodeltester, model)
        assert model.rowCount() == demo_workspace.leads.summaries()[column].count


def test_a_paged_model_passes_the_model_tester_while_fetching(
    qtmodeltester: ModelTester,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    operations: Operations,
) -> None:
    monkeypatch.setattr(column_model, "PAGE_SIZE", 10)
    _add_cold(workspace, 25)
    model = ColumnModel(operations, Column.COLD)
    _check_contract(qtmodeltester, model)
    assert model.rowCount() == 25
    assert model.is_complete


def test_cards_load_a_page_at_a_time_in_board_order(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, operations: Operations
) -> None:
    monkeypatch.setattr(column_model, "PAGE_SIZE", 10)
    _add_cold(workspace, 25)
    model = ColumnModel(operations, Column.COLD)
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())
    assert _names(model) == _column_names(workspace, Column.COLD)


def test_data_gives_the_card_its_name_and_a_description(
    demo_workspace: Workspace, operations: Operations
) -> None:
    model = ColumnModel(operations, Column.COLD)
    index = model.index(0)
    card = index.data(CARD_ROLE)
    assert index.data(Qt.ItemDataRole.DisplayRole) == card.name == "Marta Sousa"
    assert index.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "Marta Sousa",
        "Padaria Sousa",
        str(card.value),
        "0 of the usual 8 contacts done, none planned",
        "Nothing planned",
        "Never touched",
    ]


def test_mime_data_carries_the_lead_ids_and_names(
    demo_workspace: Workspace, operations: Operations
) -> None:
    model = ColumnModel(operations, Column.WARM)
    mime = model.mimeData([model.index(1)])
    assert model.mimeTypes() == [LEAD_IDS_MIME_TYPE]
    assert lead_ids_from_mime_data(mime) == [model.card(1).id]
    assert mime.text() == model.card(1).name
    assert lead_ids_from_mime_data(lead_ids_mime_data([])) == []


def test_a_drop_on_the_model_moves_the_lead_in_the_database(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    cold = ColumnModel(operations, Column.COLD)
    hot = ColumnModel(operations, Column.HOT)
    dragged = cold.card(0)
    mime = cold.mimeData([cold.index(0)])
    with qtbot.waitSignal(operations.change_applied) as announced:
        assert hot.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    change, initiator = announced.args
    assert isinstance(change, Change)
    assert initiator is hot
    assert change.description == f"Move '{dragged.name}' to Hot"
    moved = demo_workspace.leads.get(dragged.id)
    assert moved.column is Column.HOT
    assert demo_workspace.leads.position(dragged.id) == 2


def test_a_drop_lower_in_the_same_column_counts_the_lifted_card(
    demo_workspace: Workspace, operations: Operations
) -> None:
    warm = ColumnModel(operations, Column.WARM)
    names = _names(warm)
    mime = warm.mimeData([warm.index(0)])
    assert warm.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _column_names(demo_workspace, Column.WARM) == [*names[1:3], names[0], *names[3:]]


def test_a_drop_on_its_own_place_changes_nothing(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    warm = ColumnModel(operations, Column.WARM)
    mime = warm.mimeData([warm.index(2)])
    with qtbot.assertNotEmitted(operations.change_applied):
        assert warm.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _column_names(demo_workspace, Column.WARM) == _names(warm)


def test_a_drop_while_searching_lands_below_the_card_above_it(
    workspace: Workspace, operations: Operations
) -> None:
    _add_cold(workspace, 12)
    filtered = ColumnModel(operations, Column.COLD)
    filtered.set_search("1")
    assert _names(filtered) == ["Lead 01", "Lead 10", "Lead 11"]
    mime = filtered.mimeData([filtered.index(2)])
    assert filtered.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert _column_names(workspace, Column.COLD)[:4] == ["Lead 00", "Lead 01", "Lead 11", "Lead 02"]


def test_several_cards_dropped_together_move_in_their_order_as_one_step(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    cold = ColumnModel(operations, Column.COLD)
    hot = ColumnModel(operations, Column.HOT)
    dragged = [cold.card(row) for row in (0, 2, 3)]
    hot_names = _names(hot)
    mime = cold.mimeData([cold.index(3), cold.index(0), cold.index(2)])
    with qtbot.waitSignal(operations.change_applied) as announced:
        assert hot.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert announced.args[0].description == "Move 3 leads to Hot"
    assert _column_names(demo_workspace, Column.HOT) == [
        hot_names[0],
        *(card.name for card in dragged),
        *hot_names[1:],
    ]


def test_several_cards_dropped_lower_in_their_own_column_count_as_lifted(
    demo_workspace: Workspace, operations: Operations
) -> None:
    warm = ColumnModel(operations, Column.WARM)
    names = _names(warm)
    mime = warm.mimeData([warm.index(0), warm.index(1)])
    assert warm.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    assert _column_names(demo_workspace, Column.WARM) == [*names[2:4], *names[:2], *names[4:]]


def test_foreign_or_copying_drops_are_refused(
    demo_workspace: Workspace, operations: Operations
) -> None:
    hot = ColumnModel(operations, Column.HOT)
    several = lead_ids_mime_data([1, 2])
    assert not hot.canDropMimeData(several, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert not hot.dropMimeData(several, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    text_only = lead_ids_mime_data([])
    text_only.setText("hello")
    assert not hot.dropMimeData(text_only, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_a_drop_of_a_deleted_lead_reports_why(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    hot = ColumnModel(operations, Column.HOT)
    with qtbot.waitSignal(operations.error) as failed:
        assert not hot.dropMimeData(
            lead_ids_mime_data([9999]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
        )
    assert failed.args == ["There is no lead with id 9999"]


def test_refreshing_by_ids_moves_rows_without_resetting(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    cold = ColumnModel(operations, Column.COLD)
    hot = ColumnModel(operations, Column.HOT)
    lead_id = cold.card(3).id
    change = move_lead(demo_workspace, lead_id, Column.HOT, 1)
    with (
        qtbot.assertNotEmitted(cold.modelReset),
        qtbot.assertNotEmitted(hot.modelReset),
        qtbot.waitSignal(cold.rowsRemoved),
        qtbot.waitSignal(hot.rowsInserted),
    ):
        for model in (cold, hot):
            model.refresh_leads(change.lead_ids)
    assert cold.row_of(lead_id) is None
    assert hot.row_of(lead_id) == 1
    assert _names(cold) == _column_names(demo_workspace, Column.COLD)
    assert _names(hot) == _column_names(demo_workspace, Column.HOT)


def test_refreshing_a_reordered_card_moves_its_row(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations
) -> None:
    warm = ColumnModel(operations, Column.WARM)
    lead_id = warm.card(0).id
    change = move_lead(demo_workspace, lead_id, Column.WARM, 5)
    with qtbot.waitSignal(warm.rowsMoved), qtbot.assertNotEmitted(warm.modelReset):
        warm.refresh_leads(change.lead_ids)
    assert warm.row_of(lead_id) == 5
    assert _names(warm) == _column_names(demo_workspace, Column.WARM)


def test_a_card_moved_beyond_the_loaded_page_waits_for_the_next_fetch(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, operations: Operations
) -> None:
    monkeypatch.setattr(column_model, "PAGE_SIZE", 5)
    _add_cold(workspace, 12)
    model = ColumnModel(operations, Column.COLD)
    lead_id = model.card(0).id
    model.refresh_leads(move_lead(workspace, lead_id, Column.COLD).lead_ids)
    assert model.row_of(lead_id) is None
    assert model.rowCount() == 4
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert _names(model) == _column_names(workspace, Column.COLD)
    assert model.row_of(lead_id) == 11


def test_a_german_user_reads_amounts_the_german_way(
    workspace: Workspace, operations: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_NUMERIC", "de_DE.UTF-8")
    add_leads(
        workspace,
        [(LeadDraft(name="Bäckerei Roth", value=Money(125000, "EUR")), Column.COLD)],
        "Add",
    )
    model = ColumnModel(operations, Column.COLD)
    assert "1.250,00 EUR" in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert workspace.leads.summaries()[Column.COLD].total_text(user_locale()) == "1.250,00 EUR"
