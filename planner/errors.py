"""Errors a user can cause and the front ends turn into clear messages.

Every error here carries a sentence meant for a person; the CLI prints it on one line and exits 2,
the GUI shows it in a dialog or next to the offending field.
"""


class PlannerError(Exception):
    """Base of all errors that are the user's to fix, not bugs."""


class ValidationError(PlannerError):
    """Input that cannot be stored, with the field it concerns (or ``None``)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(PlannerError):
    """A record the user named does not exist (or was deleted)."""


class DatabaseOpenError(PlannerError):
    """A file that cannot be used as a planner database; it is left untouched."""


class StaleUndoError(PlannerError):
    """The rows an undo or redo would restore were changed by something else meanwhile."""


class DatabaseBusyError(PlannerError):
    """Another program kept the file locked for writing longer than the planner waits."""


class DatabaseDamagedError(PlannerError):
    """The planner file (or a backup) fails SQLite's integrity check or cannot be read."""


class ReadOnlyDatabaseError(PlannerError):
    """The planner file was opened read-only (the user may not write it): nothing can change."""


class EmptyDatabaseError(DatabaseOpenError):
    """The path names an empty file: it becomes a planner file only when the user says so."""
