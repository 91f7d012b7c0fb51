"""Starting the window: which database opens, and what happens when a file will not open."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.services.board import add_lead
from planner.workspace import Workspace
from ui import app as app_module
from ui.app import initial_database, planner_application, run_window
from ui.database_files import FailureChoice, open_workspace_asking
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


def test_the_database_asked_for_wins_then_the_last_one_then_the_default(
    tmp_path: Path, window_settings: WindowSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "default" / "planner.db"
    monkeypatch.setattr(app_module, "default_database_path", lambda: default)
    asked = tmp_path / "asked.db"
    assert initial_database(asked, window_settings) == asked
    assert initial_database(None, window_settings) == default
    last = tmp_path / "last.db"
    Workspace.open(last).close()
    window_settings.remember_database(last)
    assert initial_database(None, window_settings) == last.resolve()
    last.unlink()
    assert initial_database(None, window_settings) == default


def test_a_refused_file_offers_a_new_one_and_leaves_the_old_untouched(tmp_path: Path) -> None:
    stranger = tmp_path / "letter.txt"
    stranger.write_text("Dear Sir")
    fresh = tmp_path / "fresh.db"
    messages: list[str] = []

    def after_failure(_parent: QWidget | None, message: str, _label: str) -> FailureChoice:
        messages.append(message)
        return FailureChoice.CREATE_NEW

    workspace = open_workspace_asking(
        stranger, after_failure=after_failure, ask_new=lambda _parent, _near: fresh
    )
    assert workspace is not None
    assert workspace.path == fresh
    workspace.close()
    assert stranger.read_text() == "Dear Sir"
    assert messages == [f"{stranger} is not a planner database (it is not a SQLite file)"]


def test_a_cancelled_file_dialog_asks_again_and_giving_up_opens_nothing(tmp_path: Path) -> None:
    stranger = tmp_path / "letter.txt"
    stranger.write_text("Dear Sir")
    choices = [FailureChoice.OPEN_ANOTHER, FailureChoice.GIVE_UP]
    asked: list[Path] = []

    def ask_existing(_parent: QWidget | None, near: Path) -> Path | None:
        asked.append(near)
        return None

    workspace = open_workspace_asking(
        stranger,
        after_failure=lambda _parent, _message, _label: choices.pop(0),
        ask_existing=ask_existing,
    )
    assert workspace is None
    assert asked == [stranger]
    assert choices == []


def test_the_application_is_named_for_its_settings(qtbot: QtBot) -> None:
    application = planner_application()
    assert application is QApplication.instance()
    assert application.applicationName() == "planner"
    assert application.organizationName() == "planner"


def test_the_window_opens_on_the_last_database_and_runs_until_closed(
    qtbot: QtBot, tmp_path: Path, window_settings: WindowSettings
) -> None:
    path = tmp_path / "shop.db"
    workspace = Workspace.open(path)
    add_lead(workspace, LeadDraft(name="Acme Bakery"))
    workspace.close()
    window_settings.remember_database(path)
    seen: list[str] = []

    def look_and_close() -> None:
        window = next(
            widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)
        )
        seen.append(window.board.models[Column.COLD].card(0).name)
        window.close()

    QTimer.singleShot(0, look_and_close)
    assert run_window(planner_application(), None, window_settings) == 0
    assert seen == ["Acme Bakery"]
