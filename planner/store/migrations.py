"""The schema as forward-only ``sqlite_utils`` migrations, oldest first.

A migration, once released, is never edited: add a new one instead. The set of names applied to a
file tells which version wrote it; a file carrying a name this list lacks comes from a newer app and
is refused (see ``database.open_database``).
"""

import json
import uuid
from decimal import ROUND_HALF_EVEN, Decimal

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


@MIGRATIONS()
def m002_touches_and_campaigns(db: Database) -> None:
    """Touches (contacts with leads, planned and done), campaigns, and this file's own id.

    The id is a random UUID stored once; calendar exports build their event UIDs from it, so the
    same file exports the same UIDs and two files never collide.
    """
    statements = (
        """
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            channel TEXT NOT NULL CHECK (channel IN
                ('direct_mail', 'promotion', 'seminar', 'email', 'phone', 'advertising', 'other')),
            target_temperature TEXT NOT NULL
                CHECK (target_temperature IN ('cold', 'warm', 'hot')),
            target_city TEXT NOT NULL DEFAULT '',
            target_source TEXT NOT NULL DEFAULT '',
            target_search TEXT NOT NULL DEFAULT '',
            start_on TEXT NOT NULL,
            end_on TEXT NOT NULL CHECK (end_on >= start_on),
            budget_minor INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0),
            currency TEXT NOT NULL DEFAULT 'EUR',
            goal TEXT NOT NULL DEFAULT '',
            offer TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            response_code TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX campaigns_dates ON campaigns (start_on, end_on)",
        """
        CREATE TABLE touches (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN
                ('direct_mail_letter', 'promotion', 'postcard', 'sales_letter', 'phone_call',
                 'email', 'meeting', 'seminar', 'presentation', 'proposal', 'invoice',
                 'contract', 'other')),
            planned_on TEXT NOT NULL,
            planned_at TEXT,
            done_on TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN
                ('reached', 'no_answer', 'interested', 'not_interested', 'call_back')),
            notes TEXT NOT NULL DEFAULT '',
            campaign_id INTEGER REFERENCES campaigns(id),
            document TEXT,
            from_playbook TEXT CHECK (from_playbook IS NULL OR from_playbook IN
                ('cold', 'warm', 'hot')),
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX touches_lead ON touches (lead_id, done_on, planned_on)",
        "CREATE INDEX touches_planned_on ON touches (planned_on)",
        "CREATE INDEX touches_unfinished ON touches (planned_on) WHERE done_on IS NULL",
        "CREATE INDEX touches_campaign ON touches (campaign_id) WHERE campaign_id IS NOT NULL",
    )
    for statement in statements:
        db.execute(statement)
    db.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('database_id', ?)",
        [json.dumps(str(uuid.uuid4()))],
    )


