"""``planner lead …`` and ``planner demo``: the board's actions for scripts and batch work."""

import argparse
import dataclasses
from typing import Any

from planner.changes import Kind
from planner.cli.arguments import count_number, enum_choice, enum_metavar, record_id
from planner.cli.output import print_fields, print_json
from planner.domain import Column, Lead, LeadDraft, Outcome, Temperature
from planner.errors import ValidationError
from planner.money import DEFAULT_CURRENCY, Money
from planner.read_models import LeadFilter
from planner.services import board, playbooks
from planner.services.demo import add_demo_data, demo_summary
from planner.services.touches import count_text
from planner.workspace import Workspace

_FIELD_OPTIONS = (
    ("--company", "company"),
    ("--title", "title"),
    ("--email", "email"),
    ("--phone", "phone"),
    ("--street", "street"),
    ("--city", "city"),
    ("--region", "region"),
    ("--postal-code", "postal_code"),
    ("--country", "country"),
    ("--source", "source"),
    ("--notes", "notes"),
)


def register(subparsers: Any) -> None:
    """Adds ``lead`` and ``demo`` to the command line."""
    demo = subparsers.add_parser(
        "demo", help="add 62 sample leads with six months of touches, campaigns and deals"
    )
    demo.set_defaults(handler=_demo)

    lead = subparsers.add_parser("lead", help="add, list, show, edit, move and delete leads")
    actions = lead.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a lead; prints its id")
    add.add_argument("name")
    _add_field_options(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list leads")
    listing.add_argument(
        "--temperature", type=enum_choice(Temperature), metavar=enum_metavar(Temperature)
    )
    listing.add_argument("--outcome", type=enum_choice(Outcome), metavar=enum_metavar(Outcome))
    listing.add_argument("--search", default="")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="show one lead")
    show.add_argument("id", type=record_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    edit = actions.add_parser("edit", help="change some fields of a lead")
    edit.add_argument("id", type=record_id)
    edit.add_argument("--name")
    _add_field_options(edit)
    edit.add_argument("--reason", help="why the lead was lost (only for a lead in Lost)")
    edit.set_defaults(handler=_edit)

    move = actions.add_parser("move", help="move a lead to a column")
    move.add_argument("id", type=record_id)
    move.add_argument("column", type=enum_choice(Column), metavar=enum_metavar(Column))
    place = move.add_mutually_exclusive_group()
    place.add_argument("--position", type=count_number, help="0 is the top; default: the bottom")
    place.add_argument(
        "--below", type=record_id, metavar="LEAD_ID", help="directly below this lead of the column"
    )
    move.add_argument("--reason", default="", help="why the lead was lost")
    move.add_argument(
        "--plan", action="store_true", help="plan the new column's playbook touches after the move"
    )
    move.set_defaults(handler=_move)

    delete = actions.add_parser("delete", help="delete a lead")
    delete.add_argument("id", type=record_id)
    delete.set_defaults(handler=_delete)


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    for option, _field in _FIELD_OPTIONS:
        parser.add_argument(option)
    parser.add_argument(
        "--temperature", type=enum_choice(Temperature), metavar=enum_metavar(Temperature)
    )
    parser.add_argument(
        "--value", help="estimated value as plain digits, e.g. 1250.00 (dot decimal, no grouping)"
    )
    parser.add_argument("--currency", help=f"three-letter code (default {DEFAULT_CURRENCY})")


def _draft_from_arguments(arguments: argparse.Namespace, base: LeadDraft) -> LeadDraft:
    changes: dict[str, Any] = {
        field: getattr(arguments, field)
        for _option, field in _FIELD_OPTIONS
        if getattr(arguments, field) is not None
    }
    if getattr(arguments, "name", None) is not None:
        changes["name"] = arguments.name
    if arguments.temperature is not None:
        changes["temperature"] = arguments.temperature
    currency = arguments.currency or (base.value.currency if base.value else DEFAULT_CURRENCY)
    if arguments.value is not None:
        changes["value"] = Money.parse(arguments.value, currency) if arguments.value else None
    elif arguments.currency is not None:
        if base.value is None:
            raise ValidationError("--currency needs --value (the lead has no value yet)", "value")
        changes["value"] = Money.parse(base.value.as_decimal_string(), currency)
    return dataclasses.replace(base, **changes)


def lead_to_json(lead: Lead, position: int) -> dict[str, Any]:
    """The JSON form of a lead, keyed like the fields of ``lead add``."""
    data = {
        field.name: getattr(lead, field.name)
        for field in dataclasses.fields(lead)
        if field.name not in ("value", "deleted_at")
    }
    data["temperature"] = lead.temperature.value
    data["outcome"] = lead.outcome.value
    data["column"] = lead.column.value
    data["value"] = lead.value.as_decimal_string() if lead.value else None
    data["currency"] = lead.value.currency if lead.value else None
    del data["rank"]
    data["position"] = position
    return data


def _demo(arguments: argparse.Namespace, workspace: Workspace) -> int:
    change = add_demo_data(workspace)
    print(demo_summary(change))
    return 0


def _add(arguments: argparse.Namespace, workspace: Workspace) -> int:
    draft = _draft_from_arguments(arguments, LeadDraft(name=arguments.name))
    print(board.add_lead(workspace, draft).created_id(Kind.LEAD))
    return 0


def _list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    found = workspace.leads.find(
        LeadFilter(
            temperature=arguments.temperature, outcome=arguments.outcome, search=arguments.search
        )
    )
    if arguments.json:
        positions = workspace.leads.positions()
        listed = [lead_to_json(lead, positions[lead.id]) for lead in found]
        print_json(listed)
        return 0
    for lead in found:
        value = str(lead.value) if lead.value else ""
        print(
            f"{lead.id:>6}  {lead.column.heading:<5}  {lead.name}  {lead.company}  {value}".rstrip()
        )
    return 0


def _show(arguments: argparse.Namespace, workspace: Workspace) -> int:
    lead = workspace.leads.get(arguments.id)
    data = lead_to_json(lead, workspace.leads.position(lead.id))
    card = workspace.leads.card(lead.id)
    data.update(
        touches_done=card.touches_done, next_touch_on=card.next_touch_on, overdue=card.overdue
    )
    if arguments.json:
        print_json(data)
        return 0
    print_fields(data)
    return 0


def _edit(arguments: argparse.Namespace, workspace: Workspace) -> int:
    lead = workspace.leads.get(arguments.id)
    board.edit_lead(
        workspace, lead.id, _draft_from_arguments(arguments, lead.draft()), arguments.reason
    )
    return 0


def _move(arguments: argparse.Namespace, workspace: Workspace) -> int:
    if arguments.reason and arguments.column is not Column.LOST:
        raise ValidationError("--reason is only for a move to lost", "reason")
    board.move_leads(
        workspace,
        [arguments.id],
        arguments.column,
        arguments.position,
        arguments.reason,
        below=arguments.below,
    )
    if arguments.plan and not arguments.column.is_outcome:
        change = playbooks.plan_playbook(workspace, arguments.id)
        planned = len(change.ids(Kind.TOUCH))
        name = workspace.leads.get(arguments.id).name
        print(
            f"Planned {count_text(planned)} for '{name}'"
            if planned
            else f"Nothing to plan: '{name}' already has its playbook's touches"
        )
    return 0


def _delete(arguments: argparse.Namespace, workspace: Workspace) -> int:
    board.delete_lead(workspace, arguments.id)
    return 0
