"""The dashboard's aggregate queries: counts and sums per currency over the recorded history.

Every query groups in SQL, so a report over 100,000 leads reads a few hundred rows, not the
leads. Deleted leads are left out everywhere. Moments are compared as stored (ISO 8601 in UTC,
see ``Period.bounds``); months are the user's local months.

Revenue comes from one place, ``WON_DEALS``: today a deal is a move into Won, worth the lead's
value. When accepted proposals or paid invoices record what was sold, only that query changes.
"""

from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from planner.domain import Channel, Column, Outcome
from planner.metrics.facts import (
    CampaignFacts,
    ClosedCounts,
    CloseEffort,
    DealTotals,
    FunnelCounts,
    PipelineAmounts,
    ReasonCount,
    RelationshipFacts,
    ReportFacts,
    SourceMonth,
)
from planner.metrics.period import Period
from planner.metrics.selection import Behind, LeadSelection, Stage
from planner.money import Money
from planner.planning import PlanningSettings
from planner.store.settings import SettingKey, SettingsStore
from planner.valuation import CurrencyAmount

_STAGES = {Column.COLD: Stage.AWARENESS, Column.WARM: Stage.CONSIDERATION}
_STAGES |= {Column.HOT: Stage.CONVERSION, Column.WON: Stage.WON}


def _stage_sql(column: str) -> str:
    """The funnel stage a move into ``column`` reaches; -1 for Lost (it passes no stage)."""
    cases = " ".join(f"WHEN '{col.value}' THEN {stage.value}" for col, stage in _STAGES.items())
    return f"(CASE {column} {cases} ELSE -1 END)"


_LIVE_LEAD = "JOIN leads ON leads.id = {table}.lead_id AND leads.deleted_at IS NULL"

WON_DEALS = (
    "SELECT column_changes.lead_id AS lead_id, column_changes.changed_at AS won_at, "
    "leads.value_minor AS value_minor, leads.currency AS currency FROM column_changes "
    + _LIVE_LEAD.format(table="column_changes")
    + f" WHERE column_changes.to_column = '{Column.WON.value}'"
)
"""The deals: every move into Won, worth the lead's value (``NULL`` when it has none).

The one source of revenue for every figure (revenue, average deal, campaigns, referrals)."""

_FUNNEL_REACH = (
    "WITH entries AS ("
    " SELECT column_changes.lead_id AS lead_id, min(column_changes.changed_at) AS entered"
    " FROM column_changes "
    + _LIVE_LEAD.format(table="column_changes")
    + " WHERE column_changes.changed_at >= ? AND column_changes.changed_at < ?"
    f" AND column_changes.to_column != '{Column.LOST.value}'"
    " AND (column_changes.from_column IS NULL"
    f"  OR column_changes.from_column IN ('{Column.WON.value}', '{Column.LOST.value}'))"
    " GROUP BY column_changes.lead_id),"
    " reached AS ("
    f" SELECT entries.lead_id AS lead_id, max({_stage_sql('column_changes.to_column')}) AS stage"
    " FROM entries JOIN column_changes ON column_changes.lead_id = entries.lead_id"
    " AND column_changes.changed_at >= entries.entered AND column_changes.changed_at < ?"
    " GROUP BY entries.lead_id) "
)
"""Leads that entered the funnel in the period (added, or reopened after a win or a loss;
a step back from Warm to Cold is no new entry), with the furthest stage each reached from its
entry to the period's end."""

_LAST_CLOSES = (
    "SELECT column_changes.lead_id AS lead_id, column_changes.to_column AS closed_in,"
    " max(column_changes.changed_at) AS closed_at FROM column_changes "
    + _LIVE_LEAD.format(table="column_changes")
    + f" WHERE column_changes.to_column IN ('{Column.WON.value}', '{Column.LOST.value}')"
    " AND column_changes.changed_at >= ? AND column_changes.changed_at < ?"
    " GROUP BY column_changes.lead_id"
)
"""Each lead's last move into Won or Lost in the period (SQLite takes the bare ``closed_in``
from the row holding the ``max``): a loss corrected to a win counts as a win."""

_ANSWERS = (
    "SELECT touches.campaign_id AS campaign_id, touches.lead_id AS lead_id,"
    " count(*) AS responses, min(coalesce(touches.done_on, touches.planned_on)) AS first_on"
    " FROM touches "
    + _LIVE_LEAD.format(table="touches")
    + " WHERE touches.is_response = 1 AND touches.campaign_id IS NOT NULL"
    " GROUP BY touches.campaign_id, touches.lead_id"
)
"""Per campaign and lead: the responses recorded against the campaign's code, and the day of
the first; the leads that answered are the campaign's leads."""

