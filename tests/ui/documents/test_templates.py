"""The template manager and editor: syntax check with the line, placeholders, live preview, and
create, copy, edit and delete as undoable steps."""

from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from planner.changes import Kind
from planner.documents.template_text import TemplateDraft
from planner.domain import Column, TouchKind
from planner.services.document_jobs import LetterPreview
from planner.services.templates import (
    all_templates,
    create_template,
    delete_template,
    find_template,
)
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges
from tests.ui.documents.conftest import JOB_TIMEOUT_MS
from ui.documents.template_editor import CHECK_DELAY_MS, TemplateEditor
from ui.documents.template_manager import TemplateManager
from ui.operations import Operations


def _first_cold_lead(workspace: Workspace) -> int:
    return workspace.leads.cards(Column.COLD, limit=1)[0].id


def _editor(qtbot: QtBot, operations: Operations, name: str | None = None) -> TemplateEditor:
    workspace = operations.workspace
    template = find_template(workspace, name) if name else None
    editor = TemplateEditor(operations, template, _first_cold_lead(workspace))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _preview_text(preview: LetterPreview) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(preview.pdf)).pages)


def test_a_syntax_error_names_its_line_and_blocks_saving(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations)
    editor.title_field.setText("Spring offer")
    editor.body_field.setPlainText("{{ salutation }},\n\nWe bake {{ lead.name \n\nBye")
    qtbot.waitUntil(lambda: editor.problem is not None, timeout=CHECK_DELAY_MS * 8)
    assert editor.check_label.text() == (
        "Body, line 5: expected token 'end of print statement', got 'Bye'"
    )
    assert not editor.save_button.isEnabled()
    (marked,) = editor.body_field.extraSelections()
    assert marked.cursor.blockNumber() == 4
    assert editor.preview.status_label.text() == (
        "The preview shows the last version without mistakes"
    )
    editor.body_field.setPlainText("{{ salutation }},\n\nWe bake {{ lead.name }}.")
    qtbot.waitUntil(lambda: editor.problem is None, timeout=CHECK_DELAY_MS * 8)
    assert editor.check_label.text() == "No problems found"
    assert editor.body_field.extraSelections() == []
    assert editor.save_button.isEnabled()


def test_a_subject_error_is_named_too(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations)
    editor.subject_field.setText("Hello {% if %}")
    error = editor.check()
    assert error is not None
    assert editor.check_label.text().startswith("Subject, line 1: ")


def test_placeholders_go_in_at_the_cursor_of_the_field_used_last(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations)
    editor.body_field.setPlainText("Dear friends at , hello.")
    cursor = editor.body_field.textCursor()
    cursor.setPosition(len("Dear friends at "))
    editor.body_field.setTextCursor(cursor)
    editor.placeholders.select("lead.company")
    qtbot.mouseClick(editor.placeholders.insert_button, Qt.MouseButton.LeftButton)
    assert editor.body_field.toPlainText() == "Dear friends at {{ lead.company }}, hello."
    editor.subject_field.setFocus()
    qtbot.waitUntil(editor.subject_field.hasFocus)
    editor.subject_field.setText("News for ")
    editor.subject_field.end(False)
    editor.placeholders.select("lead.first_name")
    item = editor.placeholders.tree.currentItem()
    assert item is not None
    editor.placeholders.tree.itemDoubleClicked.emit(item, 0)
    assert editor.subject_field.text() == "News for {{ lead.first_name }}"
    assert editor.body_field.toPlainText() == "Dear friends at {{ lead.company }}, hello."


def test_the_preview_renders_the_letter_for_the_chosen_lead(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations, "cold-introduction")
    lead = sender_workspace.leads.get(_first_cold_lead(sender_workspace))
    with qtbot.waitSignal(editor.preview.rendered, timeout=JOB_TIMEOUT_MS) as rendered:
        editor.preview.render_now()
    preview = rendered.args[0]
    assert isinstance(preview, LetterPreview)
    assert lead.name in _preview_text(preview)
    qtbot.waitUntil(
        lambda: editor.preview.document.status() == QPdfDocument.Status.Ready,
        timeout=JOB_TIMEOUT_MS,
    )
    assert editor.preview.document.pageCount() == 1
    assert editor.read_only


def test_typing_renders_the_preview_again_after_a_pause(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations)
    editor.title_field.setText("Short note")
    editor.body_field.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.preview.rendered, timeout=JOB_TIMEOUT_MS) as rendered:
        qtbot.keyClick(editor.body_field, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.body_field, "PS: fresh bread on Fridays.")
    assert "PS: fresh bread on Fridays." in _preview_text(rendered.args[0])


