"""``planner touch …`` and ``planner playbook show``: contacts with leads and their planning."""

import argparse
import dataclasses
from datetime import date, time
from typing import Any

from planner.changes import Kind
from planner.cli.arguments import enum_choice, enum_metavar, iso_date, record_id
from planner.cli.output import print_json
from planner.domain import Temperature, Touch, TouchDraft, TouchKind, TouchOutcome
from planner.errors import ValidationError
from planner.read_models import TouchFilter, TouchWithLead
from planner.services import touches
from planner.services.playbooks import load_planning_settings
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds ``touch`` and ``playbook`` to the command line."""
    touch = subparsers.add_parser("touch", help="plan, mark done and list touches")
    actions = touch.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="plan a touch for a lead; prints its id")
    add.add_argument("lead_id", type=record_id, metavar="LEAD_ID")
    add.add_argument(
        "kind", type=enum_choice(TouchKind), metavar="KIND", help=enum_metavar(TouchKind)
    )
    add.add_argument("--on", type=iso_date, required=True, metavar="YYYY-MM-DD")
    add.add_argument("--at", type=clock_time, metavar="HH:MM")
    add.add_argument("--notes", default="")
    add.add_argument("--campaign", type=record_id, metavar="ID")
    add.set_defaults(handler=_add)

    done = actions.add_parser(
        "done", help="mark a planned touch done (a done one is changed with edit)"
    )
    done.add_argument("touch_id", type=record_id, metavar="TOUCH_ID")
    done.add_argument(
        "--outcome", type=enum_choice(TouchOutcome), metavar=enum_metavar(TouchOutcome)
    )
    done.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    done.set_defaults(handler=_done)

    edit = actions.add_parser(
        "edit", help="change a touch's kind, day, time or notes (a done one's outcome too)"
    )
    edit.add_argument("touch_id", type=record_id, metavar="TOUCH_ID")
    edit.add_argument(
        "--kind", type=enum_choice(TouchKind), metavar="KIND", help=enum_metavar(TouchKind)
    )
    edit.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="a planned touch's day")
    when = edit.add_mutually_exclusive_group()
    when.add_argument("--at", type=clock_time, metavar="HH:MM")
    when.add_argument("--all-day", action="store_true", help="drop the planned time")
    edit.add_argument("--notes", metavar="TEXT", help="replaces the notes ('' clears them)")
    edit.add_argument(
        "--outcome",
        type=enum_choice(TouchOutcome),
        metavar=enum_metavar(TouchOutcome),
        help="a done touch's outcome",
    )
    edit.set_defaults(handler=_edit)

    listing = actions.add_parser("list", help="list touches by planned day")
    listing.add_argument("--lead", type=record_id, metavar="ID")
    listing.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD")
    listing.add_argument("--overdue", action="store_true", help="only planned touches past due")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    playbook = subparsers.add_parser("playbook", help="show the temperature playbooks")
    playbook_actions = playbook.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = playbook_actions.add_parser("show", help="show each temperature's steps")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show_playbooks)


def clock_time(text: str) -> time:
    """An argparse ``type`` for HH:MM times."""
    try:
        moment = time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like 09:30") from None
    if moment.second or moment.microsecond or moment.tzinfo is not None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like 09:30")
    return moment


def touch_to_json(entry: TouchWithLead, today: date) -> dict[str, Any]:
    """The JSON form of a touch with its lead's name."""
    touch = entry.touch
    return {
        "id": touch.id,
        "lead_id": touch.lead_id,
        "lead_name": entry.lead_name,
        "kind": touch.kind.value,
        "planned_on": touch.planned_on.isoformat(),
        "planned_at": touch.planned_at.strftime("%H:%M") if touch.planned_at else None,
        "done_on": touch.done_on.isoformat() if touch.done_on else None,
        "outcome": touch.outcome.value if touch.outcome else None,
        "notes": touch.notes,
        "campaign_id": touch.campaign_id,
        "document": touch.document,
        "from_playbook": touch.from_playbook.value if touch.from_playbook else None,
        "overdue": touch.is_overdue(today),
    }


def _add(arguments: argparse.Namespace, workspace: Workspace) -> int:
    draft = TouchDraft(
        lead_id=arguments.lead_id,
        kind=arguments.kind,
        planned_on=arguments.on,
        planned_at=arguments.at,
        notes=arguments.notes,
        campaign_id=arguments.campaign,
    )
    print(touches.add_touch(workspace, draft).created_id(Kind.TOUCH))
    return 0


def _done(arguments: argparse.Namespace, workspace: Workspace) -> int:
    touches.mark_touch_done(workspace, arguments.touch_id, arguments.outcome, arguments.on)
    return 0


def _edit(arguments: argparse.Namespace, workspace: Workspace) -> int:
    touch = workspace.touches.get(arguments.touch_id)
    edit = touches.TouchEdit.of(touch)
    given = {
        "kind": arguments.kind,
        "planned_on": arguments.on,
        "planned_at": arguments.at,
        "notes": arguments.notes,
        "outcome": arguments.outcome,
    }
    changes = {field: value for field, value in given.items() if value is not None}
    if arguments.all_day:
        changes["planned_at"] = None
    if not changes:
        raise ValidationError(
            "Nothing to change: give --kind, --on, --at, --all-day, --notes or --outcome"
        )
    touches.edit_touch(workspace, touch.id, dataclasses.replace(edit, **changes))
    return 0


def _list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    today = workspace.clock.today()
    if arguments.lead is not None:
        workspace.leads.get(arguments.lead)
    found = workspace.touches.find_with_leads(
        TouchFilter(
            lead_id=arguments.lead,
            start=arguments.start,
            end=arguments.end,
            overdue_on=today if arguments.overdue else None,
        )
    )
    if arguments.json:
        listed = [touch_to_json(entry, today) for entry in found]
        print_json(listed)
        return 0
    for entry in found:
        touch = entry.touch
        at = touch.planned_at.strftime("%H:%M") if touch.planned_at else ""
        print(
            f"{touch.id:>6}  {touch.planned_on.isoformat()} {at:<5}  "
            f"{touch.kind.label:<18}  {entry.lead_name}  {_state(touch, today)}"
        )
    return 0


def _state(touch: Touch, today: date) -> str:
    if touch.done_on is not None:
        outcome = f" ({touch.outcome.label.lower()})" if touch.outcome else ""
        return f"done {touch.done_on.isoformat()}{outcome}"
    return "OVERDUE" if touch.is_overdue(today) else "planned"


def _show_playbooks(arguments: argparse.Namespace, workspace: Workspace) -> int:
    settings = load_planning_settings(workspace)
    if arguments.json:
        print_json(settings.to_json())
        return 0
    for temperature in Temperature:
        print(f"{temperature.value.capitalize()}:")
        for step in settings.playbook(temperature):
            notes = f"  {step.notes}" if step.notes else ""
            print(f"  day {step.days_after:>3}  {step.kind.label:<18}{notes}")
    print(f"Touch target: {settings.touch_target}")
    print(f"Quiet after: {settings.quiet_after_days} days")
    print(f"Plan automatically: {'yes' if settings.auto_plan else 'no'}")
    return 0
