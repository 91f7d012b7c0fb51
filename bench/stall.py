"""The longest the window stops answering while a merge runs and its preview opens.

A timer ticking every few milliseconds on the GUI thread notes the longest gap between two
ticks. The baseline is the same timer in the same window left idle for as long as the merge
took; the budget is that idle gap plus 50 ms, the point where a user feels a hitch.
"""

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressBar

from bench.harness import Outcome
from bench.merging import CAMPAIGN, LETTER_DAY, SENDER
from planner.documents.batch import CancelCheck, ProgressCallback
from planner.documents.context import LetterContext
from planner.documents.mailmerge import run_mail_merge
from planner.documents.template_text import builtin_templates
from planner.domain import Lead
from ui.app import settle_startup_objects
from ui.common.workers import JobThread
from ui.documents.preview_window import DocumentPreview

TICK_MS = 4
STALL_ALLOWANCE = 0.050
"""Seconds of stall a user does not notice, on top of the idle window's own worst gap."""

AFTER_PREVIEW_SECONDS = 1.0
"""How long the timer keeps watching once the preview is shown: it may still be loading."""


class GapWatch:
    """Notes the longest gap between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        """Starts watching afresh."""
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stops watching; the longest gap seen, in seconds."""
        self._timer.stop()
        self._tick()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def _wait(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def _merge_job(leads: list[Lead], path: Path) -> Callable[[ProgressCallback, CancelCheck], object]:
    template = next(
        template for template in builtin_templates() if template.name == "cold-introduction"
    )
    letters = [LetterContext(lead, SENDER, LETTER_DAY, CAMPAIGN) for lead in leads]

    def job(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        return run_mail_merge(template, letters, path, progress=progress, is_cancelled=is_cancelled)

    return job


def _merge_and_preview(window: QMainWindow, leads: list[Lead], path: Path) -> float:
    """Runs the merge off the GUI thread with a progress bar, opens its preview; seconds taken."""
    bar = QProgressBar(window)
    window.setCentralWidget(bar)
    loop = QEventLoop()
    previews: list[DocumentPreview] = []
    started = time.perf_counter()
    thread = JobThread(_merge_job(leads, path), window)

    def show_progress(done: int, total: int) -> None:
        bar.setMaximum(total)
        bar.setValue(done)

    thread.progress.connect(show_progress)

    def show_preview(_result: object) -> None:
        preview = DocumentPreview(path, "Letters", window)
        preview.show()
        previews.append(preview)
        QTimer.singleShot(round(AFTER_PREVIEW_SECONDS * 1000), loop.quit)

    thread.finished.connect(show_preview)
    thread.failed.connect(lambda text: loop.quit())
    thread.start()
    loop.exec()
    seconds = time.perf_counter() - started
    if not previews:
        raise RuntimeError("the merge did not finish")
    previews[0].close()
    thread.stop()
    thread.deleteLater()
    QApplication.processEvents()
    return seconds


def measure_stall(leads: list[Lead], folder: Path, runs: int) -> Outcome:
    """The longest gap while merging ``leads`` and opening the preview, against the same window
    idle for as long."""
    window = QMainWindow()
    window.resize(800, 600)
    window.show()
    settle_startup_objects()
    watch = GapWatch()
    stalls: list[float] = []
    idle: list[float] = []
    for run in range(runs):
        watch.start()
        seconds = _merge_and_preview(window, leads, folder / f"merge-{run}.pdf")
        stalls.append(watch.stop())
        watch.start()
        _wait(seconds)
        idle.append(watch.stop())
    window.close()
    return Outcome(
        "merge_stall",
        f"longest GUI stall during a {len(leads):,}-letter merge and its preview, "
        "vs an idle window's timer (+50 ms)",
        "s",
        tuple(stalls),
        tuple(idle),
        target=1.0,
        allowance=STALL_ALLOWANCE,
    )
