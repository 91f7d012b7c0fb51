"""A few leads with planned touches for the dialog tests (the clock says Monday 16 March 2026)."""

from datetime import date

import pytest

from planner.changes import Kind
from planner.domain import Column, TouchDraft, TouchKind
from planner.services.touches import plan_touches
from planner.workspace import Workspace

TODAY = date(2026, 3, 16)


@pytest.fixture
def touch_id(demo_workspace: Workspace) -> int:
    """A phone call planned for the first cold lead on the 18th."""
    lead = demo_workspace.leads.cards(Column.COLD, limit=1)[0].id
    change = plan_touches(
        demo_workspace,
        [TouchDraft(lead, TouchKind.PHONE_CALL, date(2026, 3, 18), notes="Ask about the order")],
        "Plan a call",
    )
    return change.created_id(Kind.TOUCH)
