"""What every document dialog shares: a form, a Run button, a progress bar with Cancel, and the
worker thread the document is made on.

Subclasses fill ``form`` and ``result_area``, say which job to run (``make_job``) and what to do
with its result (``show_result``). While a job runs the form is locked, the bar moves and Cancel
stops it with nothing written; closing the dialog mid-run cancels too.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from ui.common.theme import Tone, set_tone
from ui.common.workers import Job, JobThread


class DocumentJobDialog(QDialog):
    """A dialog that makes one document on a worker thread.

    Signals:
        preview_requested(object, str): show this PDF (a Path) in a preview titled so.
    """

    preview_requested = Signal(object, str)

    def __init__(self, title: str, run_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.running: JobThread | None = None
        self.form = QWidget()
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("job-progress")
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("job-status")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.result_area = QWidget()
        self.result_layout = QVBoxLayout(self.result_area)
        self.result_layout.setContentsMargins(0, 0, 0, 0)
        self.result_area.hide()
        self.buttons = QDialogButtonBox()
        self.run_button = QPushButton(run_text)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.hide()
        self.preview_button = QPushButton("Open preview")
        self.preview_button.setObjectName("open-preview")
        self.preview_button.setAutoDefault(False)
        self.preview_button.hide()
        self._last_document: tuple[Path, str] | None = None
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button.setAutoDefault(False)
        self.cancel_button.hide()  # the box shows the buttons it is given; these wait their turn
        self.preview_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.preview_button.clicked.connect(self.reopen_preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.result_area, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 36)

    @property
    def is_running(self) -> bool:
        """True while the job runs."""
        return self.running is not None

    def make_job(self) -> Job:
        """The job for the form's choices; PlannerError when they cannot be made into one."""
        raise NotImplementedError

    def show_result(self, result: object) -> None:
        """Shows what the finished job made."""
        raise NotImplementedError

    def progress_text(self, done: int, total: int) -> str:
        """The line under the bar while the job runs."""
        return f"{done:,} of {total:,}"

    def run(self) -> JobThread | None:
        """Starts the job on a worker thread (the form is locked until it ends)."""
        if self.running is not None:
            return self.running
        try:
            job = self.make_job()
        except PlannerError as error:
            self.show_problem(str(error))
            return None
        self.result_area.hide()
        self.preview_button.hide()
        self._last_document = None
        running = JobThread(job, self)
        running.progress.connect(self._progress)
        running.finished.connect(self._finished)
        running.failed.connect(self.show_problem)
        running.cancelled.connect(self._cancelled)
        running.done.connect(self._stopped)
        self.running = running
        self._set_running(True)
        self.progress_bar.setRange(0, 0)
        self.show_note("Starting…")
        running.start()
        return running

    def cancel(self) -> None:
        """Asks the running job to stop; it removes what it wrote."""
        if self.running is not None:
            self.running.cancel()
            self.cancel_button.setEnabled(False)
            self.show_note("Cancelling…")

    def done(self, result: int) -> None:
        """Cancels a job still running, and waits for it, before the dialog goes."""
        if self.running is not None:
            self.running.stop()
            self.running = None
        super().done(result)

    def show_problem(self, text: str) -> None:
        """Shows why the job could not run or failed."""
        self._status(text, Tone.ALERT)

    def show_note(self, text: str) -> None:
        """Shows a quiet line of status."""
        self._status(text, Tone.MUTED)

    def request_preview(self, path: Path, title: str) -> None:
        """Asks for the PDF to be shown in a preview window; Open preview shows it again."""
        self._last_document = (path, title)
        self.preview_button.show()
        self.preview_requested.emit(path, title)

    def reopen_preview(self) -> None:
        """Shows the last document made here again (its preview may have been closed)."""
        if self._last_document is not None:
            self.preview_requested.emit(*self._last_document)

    def _status(self, text: str, tone: Tone) -> None:
        set_tone(self.status_label, tone)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if self.running is not None and not self.running.cancel_requested:
            self.show_note(self.progress_text(done, total))

    def _finished(self, result: object) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.show_note("")
        self.show_result(result)
        self.result_area.show()

    def _cancelled(self) -> None:
        self.show_note("Cancelled; no file was written")

    def _stopped(self) -> None:
        if self.running is not None:
            self.running.deleteLater()
        self.running = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.run_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.progress_bar.setVisible(running)


def fresh_path(folder: Path, name: str) -> Path:
    """``folder / name``, or ``name (2)``, ``name (3)`` … when that file exists already.

    Each run gets its own file, so a preview still open on the last one is never overwritten.
    """
    from planner.documents.output import safe_file_name

    taken = {path.name.casefold() for path in folder.iterdir()} if folder.is_dir() else set()
    stem = Path(name).stem
    return folder / safe_file_name(stem, taken, fallback="document", suffix=Path(name).suffix)
