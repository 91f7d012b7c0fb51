"""Running a document job off the GUI thread, with progress and cancel.

A job is any callable taking a progress callback and a cancel check (the shape
``run_mail_merge`` has); it runs on its own ``QThread`` and opens its own read connection when it
needs the database, since a SQLite connection belongs to the thread that opened it. Results and
problems come back to the GUI thread through queued signals, so the window stays responsive.
"""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from planner.documents.batch import CancelCheck, MergeCancelledError, ProgressCallback
from planner.errors import PlannerError

Job = Callable[[ProgressCallback, CancelCheck], object]
"""Work to run on the worker thread: reports (done, total), stops when asked, returns a result."""


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

    @Slot()
    def run(self) -> None:
        """Runs the job and announces how it ended; never lets an exception escape the thread."""
        try:
            result = self._job(self.progress.emit, self._cancel_requested.is_set)
        except MergeCancelledError:
            self.cancelled.emit()
        except (PlannerError, OSError) as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must end the job visibly, not hang its dialog
            self.failed.emit(f"The job stopped unexpectedly ({type(error).__name__}: {error})")
        else:
            self.finished.emit(result)


class JobThread(QObject):
    """A worker and the thread it runs on, started together and finished together.

    Signals:
        done(): the thread has stopped, whichever way the job ended.
    """

    done = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        """Prepares ``job``; connect to ``worker``'s signals, then call ``start``."""
        super().__init__(parent)
        self.worker = worker = JobWorker(job)
        self._thread = QThread(self)
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.run)
        for ended in (worker.finished, worker.failed, worker.cancelled):
            ended.connect(self._thread.quit)
        self._thread.finished.connect(self.done)

    def start(self) -> None:
        """Starts the job on its thread."""
        self._thread.start()

    @property
    def is_running(self) -> bool:
        """True until the thread has stopped."""
        return self._thread.isRunning()

    def stop(self) -> None:
        """Cancels the job and waits until its thread has stopped (closing a dialog mid-run)."""
        self.worker.cancel()
        self._thread.quit()
        self._thread.wait()
