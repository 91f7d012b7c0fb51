"""Six months of a small business's history with the demo leads, relative to a given day.

The business sells a monthly service to small shops. Every lead entered Cold at its own time and
some warmed up: the column history, the touches done along the way (with outcomes), the touches
still planned (a few overdue), a finished direct-mail campaign whose replies moved leads to Warm,
a seminar still running, deals won on their days and lost with reasons, a customer who bought
twice, and leads referred by happy customers. A few leads have gone untouched for too long, so
the board has something to say on the first day.

Everything is drawn from one seeded random generator, so the same day gives the same history;
another day gives the same story shifted in time.
"""

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType

from planner.demo.samples import demo_drafts
from planner.domain import (
    CampaignDraft,
    Channel,
    Column,
    LeadDraft,
    Temperature,
    TouchKind,
    TouchOutcome,
)
from planner.locale import month_name
from planner.money import Money, minor_digits

DEMO_SEED = 20260316
"""The seed of the demo's random choices: the same seed tells the same story."""

HISTORY_DAYS = 182
"""How far back the demo business goes: six months."""

REFERENCE_RATES: Mapping[str, Decimal] = MappingProxyType(
    {
        "EUR": Decimal("1"),
        "GBP": Decimal("1.17"),
        "USD": Decimal("0.92"),
        "CAD": Decimal("0.67"),
        "AUD": Decimal("0.60"),
        "CHF": Decimal("1.05"),
        "PLN": Decimal("0.23"),
        "CZK": Decimal("0.040"),
        "HUF": Decimal("0.0025"),
        "SEK": Decimal("0.088"),
        "NOK": Decimal("0.086"),
        "DKK": Decimal("0.134"),
        "JPY": Decimal("0.0061"),
        "TWD": Decimal("0.028"),
        "TRY": Decimal("0.027"),
        "RSD": Decimal("0.0085"),
    }
)
"""Rough euros per unit, only to give the invented deals believable sizes in any home currency
and to set the demo's one exchange rate; never used for the user's own figures."""

REPEAT_CUSTOMER = "Carlos Mendes"
"""Bought a year's service, came back for a second deal and signed again last week."""

REFERRALS: Mapping[str, str] = MappingProxyType(
    {
        "Agnieszka Lewandowska": REPEAT_CUSTOMER,
        "Benjamin Carter": REPEAT_CUSTOMER,
        "Emre Kaya": "Ayşe Demir",
    }
)
"""Who referred whom: the repeat customer sent two (one of them bought), a prospect one more."""

LOST_REASONS: Mapping[str, str] = MappingProxyType(
    {
        "Nadia Haddad": "Chose a cheaper offer",
        "Willem Bakker": "No budget this year",
        "Ben Adeyemi": "Keeps doing it himself",
        "Chloé Martin": "Stopped answering",
    }
)

CLOSED_DAYS_AGO: Mapping[str, int] = MappingProxyType(
    {
        "Olivia Turner": 118,
        "Νίκος Αντωνίου": 88,
        "Benjamin Carter": 57,
        "Anja Meier": 33,
        "Ольга Иванова": 15,
        "Nadia Haddad": 100,
        "Willem Bakker": 75,
        "Ben Adeyemi": 48,
        "Chloé Martin": 21,
    }
)
"""About when each deal was won or lost, spread over the months so revenue has a history."""

UNRATED_LEAD = "Noah Steiner"
"""The one lead valued in a currency the demo gives no rate: "+ 1 in other currencies"."""


@dataclass(frozen=True)
class DemoMove:
    """A lead entering a column at a moment (the first one is when it was added)."""

    at: datetime
    column: Column


@dataclass(frozen=True)
class DemoTouch:
    """A touch of the story: done (with an outcome) or still planned; ``campaign`` is an index
    into ``DemoHistory.campaigns``."""

    kind: TouchKind
    planned_on: date
    done_on: date | None = None
    outcome: TouchOutcome | None = None
    notes: str = ""
    planned_at: time | None = None
    campaign: int | None = None


