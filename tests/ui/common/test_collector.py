"""Long jobs keep the collector's full passes out of their run, and give it back after."""

import gc

from pytestqt.qtbot import QtBot

from planner.documents.batch import CancelCheck, ProgressCallback
from ui.common.collector import young_collections_only
from ui.common.workers import JobThread


def test_the_collector_is_off_while_jobs_run_and_back_after_the_last() -> None:
    assert gc.isenabled()
    with young_collections_only():
        assert not gc.isenabled()
        with young_collections_only():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_job_on_its_worker_thread_runs_without_full_collections(qtbot: QtBot) -> None:
    seen: list[bool] = []

    def job(progress: ProgressCallback, _is_cancelled: CancelCheck) -> object:
        seen.append(gc.isenabled())
        progress(1, 1)
        return None

    running = JobThread(job)
    with qtbot.waitSignal(running.done, timeout=10_000):
        running.start()
    assert seen == [False]
    assert gc.isenabled()
