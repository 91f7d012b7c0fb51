"""Document jobs on a worker thread: progress reaches the GUI thread, cancel leaves no file.

Every test waits for ``done`` (the thread has stopped) before its JobThread goes away: Qt aborts
the program when a running QThread is destroyed.
"""

import threading
from pathlib import Path

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from planner.documents.batch import CancelCheck, MergeReport, ProgressCallback
from planner.documents.stationery import LabelSheet
from planner.domain import Column
from planner.services.document_jobs import MergeLetters, PrintedAddresses, PrintLabels
from planner.services.documents import LeadSelection
from planner.services.sender import load_sender_profile
from planner.services.templates import find_template
from planner.workspace import Workspace
from tests.ui.documents.conftest import JOB_TIMEOUT_MS, leftovers, pdf_pages, pdf_text
from ui.common.workers import JobThread, JobWorker

COLD = LeadSelection(column=Column.COLD)


def _merge(workspace: Workspace, output: Path, selection: LeadSelection = COLD) -> MergeLetters:
    return MergeLetters(
        database=workspace.path,
        selection=selection,
        template=find_template(workspace, "cold-introduction"),
        sender=load_sender_profile(workspace),
        today=workspace.clock.today(),
        output=output,
    )


def _cancel_at(worker: JobWorker, done: int, wanted: int) -> None:
    if done == wanted:
        worker.cancel()


def test_the_worker_reports_progress_to_the_gui_thread_then_the_report(
    qtbot: QtBot, sender_workspace: Workspace, letters_folder: Path
) -> None:
    output = letters_folder / "cold.pdf"
    running = JobThread(_merge(sender_workspace, output))
    seen: list[tuple[int, int, bool]] = []
    gui_thread = QThread.currentThread()
    running.progress.connect(
        lambda done, total: seen.append((done, total, QThread.currentThread() is gui_thread))
    )
    with (
        qtbot.waitSignal(running.progress, timeout=JOB_TIMEOUT_MS),
        qtbot.waitSignal(running.finished, timeout=JOB_TIMEOUT_MS) as finished,
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    report = finished.args[0]
    assert isinstance(report, MergeReport)
    assert report.summary == "24 letters, 2 skipped"
    assert seen[0][:2] == (0, 24)
    assert seen[-1][:2] == (24, 24)
    assert [done for done, _total, _gui in seen] == list(range(25))
    assert all(in_gui for _done, _total, in_gui in seen)
    assert pdf_pages(output) == 24
    assert not running.is_running


def test_cancelling_stops_the_merge_and_leaves_no_file(
    qtbot: QtBot, sender_workspace: Workspace, letters_folder: Path
) -> None:
    output = letters_folder / "cancelled.pdf"
    running = JobThread(_merge(sender_workspace, output))
    worker = running.worker
    # Connected to the worker itself, the lambda runs on the worker thread: it cancels exactly
    # after item 3, however fast the job is.
    worker.progress.connect(lambda done, _total: _cancel_at(worker, done, 3))
    with (
        qtbot.waitSignal(running.cancelled, timeout=JOB_TIMEOUT_MS),
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    assert running.cancel_requested
    assert not output.exists()
    assert leftovers(letters_folder) == []


def test_cancelling_labels_midway_leaves_no_file(
    qtbot: QtBot, sender_workspace: Workspace, letters_folder: Path
) -> None:
    output = letters_folder / "labels.pdf"
    job = PrintLabels(
        database=sender_workspace.path,
        selection=LeadSelection(),
        sender=load_sender_profile(sender_workspace),
        sheet=LabelSheet.AVERY_L7160,
        output=output,
    )
    running = JobThread(job)
    worker = running.worker
    # Connected to the worker itself, the lambda runs on the worker thread: it cancels exactly
    # after item 10, however fast the job is.
    worker.progress.connect(lambda done, _total: _cancel_at(worker, done, 10))
    with (
        qtbot.waitSignal(running.cancelled, timeout=JOB_TIMEOUT_MS),
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    assert not output.exists()
    assert leftovers(letters_folder) == []


def test_labels_report_progress_per_label_and_name_the_skipped(
    qtbot: QtBot, sender_workspace: Workspace, letters_folder: Path
) -> None:
    output = letters_folder / "labels.pdf"
    job = PrintLabels(
        database=sender_workspace.path,
        selection=COLD,
        sender=load_sender_profile(sender_workspace),
        sheet=LabelSheet.AVERY_L7160,
        output=output,
        start=20,
    )
    running = JobThread(job)
    totals: list[int] = []
    running.progress.connect(lambda _done, total: totals.append(total))
    with (
        qtbot.waitSignal(running.finished, timeout=JOB_TIMEOUT_MS) as finished,
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    printed = finished.args[0]
    assert isinstance(printed, PrintedAddresses)
    assert (printed.count, printed.pages) == (24, 3)
    assert printed.notes_text() == "Skipped (no postal address): Rob Quinn, Nora Ellis"
    assert set(totals) == {24}
    assert len(totals) == 25
    assert "Marta Sousa" in pdf_text(output)


def test_a_failing_job_says_why_and_writes_nothing(
    qtbot: QtBot, sender_workspace: Workspace, letters_folder: Path
) -> None:
    output = letters_folder / "nobody.pdf"
    running = JobThread(_merge(sender_workspace, output, LeadSelection(search="no such lead")))
    with (
        qtbot.waitSignal(running.failed, timeout=JOB_TIMEOUT_MS) as failed,
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    assert "No letters to write" in failed.args[0]
    assert not output.exists()


def test_an_unexpected_error_ends_the_job_with_a_sentence(qtbot: QtBot) -> None:
    def broken(_progress: ProgressCallback, _is_cancelled: CancelCheck) -> object:
        raise KeyError("surprise")

    running = JobThread(broken)
    with (
        qtbot.waitSignal(running.failed, timeout=JOB_TIMEOUT_MS) as failed,
        qtbot.waitSignal(running.done, timeout=JOB_TIMEOUT_MS),
    ):
        running.start()
    assert failed.args[0] == "The job stopped unexpectedly (KeyError: 'surprise')"


def test_stopping_cancels_and_waits_for_the_thread(qtbot: QtBot) -> None:
    started = threading.Event()

    def slow(_progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        started.set()
        while not is_cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    running = JobThread(slow)
    running.start()
    assert started.wait(5)
    running.stop()
    assert not running.is_running
    assert running.cancel_requested