@dataclass(frozen=True)
class DemoLead:
    """One lead with its path through the columns and its touches; ``referred_by`` is an index
    into ``DemoHistory.leads``."""

    draft: LeadDraft
    moves: tuple[DemoMove, ...]
    touches: tuple[DemoTouch, ...] = ()
    lost_reason: str = ""
    referred_by: int | None = None

    @property
    def column(self) -> Column:
        """The column the lead is in today."""
        return self.moves[-1].column

    @property
    def added_at(self) -> datetime:
        """When the lead was added."""
        return self.moves[0].at


@dataclass(frozen=True)
class DemoCampaign:
    """A campaign of the story with the response code printed on its letters."""

    draft: CampaignDraft
    response_code: str
    created_at: datetime


@dataclass(frozen=True)
class DemoHistory:
    """The whole story: campaigns, leads (in board order per column) and the exchange rates the
    demo sets, in units of the home currency per unit."""

    today: date
    home_currency: str
    leads: tuple[DemoLead, ...]
    campaigns: tuple[DemoCampaign, ...]
    rates: Mapping[str, Decimal] = field(default_factory=dict)


_STAGE_TOUCHES: Mapping[Column, tuple[tuple[TouchKind, int, tuple[TouchOutcome | None, ...]], ...]]
_STAGE_TOUCHES = MappingProxyType(
    {
        Column.COLD: (
            (TouchKind.DIRECT_MAIL_LETTER, 1, (None,)),
            (TouchKind.PROMOTION, 14, (None,)),
            (TouchKind.PHONE_CALL, 35, (TouchOutcome.NO_ANSWER, TouchOutcome.CALL_BACK)),
        ),
        Column.WARM: (
            (TouchKind.PHONE_CALL, 2, (TouchOutcome.REACHED, TouchOutcome.INTERESTED)),
            (TouchKind.SALES_LETTER, 8, (None,)),
            (TouchKind.EMAIL, 20, (TouchOutcome.REACHED, TouchOutcome.NO_ANSWER)),
        ),
        Column.HOT: (
            (TouchKind.MEETING, 2, (TouchOutcome.INTERESTED,)),
            (TouchKind.PRESENTATION, 6, (TouchOutcome.INTERESTED, TouchOutcome.REACHED)),
            (TouchKind.PROPOSAL, 10, (None,)),
            (TouchKind.PHONE_CALL, 15, (TouchOutcome.REACHED, TouchOutcome.CALL_BACK)),
        ),
        Column.WON: (
            (TouchKind.CONTRACT, 0, (TouchOutcome.REACHED,)),
            (TouchKind.INVOICE, 2, (None,)),
            (TouchKind.PHONE_CALL, 30, (TouchOutcome.REACHED,)),
        ),
        Column.LOST: (),
    }
)
"""Each column's tactics (after the default playbooks): kind, days after entering, outcomes."""

_FOLLOW_UPS: Mapping[Column, tuple[int, tuple[TouchKind, ...]]] = MappingProxyType(
    {
        Column.COLD: (40, (TouchKind.PHONE_CALL, TouchKind.POSTCARD, TouchKind.EMAIL)),
        Column.WARM: (13, (TouchKind.PHONE_CALL, TouchKind.EMAIL)),
        Column.HOT: (6, (TouchKind.PHONE_CALL, TouchKind.MEETING, TouchKind.EMAIL)),
    }
)
"""After its tactics, an open lead is followed up every so many days, in one of these ways."""

_FOLLOW_UP_OUTCOMES = (
    TouchOutcome.REACHED,
    TouchOutcome.NO_ANSWER,
    TouchOutcome.CALL_BACK,
    TouchOutcome.INTERESTED,
)

