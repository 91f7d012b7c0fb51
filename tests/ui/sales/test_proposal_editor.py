"""The issue's "done when", through the window: a hot lead gets a three-item proposal with a
discount and two tax rates, typed and picked from the catalogue with live totals; it is sent
and printed, accepted (the lead moves to Won), invoiced with the payment QR code, given a
contract and marked paid, and the lead's documents list all three."""

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.domain import Column, LeadDraft, Temperature
from planner.locale import ENGLISH
from planner.money import Money
from planner.sales.document import DocumentStatus
from planner.sales.items import CatalogueDraft
from planner.services import board, catalogue, sender
from planner.services.sales_jobs import PrintedSaleFile
from planner.workspace import Workspace
from tests.planner.documents.conftest import pdf_pages
from tests.ui.conftest import open_window
from ui.sales.lead_documents import LeadDocumentsPanel
from ui.sales.proposal_editor import AMOUNT, DESCRIPTION, PRICE, QUANTITY, TAX, ProposalEditor
from ui.window_settings import WindowSettings

PRINT_TIMEOUT_MS = 20_000


def _prepare(workspace: Workspace) -> int:
    for key, value in (
        ("business_name", "Harbour Light Bookkeeping"),
        ("street", "Rua Augusta 12"),
        ("city", "Lisboa"),
        ("country", "PT"),
        ("iban", "DE89 3704 0044 0532 0130 00"),
    ):
        sender.set_sender_field(workspace, key, value)
    catalogue.add_catalogue_item(
        workspace,
        CatalogueDraft("Consulting", Money(12000, "EUR"), unit="hour", tax_rate=Decimal(19)),
    )
    draft = LeadDraft(
        name="Acme Bakery",
        street="Main St 1",
        city="Berlin",
        country="DE",
        temperature=Temperature.HOT,
    )
    return board.add_lead(workspace, draft).created_id(Kind.LEAD)


def _type(qtbot: QtBot, editor: ProposalEditor, row: int, column: int, text: str) -> None:
    item = editor.lines_table.item(row, column)
    assert item is not None
    item.setText(text)


def _printed(qtbot: QtBot, panel_or_editor: ProposalEditor | LeadDocumentsPanel) -> PrintedSaleFile:
    with qtbot.waitSignal(panel_or_editor.printer.printed, timeout=PRINT_TIMEOUT_MS) as signal:
        pass
    result = signal.args[0]
    assert isinstance(result, PrintedSaleFile)
    return result


