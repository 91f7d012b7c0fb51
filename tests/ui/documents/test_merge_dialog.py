"""The mail merge dialog: letters to the chosen leads, report, preview, recording touches."""

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.documents.batch import CancelCheck, ProgressCallback
from planner.domain import CampaignDraft, Channel, Column, Temperature
from planner.read_models import TouchFilter
from planner.services.board import add_lead, delete_lead
from planner.services.campaigns import create_campaign
from planner.services.sender import save_sender_profile
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges, open_window
from tests.ui.documents.conftest import (
    JOB_TIMEOUT_MS,
    SENDER,
    cold_lead_names,
    leftovers,
    pdf_pages,
    pdf_text,
    wait_for_job,
)
from ui.documents.lead_selection import SelectionMode
from ui.documents.merge_dialog import MailMergeDialog
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.window_settings import WindowSettings

NO_ADDRESS = ("Rob Quinn", "Nora Ellis")


def _run(qtbot: QtBot, dialog: MailMergeDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, dialog)


def _touches_done(window: MainWindow) -> dict[str, int]:
    model = window.board.models[Column.COLD]
    return {model.card(row).name: model.card(row).touches_done for row in range(model.rowCount())}


def test_the_merge_writes_one_pdf_with_every_cold_lead_and_opens_the_preview(
    qtbot: QtBot, window: MainWindow, letters_folder: Path
) -> None:
    dialog = window.document_actions.open_mail_merge()
    assert dialog.selection_panel.mode is SelectionMode.COLUMN
    assert dialog.selection_panel.count_label.text() == "26 leads"
    assert dialog.template().name == "cold-introduction"
    assert not dialog.sender_hint.isVisible()
    _run(qtbot, dialog)
    assert dialog.summary_label.text() == "24 letters, 2 skipped"
    report = dialog.report_view.toPlainText()
    assert "Skipped:\n  Rob Quinn (no postal address)\n  Nora Ellis (no postal address)" in report
    (path,) = dialog.report.files if dialog.report else ()
    assert path.parent == letters_folder
    assert path.name == "Cold introduction with a special offer, Cold leads 2026-03-16.pdf"
    assert pdf_pages(path) == 24
    text = pdf_text(path)
    for name in cold_lead_names(window.workspace):
        assert (name in text) is (name not in NO_ADDRESS)
    assert "Harbour Light Bookkeeping" in text
    assert "16 March 2026" in text
    preview = window.document_actions.previews[-1]
    assert preview.path == path
    assert preview.page_count == 24
    assert preview.isVisible()
    assert leftovers(letters_folder) == []


