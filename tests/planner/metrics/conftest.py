"""A planner file with a known first quarter of 2026, built through the services day by day.

The expected figures in the tests are worked out by hand from this story (see ``story``).
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from planner.changes import Kind
from planner.clock import Clock
from planner.domain import (
    CampaignDraft,
    Channel,
    Column,
    LeadDraft,
    Temperature,
    TouchDraft,
    TouchKind,
)
from planner.money import Money
from planner.services import board, campaigns, touches
from planner.services.responses import record_response
from planner.workspace import Workspace

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local days are UTC days, so a move at 10:00 UTC falls on the day the story says."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@dataclass
class Story:
    """The workspace, and each lead's and campaign's id by name."""

    workspace: Workspace
    leads: dict[str, int]
    codes: dict[str, str]

    def on(self, day: date) -> Workspace:
        """The workspace with its clock at 10:00 UTC on ``day``."""
        self.workspace.clock = Clock.fixed(datetime(day.year, day.month, day.day, 10, tzinfo=UTC))
        return self.workspace

    def add(self, name: str, day: date, column: Column, **fields: object) -> None:
        temperature = Temperature(column.value) if not column.is_outcome else Temperature.HOT
        draft = LeadDraft(name=name, temperature=temperature, **fields)  # type: ignore[arg-type]
        change = board.add_lead(self.on(day), draft, column)
        self.leads[name] = change.created_id(Kind.LEAD)

    def move(self, name: str, day: date, column: Column, reason: str = "") -> None:
        board.move_lead(self.on(day), self.leads[name], column, lost_reason=reason)

    def touch(self, name: str, day: date, kind: TouchKind = TouchKind.PHONE_CALL) -> None:
        draft = TouchDraft(self.leads[name], kind, day, done_on=day)
        touches.add_touch(self.on(day), draft)

    def campaign(self, name: str, channel: Channel, start: date, end: date, budget: str) -> None:
        amount, currency = budget.split()
        draft = CampaignDraft(
            name=name,
            channel=channel,
            target_temperature=Temperature.COLD,
            start_on=start,
            end_on=end,
            budget=Money.parse(amount, currency),
        )
        change = campaigns.create_campaign(self.on(date(2025, 9, 1)), draft)
        self.codes[name] = self.workspace.campaigns.get(
            change.created_id(Kind.CAMPAIGN)
        ).response_code

    def respond(self, campaign: str, name: str, day: date) -> None:
        record_response(self.on(day), self.codes[campaign], self.leads[name], day)


def eur(amount: str) -> Money:
    return Money.parse(amount, "EUR")


@pytest.fixture
def story(workspace: Workspace) -> Story:
    """Q1 2026, told lead by lead (EUR unless said; 'today' is Mon 16 March 2026).

    Campaigns (created before any lead, so they plan no touches):
      Spring letters, direct mail, Jan, 600 EUR; Seminar, Feb, 1000 EUR; Radio, advertising,
      Mar, 200 USD (no rate); Old promo, Oct 2025 (outside the quarter).
    Leads:
      Elm     added 10 Dec 2025 cold 4000, Referral; warm 20 Dec, hot 10 Jan, won 25 Jan;
              touches 11 Dec, 12 Jan; reopened warm 1 Mar, Radio response 3 Mar, touch 5 Mar,
              won again 10 Mar.
      Quince  added 2 Jan cold, Fair, no value, nothing since: gone quiet.
      Larch   added 3 Jan cold, Fair; lost 30 Jan "Price".
      Alder   added 5 Jan cold 1000, Fair; touch 6 Jan, Spring response 8 Jan, touch 20 Jan,
              warm 21 Jan, meeting 2 Feb, hot 3 Feb, won 10 Feb.
      Birch   added 10 Jan cold 2000, Fair, referred by Alder; touch 15 Jan, Spring response
              16 Jan, hot 1 Feb (jumping Warm), proposal 20 Feb, won 2 Mar.
      Fir     added 20 Jan hot 800; lost 20 Feb "Timing".
      Cedar   added 1 Feb warm 500 USD, Website; Seminar responses 6 and 7 Feb; lost 5 Mar
              "Price".
      Hazel   added 10 Feb warm 700, referred by Alder; hot 1 Mar.
      Dogwood added 15 Feb cold 3000, Website; Seminar response 20 Feb.
      Gorse   added 3 Mar cold 999, then deleted.
      Umbrella added 12 Mar warm 1200 USD, Website.
    """
    told = Story(workspace, {}, {})
    told.campaign(
        "Spring letters", Channel.DIRECT_MAIL, date(2026, 1, 1), date(2026, 1, 31), "600.00 EUR"
    )
    told.campaign("Seminar", Channel.SEMINAR, date(2026, 2, 1), date(2026, 2, 28), "1000.00 EUR")
    told.campaign("Radio", Channel.ADVERTISING, date(2026, 3, 1), date(2026, 3, 31), "200.00 USD")
    told.campaign(
        "Old promo", Channel.PROMOTION, date(2025, 10, 1), date(2025, 10, 31), "50.00 EUR"
    )

    told.add("Elm", date(2025, 12, 10), Column.COLD, value=eur("4000"), source="Referral")
    told.touch("Elm", date(2025, 12, 11))
    told.move("Elm", date(2025, 12, 20), Column.WARM)
    told.move("Elm", date(2026, 1, 10), Column.HOT)
    told.touch("Elm", date(2026, 1, 12))
    told.move("Elm", date(2026, 1, 25), Column.WON)

    told.add("Quince", date(2026, 1, 2), Column.COLD, source="Fair")
    told.add("Larch", date(2026, 1, 3), Column.COLD, source="Fair")
    told.add("Alder", date(2026, 1, 5), Column.COLD, value=eur("1000"), source="Fair")
    told.touch("Alder", date(2026, 1, 6), TouchKind.DIRECT_MAIL_LETTER)
    told.respond("Spring letters", "Alder", date(2026, 1, 8))
    told.add(
        "Birch",
        date(2026, 1, 10),
        Column.COLD,
        value=eur("2000"),
        source="Fair",
        referred_by=told.leads["Alder"],
    )
    told.touch("Birch", date(2026, 1, 15))
    told.respond("Spring letters", "Birch", date(2026, 1, 16))
    told.add("Fir", date(2026, 1, 20), Column.HOT, value=eur("800"))
    told.touch("Alder", date(2026, 1, 20))
    told.move("Alder", date(2026, 1, 21), Column.WARM)
    told.move("Larch", date(2026, 1, 30), Column.LOST, "Price")

    told.add(
        "Cedar", date(2026, 2, 1), Column.WARM, value=Money.parse("500", "USD"), source="Website"
    )
    told.move("Birch", date(2026, 2, 1), Column.HOT)
    told.touch("Alder", date(2026, 2, 2), TouchKind.MEETING)
    told.move("Alder", date(2026, 2, 3), Column.HOT)
    told.respond("Seminar", "Cedar", date(2026, 2, 6))
    told.respond("Seminar", "Cedar", date(2026, 2, 7))
    told.add(
        "Hazel", date(2026, 2, 10), Column.WARM, value=eur("700"), referred_by=told.leads["Alder"]
    )
    told.move("Alder", date(2026, 2, 10), Column.WON)
    told.add("Dogwood", date(2026, 2, 15), Column.COLD, value=eur("3000"), source="Website")
    told.touch("Birch", date(2026, 2, 20), TouchKind.PROPOSAL)
    told.respond("Seminar", "Dogwood", date(2026, 2, 20))
    told.move("Fir", date(2026, 2, 20), Column.LOST, "Timing")

    told.move("Elm", date(2026, 3, 1), Column.WARM)
    told.move("Hazel", date(2026, 3, 1), Column.HOT)
    told.move("Birch", date(2026, 3, 2), Column.WON)
    told.respond("Radio", "Elm", date(2026, 3, 3))
    told.add("Gorse", date(2026, 3, 3), Column.COLD, value=eur("999"))
    board.delete_lead(told.on(date(2026, 3, 4)), told.leads["Gorse"])
    told.move("Cedar", date(2026, 3, 5), Column.LOST, "Price")
    told.touch("Elm", date(2026, 3, 5))
    told.move("Elm", date(2026, 3, 10), Column.WON)
    told.add(
        "Umbrella",
        date(2026, 3, 12),
        Column.WARM,
        value=Money.parse("1200", "USD"),
        source="Website",
    )
    told.on(TODAY)
    return told
