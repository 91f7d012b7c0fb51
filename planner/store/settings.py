"""Settings as JSON values under fixed keys in the ``settings`` table.

Each feature owns one key and one frozen dataclass for its value (the sender profile, planning
preferences …); this module only stores and loads the JSON.
"""

import json
from enum import StrEnum
from typing import Any

from sqlite_utils import Database


class SettingKey(StrEnum):
    """The keys of the settings table; one per feature."""

    PLANNING = "planning"
    SENDER_PROFILE = "sender_profile"
    DATABASE_ID = "database_id"
    PIPELINE = "pipeline"
    DOCUMENT_NUMBERS = "document_numbers"
    DOCUMENT_TEXTS = "document_texts"
    IMPORT_MAPPINGS = "import_mappings"


class SettingsStore:
    """Reads settings; writes go through ``planner.services.settings`` so they can be undone."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: SettingKey) -> Any | None:
        """The decoded JSON stored under ``key``, or ``None`` when it was never set."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key.value]).fetchone()
        return json.loads(row[0]) if row else None


def encode_setting(value: Any) -> str:
    """The stored form of a setting value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
