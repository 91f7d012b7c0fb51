"""Reading campaigns: the list, the calendar's spans, their targets and their touches."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlite_utils import Database

from planner.domain import Campaign, CampaignDraft, Channel, Temperature
from planner.errors import NotFoundError
from planner.money import Money
from planner.read_models import CampaignTouchCounts
from planner.store.text_search import FOLD_FUNCTION, SEARCHABLE_TEXT_SQL, fold, search_pattern


def campaign_row(draft: CampaignDraft) -> dict[str, Any]:
    """The stored columns for the editable fields of a campaign."""
    row: dict[str, Any] = {
        "name": draft.name.strip(),
        "channel": draft.channel.value,
        "target_temperature": draft.target_temperature.value,
        "target_city": draft.target_city.strip(),
        "target_source": draft.target_source.strip(),
        "target_search": draft.target_search.strip(),
        "start_on": draft.start_on.isoformat(),
        "end_on": draft.end_on.isoformat(),
        "budget_minor": draft.budget.minor if draft.budget is not None else None,
        "goal": draft.goal.strip(),
        "offer": draft.offer.strip(),
        "notes": draft.notes,
    }
    if draft.budget is not None:
        row["currency"] = draft.budget.currency
    return row


def campaign_from_row(row: Mapping[str, Any]) -> Campaign:
    """A Campaign from a row of the ``campaigns`` table."""
    budget_minor = row["budget_minor"]
    return Campaign(
        id=row["id"],
        name=row["name"],
        channel=Channel(row["channel"]),
        target_temperature=Temperature(row["target_temperature"]),
        target_city=row["target_city"],
        target_source=row["target_source"],
        target_search=row["target_search"],
        start_on=date.fromisoformat(row["start_on"]),
        end_on=date.fromisoformat(row["end_on"]),
        budget=Money(budget_minor, row["currency"]) if budget_minor is not None else None,
        goal=row["goal"],
        offer=row["offer"],
        notes=row["notes"],
        response_code=row["response_code"],
        created_at=row["created_at"],
    )


class CampaignStore:
    """Queries over campaigns; writes go through the services' change recorder."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, campaign_id: int) -> Campaign:
        """The campaign with this id; NotFoundError if there is none."""
        rows = list(self._db.query("SELECT * FROM campaigns WHERE id = ?", [campaign_id]))
        if not rows:
            raise NotFoundError(f"There is no campaign with id {campaign_id}")
        return campaign_from_row(rows[0])

    def all(self) -> list[Campaign]:
        """Every campaign, by start date."""
        rows = self._db.query("SELECT * FROM campaigns ORDER BY start_on, end_on, id")
        return [campaign_from_row(row) for row in rows]

    def between(self, start: date, end: date) -> list[Campaign]:
        """Campaigns running on at least one day from ``start`` to ``end`` (both included)."""
        rows = self._db.query(
            "SELECT * FROM campaigns WHERE start_on <= ? AND end_on >= ? "
            "ORDER BY start_on, end_on, id",
            [end.isoformat(), start.isoformat()],
        )
        return [campaign_from_row(row) for row in rows]

    def by_response_code(self, code: str) -> Campaign:
        """The campaign a response code (as printed, any case) belongs to."""
        rows = list(
            self._db.query(
                "SELECT * FROM campaigns WHERE response_code = ?", [code.strip().upper()]
            )
        )
        if not rows:
            raise NotFoundError(f"No campaign has the response code '{code.strip()}'")
        return campaign_from_row(rows[0])

    def response_code_taken(self, code: str) -> bool:
        """True when another campaign already uses ``code``."""
        found = self._db.execute(
            "SELECT 1 FROM campaigns WHERE response_code = ?", [code]
        ).fetchone()
        return found is not None

    def target_lead_ids(self, draft: CampaignDraft) -> list[int]:
        """Open leads of the draft's temperature, narrowed by its city, source and search.

        City and source match whole values, ignoring case and accents ("lodz" finds "Łódź");
        the search is the board's search. In board order.
        """
        clauses = ["deleted_at IS NULL", "board_column = ?"]
        params: list[Any] = [draft.target_temperature.value]
        for column, wanted in (("city", draft.target_city), ("source", draft.target_source)):
            if wanted.strip():
                clauses.append(f"{FOLD_FUNCTION}(trim({column})) = ?")
                params.append(fold(wanted.strip()))
        if draft.target_search.strip():
            clauses.append(f"instr({SEARCHABLE_TEXT_SQL}, ?) > 0")
            params.append(search_pattern(draft.target_search))
        sql = f"SELECT id FROM leads WHERE {' AND '.join(clauses)} ORDER BY rank"
        return [row[0] for row in self._db.execute(sql, params)]

    def touch_ids(self, campaign_id: int, *, done: bool) -> list[int]:
        """The ids of the campaign's touches that are done (``done=True``) or still planned."""
        state = "IS NOT NULL" if done else "IS NULL"
        rows = self._db.execute(
            f"SELECT id FROM touches WHERE campaign_id = ? AND done_on {state} ORDER BY id",
            [campaign_id],
        )
        return [row[0] for row in rows]

    def planned_touch_days(self, campaign_id: int) -> dict[int, date]:
        """The day each still-planned touch of the campaign is planned for, by touch id."""
        rows = self._db.execute(
            "SELECT id, planned_on FROM touches WHERE campaign_id = ? AND done_on IS NULL",
            [campaign_id],
        )
        return {row[0]: date.fromisoformat(row[1]) for row in rows}

    def touch_counts(self, campaign_id: int | None = None) -> dict[int, CampaignTouchCounts]:
        """Planned and done touches of every campaign that has any (or of one), by campaign id."""
        narrow = "campaign_id = ?" if campaign_id is not None else "campaign_id IS NOT NULL"
        rows = self._db.execute(
            "SELECT campaign_id, count(*) - count(done_on), count(done_on) FROM touches "
            f"WHERE {narrow} GROUP BY campaign_id",
            [campaign_id] if campaign_id is not None else [],
        )
        return {row[0]: CampaignTouchCounts(row[1], row[2]) for row in rows}
