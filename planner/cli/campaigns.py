"""``planner campaign …``: create campaigns that plan a touch per target lead; list, show;
record a lead's response."""

import argparse
from typing import Any

from planner.changes import Kind
from planner.cli.arguments import enum_choice, enum_metavar, iso_date, record_id
from planner.cli.output import print_fields, print_json
from planner.domain import Campaign, CampaignDraft, Channel, Temperature
from planner.money import DEFAULT_CURRENCY, Money
from planner.read_models import CampaignTouchCounts
from planner.services import campaigns
from planner.services.responses import record_response
from planner.workspace import Workspace


def register(subparsers: Any) -> None:
    """Adds ``campaign`` to the command line."""
    campaign = subparsers.add_parser("campaign", help="create, list and show campaigns")
    actions = campaign.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add", help="create a campaign and plan its touches; prints id, response code, touches"
    )
    add.add_argument("name")
    add.add_argument(
        "--channel", type=enum_choice(Channel), metavar=enum_metavar(Channel), required=True
    )
    add.add_argument(
        "--target", type=enum_choice(Temperature), metavar=enum_metavar(Temperature), required=True
    )
    add.add_argument("--city", default="", help="only leads in this city")
    add.add_argument("--source", default="", help="only leads from this source")
    add.add_argument("--search", default="", help="only leads a board search finds")
    add.add_argument("--start", type=iso_date, required=True, metavar="YYYY-MM-DD")
    add.add_argument("--end", type=iso_date, required=True, metavar="YYYY-MM-DD")
    add.add_argument("--spread", action="store_true", help="spread the touches over the dates")
    add.add_argument("--budget", help="plain digits, e.g. 500.00 (dot decimal, no grouping)")
    add.add_argument("--currency", default=DEFAULT_CURRENCY, help="three-letter code")
    add.add_argument("--goal", default="")
    add.add_argument("--offer", default="", help="the offer printed in letters")
    add.add_argument("--notes", default="")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list campaigns by start date")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="show one campaign")
    show.add_argument("id", type=record_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    response = actions.add_parser(
        "response", help="record a lead's answer to a campaign by its response code"
    )
    response.add_argument("code", help="the campaign's response code, as printed on the reply")
    response.add_argument("lead_id", type=record_id, metavar="LEAD_ID")
    response.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    response.set_defaults(handler=_response)


def campaign_to_json(campaign: Campaign, counts: CampaignTouchCounts) -> dict[str, Any]:
    """The JSON form of a campaign with how many of its touches are planned and done."""
    return {
        "id": campaign.id,
        "name": campaign.name,
        "channel": campaign.channel.value,
        "target_temperature": campaign.target_temperature.value,
        "target_city": campaign.target_city,
        "target_source": campaign.target_source,
        "target_search": campaign.target_search,
        "start_on": campaign.start_on.isoformat(),
        "end_on": campaign.end_on.isoformat(),
        "budget": campaign.budget.as_decimal_string() if campaign.budget else None,
        "currency": campaign.budget.currency if campaign.budget else None,
        "goal": campaign.goal,
        "offer": campaign.offer,
        "notes": campaign.notes,
        "response_code": campaign.response_code,
        "created_at": campaign.created_at,
        "planned_touches": counts.planned,
        "done_touches": counts.done,
    }


def _add(arguments: argparse.Namespace, workspace: Workspace) -> int:
    draft = CampaignDraft(
        name=arguments.name,
        channel=arguments.channel,
        target_temperature=arguments.target,
        start_on=arguments.start,
        end_on=arguments.end,
        target_city=arguments.city,
        target_source=arguments.source,
        target_search=arguments.search,
        budget=Money.parse(arguments.budget, arguments.currency) if arguments.budget else None,
        goal=arguments.goal,
        offer=arguments.offer,
        notes=arguments.notes,
    )
    change = campaigns.create_campaign(workspace, draft, spread=arguments.spread)
    campaign = workspace.campaigns.get(change.created_id(Kind.CAMPAIGN))
    planned = len(change.ids(Kind.TOUCH))
    print(f"{campaign.id} {campaign.response_code} {planned} touches planned")
    return 0


def _list(arguments: argparse.Namespace, workspace: Workspace) -> int:
    store = workspace.campaigns
    counts = store.touch_counts()
    found = store.all()
    if arguments.json:
        listed = [campaign_to_json(c, counts.get(c.id, CampaignTouchCounts())) for c in found]
        print_json(listed)
        return 0
    for campaign in found:
        count = counts.get(campaign.id, CampaignTouchCounts())
        print(
            f"{campaign.id:>5}  {campaign.start_on.isoformat()} – {campaign.end_on.isoformat()}  "
            f"{campaign.response_code:<9}  {campaign.channel.label:<12}  {campaign.name}  "
            f"({count.planned} planned, {count.done} done)"
        )
    return 0


def _show(arguments: argparse.Namespace, workspace: Workspace) -> int:
    store = workspace.campaigns
    campaign = store.get(arguments.id)
    counts = store.touch_counts(campaign.id).get(campaign.id, CampaignTouchCounts())
    data = campaign_to_json(campaign, counts)
    if arguments.json:
        print_json(data)
        return 0
    print_fields(data)
    return 0


def _response(arguments: argparse.Namespace, workspace: Workspace) -> int:
    change = record_response(workspace, arguments.code, arguments.lead_id, arguments.on)
    print(f"{change.created_id(Kind.TOUCH)} {change.description}")
    return 0
