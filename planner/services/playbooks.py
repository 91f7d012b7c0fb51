"""Temperature playbooks: proposing and planning the next touches when a lead enters a column.

Moving a lead stays ``planner.services.board.move_lead``; after a move the front end asks
``offer_after_move`` what to propose ("Plan 3 touches for 'Acme Bakery'?") or, when the lead moved
back to a colder column, which unfinished playbook touches it could drop. After one lead is added,
``offer_after_add`` proposes the playbook of the column it was added to.
"""

from dataclasses import dataclass
from datetime import timedelta

from planner.changes import Change
from planner.domain import Column, Lead, Outcome, Temperature, Touch, TouchDraft
from planner.errors import ValidationError
from planner.planning import PlanningSettings
from planner.services.actions import user_action
from planner.services.settings import save_setting
from planner.services.touches import count_text, plan_touches
from planner.store.settings import SettingKey
from planner.workspace import Workspace

_WARMTH = {Temperature.COLD: 0, Temperature.WARM: 1, Temperature.HOT: 2}


@dataclass(frozen=True)
class PlaybookOffer:
    """What to offer after a lead moved: touches to plan, and unfinished ones to drop.

    ``auto_plan`` mirrors the setting: when true the front end plans without asking.
    """

    lead_id: int
    lead_name: str
    to_plan: tuple[TouchDraft, ...]
    to_drop: tuple[Touch, ...]
    auto_plan: bool

    @property
    def plan_question(self) -> str:
        """``Plan 3 touches for 'Acme Bakery'?``, or empty when there is nothing to plan."""
        if not self.to_plan:
            return ""
        return f"Plan {count_text(len(self.to_plan))} for '{self.lead_name}'?"

    @property
    def drop_question(self) -> str:
        """``Drop 2 unfinished playbook touches for 'Acme Bakery'?``, or empty."""
        if not self.to_drop:
            return ""
        number = len(self.to_drop)
        noun = "touch" if number == 1 else "touches"
        return f"Drop {number} unfinished playbook {noun} for '{self.lead_name}'?"


def load_planning_settings(workspace: Workspace) -> PlanningSettings:
    """The playbooks and thresholds in force (the defaults until the user changes them)."""
    return PlanningSettings.from_json(workspace.settings.get(SettingKey.PLANNING))


@user_action
def save_planning_settings(workspace: Workspace, settings: PlanningSettings) -> Change:
    """Stores edited playbooks and thresholds as one undoable step."""
    return save_setting(
        workspace, SettingKey.PLANNING, settings.to_json(), "Change planning settings"
    )


def propose_playbook(
    workspace: Workspace, lead_id: int, temperature: Temperature
) -> list[TouchDraft]:
    """The playbook's steps for the lead as drafts dated from today.

    Steps the lead already has an unfinished touch for (same playbook, same kind) are left
    out, so entering a column twice does not plan everything twice.
    """
    workspace.leads.get(lead_id)
    already = [
        touch.kind for touch in workspace.touches.unfinished_from_playbook(lead_id, [temperature])
    ]
    today = workspace.clock.today()
    proposals = []
    for step in load_planning_settings(workspace).playbook(temperature):
        if step.kind in already:
            already.remove(step.kind)
            continue
        proposals.append(
            TouchDraft(
                lead_id=lead_id,
                kind=step.kind,
                planned_on=today + timedelta(days=step.days_after),
                notes=step.notes,
                from_playbook=temperature,
            )
        )
    return proposals


@user_action
def plan_playbook(workspace: Workspace, lead_id: int) -> Change:
    """Plans the playbook of the lead's temperature as one step: "Plan 3 touches for 'Acme'"."""
    lead = workspace.leads.get(lead_id)
    if lead.outcome is not Outcome.OPEN:
        raise ValidationError(
            f"'{lead.name}' is {lead.outcome.value}; playbooks are for open leads"
        )
    drafts = propose_playbook(workspace, lead_id, lead.temperature)
    return plan_touches(workspace, drafts, f"Plan {count_text(len(drafts))} for '{lead.name}'")


def unfinished_playbook_touches(
    workspace: Workspace, lead_id: int, temperature: Temperature
) -> list[Touch]:
    """The lead's undone touches that the playbook of ``temperature`` planned."""
    return workspace.touches.unfinished_from_playbook(lead_id, [temperature])


def offer_after_move(workspace: Workspace, lead_id: int, previous: Column) -> PlaybookOffer:
    """What to propose after the lead moved out of ``previous`` into its current column.

    Entering a warmer or colder temperature offers its playbook. Moving to a colder column or
    to Lost offers to drop the unfinished touches of the hotter playbooks it left behind.
    """
    lead = workspace.leads.get(lead_id)
    current = lead.column
    to_plan: list[TouchDraft] = []
    if current is not previous and not current.is_outcome:
        to_plan = propose_playbook(workspace, lead_id, lead.temperature)
    return _offer(workspace, lead, to_plan, _left_behind(workspace, lead_id, previous, current))


def offer_after_add(workspace: Workspace, lead_id: int) -> PlaybookOffer:
    """What to propose for a lead just added: its column's playbook (nothing in Won or Lost)."""
    lead = workspace.leads.get(lead_id)
    to_plan: list[TouchDraft] = []
    if not lead.column.is_outcome:
        to_plan = propose_playbook(workspace, lead_id, lead.temperature)
    return _offer(workspace, lead, to_plan, [])


def _offer(
    workspace: Workspace, lead: Lead, to_plan: list[TouchDraft], to_drop: list[Touch]
) -> PlaybookOffer:
    return PlaybookOffer(
        lead_id=lead.id,
        lead_name=lead.name,
        to_plan=tuple(to_plan),
        to_drop=tuple(to_drop),
        auto_plan=load_planning_settings(workspace).auto_plan,
    )


def _left_behind(
    workspace: Workspace, lead_id: int, previous: Column, current: Column
) -> list[Touch]:
    if previous.is_outcome or current is previous or current is Column.WON:
        return []
    if current is Column.LOST:
        hotter = list(Temperature)
    else:
        warmth = _WARMTH[Temperature(current.value)]
        if warmth >= _WARMTH[Temperature(previous.value)]:
            return []
        hotter = [temperature for temperature in Temperature if _WARMTH[temperature] > warmth]
    return workspace.touches.unfinished_from_playbook(lead_id, hotter)
