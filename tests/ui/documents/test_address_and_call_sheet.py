"""Labels, envelopes and the call sheet: made on the worker, written whole, then previewed."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.documents.stationery import EnvelopeSize, LabelSheet
from planner.domain import Column, TouchDraft, TouchKind
from planner.services.document_jobs import PrintLabels
from planner.services.touches import plan_touches
from tests.ui.documents.conftest import (
    cold_lead_names,
    leftovers,
    pdf_pages,
    pdf_text,
    wait_for_job,
)
from ui.documents.job_dialog import DocumentJobDialog
from ui.main_window import MainWindow


def _run(qtbot: QtBot, dialog: DocumentJobDialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, dialog)


def test_labels_for_the_cold_leads_start_at_the_chosen_label(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.document_actions.open_labels()
    assert dialog.sheet() is LabelSheet.AVERY_L7160
    dialog.set_sheet(LabelSheet.AVERY_L7163)
    assert dialog.start_box.maximum() == 14
    dialog.start_box.setValue(8)
    _run(qtbot, dialog)
    assert dialog.summary_label.text() == "24 labels on 3 sheets, 2 skipped"
    assert dialog.skipped_label.text() == "Skipped (no postal address): Rob Quinn, Nora Ellis"
    printed = dialog.printed
    assert printed is not None
    assert printed.path == window.document_actions.letters_folder / "Labels avery-l7163.pdf"
    assert pdf_pages(printed.path) == 3
    text = pdf_text(printed.path)
    for name in cold_lead_names(window.workspace)[:24]:
        assert name in text
    preview = window.document_actions.previews[-1]
    assert (preview.path, preview.page_count) == (printed.path, 3)
    preview.close()
    qtbot.waitUntil(lambda: window.document_actions.previews == [])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert window.document_actions.previews[-1].path == printed.path


def test_each_run_writes_a_new_file_so_an_open_preview_keeps_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.document_actions.open_labels()
    _run(qtbot, dialog)
    first = dialog.printed
    _run(qtbot, dialog)
    second = dialog.printed
    assert first is not None
    assert second is not None
    assert first.path != second.path
    assert second.path.name == "Labels avery-l7160 (2).pdf"
    assert first.path.exists()
    assert leftovers(window.document_actions.letters_folder) == []


def test_envelopes_carry_the_return_address(qtbot: QtBot, window: MainWindow) -> None:
    board = window.board
    lead = board.models[Column.HOT].card(0)
    board.select_lead(lead.id)
    dialog = window.document_actions.open_envelopes()
    assert dialog.envelope_size() is EnvelopeSize.DL
    dialog.set_size(EnvelopeSize.C5)
    dialog.selection_panel.set_mode(dialog.selection_panel.mode.SELECTED)
    _run(qtbot, dialog)
    assert dialog.summary_label.text() == "1 envelope, 0 skipped"
    assert dialog.printed is not None
    text = pdf_text(dialog.printed.path)
    assert lead.name in text
    assert "Harbour Light Bookkeeping" in text
    assert "12 Quay Street" in text


def test_nothing_addressable_is_a_clear_failure(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.document_actions.open_envelopes()
    dialog.selection_panel.set_mode(dialog.selection_panel.mode.SEARCH)
    dialog.selection_panel.search_field.setText("Rob Quinn")
    _run(qtbot, dialog)
    assert dialog.status_label.text() == (
        "Nothing to print: no selected lead has a postal address (Rob Quinn)"
    )
    assert window.document_actions.previews == []
    assert list(window.document_actions.letters_folder.iterdir()) == []


def test_the_call_sheet_lists_the_days_calls(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    lead = workspace.leads.cards(Column.WARM, limit=1)[0]
    plan_touches(
        workspace,
        [TouchDraft(lead.id, TouchKind.PHONE_CALL, date(2026, 3, 17), notes="Ask about Easter")],
        "Plan a call",
    )
    dialog = window.document_actions.open_call_sheet()
    assert dialog.day() == date(2026, 3, 16)
    dialog.set_day(date(2026, 3, 17))
    _run(qtbot, dialog)
    assert dialog.summary_label.text() == "1 call or meeting on Tuesday, 17 March 2026"
    assert dialog.printed is not None
    words = " ".join(pdf_text(dialog.printed.path).split())
    assert lead.name in words
    assert "Ask about Easter" in words
    preview = window.document_actions.previews[-1]
    assert preview.windowTitle() == (
        f"Call sheet, Tuesday, 17 March 2026 — {dialog.printed.path.name}"
    )


def test_opening_another_document_dialog_closes_the_last(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.document_actions
    labels = actions.open_labels()
    envelopes = actions.open_envelopes()
    assert not labels.isVisible()
    assert envelopes.isVisible()
    assert actions.dialog is envelopes
    envelopes.reject()
    assert actions.dialog is None


def test_dialogs_close_when_another_database_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    actions = window.document_actions
    merge = actions.open_mail_merge()
    templates = actions.open_templates()
    assert window.open_database(tmp_path / "other.db")
    assert not merge.isVisible()
    assert not templates.isVisible()
    assert actions.dialog is None
    assert actions.templates is None


def test_labels_and_envelopes_go_to_the_file_the_user_chose(
    qtbot: QtBot, window: MainWindow, letters_folder: Path
) -> None:
    labels = window.document_actions.open_labels()
    assert labels.output.target().parent == letters_folder
    assert labels.output.file_field.isVisible()
    assert not labels.output.folder_field.isVisible()
    chosen = letters_folder / "shop labels.pdf"
    labels.output.set_file(chosen)
    labels.outline_box.setChecked(True)
    job = labels.make_job()
    assert isinstance(job, PrintLabels)
    assert job.outline
    _run(qtbot, labels)
    assert labels.printed is not None
    assert labels.printed.path == chosen
    assert chosen.exists()
    labels.reject()
    envelopes = window.document_actions.open_envelopes()
    envelopes.output.set_file(letters_folder / "post")
    _run(qtbot, envelopes)
    assert envelopes.printed is not None
    assert envelopes.printed.path == letters_folder / "post.pdf"
