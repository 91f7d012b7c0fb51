"""Reading touches: a lead's timeline, the calendar's days, the agenda and overdue work.

Touches of deleted leads are left out of every query: they come back with their lead.
"""

import json
from collections.abc import Iterable, Mapping
from datetime import date, time
from typing import Any

from sqlite_utils import Database

from planner.domain import Channel, Temperature, Touch, TouchDraft, TouchKind, TouchOutcome
from planner.errors import NotFoundError
from planner.read_models import CalendarTouch, TouchFilter, TouchWithLead


def touch_row(draft: TouchDraft, created_at: str) -> dict[str, Any]:
    """The stored columns of a new touch."""
    return {
        "lead_id": draft.lead_id,
        "kind": draft.kind.value,
        "planned_on": draft.planned_on.isoformat(),
        "planned_at": time_text(draft.planned_at),
        "done_on": draft.done_on.isoformat() if draft.done_on else None,
        "outcome": draft.outcome.value if draft.outcome else None,
        "notes": draft.notes,
        "campaign_id": draft.campaign_id,
        "document": draft.document,
        "from_playbook": draft.from_playbook.value if draft.from_playbook else None,
        "created_at": created_at,
        "is_response": int(draft.is_response),
    }


def time_text(moment: time | None) -> str | None:
    """``09:30``: how a planned time is stored (minutes are the finest a plan needs)."""
    return moment.strftime("%H:%M") if moment is not None else None


def touch_from_row(row: Mapping[str, Any]) -> Touch:
    """A Touch from a row of the ``touches`` table."""
    return Touch(
        id=row["id"],
        lead_id=row["lead_id"],
        kind=TouchKind(row["kind"]),
        planned_on=date.fromisoformat(row["planned_on"]),
        planned_at=time.fromisoformat(row["planned_at"]) if row["planned_at"] else None,
        done_on=date.fromisoformat(row["done_on"]) if row["done_on"] else None,
        outcome=TouchOutcome(row["outcome"]) if row["outcome"] else None,
        notes=row["notes"],
        campaign_id=row["campaign_id"],
        document=row["document"],
        from_playbook=Temperature(row["from_playbook"]) if row["from_playbook"] else None,
        created_at=row["created_at"],
        is_response=bool(row["is_response"]),
    )


_KIND_CHANNELS = {
    TouchKind.DIRECT_MAIL_LETTER: Channel.DIRECT_MAIL,
    TouchKind.POSTCARD: Channel.DIRECT_MAIL,
    TouchKind.SALES_LETTER: Channel.DIRECT_MAIL,
    TouchKind.PROMOTION: Channel.PROMOTION,
    TouchKind.SEMINAR: Channel.SEMINAR,
    TouchKind.EMAIL: Channel.EMAIL,
    TouchKind.PHONE_CALL: Channel.PHONE,
}
"""The channel of a touch outside campaigns; kinds not listed are person-to-person: ``other``."""

_CHANNEL_SQL = (
    "coalesce(campaigns.channel, CASE touches.kind "
    + " ".join(
        f"WHEN '{kind.value}' THEN '{channel.value}'" for kind, channel in _KIND_CHANNELS.items()
    )
    + f" ELSE '{Channel.OTHER.value}' END)"
)

_KINDS = {kind.value: kind for kind in TouchKind}
_TEMPERATURES = {temperature.value: temperature for temperature in Temperature}
_CHANNELS = {channel.value: channel for channel in Channel}
"""Enum members by stored value: a dictionary look-up is several times faster than ``Enum(value)``
when the calendar converts ten thousand rows."""

_LIVE_TOUCHES = (
    "FROM touches JOIN leads ON leads.id = touches.lead_id AND leads.deleted_at IS NULL "
    "LEFT JOIN campaigns ON campaigns.id = touches.campaign_id"
)

_CALENDAR_COLUMNS = (
    "touches.id, touches.lead_id, leads.name, touches.kind, touches.planned_on, "
    f"touches.planned_at, touches.done_on, touches.campaign_id, leads.temperature, {_CHANNEL_SQL}"
)

_TIME_ORDER = "touches.planned_on, touches.planned_at IS NOT NULL, touches.planned_at, touches.id"