@MIGRATIONS()
def m003_letter_templates(db: Database) -> None:
    """The user's own letter templates (the built-in ones are files shipped with the app)."""
    db.execute(
        """
        CREATE TABLE letter_templates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('direct_mail_letter', 'sales_letter')),
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            closing TEXT NOT NULL DEFAULT '',
            show_response_code INTEGER NOT NULL DEFAULT 0 CHECK (show_response_code IN (0, 1)),
            show_qr INTEGER NOT NULL DEFAULT 0 CHECK (show_qr IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@MIGRATIONS()
def m004_lead_search_text(db: Database) -> None:
    """Folded search text stored with each lead, so searching 100,000 leads needs no Python."""
    db.execute("ALTER TABLE leads ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE leads SET search_text = planner_fold("
        "name || char(31) || company || char(31) || email || char(31) || city || char(31) || notes)"
    )


_MINOR_DIGITS_FIXED_BY_CLDR: dict[str, tuple[int, int]] = {
    "ADP": (2, 0),
    "AFN": (2, 0),
    "ALL": (2, 0),
    "BHD": (2, 3),
    "BIF": (2, 0),
    "BYR": (2, 0),
    "CLF": (2, 4),
    "COP": (2, 0),
    "DJF": (2, 0),
    "ESP": (2, 0),
    "GNF": (2, 0),
    "IDR": (2, 0),
    "IQD": (2, 0),
    "IRR": (2, 0),
    "ITL": (2, 0),
    "JOD": (2, 3),
    "KMF": (2, 0),
    "KPW": (2, 0),
    "KWD": (2, 3),
    "LAK": (2, 0),
    "LBP": (2, 0),
    "LUF": (2, 0),
    "LYD": (2, 3),
    "MGA": (2, 0),
    "MGF": (2, 0),
    "MMK": (2, 0),
    "MRO": (2, 0),
    "OMR": (2, 3),
    "PYG": (2, 0),
    "RWF": (2, 0),
    "SLL": (2, 0),
    "SOS": (2, 0),
    "STD": (2, 0),
    "SYP": (2, 0),
    "TMM": (2, 0),
    "TND": (2, 3),
    "TRL": (2, 0),
    "TWD": (0, 2),
    "UYI": (2, 0),
    "UYW": (2, 4),
    "VUV": (2, 0),
    "XAF": (2, 0),
    "XOF": (2, 0),
    "XPF": (2, 0),
    "YER": (2, 0),
    "ZMK": (2, 0),
    "ZWD": (2, 0),
}
"""Currencies whose minor digits the hand list before m005 got wrong: (stored, CLDR's).

Frozen here rather than asked of Babel, so the migration does the same on every machine forever.
The old list gave 0 digits to JPY, KRW, VND, CLP, ISK, HUF, TWD and UGX and 2 to every other code.
"""

_AMOUNT_COLUMNS = (("leads", "value_minor"), ("campaigns", "budget_minor"))
"""Every column holding minor units; the row's ``currency`` column says of which currency."""


def _rescaled(minor: int, shift: int) -> int:
    """``minor`` with ``shift`` more decimal digits; fewer digits round half to even."""
    return int(Decimal(minor).scaleb(shift).to_integral_value(rounding=ROUND_HALF_EVEN))


@MIGRATIONS()
def m005_cldr_minor_units(db: Database) -> None:
    """Rescales stored amounts to CLDR's minor units: TWD × 100, KWD/BHD/JOD × 10, XOF/PYG ÷ 100…

    Money now takes its digits from CLDR; without this a stored 1,250 TWD would read as 12.50.
    Amounts losing digits are rounded half to even to whole minor units.
    """
    codes = list(_MINOR_DIGITS_FIXED_BY_CLDR)
    placeholders = ", ".join("?" for _code in codes)
    for table, column in _AMOUNT_COLUMNS:
        rows = db.execute(
            f"SELECT id, upper(currency), {column} FROM {table} "
            f"WHERE {column} IS NOT NULL AND upper(currency) IN ({placeholders})",
            codes,
        ).fetchall()
        for row_id, currency, minor in rows:
            stored, cldr = _MINOR_DIGITS_FIXED_BY_CLDR[currency]
            db.execute(
                f"UPDATE {table} SET {column} = ? WHERE id = ?",
                [_rescaled(minor, cldr - stored), row_id],
            )


@MIGRATIONS()
def m010_catalogue_and_documents(db: Database) -> None:
    """The catalogue, proposals, invoices and contracts with their lines, and document numbers.

    ``document_counters`` and ``document_numbers`` are written outside the undo record (see
    ``planner.store.numbering``): undoing or deleting a document never gives its number back.
    Decimal quantities and percentages are stored as text, exactly as ``Decimal`` writes them.
    """
    statements = (
        """
        CREATE TABLE catalogue_items (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            description TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
            currency TEXT NOT NULL,
            tax_rate TEXT NOT NULL DEFAULT '0',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL REFERENCES leads(id),
            kind TEXT NOT NULL CHECK (kind IN ('proposal', 'invoice', 'contract')),
            number TEXT UNIQUE,
            base_number TEXT,
            revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
            status TEXT NOT NULL CHECK (status IN
                ('draft', 'sent', 'accepted', 'declined', 'superseded', 'issued', 'paid')),
            currency TEXT NOT NULL,
            discount TEXT NOT NULL DEFAULT '0',
            valid_until TEXT,
            due_on TEXT,
            start_on TEXT,
            issued_on TEXT,
            paid_on TEXT,
            decided_on TEXT,
            introduction TEXT NOT NULL DEFAULT '',
            terms TEXT NOT NULL DEFAULT '',
            customer_vat_id TEXT NOT NULL DEFAULT '',
            decline_reason TEXT NOT NULL DEFAULT '',
            payment_reference TEXT NOT NULL DEFAULT '',
            net_minor INTEGER NOT NULL DEFAULT 0,
            tax_minor INTEGER NOT NULL DEFAULT 0,
            total_minor INTEGER NOT NULL DEFAULT 0,
            source_id INTEGER REFERENCES documents(id),
            previous_id INTEGER REFERENCES documents(id),
            sender_json TEXT,
            recipient_json TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """,
        "CREATE INDEX documents_lead ON documents (lead_id, created_at)",
        "CREATE INDEX documents_kind_status ON documents (kind, status)",
        "CREATE INDEX documents_base_number ON documents (base_number, revision)",
        """
        CREATE TABLE document_lines (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            position INTEGER NOT NULL,
            description TEXT NOT NULL CHECK (length(trim(description)) > 0),
            quantity TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
            discount TEXT NOT NULL DEFAULT '0',
            tax_rate TEXT NOT NULL DEFAULT '0',
            catalogue_id INTEGER REFERENCES catalogue_items(id),
            UNIQUE (document_id, position)
        )
        """,
        """
        CREATE TABLE document_counters (
            kind TEXT NOT NULL,
            series TEXT NOT NULL,
            last_sequence INTEGER NOT NULL,
            PRIMARY KEY (kind, series)
        )
        """,
        """
        CREATE TABLE document_numbers (
            number TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            allocated_at TEXT NOT NULL
        )
        """,
    )
    for statement in statements:
        db.execute(statement)


@MIGRATIONS()
def m015_imports(db: Database) -> None:
    """The history of imports, the leads each one added or updated, and tags on leads.

    ``imported_leads.before`` holds, for a lead an import updated, the values it replaced (JSON),
    and ``fingerprint`` a hash of the lead's row just after the import; ``imports.last_touch_id``
    the newest touch before it; ``lead_tags.import_id`` the import that gave a lead a tag. "Revert
    this import" restores the values, takes its tags off, and refuses leads whose row changed
    since or that got a touch since (timestamps have only seconds; these never miss).
    """
    db.executescript(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            skipped_duplicates INTEGER NOT NULL DEFAULT 0,
            invalid INTEGER NOT NULL DEFAULT 0,
            target_column TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            tag TEXT NOT NULL DEFAULT '',
            last_touch_id INTEGER NOT NULL DEFAULT 0,
            reverted_at TEXT
        );
        CREATE TABLE imported_leads (
            id INTEGER PRIMARY KEY,
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('added', 'updated')),
            before TEXT,
            fingerprint TEXT NOT NULL
        );
        CREATE INDEX imported_leads_import ON imported_leads (import_id);
        CREATE TABLE lead_tags (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            tag TEXT NOT NULL CHECK (length(trim(tag)) > 0),
            import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
            UNIQUE (lead_id, tag)
        );
        CREATE INDEX lead_tags_tag ON lead_tags (tag);
        """
    )


@MIGRATIONS()
def m020_touch_responses(db: Database) -> None:
    """Marks the touches that are a lead's answer to a campaign (a returned reply card, a call
    quoting the response code): the dashboard counts a campaign's leads from these."""
    db.execute(
        "ALTER TABLE touches ADD COLUMN is_response INTEGER NOT NULL DEFAULT 0 "
        "CHECK (is_response IN (0, 1))"
    )
    db.execute(
        "CREATE INDEX touches_responses ON touches (campaign_id, lead_id) WHERE is_response = 1"
    )


