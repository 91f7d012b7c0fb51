"""What the report prints, as plain text values: the job words every figure, the writer in
``planner/documents/report.py`` lays them out. Kept apart from the writer so the command line
reads them without loading reportlab."""

from dataclasses import dataclass

from planner.documents.profile import SenderProfile


@dataclass(frozen=True)
class KeyFigure:
    """One tile: its name and its value as text."""

    label: str
    value: str


@dataclass(frozen=True)
class ReportTable:
    """A titled table of text; the first column is read as a name, the others as figures."""

    title: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = "Nothing in this period"


@dataclass(frozen=True)
class ReportPages:
    """Everything the report prints, as text."""

    title: str
    period_text: str
    sender: SenderProfile
    key_figures: tuple[KeyFigure, ...]
    tables: tuple[ReportTable, ...]
    definitions: tuple[tuple[str, str], ...] = ()
