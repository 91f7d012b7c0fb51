"""``planner template …`` and ``planner settings …``: letter templates and the sender profile."""

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.cli.output import print_json
from planner.documents.profile import PROFILE_FIELDS
from planner.documents.template_text import parse_template_text
from planner.services import sender, templates
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds ``template`` and ``settings`` to the command line."""
    template = subparsers.add_parser(
        "template", help="list, show, add, copy and delete letter templates"
    )
    actions = template.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list the built-in and your own templates")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="print a template in its text form")
    show.add_argument("name")
    show.set_defaults(handler=_show)

    add = actions.add_parser(
        "add", help="add your own template from a text file (as 'show' prints)"
    )
    add.add_argument("file", type=Path)
    add.set_defaults(handler=_add)

    copy = actions.add_parser("copy", help="copy a template to a new one of your own")
    copy.add_argument("name")
    copy.set_defaults(handler=_copy)

    delete = actions.add_parser("delete", help="delete one of your own templates")
    delete.add_argument("name")
    delete.set_defaults(handler=_delete)

    settings = subparsers.add_parser("settings", help="show or set the sender profile")
    settings_actions = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    settings_show = settings_actions.add_parser("show", help="print the sender profile")
    settings_show.add_argument("--json", action="store_true")
    settings_show.set_defaults(handler=_settings_show)
    settings_set = settings_actions.add_parser(
        "set", help=f"set one field: {', '.join(PROFILE_FIELDS)}"
    )
    settings_set.add_argument("key", metavar="KEY")
    settings_set.add_argument("value", metavar="VALUE")
    settings_set.set_defaults(handler=_settings_set)


def _list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    for template in templates.all_templates(workspace):
        origin = "built-in" if template.builtin else "yours"
        print(f"{template.name:<28} {template.kind.value:<19} {origin:<8}  {template.title}")
    return 0


def _show(arguments: argparse.Namespace, workspace: Workspace) -> int:
    sys.stdout.write(templates.find_template(workspace, arguments.name).to_text())
    return 0


def _add(arguments: argparse.Namespace, workspace: Workspace) -> int:
    path: Path = arguments.file
    template = parse_template_text(templates.read_template_file(path), path.name)
    change = templates.create_template(workspace, template.draft(), template.name)
    print(templates.template_of(workspace, change).name)
    return 0


def _copy(arguments: argparse.Namespace, workspace: Workspace) -> int:
    change = templates.copy_template(workspace, arguments.name)
    print(templates.template_of(workspace, change).name)
    return 0


def _delete(arguments: argparse.Namespace, workspace: Workspace) -> int:
    templates.delete_template(workspace, templates.user_template_id(workspace, arguments.name))
    return 0


def _settings_show(arguments: argparse.Namespace, workspace: Workspace) -> int:
    profile = sender.load_sender_profile(workspace).to_json()
    if arguments.json:
        print_json(profile)
        return 0
    for key in PROFILE_FIELDS:
        print(f"{key:>15}: {profile[key]}")
    return 0


def _settings_set(arguments: argparse.Namespace, workspace: Workspace) -> int:
    sender.set_sender_field(workspace, arguments.key, arguments.value)
    return 0
