"""Running a document job off the GUI thread, with progress and cancel.

A job is any callable taking a progress callback and a cancel check (the shape of the jobs in
``planner.services.document_jobs``); it runs on its own ``QThread`` and opens its own read
connection when it needs the database, since a SQLite connection belongs to the thread that
opened it. Results and problems come back to the GUI thread through queued signals, so the
window stays responsive.
"""

import threading
import time
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from planner.documents.batch import CancelCheck, MergeCancelledError, ProgressCallback
from planner.errors import PlannerError
from ui.common.responsive import responsive_while_running, sweep

Job = Callable[[ProgressCallback, CancelCheck], object]
"""Work to run on the worker thread: reports (done, total), stops when asked, returns a result."""

STOP_WAIT_MS = 5_000
"""How long ``JobThread.stop`` waits for the thread: a few render budgets of one letter."""

_OUTLIVING: set["JobThread"] = set()
"""JobThreads whose thread outlasted ``stop``; each stays here, alive, until its thread ends."""


class _ThreadKeeper(QObject):
    """Holds every started thread and its worker until the thread has ended.

    Qt aborts the program when a running QThread is destroyed, and a JobThread may go at any
    moment with the widget that owns it (a dialog deleted while its preview still renders). So
    the thread is nobody's Qt child: this keeper, living on the GUI thread, drops it once it has
    ended, whatever became of its JobThread.
    """

    def __init__(self) -> None:
        super().__init__()
        self._kept: dict[QThread, JobWorker] = {}

    def keep(self, thread: QThread, worker: "JobWorker") -> None:
        """Keeps ``thread`` and ``worker`` alive until the thread has ended."""
        self._kept[thread] = worker
        thread.finished.connect(self._release)

    def running(self) -> int:
        """How many of the kept threads still run."""
        return sum(thread.isRunning() for thread in self._kept)

    def wait_for_all(self) -> None:
        """Waits for every thread still running: the application is quitting, and Qt aborts a
        program that ends with a thread still running (a job left to finish, ``let_finish``)."""
        for thread in list(self._kept):
            thread.wait()

    @Slot()
    def _release(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()
            self._kept.pop(thread, None)


def jobs_running() -> int:
    """How many jobs' threads still run, in the whole application."""
    return _keeper().running()


def workers_outliving() -> int:
    """How many jobs left to finish (``let_finish``, or a ``stop`` that timed out) still run."""
    return len(_OUTLIVING)


@cache
def _keeper() -> _ThreadKeeper:
    """The one keeper, made on the GUI thread by the first job started; the application waits
    for its threads before it quits."""
    keeper = _ThreadKeeper()
    application = QCoreApplication.instance()
    if application is not None:
        application.aboutToQuit.connect(keeper.wait_for_all)
    return keeper


class JobWorker(QObject):
    """Runs one job on the thread it was moved to.

    Signals:
        progress(int, int): (done, total) as the job reports it.
        finished(object): the job's result.
        failed(str): a sentence saying why the job stopped; nothing was written.
        cancelled(): the job stopped because ``cancel`` was called; nothing was written.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel_requested = threading.Event()

    def cancel(self) -> None:
        """Asks the job to stop before its next step (safe to call from any thread)."""
        self._cancel_requested.set()

    @property
    def cancel_requested(self) -> bool:
        """True once ``cancel`` was called."""
        return self._cancel_requested.is_set()

    def _report_progress(self, done: int, total: int) -> None:
        """Announces progress, then lets the GUI thread take the interpreter lock to show it.

        Without the pause a busy job can keep the lock for many steps, and the bar would jump.
        """
        self.progress.emit(done, total)
        sweep()
        time.sleep(0)

    @Slot()
    def run(self) -> None:
        """Runs the job and announces how it ended; never lets an exception escape the thread."""
        try:
            with responsive_while_running():
                result = self._job(self._report_progress, self._cancel_requested.is_set)
        except MergeCancelledError:
            self.cancelled.emit()
        except (PlannerError, OSError) as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must end the job visibly, not hang its dialog
            self.failed.emit(f"The job stopped unexpectedly ({type(error).__name__}: {error})")
        else:
            self.finished.emit(result)


class JobThread(QObject):
    """A worker, the thread it runs on, and its signals relayed on the GUI thread.

    Connect to this object's signals, not the worker's: they are emitted on the thread that made
    the JobThread (the GUI thread), so any callable connected to them runs there too.

    Signals:
        progress(int, int): (done, total) as the job reports it.
        finished(object): the job's result.
        failed(str): a sentence saying why the job stopped; nothing was written.
        cancelled(): the job stopped because it was cancelled; nothing was written.
        done(): the thread has stopped, whichever way the job ended; the JobThread may go.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        """Prepares ``job``; connect to the signals, then call ``start``."""
        super().__init__(parent)
        self.worker = worker = JobWorker(job)
        self._thread = QThread()
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.run)
        worker.progress.connect(self._relay_progress)
        worker.finished.connect(self._relay_finished)
        worker.failed.connect(self._relay_failed)
        worker.cancelled.connect(self._relay_cancelled)
        self._thread.finished.connect(self._relay_done)

    def start(self) -> None:
        """Starts the job on its thread."""
        _keeper().keep(self._thread, self.worker)
        self._thread.start()

    @property
    def is_running(self) -> bool:
        """True until the thread has stopped."""
        return self._thread.isRunning()

    def cancel(self) -> None:
        """Asks the job to stop before its next step; ``cancelled`` follows."""
        self.worker.cancel()

    @property
    def cancel_requested(self) -> bool:
        """True once the job was asked to stop."""
        return self.worker.cancel_requested

    def stop(self) -> bool:
        """Cancels the job and waits, at most ``STOP_WAIT_MS``, for its thread to stop.

        Used when a dialog closes mid-run. Jobs check for cancel between steps, and the longest
        step, rendering one letter, is cut off by the template render budget
        (``planner.documents.templating.RENDER_SECONDS``), so the thread ends well within the
        wait and the GUI never freezes on a runaway template. Should a step still outlast it,
        this JobThread leaves its parent and keeps itself alive until ``done``, since Qt aborts
        the program when a running QThread is destroyed. True when the thread has stopped.
        """
        self.worker.cancel()
        self._thread.quit()
        if self._thread.wait(STOP_WAIT_MS):
            return True
        self.setParent(None)
        _OUTLIVING.add(self)
        self.done.connect(lambda: _OUTLIVING.discard(self))
        return False

    def let_finish(self) -> None:
        """Asks the job to stop but does not wait for it: for a job that cannot stop midway
        (a backup being written) when the window that started it closes. This JobThread leaves
        its parent and stays alive until its thread ends; the application waits for the thread
        before quitting."""
        self.worker.cancel()
        if not self._thread.isRunning():
            return
        self._thread.quit()
        self.setParent(None)
        _OUTLIVING.add(self)
        self.done.connect(lambda: _OUTLIVING.discard(self))

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(object)
    def _relay_finished(self, result: object) -> None:
        self._thread.quit()
        self.finished.emit(result)

    @Slot(str)
    def _relay_failed(self, reason: str) -> None:
        self._thread.quit()
        self.failed.emit(reason)

    @Slot()
    def _relay_cancelled(self) -> None:
        self._thread.quit()
        self.cancelled.emit()

    @Slot()
    def _relay_done(self) -> None:
        # QThread.finished comes from the thread just before it ends; waiting for the end makes
        # "done" mean that the thread (and this object, with it) may now be deleted.
        self._thread.wait()
        self.done.emit()