def test_a_template_that_fails_while_rendering_says_why(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations
) -> None:
    editor = _editor(qtbot, operations)
    editor.body_field.setPlainText("{{ salutation }},\n\n{{ lead.shoe_size }}")
    assert editor.check() is None
    with qtbot.waitSignal(editor.preview.render_failed, timeout=JOB_TIMEOUT_MS) as failed:
        editor.preview.render_now()
    assert "body line 3" in failed.args[0]
    assert "there is no field 'shoe_size'" in failed.args[0]
    assert editor.preview.status_label.text() == failed.args[0]


def _manager(qtbot: QtBot, operations: Operations) -> TemplateManager:
    manager = TemplateManager(operations, _first_cold_lead(operations.workspace))
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)
    return manager


def _listed(manager: TemplateManager) -> list[str]:
    items = [manager.tree.topLevelItem(row) for row in range(manager.tree.topLevelItemCount())]
    return [item.text(0) for item in items if item is not None]


def test_a_new_template_is_saved_as_one_undoable_step(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    before = dump_database(sender_workspace)
    manager = _manager(qtbot, operations)
    editor = manager.new_template()
    editor.title_field.setText("Bakery spring offer")
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(TouchKind.SALES_LETTER))
    editor.subject_field.setText("Fresh ideas for {{ lead.company }}")
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=CHECK_DELAY_MS * 8)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = find_template(sender_workspace, "bakery-spring-offer")
    assert saved.kind is TouchKind.SALES_LETTER
    assert saved.subject == "Fresh ideas for {{ lead.company }}"
    assert manager.selected_name() == "bakery-spring-offer"
    assert [change.description for change in applied.changes] == [
        "Add letter template 'Bakery spring offer'"
    ]
    assert applied.initiators == [editor]
    assert operations.undo_stack.undoText() == "Add letter template 'Bakery spring offer'"
    operations.undo_stack.undo()
    assert dump_database(sender_workspace) == before
    assert manager.selected_name() != "bakery-spring-offer"
    assert "Bakery spring offer" not in _listed(manager)
    operations.undo_stack.redo()
    assert manager.selected_name() == "bakery-spring-offer"


def test_built_in_templates_open_read_only_and_copy_into_your_own(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    manager = _manager(qtbot, operations)
    manager.select("win-back")
    assert manager.edit_button.text() == "View…"
    assert not manager.delete_button.isEnabled()
    viewer = manager.edit_selected()
    assert viewer is not None
    assert viewer.read_only
    assert viewer.body_field.isReadOnly()
    assert not viewer.save_button.isVisible()
    viewer.reject()
    qtbot.mouseClick(manager.copy_button, Qt.MouseButton.LeftButton)
    copy_editor = manager.editor
    assert copy_editor is not None
    assert not copy_editor.read_only
    assert copy_editor.title_field.text().endswith("(copy)")
    assert applied.changes[-1].description.startswith("Copy letter template")
    assert applied.initiators[-1] is manager
    copy_editor.title_field.setText("Win-back, our way")
    copy_editor.accept()
    copy = find_template(sender_workspace, manager.selected_name() or "")
    assert copy.title == "Win-back, our way"
    assert not copy.builtin
    assert manager.delete_button.isEnabled()
    assert operations.undo_stack.undoText() == "Edit letter template 'Win-back, our way'"
    qtbot.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
    assert copy.name not in {template.name for template in all_templates(sender_workspace)}
    assert "Win-back, our way" not in _listed(manager)
    operations.undo_stack.undo()
    assert find_template(sender_workspace, copy.name).title == "Win-back, our way"
    assert "Win-back, our way" in _listed(manager)
    assert len(applied.changes) == 4


def test_saving_a_template_deleted_meanwhile_says_why_and_stays_open(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    created = create_template(
        sender_workspace, TemplateDraft(title="Short note", body="{{ salutation }},\n\nHello.")
    )
    template_id = created.created_id(Kind.TEMPLATE)
    editor = _editor(qtbot, operations, "short-note")
    delete_template(sender_workspace, template_id)
    editor.body_field.setPlainText("{{ salutation }},\n\nHello again.")
    editor.accept()
    assert editor.isVisible()
    assert editor.change is None
    assert editor.check_label.text() == f"There is no letter template with id {template_id}"
    assert applied.changes == []
    assert operations.undo_stack.count() == 0


def test_an_action_refused_in_the_list_is_told_through_the_runner(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    created = create_template(sender_workspace, TemplateDraft(title="Short note", body="Hello."))
    template_id = created.created_id(Kind.TEMPLATE)
    errors: list[str] = []
    operations.error.connect(errors.append)
    manager = _manager(qtbot, operations)
    manager.select("short-note")
    delete_template(
        sender_workspace, find_template(sender_workspace, "short-note").template_id or 0
    )
    assert manager.delete_selected() is None
    assert errors == [f"There is no letter template with id {template_id}"]
    assert manager.isVisible()
    assert applied.changes == []
