"""Long jobs keep the collector's full passes and long lock holds out of their run, and give
both back after."""

import gc
import sys

from pytestqt.qtbot import QtBot

from planner.documents.batch import CancelCheck, ProgressCallback
from ui.common.responsive import JOB_SWITCH_INTERVAL, responsive_while_running
from ui.common.workers import JobThread


def test_jobs_run_without_the_collector_and_with_quick_hand_overs_until_the_last_ends() -> None:
    interval = sys.getswitchinterval()
    assert gc.isenabled()
    with responsive_while_running():
        assert not gc.isenabled()
        assert sys.getswitchinterval() <= JOB_SWITCH_INTERVAL
        with responsive_while_running():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert sys.getswitchinterval() == interval


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
