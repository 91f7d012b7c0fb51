"""The window paints its file's board first and checks the file right after, off the GUI thread."""

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain import Column, LeadDraft
from planner.errors import DatabaseOpenError
from planner.services.backups import backups_of
from planner.services.board import add_lead
from planner.services.integrity import IntegrityCheck
from planner.services.settings import save_setting
from planner.store import database
from planner.store.backups import integrity_problems
from planner.store.settings import SettingKey
from planner.workspace import Workspace
from tests.planner.store.test_backups import damage
from tests.ui.conftest import open_window
from ui import deferred_check
from ui.app import open_main_window
from ui.common.workers import JobThread, workers_outliving
from ui.database_files import open_confirming_empty
from ui.file_safety import DamageReporter
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings


def _file_with_a_lead(path: Path) -> None:
    """A planner file with one lead; closing it after the change makes its first backup."""
    seed = Workspace.open(path)
    add_lead(seed, LeadDraft(name="Acme Bakery"))
    seed.close()


def _damage_away_from_the_board(path: Path) -> None:
    """Garbage over the page of a table the board does not read (a document's lines), so the
    window paints and only its integrity check finds the damage."""
    with closing(sqlite3.connect(path)) as connection:
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'document_lines'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\xab" * 512)


def _window_as_opened_by_the_planner(
    qtbot: QtBot, path: Path, settings: WindowSettings
) -> MainWindow:
    """The file opened as the window opens files, the window shown, and its check over."""
    workspace = open_confirming_empty(path, None)
    assert workspace.integrity is IntegrityCheck.DEFERRED
    window = open_window(qtbot, workspace, settings)
    qtbot.waitUntil(lambda: not window.integrity_check.running)
    return window


