"""Reading a column a page at a time, a few named cards, and one card's position."""

from planner.domain import Column, LeadDraft
from planner.services.board import add_leads, move_lead
from planner.workspace import Workspace


def _add(workspace: Workspace, count: int) -> list[int]:
    drafts = [(LeadDraft(name=f"Lead {index:03}"), Column.COLD) for index in range(count)]
    add_leads(workspace, drafts, "Add leads")
    return [card.id for card in workspace.leads.cards(Column.COLD)]


def test_pages_after_a_rank_cover_the_column_once_in_order(workspace: Workspace) -> None:
    every_id = _add(workspace, 25)
    read: list[int] = []
    after: str | None = None
    while True:
        page = workspace.leads.cards(Column.COLD, after_rank=after, limit=10)
        if not page:
            break
        read.extend(card.id for card in page)
        after = page[-1].rank
    assert read == every_id


def test_ids_narrow_the_cards_and_combine_with_the_search(workspace: Workspace) -> None:
    every_id = _add(workspace, 12)
    wanted = frozenset(every_id[3:6])
    assert [card.id for card in workspace.leads.cards(Column.COLD, ids=wanted)] == every_id[3:6]
    found = workspace.leads.cards(Column.COLD, "lead 004", ids=wanted)
    assert [card.id for card in found] == [every_id[4]]
    assert workspace.leads.cards(Column.WARM, ids=wanted) == []


def test_position_counts_the_cards_above_in_the_column(workspace: Workspace) -> None:
    every_id = _add(workspace, 6)
    assert workspace.leads.position(every_id[0]) == 0
    assert workspace.leads.position(every_id[4]) == 4
    move_lead(workspace, every_id[4], Column.HOT)
    assert workspace.leads.position(every_id[4]) == 0
    assert workspace.leads.position(every_id[5]) == 4


def test_a_page_holds_no_more_cards_than_asked_for(workspace: Workspace) -> None:
    _add(workspace, 25)
    assert len(workspace.leads.cards(Column.COLD, limit=10)) == 10
