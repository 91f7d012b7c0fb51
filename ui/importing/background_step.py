"""A progress bar with Cancel that runs one job on a worker thread, for the wizard's pages."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.common.workers import Job, JobThread


class BackgroundStep(QWidget):
    """Runs a job off the GUI thread, showing its progress; Cancel stops it with nothing kept.

    Signals:
        finished(object): the job's result.
        failed(str): why the job stopped.
        cancelled(): the job stopped because the user cancelled it.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running: JobThread | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName("import-progress")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("import-cancel")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.hide()

    @property
    def is_running(self) -> bool:
        """True while a job runs."""
        return self.running is not None

    def start(self, job: Job, text: str) -> None:
        """Runs ``job``; ``text`` says what it does ("Checking 312 rows…")."""
        self.show()
        self.status.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        running = JobThread(job, self)
        running.progress.connect(self._progress)
        running.finished.connect(self._finished)
        running.failed.connect(self._failed)
        running.cancelled.connect(self._cancelled)
        running.done.connect(running.deleteLater)
        self.running = running
        running.start()

    def cancel(self) -> None:
        """Asks the job to stop."""
        if self.running is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling…")
            self.running.cancel()

    def stop(self) -> None:
        """Cancels and waits for the job (the wizard closes)."""
        if self.running is not None:
            self.running.stop()
            self.running = None

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self, result: object) -> None:
        self.running = None
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.finished.emit(result)

    def _failed(self, reason: str) -> None:
        self.running = None
        self.cancel_button.setEnabled(False)
        self.status.setText(reason)
        self.failed.emit(reason)

    def _cancelled(self) -> None:
        self.running = None
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelled; nothing was imported.")
        self.cancelled.emit()