@MIGRATIONS()
def m021_column_change_arrivals(db: Database) -> None:
    """Lets the dashboard find the moves into a column over a period (wins, losses) by index."""
    db.execute("CREATE INDEX column_changes_arrivals ON column_changes (to_column, changed_at)")


@MIGRATIONS()
def m030_column_totals(db: Database) -> None:
    """Every column's card count and value per currency, kept by triggers as leads change.

    The board shows these figures after every move; reading them from a handful of rows instead
    of grouping every lead keeps a move at 100,000 leads as quick as at 1,000. Deleted leads
    (``deleted_at`` set) are not counted, and a column and currency without leads has no row, so
    the table is the same whatever way the leads came to be as they are. Undo and redo write rows
    like any action, so the triggers keep the figures exact through them too. ``valued`` counts
    the leads that have a value, for the board's "+ 2 in other currencies".
    """
    db.executescript(
        """
        CREATE TABLE column_totals (
            board_column TEXT NOT NULL,
            currency TEXT NOT NULL,
            leads INTEGER NOT NULL,
            value_minor INTEGER NOT NULL,
            valued INTEGER NOT NULL,
            PRIMARY KEY (board_column, currency)
        ) WITHOUT ROWID;

        INSERT INTO column_totals (board_column, currency, leads, value_minor, valued)
        SELECT board_column, currency, count(*), coalesce(sum(value_minor), 0), count(value_minor)
        FROM leads WHERE deleted_at IS NULL GROUP BY board_column, currency;

        CREATE TRIGGER column_totals_after_insert AFTER INSERT ON leads
        WHEN new.deleted_at IS NULL
        BEGIN
            INSERT INTO column_totals (board_column, currency, leads, value_minor, valued)
            VALUES (
                new.board_column, new.currency, 1, coalesce(new.value_minor, 0),
                new.value_minor IS NOT NULL
            )
            ON CONFLICT DO UPDATE SET
                leads = leads + 1,
                value_minor = value_minor + excluded.value_minor,
                valued = valued + excluded.valued;
        END;

        CREATE TRIGGER column_totals_after_delete AFTER DELETE ON leads
        WHEN old.deleted_at IS NULL
        BEGIN
            UPDATE column_totals SET
                leads = leads - 1,
                value_minor = value_minor - coalesce(old.value_minor, 0),
                valued = valued - (old.value_minor IS NOT NULL)
            WHERE board_column = old.board_column AND currency = old.currency;
            DELETE FROM column_totals
            WHERE board_column = old.board_column AND currency = old.currency AND leads = 0;
        END;

        CREATE TRIGGER column_totals_after_update
        AFTER UPDATE OF board_column, currency, value_minor, deleted_at ON leads
        BEGIN
            UPDATE column_totals SET
                leads = leads - 1,
                value_minor = value_minor - coalesce(old.value_minor, 0),
                valued = valued - (old.value_minor IS NOT NULL)
            WHERE old.deleted_at IS NULL
                AND board_column = old.board_column AND currency = old.currency;
            DELETE FROM column_totals
            WHERE board_column = old.board_column AND currency = old.currency AND leads = 0;
            INSERT INTO column_totals (board_column, currency, leads, value_minor, valued)
            SELECT
                new.board_column, new.currency, 1, coalesce(new.value_minor, 0),
                new.value_minor IS NOT NULL
            WHERE new.deleted_at IS NULL
            ON CONFLICT DO UPDATE SET
                leads = leads + 1,
                value_minor = value_minor + excluded.value_minor,
                valued = valued + excluded.valued;
        END;
        """
    )


@MIGRATIONS()
def m035_touches_by_done_day(db: Database) -> None:
    """Indexes touches by the day they were done: the calendar draws a done touch on that day."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS touches_done_on ON touches (done_on) WHERE done_on IS NOT NULL"
    )
