"""The schema as forward-only ``sqlite_utils`` migrations, oldest first.

A migration, once released, is never edited: add a new one instead. The set of names applied to a
file tells which version wrote it; a file carrying a name this list lacks comes from a newer app and
is refused (see ``database.open_database``).
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("planner")


@MIGRATIONS()
def m001_leads(db: Database) -> None:
    """Leads with their place on the board, the history of column changes, and settings."""
    db.executescript(
        """
        CREATE TABLE leads (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            company TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            temperature TEXT NOT NULL CHECK (temperature IN ('cold', 'warm', 'hot')),
            outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost')),
            lost_reason TEXT NOT NULL DEFAULT '',
            value_minor INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
            currency TEXT NOT NULL DEFAULT 'EUR',
            source TEXT NOT NULL DEFAULT '',
            referred_by INTEGER REFERENCES leads(id) ON DELETE SET NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            board_column TEXT NOT NULL
                CHECK (board_column IN ('cold', 'warm', 'hot', 'won', 'lost')),
            rank TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX leads_board ON leads (board_column, rank) WHERE deleted_at IS NULL;
        CREATE INDEX leads_referred_by ON leads (referred_by);

        CREATE TABLE column_changes (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            from_column TEXT,
            to_column TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX column_changes_lead ON column_changes (lead_id, changed_at);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )
