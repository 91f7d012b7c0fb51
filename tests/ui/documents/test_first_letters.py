"""The issue's "done when", through the window: a new user fills in their business, mail-merges the
cold introduction to every cold lead with matching labels, looks at both in the preview, and
sees the letters as new touches on the board."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from planner.documents.profile import PaperSize
from planner.documents.stationery import LabelSheet
from planner.domain import Column
from planner.services.sender import load_sender_profile
from tests.ui.documents.conftest import pdf_pages, pdf_text, wait_for_job
from ui.documents.address_dialogs import LabelsDialog
from ui.documents.lead_selection import SelectionMode
from ui.documents.merge_dialog import MailMergeDialog
from ui.main_window import MainWindow


def _menu_action(window: MainWindow, menu_title: str, action_text: str) -> None:
    """Triggers a menu entry the way a click on it would."""
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    menu = menus[menu_title]
    assert isinstance(menu, QMenu)
    (action,) = [entry for entry in menu.actions() if entry.text() == action_text]
    assert action.isEnabled()
    action.trigger()


def test_a_new_user_prints_letters_and_labels_for_every_cold_lead(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    window = empty_window
    actions = window.document_actions
    actions.letters_folder = tmp_path
    actions.working_folder = tmp_path
    qtbot.mouseClick(window.board.empty_panel.demo_button, Qt.MouseButton.LeftButton)
    cold = window.board.models[Column.COLD]
    cold_cards = [cold.card(row) for row in range(cold.rowCount())]
    done_before = {card.id: card.touches_done for card in cold_cards}
    logged_before = {
        card.id: len(window.workspace.touches.for_lead(card.id)) for card in cold_cards
    }

    _menu_action(window, "&Documents", "&Sender Profile…")
    profile = actions.sender_dialog
    assert profile is not None
    typed = {
        "business_name": "Harbour Light Bookkeeping",
        "street": "12 Quay Street",
        "postal_code": "BS1 4DJ",
        "city": "Bristol",
        "country": "GB",
        "phone": "+44 117 496 0000",
        "email": "hello@harbourlight.example",
        "signer_name": "Ada Lovelace",
        "signer_title": "Owner",
    }
    for name, text in typed.items():
        qtbot.keyClicks(profile.fields[name], text)
    profile.paper_box.setCurrentIndex(profile.paper_box.findData(PaperSize.A4))
    qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
    assert load_sender_profile(window.workspace).business_name == "Harbour Light Bookkeeping"

    _menu_action(window, "&Documents", "&Mail Merge…")
    merge = actions.dialog
    assert isinstance(merge, MailMergeDialog)
    assert merge.windowTitle() == "Mail merge"
    merge.template_box.setCurrentIndex(
        merge.template_box.findText("Cold introduction", Qt.MatchFlag.MatchStartsWith)
    )
    assert merge.template().name == "cold-introduction"
    assert merge.selection_panel.mode is SelectionMode.COLUMN
    assert merge.selection_panel.column() is Column.COLD
    qtbot.mouseClick(merge.run_button, Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, merge)
    assert merge.summary_label.text() == "24 letters, 2 skipped"
    letters = actions.previews[-1]
    assert letters.document.status() == QPdfDocument.Status.Ready
    assert letters.page_count == 24
    letter_text = pdf_text(letters.path)
    addressed = [card for card in cold_cards if card.name not in ("Rob Quinn", "Nora Ellis")]
    for card in addressed:
        assert card.name in letter_text
    assert letter_text.count("Harbour Light Bookkeeping") >= 24

    qtbot.mouseClick(merge.record_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == (
        "Undo Log 24 letters 'Cold introduction with a special offer'"
    )

    _menu_action(window, "&Documents", "Address &Labels…")
    labels = actions.dialog
    assert isinstance(labels, LabelsDialog)
    assert labels.sheet() is LabelSheet.AVERY_L7160
    assert not merge.isVisible()
    qtbot.mouseClick(labels.run_button, Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, labels)
    sheets = actions.previews[-1]
    assert sheets.path != letters.path
    assert sheets.page_count == pdf_pages(sheets.path) == 2
    label_text = pdf_text(sheets.path)
    for card in addressed:
        assert card.name in label_text

    touched = {card.id: card.touches_done for card in map(cold.card, range(cold.rowCount()))}
    added = {lead_id: touched[lead_id] - done_before[lead_id] for lead_id in touched}
    assert sum(added.values()) == 24
    assert {added[card.id] for card in addressed} == {1}
    first = addressed[0].id
    assert len(window.workspace.touches.for_lead(first)) == logged_before[first] + 1
