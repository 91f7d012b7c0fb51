"""A demo board with the sender filled in, a window whose documents go to tmp_path, PDF helpers."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from planner.documents.profile import DateFormat, PaperSize, SenderProfile
from planner.domain import Column
from planner.services.sender import save_sender_profile
from planner.workspace import Workspace
from tests.ui.conftest import open_window
from ui.documents.job_dialog import DocumentJobDialog
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings

JOB_TIMEOUT_MS = 20_000
"""Generous: a loaded test machine may render slowly; a fast one finishes in well under a second."""

SENDER = SenderProfile(
    business_name="Harbour Light Bookkeeping",
    street="12 Quay Street",
    postal_code="BS1 4DJ",
    city="Bristol",
    country="GB",
    phone="+44 117 496 0000",
    email="hello@harbourlight.example",
    website="harbourlight.example",
    signer_name="Ada Lovelace",
    signer_title="Owner",
    paper_size=PaperSize.A4,
    date_format=DateFormat.DAY_MONTH_YEAR,
    currency="GBP",
)


@pytest.fixture
def sender_workspace(demo_workspace: Workspace) -> Workspace:
    """The demo board with the business details filled in."""
    save_sender_profile(demo_workspace, SENDER)
    return demo_workspace


@pytest.fixture
def letters_folder(tmp_path: Path) -> Path:
    """Where the test's letters are written."""
    folder = tmp_path / "letters"
    folder.mkdir()
    return folder


@pytest.fixture
def window(
    qtbot: QtBot,
    sender_workspace: Workspace,
    window_settings: WindowSettings,
    letters_folder: Path,
    tmp_path: Path,
) -> MainWindow:
    """The main window on the demo board; documents go to folders in tmp_path."""
    shown = open_window(qtbot, sender_workspace, window_settings)
    working = tmp_path / "working"
    working.mkdir()
    shown.document_actions.letters_folder = letters_folder
    shown.document_actions.working_folder = working
    return shown


def cold_lead_names(workspace: Workspace) -> list[str]:
    """The names on the Cold column's cards, in board order."""
    return [card.name for card in workspace.leads.cards(Column.COLD)]


def pdf_text(path: Path) -> str:
    """All the text of a PDF, page after page."""
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdf_pages(path: Path) -> int:
    """How many pages a PDF has."""
    return len(PdfReader(path).pages)


def wait_for_job(qtbot: QtBot, dialog: DocumentJobDialog) -> None:
    """Waits until the dialog's job has ended, whichever way."""
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=JOB_TIMEOUT_MS)


def leftovers(folder: Path) -> list[Path]:
    """Temporary or staged files a job left behind in ``folder``."""
    return [path for path in folder.iterdir() if path.name.startswith(".")]