class TouchStore:
    """Queries over touches; writes go through the services' change recorder."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, touch_id: int) -> Touch:
        """The touch with this id; NotFoundError if there is none (or its lead is deleted)."""
        rows = list(
            self._db.query(f"SELECT touches.* {_LIVE_TOUCHES} WHERE touches.id = ?", [touch_id])
        )
        if not rows:
            raise NotFoundError(f"There is no touch with id {touch_id}")
        return touch_from_row(rows[0])

    def find(self, touch_filter: TouchFilter = TouchFilter()) -> list[Touch]:
        """Touches matching the filter, by planned day and time."""
        where, params = _touch_where(touch_filter)
        sql = f"SELECT touches.* {_LIVE_TOUCHES} WHERE {where} ORDER BY {_TIME_ORDER}"
        return [touch_from_row(row) for row in self._db.query(sql, params)]

    def find_with_leads(self, touch_filter: TouchFilter = TouchFilter()) -> list[TouchWithLead]:
        """Touches matching the filter with their lead's name and contacts, by day and time."""
        where, params = _touch_where(touch_filter)
        sql = (
            "SELECT touches.*, leads.name AS lead_name, leads.company AS lead_company, "
            "leads.phone AS lead_phone, leads.email AS lead_email, "
            "campaigns.name AS campaign_name, campaigns.response_code AS campaign_code "
            f"{_LIVE_TOUCHES} WHERE {where} ORDER BY {_TIME_ORDER}"
        )
        return [
            TouchWithLead(
                touch=touch_from_row(row),
                lead_name=row["lead_name"],
                company=row["lead_company"],
                phone=row["lead_phone"],
                email=row["lead_email"],
                campaign_name=row["campaign_name"],
                response_code=row["campaign_code"],
            )
            for row in self._db.query(sql, params)
        ]

    def for_lead(self, lead_id: int) -> list[Touch]:
        """A lead's timeline of touches, done and planned, by planned day and time."""
        return self.find(TouchFilter(lead_id=lead_id))

    def between(
        self,
        start: date,
        end: date,
        temperatures: Iterable[Temperature] | None = None,
        channels: Iterable[Channel] | None = None,
    ) -> list[CalendarTouch]:
        """Touches shown from ``start`` to ``end`` (both included), for the calendar: those still
        planned on these days and those done on them (a touch done on another day than planned is
        shown where it was done; see ``CalendarTouch.shown_on``).

        ``temperatures`` and ``channels`` narrow the list when given.
        """
        clauses = [
            "((touches.done_on IS NULL AND touches.planned_on BETWEEN ? AND ?) "
            "OR touches.done_on BETWEEN ? AND ?)"
        ]
        params: list[Any] = [start.isoformat(), end.isoformat()] * 2
        _narrow(clauses, params, "leads.temperature", temperatures)
        _narrow(clauses, params, _CHANNEL_SQL, channels)
        return self._calendar_rows(" AND ".join(clauses), params)

    def agenda(self, today: date) -> list[CalendarTouch]:
        """Touches still to do today, then those overdue from earlier days, most recent first.

        Today's touches lead because they are the day's plan. The overdue ones follow newest
        first, so the list walks back from today: yesterday's missed call, still fresh and worth
        making, sits right under today's work, while touches weeks late (often a backlog to
        re-plan rather than to do) sink to the bottom instead of burying the recent ones. Within
        a day, touches keep their order by time.
        """
        day = today.isoformat()
        order = (
            "touches.planned_on = ? DESC, touches.planned_on DESC, "
            "touches.planned_at IS NOT NULL, touches.planned_at, touches.id"
        )
        return self._calendar_rows(
            "touches.done_on IS NULL AND touches.planned_on <= ?", [day, day], order
        )

    def unfinished_from_playbook(
        self, lead_id: int, temperatures: Iterable[Temperature]
    ) -> list[Touch]:
        """The lead's undone touches that the playbooks of ``temperatures`` planned."""
        wanted = json.dumps([temperature.value for temperature in temperatures])
        sql = (
            f"SELECT touches.* {_LIVE_TOUCHES} WHERE touches.lead_id = ? "
            "AND touches.done_on IS NULL "
            "AND touches.from_playbook IN (SELECT value FROM json_each(?)) "
            f"ORDER BY {_TIME_ORDER}"
        )
        return [touch_from_row(row) for row in self._db.query(sql, [lead_id, wanted])]

    def live_lead_ids(self, lead_ids: Iterable[int]) -> set[int]:
        """Which of these leads exist and are not deleted, so touches can be planned for them."""
        sql = (
            "SELECT id FROM leads WHERE deleted_at IS NULL "
            "AND id IN (SELECT value FROM json_each(?))"
        )
        return {row[0] for row in self._db.execute(sql, [json.dumps(sorted(set(lead_ids)))])}

    def _calendar_rows(
        self, where: str, params: list[Any], order: str = _TIME_ORDER
    ) -> list[CalendarTouch]:
        sql = f"SELECT {_CALENDAR_COLUMNS} {_LIVE_TOUCHES} WHERE {where} ORDER BY {order}"
        days: dict[str, date] = {}
        times: dict[str, time] = {}

        def day(text: str) -> date:
            found = days.get(text)
            if found is None:
                found = days[text] = date.fromisoformat(text)
            return found

        def moment(text: str) -> time:
            found = times.get(text)
            if found is None:
                found = times[text] = time.fromisoformat(text)
            return found

        return [
            CalendarTouch(
                id=row[0],
                lead_id=row[1],
                lead_name=row[2],
                kind=_KINDS[row[3]],
                planned_on=day(row[4]),
                planned_at=moment(row[5]) if row[5] else None,
                done_on=day(row[6]) if row[6] else None,
                campaign_id=row[7],
                temperature=_TEMPERATURES[row[8]],
                channel=_CHANNELS[row[9]],
            )
            for row in self._db.execute(sql, params)
        ]


def _narrow(
    clauses: list[str], params: list[Any], column_sql: str, values: Iterable[Any] | None
) -> None:
    if values is None:
        return
    clauses.append(f"{column_sql} IN (SELECT value FROM json_each(?))")
    params.append(json.dumps([str(value) for value in values]))


def _touch_where(touch_filter: TouchFilter) -> tuple[str, list[Any]]:
    clauses = ["1"]
    params: list[Any] = []
    if touch_filter.lead_id is not None:
        clauses.append("touches.lead_id = ?")
        params.append(touch_filter.lead_id)
    if touch_filter.start is not None:
        clauses.append("touches.planned_on >= ?")
        params.append(touch_filter.start.isoformat())
    if touch_filter.end is not None:
        clauses.append("touches.planned_on <= ?")
        params.append(touch_filter.end.isoformat())
    if touch_filter.overdue_on is not None:
        clauses.append("touches.done_on IS NULL AND touches.planned_on < ?")
        params.append(touch_filter.overdue_on.isoformat())
    if touch_filter.campaign_id is not None:
        clauses.append("touches.campaign_id = ?")
        params.append(touch_filter.campaign_id)
    if touch_filter.planned_only:
        clauses.append("touches.done_on IS NULL")
    return " AND ".join(clauses), params