def test_recording_the_letters_adds_touches_that_one_undo_removes(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.document_actions.open_mail_merge()
    _run(qtbot, dialog)
    before = dump_database(window.workspace)
    meters_before = _touches_done(window)
    assert dialog.record_button.text() == "Record 24 letters as touches on their leads"
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert not dialog.record_button.isEnabled()
    assert dialog.record_button.text() == "Recorded 24 touches (Edit ▸ Undo takes them back)"
    touches = window.workspace.touches.find(TouchFilter())
    assert len(touches) == 24
    assert {touch.done_on for touch in touches} == {date(2026, 3, 16)}
    assert {touch.notes for touch in touches} == {"Letter: Cold introduction with a special offer"}
    meters_after = _touches_done(window)
    for name, done in meters_after.items():
        assert done == meters_before[name] + (0 if name in NO_ADDRESS else 1)
    assert window.undo_action.text() == (
        "Undo Log 24 letters 'Cold introduction with a special offer'"
    )
    window.undo_action.trigger()
    assert dump_database(window.workspace) == before
    assert _touches_done(window) == meters_before
    window.redo_action.trigger()
    assert _touches_done(window) == meters_after


def test_one_pdf_per_lead_lands_in_the_chosen_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "one per lead"
    folder.mkdir()
    first = window.workspace.leads.cards(Column.COLD)[0]  # its namesake's file gets " (2)"
    add_lead(window.workspace, window.workspace.leads.get(first.id).draft())
    dialog = window.document_actions.open_mail_merge()
    dialog.output.set_split(True)
    dialog.output.set_folder(folder)
    assert not dialog.output.duplex_box.isEnabled()
    _run(qtbot, dialog)
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 25
    assert f"{first.name}.pdf" in names
    assert f"{first.name} (2).pdf" in names
    assert first.name in pdf_text(folder / f"{first.name}.pdf")
    assert window.document_actions.previews[-1].page_count == 1


def test_duplex_pads_the_single_pdf_so_each_letter_starts_on_a_front_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.document_actions.open_mail_merge()
    qtbot.mouseClick(dialog.output.duplex_box, Qt.MouseButton.LeftButton)
    assert dialog.output.duplex
    _run(qtbot, dialog)
    assert dialog.report is not None
    assert pdf_pages(dialog.report.files[0]) == 48


def test_cancel_stops_the_merge_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, letters_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.document_actions.open_mail_merge()
    merge = dialog.make_job()
    first_letter_written = threading.Event()
    go_on = threading.Event()

    def held_after_one_letter(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        """The real merge, paused after its first letter until the test has pressed Cancel."""

        def report(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:
                first_letter_written.set()
                go_on.wait(JOB_TIMEOUT_MS / 1000)

        return merge(report, is_cancelled)

    monkeypatch.setattr(dialog, "make_job", lambda: held_after_one_letter)
    running = dialog.run()
    assert running is not None
    assert not dialog.form.isEnabled()
    assert dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 1, timeout=JOB_TIMEOUT_MS)
    assert first_letter_written.is_set()
    assert dialog.status_label.text() == "Writing letter 2 of 24…"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    wait_for_job(qtbot, dialog)
    assert dialog.status_label.text() == "Cancelled; no file was written"
    assert dialog.report is None
    assert list(letters_folder.iterdir()) == []
    assert dialog.form.isEnabled()
    assert window.document_actions.previews == []


def test_the_report_can_be_saved(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = window.document_actions.open_mail_merge()
    _run(qtbot, dialog)
    saved = dialog.save_report(tmp_path / "report.txt")
    assert saved is not None
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("24 letters, 2 skipped\n")
    assert "  Nora Ellis (no postal address)" in text
    assert dialog.status_label.text() == f"Saved the report to {saved}"


def test_a_letter_to_the_selected_lead(
    qtbot: QtBot, window: MainWindow, letters_folder: Path
) -> None:
    actions = window.document_actions
    window.board.view(Column.COLD).clearSelection()
    assert not actions.letter_to_lead.isEnabled()
    assert actions.write_letter in window.board.view(Column.COLD).actions()
    lead = window.board.models[Column.WARM].card(0)
    window.board.select_lead(lead.id)
    assert actions.letter_to_lead.isEnabled()
    dialog = actions.open_letter_to_lead()
    assert dialog.selection_panel.mode is SelectionMode.SELECTED
    assert dialog.selection_panel.count_label.text() == "1 lead"
    _run(qtbot, dialog)
    assert dialog.summary_label.text() == "1 letter, 0 skipped"
    path = letters_folder / f"Letter to {lead.name} 2026-03-16.pdf"
    assert lead.name in pdf_text(path)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == (
        f"Undo Log letter 'Cold introduction with a special offer' for '{lead.name}'"
    )
    assert window.board.models[Column.WARM].card(0).touches_done == lead.touches_done + 1


def test_a_campaign_chooses_its_targets_and_prints_its_offer(
    qtbot: QtBot, window: MainWindow
) -> None:
    workspace = window.workspace
    create_campaign(
        workspace,
        CampaignDraft(
            name="Lisbon spring letters",
            channel=Channel.DIRECT_MAIL,
            target_temperature=Temperature.COLD,
            start_on=date(2026, 3, 16),
            end_on=date(2026, 4, 10),
            target_city="Lisbon",
            offer="a free first bookkeeping check",
        ),
    )
    (campaign,) = workspace.campaigns.all()
    dialog = window.document_actions.open_mail_merge()
    dialog.selection_panel.set_mode(SelectionMode.CAMPAIGN)
    assert dialog.campaign_id() == campaign.id
    count = dialog.selection_panel.count
    assert count >= 1
    _run(qtbot, dialog)
    assert dialog.report is not None
    text = pdf_text(dialog.report.files[0])
    assert "a free first bookkeeping check" in text
    assert campaign.response_code in text
    planned = workspace.touches.find(TouchFilter(campaign_id=campaign.id))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    after = workspace.touches.find(TouchFilter(campaign_id=campaign.id))
    assert len(after) == len(planned)
    assert all(touch.done_on == date(2026, 3, 16) for touch in after)


def test_nothing_chosen_is_said_before_running(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.document_actions.open_mail_merge()
    dialog.selection_panel.set_mode(SelectionMode.SEARCH)
    qtbot.keyClicks(dialog.selection_panel.search_field, "nobody by this name")
    assert dialog.run() is None
    assert dialog.status_label.text() == (
        "No leads are chosen: pick another column, campaign or search"
    )


def test_empty_business_details_are_pointed_out(
    qtbot: QtBot, demo_workspace: Workspace, window_settings: WindowSettings
) -> None:
    window = open_window(qtbot, demo_workspace, window_settings)
    dialog = window.document_actions.open_mail_merge()
    assert dialog.sender_hint.isVisible()
    qtbot.mouseClick(dialog.sender_button, Qt.MouseButton.LeftButton)
    sender_dialog = window.document_actions.sender_dialog
    assert sender_dialog is not None
    sender_dialog.fields["business_name"].setText("Harbour Light Bookkeeping")
    sender_dialog.accept()
    assert not dialog.sender_hint.isVisible()


def test_closing_the_window_mid_merge_stops_the_job_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, letters_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.document_actions.open_mail_merge()
    merge = dialog.make_job()

    def waits_for_cancel(progress: ProgressCallback, is_cancelled: CancelCheck) -> object:
        """The real merge, which after its first letter waits until it is told to stop."""

        def report(done: int, total: int) -> None:
            progress(done, total)
            while done == 1 and not is_cancelled():
                threading.Event().wait(0.005)

        return merge(report, is_cancelled)

    monkeypatch.setattr(dialog, "make_job", lambda: waits_for_cancel)
    running = dialog.run()
    assert running is not None
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 1, timeout=JOB_TIMEOUT_MS)
    window.close()
    assert not running.is_running
    assert running.cancel_requested
    assert not dialog.isVisible()
    assert list(letters_folder.iterdir()) == []


def _merge_dialog(qtbot: QtBot, operations: Operations, folder: Path) -> MailMergeDialog:
    dialog = MailMergeDialog(operations, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_recording_runs_through_the_runner_once(
    qtbot: QtBot,
    sender_workspace: Workspace,
    operations: Operations,
    applied: AppliedChanges,
    letters_folder: Path,
) -> None:
    dialog = _merge_dialog(qtbot, operations, letters_folder)
    _run(qtbot, dialog)
    change = dialog.record_touches()
    assert change is not None
    assert applied.changes == [change]
    assert applied.initiators == [dialog]
    assert change.description == "Log 24 letters 'Cold introduction with a special offer'"
    assert len(change.created_ids(Kind.TOUCH)) == 24
    assert dialog.record_touches() is None
    assert len(applied.changes) == 1


def test_recording_for_a_lead_deleted_meanwhile_says_why_and_records_nothing(
    qtbot: QtBot,
    sender_workspace: Workspace,
    operations: Operations,
    applied: AppliedChanges,
    letters_folder: Path,
) -> None:
    dialog = _merge_dialog(qtbot, operations, letters_folder)
    _run(qtbot, dialog)
    assert dialog.report is not None
    gone = dialog.report.letters[0]
    delete_lead(sender_workspace, gone.lead_id)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.status_label.isVisible()
    assert dialog.status_label.text() == f"There is no lead with id {gone.lead_id}"
    assert dialog.recorded is None
    assert dialog.record_button.isEnabled()
    assert applied.changes == []
    assert sender_workspace.touches.find(TouchFilter()) == []


def test_the_sender_hint_follows_the_profile_saved_elsewhere(
    qtbot: QtBot, demo_workspace: Workspace, operations: Operations, letters_folder: Path
) -> None:
    dialog = _merge_dialog(qtbot, operations, letters_folder)
    assert dialog.sender_hint.isVisible()
    operations.run(lambda workspace: save_sender_profile(workspace, SENDER))
    assert not dialog.sender_hint.isVisible()
    operations.undo_stack.undo()
    assert dialog.sender_hint.isVisible()


def test_before_it_runs_the_merge_offers_one_way_out_and_run_is_the_default(
    window: MainWindow,
) -> None:
    dialog = window.document_actions.open_mail_merge()
    ways_out = [
        button for button in (dialog.cancel_button, dialog.close_button) if button.isVisible()
    ]
    assert ways_out == [dialog.close_button]
    assert not dialog.preview_button.isVisible()
    assert dialog.run_button.isDefault()
    assert not dialog.close_button.autoDefault()


def test_a_long_output_path_is_elided_in_the_middle_with_the_whole_path_on_hover(
    window: MainWindow, letters_folder: Path
) -> None:
    dialog = window.document_actions.open_mail_merge()
    deep = letters_folder.joinpath(*["a rather long folder name"] * 8)
    path = deep / "Cold introduction with a special offer, Cold leads.pdf"
    dialog.output.set_file(path)
    field = dialog.output.file_field
    dialog.run_button.setFocus()
    assert field.is_elided()
    shown = field.displayed_text()
    assert "…" in shown
    assert shown.startswith(str(path)[:3])
    assert shown.endswith("leads.pdf")
    assert field.toolTip() == str(path)
    assert dialog.output.target() == path