def _boxes(window: MainWindow) -> list[str]:
    return [box.objectName() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_damaged_file_is_restored_after_the_window_painted_and_the_user_told(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    _file_with_a_lead(database_path)
    _damage_away_from_the_board(database_path)
    window = _window_as_opened_by_the_planner(qtbot, database_path, window_settings)
    notice = window.findChild(QMessageBox, "file-notice")
    assert notice is not None
    assert notice.isVisible()
    assert "planner.db was damaged and was restored from the backup of" in notice.text()
    assert "The damaged file was kept as planner.db.damaged-" in notice.text()
    assert "since the file opened" not in notice.text(), "nothing was done meanwhile"
    assert window.workspace.integrity is IntegrityCheck.AT_OPEN, "the restored file was checked"
    assert [lead.name for lead in window.workspace.leads.find()] == ["Acme Bakery"]
    assert len(list(database_path.parent.glob("planner.db.damaged-*"))) == 1
    notice.close()


def test_what_the_user_did_before_the_check_found_damage_is_named(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    _file_with_a_lead(database_path)
    _damage_away_from_the_board(database_path)
    workspace = open_confirming_empty(database_path, None)
    window = MainWindow(workspace, window_settings)
    qtbot.addWidget(window)
    forget = "Forget the import mappings"
    change = window.operations.run(
        lambda workspace: save_setting(workspace, SettingKey.IMPORT_MAPPINGS, {}, forget)
    )
    assert change is not None, "a change made before the window is shown, so before the check"
    window.show()
    qtbot.waitUntil(lambda: not window.integrity_check.running)
    notice = window.findChild(QMessageBox, "file-notice")
    assert notice is not None
    assert (
        "What you did since the file opened (Forget the import mappings) was saved in the damaged "
        "file, not in the backup: please do it again." in notice.text()
    )
    assert window.undo_stack.count() == 0, "its steps belonged to the damaged file"
    notice.close()


def test_a_sound_file_shows_no_message_and_gets_its_daily_backup_after_the_check(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    _file_with_a_lead(database_path)
    for backup in backups_of(database_path):
        backup.path.unlink()
    window = _window_as_opened_by_the_planner(qtbot, database_path, window_settings)
    assert _boxes(window) == []
    assert window.workspace.integrity is IntegrityCheck.DEFERRED, "the same file stays open"
    assert [backup.leads for backup in backups_of(database_path)] == [1]
    assert list(database_path.parent.glob("*.damaged-*")) == []


def test_damage_without_a_backup_is_told_and_the_file_left_open_as_it_was(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    _file_with_a_lead(database_path)
    for backup in backups_of(database_path):
        backup.path.unlink()
    _damage_away_from_the_board(database_path)
    window = _window_as_opened_by_the_planner(qtbot, database_path, window_settings)
    message = window.integrity_check.message
    assert message is not None
    assert message.objectName() == "file-damaged"
    assert message.isVisible()
    assert "is damaged (" in message.text()
    assert "there is no sound backup to restore" in message.text()
    assert "open another file (File ▸ Open Database…)" in message.text()
    assert not window.workspace.closed
    assert list(database_path.parent.glob("*.damaged-*")) == []
    message.close()


def test_opening_for_the_window_runs_quick_check_only_off_the_gui_thread(
    qtbot: QtBot,
    database_path: Path,
    window_settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _file_with_a_lead(database_path)
    threads: list[threading.Thread] = []
    checked = database.integrity_problems

    def recording(path: Path, *, quick: bool = False, live: bool = False) -> list[str]:
        if quick:
            threads.append(threading.current_thread())
        return checked(path, quick=quick, live=live)

    monkeypatch.setattr(database, "integrity_problems", recording)
    workspace = open_confirming_empty(database_path, None)
    assert threads == [], "opening the file did not check it"
    window = MainWindow(workspace, window_settings)
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert (threads, window.integrity_check.running) == ([], True), "nothing before the paint"
    window.show()
    qtbot.waitUntil(lambda: not window.integrity_check.running)
    assert len(threads) == 1
    assert threads[0] is not threading.main_thread()


def test_damage_met_while_the_board_is_first_read_is_repaired_at_once(
    qtbot: QtBot, database_path: Path, window_settings: WindowSettings
) -> None:
    _file_with_a_lead(database_path)
    damage(database_path)  # the leads' own pages: the board cannot be read
    workspace = open_confirming_empty(database_path, None)
    assert workspace.integrity is IntegrityCheck.DEFERRED
    window = open_main_window(workspace, window_settings)
    assert window is not None
    qtbot.addWidget(window)
    assert workspace.closed
    assert window.workspace.integrity is IntegrityCheck.AT_OPEN
    assert window.board.models[Column.COLD].rowCount() == 1
    notice = window.findChild(QMessageBox, "file-notice")
    assert notice is not None
    assert "planner.db was damaged and was restored from the backup of" in notice.text()
    notice.close()


def test_damage_met_by_a_read_before_the_check_is_left_to_the_check(
    main_window: MainWindow,
) -> None:
    passed_on: list[BaseException] = []
    pending = [True]
    reporter = DamageReporter(
        main_window, lambda _kind, error, _trace: passed_on.append(error), lambda: pending[0]
    )
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    reporter(sqlite3.DatabaseError, malformed, None)
    assert reporter.box is None, "the check that is to come repairs the file and tells"
    pending[0] = False
    reporter(sqlite3.DatabaseError, malformed, None)
    assert reporter.box is not None
    assert reporter.box.isVisible()
    assert passed_on == []
    reporter.box.close()


@pytest.mark.parametrize(
    ("failure", "told"),
    [
        (DatabaseOpenError("The disk is full"), "The disk is full"),
        (
            sqlite3.OperationalError("database or disk is full"),
            "the backup could not be restored (database or disk is full)",
        ),
    ],
)
def test_a_repair_that_fails_after_the_file_was_closed_asks_for_another_file(
    qtbot: QtBot,
    database_path: Path,
    window_settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    told: str,
) -> None:
    _file_with_a_lead(database_path)
    _damage_away_from_the_board(database_path)

    def disk_full(_database: Path, _backup: Path) -> None:
        raise failure

    asked: list[tuple[Path, str | None]] = []

    cursors_while_asking: list[object] = []

    def give_up(path: Path, _parent: object, **options: object) -> None:
        failure = options.get("failure")
        asked.append((path, failure if isinstance(failure, str) else None))
        cursors_while_asking.append(QApplication.overrideCursor())

    monkeypatch.setattr(database, "restore_into", disk_full)
    monkeypatch.setattr(deferred_check, "open_workspace_asking", give_up)
    workspace = open_confirming_empty(database_path, None)
    window = open_window(qtbot, workspace, window_settings)
    qtbot.waitUntil(lambda: asked != [])
    assert [path for path, _failure in asked] == [database_path]
    assert told in (asked[0][1] or "")
    assert cursors_while_asking == [None], "no wait cursor over the question"
    assert workspace.closed
    assert list(database_path.parent.glob("*.damaged-*")) == [], "put back where it was"
    assert integrity_problems(database_path) != []
    assert not window.isVisible(), "the user gave up: the window closed"


def test_closing_while_the_check_runs_neither_waits_for_it_nor_backs_up_the_unchecked_file(
    qtbot: QtBot,
    database_path: Path,
    window_settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check (and the daily backup after it) may take seconds on a big file: the window
    closes at once and leaves it to finish; a change made meanwhile is not copied into a backup
    before the file was found sound."""
    _file_with_a_lead(database_path)
    started, release_check = threading.Event(), threading.Event()
    checking = deferred_check.check_opened_file

    def slow_check(path: Path, *, read_only: bool) -> object:
        started.set()
        release_check.wait(10)
        return checking(path, read_only=read_only)

    waited: list[str] = []
    stopping, letting_finish = JobThread.stop, JobThread.let_finish

    def stop(job: JobThread) -> bool:
        waited.append("stop")
        return stopping(job)

    def let_finish(job: JobThread) -> None:
        waited.append("let_finish")
        letting_finish(job)

    monkeypatch.setattr(deferred_check, "check_opened_file", slow_check)
    monkeypatch.setattr(JobThread, "stop", stop)
    monkeypatch.setattr(JobThread, "let_finish", let_finish)
    workspace = open_confirming_empty(database_path, None)
    window = open_window(qtbot, workspace, window_settings)
    qtbot.waitUntil(started.is_set)
    add_lead(window.workspace, LeadDraft(name="Made before the check"))
    backups_before = len(backups_of(database_path))

    window.close()

    assert waited == ["let_finish"], "the window did not wait for the check to end"
    assert workspace.closed
    assert len(backups_of(database_path)) == backups_before
    release_check.set()
    qtbot.waitUntil(lambda: not workers_outliving())


def test_the_repair_waits_until_no_dialog_is_open(
    qtbot: QtBot,
    database_path: Path,
    window_settings: WindowSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dialog (or a job with its own connection) would go on with the damaged file once it is
    set aside: the restore waits for it to close, and the file is not backed up meanwhile."""
    _file_with_a_lead(database_path)
    _damage_away_from_the_board(database_path)
    release_check = threading.Event()
    checking = deferred_check.check_opened_file

    def held_check(path: Path, *, read_only: bool) -> object:
        release_check.wait(10)
        return checking(path, read_only=read_only)

    monkeypatch.setattr(deferred_check, "check_opened_file", held_check)
    workspace = open_confirming_empty(database_path, None)
    window = open_window(qtbot, workspace, window_settings)
    dialog = QDialog(window)
    dialog.open()
    release_check.set()
    qtbot.waitUntil(lambda: window.integrity_check.repair_pending)
    qtbot.wait(3 * deferred_check.REPAIR_RETRY_MS)
    assert window.integrity_check.running, "the check is not over until the file is repaired"

    assert list(database_path.parent.glob("*.damaged-*")) == [], "nothing moved under the dialog"
    assert window.workspace is workspace
    assert not window.integrity_check.found_sound, "a damaged file is never backed up"

    dialog.close()
    qtbot.waitUntil(lambda: window.workspace is not workspace)
    assert len(list(database_path.parent.glob("*.damaged-*"))) == 1
    assert window.integrity_check.found_sound