_CAMPAIGN_WINS = (
    f"WITH answers AS ({_ANSWERS}), deals AS ({WON_DEALS}) "
    "SELECT answers.campaign_id AS campaign_id, answers.lead_id AS lead_id,"
    " deals.currency AS currency, deals.value_minor AS value_minor"
    " FROM answers JOIN deals ON deals.lead_id = answers.lead_id"
    " AND date(deals.won_at, 'localtime') >= answers.first_on"
)
"""The deals won by a campaign's leads on or after their first answer."""

_LAST_ACTIVITY = (
    "max(coalesce((SELECT max(touches.done_on) FROM touches WHERE touches.lead_id = leads.id),"
    " ''), coalesce((SELECT substr(max(column_changes.changed_at), 1, 10) FROM column_changes"
    " WHERE column_changes.lead_id = leads.id), substr(leads.created_at, 1, 10)))"
)

_GONE_QUIET = (
    f"leads.deleted_at IS NULL AND leads.outcome = '{Outcome.OPEN.value}'"
    " AND NOT EXISTS (SELECT 1 FROM touches WHERE touches.lead_id = leads.id"
    " AND touches.done_on IS NULL)"
    f" AND {_LAST_ACTIVITY} <= ?"
)
"""Open leads gone quiet, as the board marks them (``BoardCard.quiet``): nothing planned, and
no touch done nor change of column since the day given."""


