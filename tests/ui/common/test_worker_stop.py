"""Stopping a job whose current step ignores cancel: the GUI waits a bounded time, then moves on.

The step still ends (a letter render is cut off by its budget), and the JobThread must stay
alive until it does, since Qt aborts the program when a running QThread is destroyed.
"""

import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from planner.documents.batch import CancelCheck, ProgressCallback
from tests.ui.documents.conftest import JOB_TIMEOUT_MS
from ui.common import workers
from ui.common.workers import JobThread


def test_stop_waits_a_bounded_time_and_keeps_a_stubborn_thread_alive_until_it_ends(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "STOP_WAIT_MS", 100)
    started = threading.Event()
    release = threading.Event()

    def stubborn(_progress: ProgressCallback, _is_cancelled: CancelCheck) -> object:
        started.set()
        release.wait(10)  # a step that does not look at cancel, like one long render
        return "late"

    parent = QObject()
    running = JobThread(stubborn, parent)
    running.start()
    assert started.wait(5)
    assert running.stop() is False
    assert running.is_running, "stop came back while the step still ran: the wait was bounded"
    assert running.parent() is None
    assert running in workers._OUTLIVING
    del parent  # the closing dialog goes; the running thread must not go with it
    with qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS):
        release.set()
    assert not running.is_running
    assert running not in workers._OUTLIVING


def test_stop_returns_true_once_a_cooperative_job_has_ended(qtbot: QtBot) -> None:
    def cooperative(_progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        while not is_cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    running = JobThread(cooperative)
    running.start()
    assert running.stop() is True
    assert not running.is_running


def test_a_job_left_to_finish_is_waited_for_when_the_application_quits(qtbot: QtBot) -> None:
    """``let_finish`` does not wait; quitting does, since Qt aborts on a running thread."""
    started = threading.Event()
    release = threading.Event()

    def backing_up(_progress: ProgressCallback, _is_cancelled: CancelCheck) -> object:
        started.set()
        release.wait(10)  # a step that cannot stop midway, like writing a backup
        return "copied"

    parent = QObject()
    running = JobThread(backing_up, parent)
    running.start()
    assert started.wait(5)
    running.let_finish()
    assert running.is_running, "let_finish came back at once"
    assert running.parent() is None
    assert workers.workers_outliving() == 1
    threading.Timer(0.05, release.set).start()

    workers._keeper().wait_for_all()

    assert not running.is_running
    qtbot.waitUntil(lambda: workers.workers_outliving() == 0)