_TOUCH_NOTES: Mapping[TouchKind, str] = MappingProxyType(
    {
        TouchKind.PHONE_CALL: "Follow-up call",
        TouchKind.MEETING: "One-on-one at their shop",
        TouchKind.PRESENTATION: "Showed the monthly service",
        TouchKind.PROPOSAL: "Proposal sent by email",
        TouchKind.CONTRACT: "Signed for a year",
        TouchKind.INVOICE: "First month invoiced",
    }
)

_LETTER_DAYS_AGO = 130
"""The finished mailing went out this many days before today."""
_SEMINAR_IN_DAYS = 9
"""The running seminar takes place this many days after today."""


def demo_history(today: date, home_currency: str, seed: int = DEMO_SEED) -> DemoHistory:
    """The demo's story ending ``today``, with deals valued in ``home_currency``."""
    return _Story(today, home_currency, random.Random(seed)).tell()


class _Story:
    """Builds one ``DemoHistory``; every random choice comes from ``rng`` in a fixed order."""

    def __init__(self, today: date, home_currency: str, rng: random.Random) -> None:
        self.today = today
        self.home = home_currency
        self.rng = rng
        self.second = "GBP" if home_currency != "GBP" else "EUR"
        self.unrated = "CHF" if home_currency != "CHF" else "NOK"
        self.letter_day = today - timedelta(days=_LETTER_DAYS_AGO)
        self.seminar_day = today + timedelta(days=_SEMINAR_IN_DAYS)

    def tell(self) -> DemoHistory:
        campaigns = (self._mailing(), self._seminar())
        samples = demo_drafts()
        index_of = {draft.name: index for index, (draft, _column) in enumerate(samples)}
        leads = [self._lead(draft, column) for draft, column in samples]
        leads = [
            replace(lead, referred_by=index_of.get(REFERRALS.get(lead.draft.name, "")))
            for lead in leads
        ]
        leads = self._make_some_overdue(leads)
        return DemoHistory(
            today=self.today,
            home_currency=self.home,
            leads=tuple(leads),
            campaigns=campaigns,
            rates=MappingProxyType(self._rates()),
        )

    def _rates(self) -> dict[str, Decimal]:
        if self.home not in REFERENCE_RATES:
            return {}
        rate = REFERENCE_RATES[self.second] / REFERENCE_RATES[self.home]
        return {self.second: Decimal(f"{rate:.4g}")}

    # Campaigns

    def _mailing(self) -> DemoCampaign:
        start = self.letter_day
        month = month_name(start.month)
        draft = CampaignDraft(
            name=f"{month} mailing: first month free",
            channel=Channel.DIRECT_MAIL,
            target_temperature=Temperature.COLD,
            start_on=start,
            end_on=start + timedelta(days=30),
            budget=self._money(450),
            goal="Ten replies from cold leads",
            offer="The first month of bookkeeping free",
        )
        return DemoCampaign(draft, "FIR-K7QM", self._moment(start - timedelta(days=12)))

    def _seminar(self) -> DemoCampaign:
        month = month_name(self.seminar_day.month)
        draft = CampaignDraft(
            name=f"{month} seminar: year-end books without stress",
            channel=Channel.SEMINAR,
            target_temperature=Temperature.WARM,
            start_on=self.today - timedelta(days=12),
            end_on=self.seminar_day,
            budget=self._money(800),
            goal="Eight warm leads in the room",
            offer="Free seat and a checklist to take home",
        )
        created = self._moment(self.today - timedelta(days=14))
        return DemoCampaign(draft, "SEM-4HWX", created)

    # Leads

    def _lead(self, draft: LeadDraft, column: Column) -> DemoLead:
        draft = replace(draft, value=self._value(draft))
        if draft.name in REFERRALS:
            draft = replace(draft, source="Referral")
        path = self._path(draft.name, column)
        touches = self._touches(draft.name, path)
        return DemoLead(
            draft=draft,
            moves=tuple(DemoMove(self._moment(day), stage) for day, stage in path),
            touches=touches,
            lost_reason=LOST_REASONS.get(draft.name, ""),
        )

    def _path(self, name: str, column: Column) -> list[tuple[date, Column]]:
        """The days the lead entered each column, ending in ``column``."""
        rng = self.rng
        if name == REPEAT_CUSTOMER:
            return [
                (self._ago(176), Column.COLD),
                (self._ago(163), Column.WARM),
                (self._ago(150), Column.HOT),
                (self._ago(139), Column.WON),
                (self._ago(44), Column.WARM),
                (self._ago(24), Column.HOT),
                (self._ago(6), Column.WON),
            ]
        if column is Column.COLD:
            return [(self._ago(rng.randint(3, HISTORY_DAYS - 10)), Column.COLD)]
        if REFERRALS.get(name) == REPEAT_CUSTOMER:
            added = self._ago(rng.randint(60, 120))
        else:
            added = self._ago(rng.randint(100, HISTORY_DAYS - 4))
        responded = added < self.letter_day and rng.random() < 0.35
        if responded:
            warm = self.letter_day + timedelta(days=rng.randint(4, 24))
        else:
            warm = added + timedelta(days=rng.randint(12, 60))
        if column is Column.WARM:
            if not responded:
                warm = max(self._ago(rng.randint(3, 60)), added + timedelta(days=7))
            return [(added, Column.COLD), (min(warm, self._ago(3)), Column.WARM)]
        if column is Column.HOT:
            hot = self._ago(rng.randint(2, 30))
            warm = hot - timedelta(days=rng.randint(7, 25))
            added = min(added, warm - timedelta(days=rng.randint(14, 60)))
            return [(added, Column.COLD), (warm, Column.WARM), (hot, Column.HOT)]
        closed = self._ago(CLOSED_DAYS_AGO.get(name, 60) + rng.randint(0, 5))
        hot = closed - timedelta(days=rng.randint(6, 20))
        warm = hot - timedelta(days=rng.randint(10, 30))
        added = max(warm - timedelta(days=rng.randint(12, 50)), self._ago(HISTORY_DAYS - 2))
        if column is Column.LOST and rng.random() < 0.5:
            return [(added, Column.COLD), (warm, Column.WARM), (closed, Column.LOST)]
        return [(added, Column.COLD), (warm, Column.WARM), (hot, Column.HOT), (closed, column)]

    def _touches(self, name: str, path: list[tuple[date, Column]]) -> tuple[DemoTouch, ...]:
        """The touches made in each column while the lead was there, and the next ones planned."""
        rng = self.rng
        touches: list[DemoTouch] = []
        added = path[0][0]
        if added < self.letter_day - timedelta(days=2):
            touches.append(self._mailing_touch(path))
        quiet_from = self._quiet_from(name, path)
        for stage_index, (entered, column) in enumerate(path):
            leaves = path[stage_index + 1][0] if stage_index + 1 < len(path) else None
            planned_left = 1 if rng.random() < 0.7 else 2
            for kind, day, outcomes in self._stage_plan(column, entered):
                if column is Column.COLD and kind is TouchKind.DIRECT_MAIL_LETTER and touches:
                    continue
                if leaves is not None and day >= leaves:
                    break
                if quiet_from is not None and day >= quiet_from:
                    break
                if day < self.today:
                    outcome = rng.choice(outcomes)
                    touches.append(DemoTouch(kind, day, day, outcome, _TOUCH_NOTES.get(kind, "")))
                elif leaves is None and not column.is_outcome and planned_left:
                    planned_left -= 1
                    at = time(rng.choice((9, 10, 11, 14, 15, 16)), rng.choice((0, 30)))
                    notes = _TOUCH_NOTES.get(kind, "")
                    touches.append(DemoTouch(kind, day, notes=notes, planned_at=at))
                else:
                    break
        if path[-1][1] is Column.WARM and quiet_from is None:
            touches.append(
                DemoTouch(
                    TouchKind.SEMINAR,
                    self.seminar_day,
                    planned_at=time(18, 0),
                    notes="Registered",
                    campaign=1,
                )
            )
        return tuple(sorted(touches, key=lambda touch: touch.planned_on))

    def _stage_plan(
        self, column: Column, entered: date
    ) -> Iterator[tuple[TouchKind, date, tuple[TouchOutcome | None, ...]]]:
        """The touches of a stay in ``column``: its tactics, then follow-ups at the column's
        pace for as long as the lead stays (none after a sale is closed)."""
        day = entered
        for kind, offset, outcomes in _STAGE_TOUCHES[column]:
            day = entered + timedelta(days=offset + self.rng.randint(0, 2))
            yield kind, day, outcomes
        follow_ups = _FOLLOW_UPS.get(column)
        if follow_ups is None:
            return
        pace, kinds = follow_ups
        while True:
            day += timedelta(days=pace + self.rng.randint(0, pace // 3))
            yield self.rng.choice(kinds), day, _FOLLOW_UP_OUTCOMES

    def _mailing_touch(self, path: list[tuple[date, Column]]) -> DemoTouch:
        """The finished mailing's letter; a lead that warmed up within weeks replied to it."""
        day = self.letter_day
        replied = len(path) > 1 and day < path[1][0] <= day + timedelta(days=30)
        return DemoTouch(
            TouchKind.DIRECT_MAIL_LETTER,
            day,
            day,
            TouchOutcome.INTERESTED if replied else None,
            "Replied to the mailing with its response code" if replied else "",
            campaign=0,
        )

    def _quiet_from(self, name: str, path: list[tuple[date, Column]]) -> date | None:
        """For a few open leads, the day touches stopped: they are stale today."""
        column = path[-1][1]
        if column.is_outcome or self.rng.random() > 0.22:
            return None
        entered = path[-1][0]
        return max(entered + timedelta(days=1), entered + (self.today - entered) / 3)

    def _make_some_overdue(self, leads: list[DemoLead]) -> list[DemoLead]:
        """Moves the next planned touch of a few open leads into the last days: overdue."""
        open_leads = [
            index
            for index, lead in enumerate(leads)
            if not lead.column.is_outcome and any(touch.done_on is None for touch in lead.touches)
        ]
        chosen = sorted(self.rng.sample(open_leads, min(5, len(open_leads))))
        result = list(leads)
        for index in chosen:
            lead = leads[index]
            planned = [t for t in lead.touches if t.done_on is None and t.campaign is None]
            if not planned:
                continue
            late = replace(planned[0], planned_on=self._ago(self.rng.randint(1, 6)))
            touches = [late if touch is planned[0] else touch for touch in lead.touches]
            result[index] = replace(
                lead, touches=tuple(sorted(touches, key=lambda touch: touch.planned_on))
            )
        return result

    # Values, days and moments

    def _value(self, draft: LeadDraft) -> Money | None:
        """The deal in the home currency (the UK's in the second, one lead in an unrated one)."""
        if draft.value is None:
            return None
        if draft.name == UNRATED_LEAD:
            currency = self.unrated
        elif draft.country == ("GB" if self.second == "GBP" else "IE"):
            currency = self.second
        else:
            currency = self.home
        euros = draft.value.decimal * REFERENCE_RATES.get(draft.value.currency, Decimal(1))
        return self._money(euros, currency)

    def _money(self, euros: Decimal | int, currency: str | None = None) -> Money:
        """``euros`` in ``currency`` (the home one by default), rounded to three figures."""
        code = currency or self.home
        amount = Decimal(euros) / REFERENCE_RATES.get(code, Decimal(1))
        rounded = Decimal(f"{amount:.3g}") if amount >= 100 else amount.quantize(Decimal(1))
        return Money(int(rounded.scaleb(minor_digits(code))), code)

    def _ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def _moment(self, day: date) -> datetime:
        """A working hour of ``day`` (UTC), so the stored day is the day meant."""
        return datetime.combine(
            day, time(self.rng.randint(8, 16), self.rng.choice((0, 15, 30, 45))), UTC
        )
