"""Document Settings: number patterns with their next number, standard texts per kind, one
undoable step, and refusals shown without saving anything."""

import pytest
from pytestqt.qtbot import QtBot

from planner.sales.numbering import DocumentKind
from planner.services.numbering import load_number_patterns
from planner.services.sales_texts import load_standard_texts
from ui.operations import Operations
from ui.sales.document_settings_dialog import DocumentSettingsDialog


@pytest.fixture
def dialog(qtbot: QtBot, operations: Operations) -> DocumentSettingsDialog:
    shown = DocumentSettingsDialog(operations)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_patterns_and_texts_are_saved_together_and_undone_together(
    qtbot: QtBot, dialog: DocumentSettingsDialog, operations: Operations
) -> None:
    assert dialog.examples[DocumentKind.PROPOSAL].text() == "e.g. P-2026-0001"
    field = dialog.pattern_fields[DocumentKind.INVOICE]
    field.clear()
    qtbot.keyClicks(field, "R{YY}-{###}")
    assert dialog.examples[DocumentKind.INVOICE].text() == "e.g. R26-001"
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(DocumentKind.CONTRACT))
    dialog.terms_field.setPlainText("Signed in {{ sender.city }}.")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(DocumentKind.PROPOSAL))
    assert dialog.terms_field.toPlainText() != "Signed in {{ sender.city }}."
    dialog.accept()
    workspace = operations.workspace
    assert load_number_patterns(workspace)[DocumentKind.INVOICE].text == "R{YY}-{###}"
    assert (
        load_standard_texts(workspace)[DocumentKind.CONTRACT][1] == "Signed in {{ sender.city }}."
    )
    assert operations.undo_stack.count() == 1
    operations.undo_stack.undo()
    assert load_number_patterns(workspace)[DocumentKind.INVOICE].text == "INV-{YYYY}-{####}"


def test_a_pattern_without_a_count_or_a_broken_template_is_refused(
    qtbot: QtBot, dialog: DocumentSettingsDialog, operations: Operations
) -> None:
    field = dialog.pattern_fields[DocumentKind.PROPOSAL]
    field.clear()
    qtbot.keyClicks(field, "OFFER")
    assert "sequence" in dialog.examples[DocumentKind.PROPOSAL].text()
    dialog.accept()
    assert "sequence" in dialog.error_label.text()
    field.setText("P-{####}")
    dialog.introduction_field.setPlainText("{% if %}")
    dialog.accept()
    assert dialog.error_label.text()
    assert operations.undo_stack.count() == 0
    assert dialog.isVisible()