def test_from_an_empty_proposal_to_a_paid_invoice(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings, tmp_path: Path
) -> None:
    lead_id = _prepare(workspace)
    window = open_window(qtbot, workspace, window_settings)
    assert window.board.select_lead(lead_id)
    actions = window.sales_actions
    assert actions.new_proposal.isEnabled()
    card_menu = [action.text() for action in window.board.view(Column.HOT).actions()]
    assert "New &Proposal…" in card_menu

    actions.new_proposal.trigger()
    editor = actions.editor
    assert editor is not None
    editor.printer.open_preview = False
    editor.printer.folder = tmp_path
    assert editor.lines_table.rowCount() == 0
    assert editor.totals_labels["total"].text() == Money(0, "EUR").format(ENGLISH)

    qtbot.mouseClick(editor.add_catalogue_button, Qt.MouseButton.LeftButton)
    _type(qtbot, editor, 0, QUANTITY, "3")
    assert editor.totals_labels["total"].text() == Money(42840, "EUR").format(ENGLISH)

    qtbot.mouseClick(editor.add_line_button, Qt.MouseButton.LeftButton)
    _type(qtbot, editor, 1, DESCRIPTION, "Printed brochures")
    _type(qtbot, editor, 1, QUANTITY, "250")
    _type(qtbot, editor, 1, PRICE, "1.33")
    _type(qtbot, editor, 1, TAX, "7")
    qtbot.mouseClick(editor.add_line_button, Qt.MouseButton.LeftButton)
    _type(qtbot, editor, 2, DESCRIPTION, "Setup")
    _type(qtbot, editor, 2, PRICE, "abc")
    assert "Line 3" in editor.error_label.text()
    assert editor.totals_labels == {}
    _type(qtbot, editor, 2, PRICE, "200")
    _type(qtbot, editor, 2, TAX, "19")
    qtbot.keyClicks(editor.discount_field, "10")
    totals = editor.content().totals
    assert len(totals.rates) == 2
    assert editor.totals_labels["total"].text() == totals.total.format(ENGLISH)
    assert editor.totals_labels["discount"].text() == totals.discount.format(ENGLISH)
    current = set(editor.totals_labels.values())
    stale = [
        label
        for label in editor.findChildren(QLabel)
        if label.objectName().startswith("proposal-total-") and label not in current
    ]
    assert all(label.isHidden() for label in stale)
    amount = editor.lines_table.item(1, AMOUNT)
    assert amount is not None
    assert amount.text() == "332.50"
    assert editor.error_label.isHidden()

    qtbot.mouseClick(editor.send_button, Qt.MouseButton.LeftButton)
    printed = _printed(qtbot, editor)
    text = "\n".join(pdf_pages(printed.pdf))
    assert printed.number == "P-2026-0001"
    for description in ("Consulting", "Printed brochures", "Setup", "Acceptance"):
        assert description in text
    assert totals.total.format(ENGLISH) in text

    actions.lead_documents.trigger()
    dialog = actions.documents_dialog
    assert dialog is not None
    panel = dialog.panel
    panel.printer.open_preview = False
    panel.printer.folder = tmp_path
    assert [summary.number for summary in panel.summaries] == ["P-2026-0001"]
    assert panel.accept_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert workspace.leads.get(lead_id).column is Column.WON
    assert panel.invoice_button.isEnabled()
    qtbot.mouseClick(panel.invoice_button, Qt.MouseButton.LeftButton)
    invoice = _printed(qtbot, panel)
    assert "Scan with your banking" in "\n".join(pdf_pages(invoice.pdf))
    panel.select(panel.summaries[-1].id)
    qtbot.mouseClick(panel.contract_button, Qt.MouseButton.LeftButton)
    assert _printed(qtbot, panel).number == "C-2026-0001"
    invoice_row = next(s for s in panel.summaries if s.kind.value == "invoice")
    panel.select(invoice_row.id)
    qtbot.mouseClick(panel.paid_button, Qt.MouseButton.LeftButton)
    statuses = {summary.number: summary.status for summary in panel.summaries}
    assert statuses == {
        "P-2026-0001": DocumentStatus.ACCEPTED,
        "INV-2026-0001": DocumentStatus.PAID,
        "C-2026-0001": DocumentStatus.SENT,
    }

    window.undo_stack.undo()
    assert workspace.documents.by_number("INV-2026-0001").status is DocumentStatus.ISSUED
    assert {s.status for s in panel.summaries if s.number == "INV-2026-0001"} == {
        DocumentStatus.ISSUED
    }
    window.undo_stack.redo()
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    documents_menu = menus["&Documents"]
    assert isinstance(documents_menu, QMenu)
    assert "New &Proposal…" in [action.text() for action in documents_menu.actions()]
    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == [
        "C-2026-0001.pdf",
        "INV-2026-0001.pdf",
        "P-2026-0001.pdf",
    ]


def test_undoing_the_accept_puts_the_lead_back_and_the_buttons_follow(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    lead_id = _prepare(workspace)
    window = open_window(qtbot, workspace, window_settings)
    assert window.board.select_lead(lead_id)
    window.sales_actions.new_proposal.trigger()
    editor = window.sales_actions.editor
    assert editor is not None
    qtbot.mouseClick(editor.add_catalogue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    window.sales_actions.lead_documents.trigger()
    dialog = window.sales_actions.documents_dialog
    assert dialog is not None
    panel = dialog.panel
    assert [summary.status for summary in panel.summaries] == [DocumentStatus.DRAFT]
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert window.board.models[Column.WON].rowCount() == 1
    window.undo_stack.undo()
    assert workspace.leads.get(lead_id).column is Column.HOT
    assert panel.accept_button.isEnabled()
    assert not panel.invoice_button.isEnabled()


def test_declining_asks_why_and_can_move_the_lead_to_lost(
    qtbot: QtBot, workspace: Workspace, window_settings: WindowSettings
) -> None:
    lead_id = _prepare(workspace)
    window = open_window(qtbot, workspace, window_settings)
    assert window.board.select_lead(lead_id)
    window.sales_actions.new_proposal.trigger()
    editor = window.sales_actions.editor
    assert editor is not None
    qtbot.mouseClick(editor.add_catalogue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    window.sales_actions.lead_documents.trigger()
    dialog = window.sales_actions.documents_dialog
    assert dialog is not None
    panel = dialog.panel
    qtbot.mouseClick(panel.decline_button, Qt.MouseButton.LeftButton)
    asked = panel.decline_dialog
    assert asked is not None
    qtbot.keyClicks(asked.reason_field, "Chose a cheaper offer")
    asked.lost_box.setChecked(True)
    asked.accept()
    lead = workspace.leads.get(lead_id)
    assert (lead.column, lead.lost_reason) == (Column.LOST, "Chose a cheaper offer")
    assert [summary.status for summary in panel.summaries] == [DocumentStatus.DECLINED]
    assert panel.edit_button.isEnabled()
    assert not panel.accept_button.isEnabled()
