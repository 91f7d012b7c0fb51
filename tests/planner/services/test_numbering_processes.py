"""Two programs creating proposals in one file at once never take the same number."""

import multiprocessing
from decimal import Decimal
from multiprocessing.synchronize import Event
from pathlib import Path

from planner.changes import Kind
from planner.domain import LeadDraft, Temperature
from planner.money import Money
from planner.sales.document import DocumentContent
from planner.sales.items import LineItem
from planner.services import board, proposals
from planner.workspace import Workspace

PROPOSALS_PER_PROCESS = 15


def _create_proposals(path: str, lead_id: int, start: Event) -> None:
    workspace = Workspace.open(Path(path))
    workspace.db.execute("PRAGMA busy_timeout = 30000")
    content = DocumentContent((LineItem("Work", Decimal(1), Money(100, "EUR")),), "EUR")
    start.wait()
    try:
        for _ in range(PROPOSALS_PER_PROCESS):
            proposals.create_proposal(workspace, lead_id, content)
    finally:
        workspace.close()


def test_two_processes_creating_proposals_take_different_numbers(workspace: Workspace) -> None:
    lead_id = board.add_lead(
        workspace, LeadDraft(name="Acme Bakery", temperature=Temperature.HOT)
    ).created_id(Kind.LEAD)
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=_create_proposals, args=(str(workspace.path), lead_id, start))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    numbers = [row[0] for row in workspace.db.execute("SELECT number FROM documents")]
    assert len(numbers) == 2 * PROPOSALS_PER_PROCESS
    assert all(number.startswith("P-") for number in numbers)
    sequences = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert sequences == list(range(1, 2 * PROPOSALS_PER_PROCESS + 1))