class MetricsStore:
    """The aggregate queries behind the dashboard and ``planner report``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def facts(self, period: Period, today: date) -> ReportFacts:
        """Everything a report over ``period`` needs; ``today`` decides who has gone quiet."""
        return ReportFacts(
            funnel=self.funnel(period),
            closed=self.closed(period),
            deals=self.deals(period),
            effort=self.close_effort(period),
            pipeline=self.pipeline(),
            sources=self.sources(period),
            lost_reasons=self.lost_reasons(period),
            campaigns=self.campaigns(period),
            relationships=self.relationships(period, today),
        )

    def funnel(self, period: Period) -> FunnelCounts:
        """How many leads entered the funnel in the period, and how many reached each stage."""
        start, end = period.bounds()
        stages = ", ".join(f"total(stage >= {stage.value})" for stage in list(Stage)[1:])
        row = self._db.execute(
            f"{_FUNNEL_REACH} SELECT count(*), {stages} FROM reached", [start, end, end]
        ).fetchone()
        return FunnelCounts(*(int(value) for value in row))

    def closed(self, period: Period) -> ClosedCounts:
        """Leads closed in the period: won, and lost."""
        row = self._db.execute(
            f"SELECT total(closed_in = '{Column.WON.value}'), "
            f"total(closed_in = '{Column.LOST.value}') FROM ({_LAST_CLOSES})",
            period.bounds(),
        ).fetchone()
        return ClosedCounts(int(row[0]), int(row[1]))

    def deals(self, period: Period) -> DealTotals:
        """The deals won in the period, their values per currency, and the same per month."""
        rows = self._db.execute(
            f"WITH deals AS ({WON_DEALS}) "
            "SELECT strftime('%Y-%m', won_at, 'localtime'), currency, count(*),"
            " count(value_minor), coalesce(sum(value_minor), 0) FROM deals"
            " WHERE won_at >= ? AND won_at < ? GROUP BY 1, 2 ORDER BY 1, 2",
            period.bounds(),
        ).fetchall()
        by_currency: dict[str, CurrencyAmount] = {}
        by_month: list[tuple[str, CurrencyAmount]] = []
        for month, currency, _deals, valued, minor in rows:
            if not valued:
                continue
            amount = CurrencyAmount(Money(minor, currency), valued)
            by_month.append((month, amount))
            earlier = by_currency.get(currency)
            by_currency[currency] = amount if earlier is None else _plus(earlier, amount)
        return DealTotals(
            deals=sum(row[2] for row in rows),
            amounts=tuple(by_currency[code] for code in sorted(by_currency)),
            by_month=tuple(by_month),
        )

    def close_effort(self, period: Period) -> CloseEffort:
        """Touches done before each deal won in the period (since the lead's previous win),
        and the days from the first of them to the win."""
        row = self._db.execute(
            "WITH wins AS ("
            " SELECT column_changes.id AS id, column_changes.lead_id AS lead_id,"
            " date(column_changes.changed_at, 'localtime') AS won_on,"
            " (SELECT date(max(earlier.changed_at), 'localtime') FROM column_changes AS earlier"
            "  WHERE earlier.lead_id = column_changes.lead_id"
            f"  AND earlier.to_column = '{Column.WON.value}'"
            "  AND earlier.changed_at < column_changes.changed_at) AS previous_on"
            " FROM column_changes "
            + _LIVE_LEAD.format(table="column_changes")
            + f" WHERE column_changes.to_column = '{Column.WON.value}'"
            " AND column_changes.changed_at >= ? AND column_changes.changed_at < ?),"
            " effort AS ("
            " SELECT wins.won_on AS won_on, count(touches.id) AS touches,"
            " min(touches.done_on) AS first_on FROM wins LEFT JOIN touches"
            " ON touches.lead_id = wins.lead_id AND touches.done_on IS NOT NULL"
            " AND touches.done_on <= wins.won_on"
            " AND (wins.previous_on IS NULL OR touches.done_on > wins.previous_on)"
            " GROUP BY wins.id)"
            " SELECT count(*), total(touches), count(first_on),"
            " total(julianday(won_on) - julianday(first_on)) FROM effort",
            period.bounds(),
        ).fetchone()
        return CloseEffort(*(int(value) for value in row))

    def pipeline(self) -> PipelineAmounts:
        """The open leads' values per column and currency, as they stand today."""
        rows = self._db.execute(
            "SELECT board_column, currency, count(*), sum(value_minor) FROM leads"
            f" WHERE deleted_at IS NULL AND outcome = '{Outcome.OPEN.value}'"
            " AND value_minor IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return PipelineAmounts(
            tuple(
                (Column(column), CurrencyAmount(Money(minor, currency), count))
                for column, currency, count, minor in rows
            )
        )

    def sources(self, period: Period) -> tuple[SourceMonth, ...]:
        """New leads per source and month of the period."""
        rows = self._db.execute(
            "SELECT trim(source), strftime('%Y-%m', created_at, 'localtime'), count(*)"
            " FROM leads WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?"
            " GROUP BY 1, 2 ORDER BY 1, 2",
            period.bounds(),
        )
        return tuple(SourceMonth(source, month, leads) for source, month, leads in rows)

    def lost_reasons(self, period: Period) -> tuple[ReasonCount, ...]:
        """Why the leads lost in the period were lost, the commonest reason first."""
        rows = self._db.execute(
            f"SELECT trim(leads.lost_reason), count(*) FROM ({_LAST_CLOSES}) AS closes"
            " JOIN leads ON leads.id = closes.lead_id"
            f" WHERE closes.closed_in = '{Column.LOST.value}' GROUP BY 1 ORDER BY 2 DESC, 1",
            period.bounds(),
        )
        return tuple(ReasonCount(reason, leads) for reason, leads in rows)

    def campaigns(self, period: Period) -> tuple[CampaignFacts, ...]:
        """Campaigns running on a day of the period, with everything that came back from them
        (whenever it came)."""
        days = [period.end.isoformat(), period.start.isoformat()]
        rows = self._db.execute(
            f"WITH answers AS ({_ANSWERS}),"
            " answered AS (SELECT campaign_id, sum(responses) AS responses, count(*) AS leads"
            "  FROM answers GROUP BY campaign_id),"
            f" won AS (SELECT campaign_id, count(DISTINCT lead_id) AS leads"
            f"  FROM ({_CAMPAIGN_WINS}) GROUP BY campaign_id) "
            "SELECT campaigns.id, campaigns.name, campaigns.response_code, campaigns.channel,"
            " campaigns.budget_minor, campaigns.currency, coalesce(answered.responses, 0),"
            " coalesce(answered.leads, 0), coalesce(won.leads, 0)"
            " FROM campaigns LEFT JOIN answered ON answered.campaign_id = campaigns.id"
            " LEFT JOIN won ON won.campaign_id = campaigns.id"
            " WHERE campaigns.start_on <= ? AND campaigns.end_on >= ?"
            " ORDER BY campaigns.start_on, campaigns.id",
            days,
        ).fetchall()
        revenue = self._campaign_revenue()
        return tuple(
            CampaignFacts(
                id=row[0],
                name=row[1],
                code=row[2],
                channel=Channel(row[3]),
                budget=Money(row[4], row[5]) if row[4] is not None else None,
                responses=row[6],
                leads=row[7],
                won=row[8],
                revenue=revenue.get(row[0], ()),
            )
            for row in rows
        )

    def _campaign_revenue(self) -> dict[int, tuple[CurrencyAmount, ...]]:
        rows = self._db.execute(
            f"SELECT campaign_id, currency, count(value_minor), sum(value_minor)"
            f" FROM ({_CAMPAIGN_WINS}) WHERE value_minor IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        )
        revenue: dict[int, list[CurrencyAmount]] = {}
        for campaign_id, currency, count, minor in rows:
            revenue.setdefault(campaign_id, []).append(
                CurrencyAmount(Money(minor, currency), count)
            )
        return {campaign_id: tuple(amounts) for campaign_id, amounts in revenue.items()}

    def relationships(self, period: Period, today: date) -> RelationshipFacts:
        """Repeat customers, referrals and their revenue in the period, and leads gone quiet."""
        start, end = period.bounds()
        repeat = self._db.execute(
            "SELECT count(*) FROM (SELECT column_changes.lead_id FROM column_changes "
            + _LIVE_LEAD.format(table="column_changes")
            + f" WHERE column_changes.to_column = '{Column.WON.value}'"
            " AND column_changes.changed_at < ?"
            " GROUP BY column_changes.lead_id HAVING count(*) >= 2)",
            [end],
        ).fetchone()[0]
        referrals, referrers = self._db.execute(
            "SELECT count(*), count(DISTINCT referred_by) FROM leads"
            " WHERE deleted_at IS NULL AND referred_by IS NOT NULL"
            " AND created_at >= ? AND created_at < ?",
            [start, end],
        ).fetchone()
        revenue_rows = self._db.execute(
            f"WITH deals AS ({WON_DEALS}) SELECT deals.currency, count(*), sum(deals.value_minor)"
            " FROM deals JOIN leads ON leads.id = deals.lead_id"
            " WHERE leads.referred_by IS NOT NULL AND deals.value_minor IS NOT NULL"
            " AND deals.won_at >= ? AND deals.won_at < ? GROUP BY 1 ORDER BY 1",
            [start, end],
        )
        quiet = self._db.execute(
            f"SELECT count(*) FROM leads WHERE {_GONE_QUIET}", [self._quiet_before(today)]
        ).fetchone()[0]
        return RelationshipFacts(
            repeat_customers=repeat,
            referrals=referrals,
            referrers=referrers,
            referral_revenue=tuple(
                CurrencyAmount(Money(minor, currency), count)
                for currency, count, minor in revenue_rows
            ),
            gone_quiet=quiet,
        )

    def lead_ids(self, selection: LeadSelection, period: Period, today: date) -> list[int]:
        """The leads behind a figure, in board order."""
        sql, params = self._selection_sql(selection, period, today)
        rows = self._db.execute(
            f"SELECT id FROM leads WHERE deleted_at IS NULL AND id IN ({sql})"
            " ORDER BY board_column, rank",
            params,
        )
        return [row[0] for row in rows]

    def _selection_sql(
        self, selection: LeadSelection, period: Period, today: date
    ) -> tuple[str, list[Any]]:
        start, end = period.bounds()
        behind = selection.behind
        if behind is Behind.FUNNEL:
            return (
                f"{_FUNNEL_REACH} SELECT lead_id FROM reached WHERE stage >= ?",
                [start, end, end, selection.stage.value],
            )
        if behind is Behind.WON:
            month_clause, month_params = _month_clause("won_at", selection.month)
            return (
                f"WITH deals AS ({WON_DEALS}) SELECT lead_id FROM deals"
                f" WHERE won_at >= ? AND won_at < ?{month_clause}",
                [start, end, *month_params],
            )
        if behind is Behind.CLOSED:
            return f"SELECT lead_id FROM ({_LAST_CLOSES})", [start, end]
        if behind is Behind.PIPELINE:
            return (
                "SELECT id FROM leads"
                f" WHERE outcome = '{Outcome.OPEN.value}' AND value_minor IS NOT NULL",
                [],
            )
        if behind is Behind.SOURCE:
            month_clause, month_params = _month_clause("created_at", selection.month)
            return (
                "SELECT id FROM leads WHERE trim(source) = ?"
                f" AND created_at >= ? AND created_at < ?{month_clause}",
                [selection.source or "", start, end, *month_params],
            )
        if behind is Behind.CAMPAIGN:
            return (
                "SELECT lead_id FROM touches WHERE is_response = 1 AND campaign_id = ?",
                [selection.campaign_id],
            )
        return f"SELECT id FROM leads WHERE {_GONE_QUIET}", [self._quiet_before(today)]

    def _quiet_before(self, today: date) -> str:
        planning = PlanningSettings.from_json(SettingsStore(self._db).get(SettingKey.PLANNING))
        return (today - timedelta(days=planning.quiet_after_days)).isoformat()


def _month_clause(column: str, month: str | None) -> tuple[str, list[Any]]:
    if month is None:
        return "", []
    return f" AND strftime('%Y-%m', {column}, 'localtime') = ?", [month]


def _plus(first: CurrencyAmount, second: CurrencyAmount) -> CurrencyAmount:
    return CurrencyAmount(
        Money(first.money.minor + second.money.minor, first.money.currency),
        first.leads + second.leads,
    )
