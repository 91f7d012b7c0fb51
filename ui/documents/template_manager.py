"""The list of letter templates: built-in and the user's own, to create, copy, edit and delete.

Each action is one undoable step run through ``Operations``; the list follows every change to the
templates (made here, in the editor, or by undo and redo) from ``Operations.change_applied``. The
dialog is not modal, so Edit ▸ Undo in the main window stays at hand.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change, Kind
from planner.documents.template_text import LetterTemplate
from planner.services.templates import (
    all_templates,
    copy_template,
    delete_template,
    template_of,
)
from planner.workspace import Workspace
from ui.documents.template_editor import TemplateEditor
from ui.operations import Operations

_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateManager(QDialog):
    """Every letter template, with New, Copy, Edit and Delete.

    Its actions run through ``Operations``; the list has no signals of its own.
    """

    def __init__(
        self,
        operations: Operations,
        preview_lead_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template-manager")
        self.setWindowTitle("Letter templates")
        self._operations = operations
        self._preview_lead_id = preview_lead_id
        self._templates: dict[str, LetterTemplate] = {}
        self.editor: TemplateEditor | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("template-list")
        self.tree.setHeaderLabels(["Template", "Recorded as", "Source"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.new_button = QPushButton("New…")
        self.copy_button = QPushButton("Copy")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self._connect()
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Lists the templates again, keeping (or moving to) the selected one."""
        current = select or self.selected_name()
        self._templates = {template.name: template for template in all_templates(self._workspace)}
        self.tree.clear()
        for template in self._templates.values():
            source = "Built in" if template.builtin else "Yours"
            item = QTreeWidgetItem([template.title, template.kind.label, source])
            item.setData(0, _NAME_ROLE, template.name)
            item.setToolTip(0, template.name)
            self.tree.addTopLevelItem(item)
            if template.name == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._enable_buttons()

    def selected_name(self) -> str | None:
        """The name of the selected template."""
        item = self.tree.currentItem()
        return str(item.data(0, _NAME_ROLE)) if item is not None else None

    def selected(self) -> LetterTemplate | None:
        """The selected template."""
        name = self.selected_name()
        return self._templates.get(name) if name is not None else None

    def select(self, name: str) -> None:
        """Selects the template called ``name``."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, _NAME_ROLE) == name:
                self.tree.setCurrentItem(item)

    def new_template(self) -> TemplateEditor:
        """Opens the editor on a new template."""
        return self._open_editor(None)

    def edit_selected(self) -> TemplateEditor | None:
        """Opens the editor on the selected template (read-only for a built-in one)."""
        template = self.selected()
        return self._open_editor(template) if template is not None else None

    def copy_selected(self) -> Change | None:
        """Copies the selected template into a new one of the user's, then opens it to edit."""
        template = self.selected()
        if template is None:
            return None
        change = self._operations.run(
            lambda workspace: copy_template(workspace, template.name), initiator=self
        )
        if change is not None:
            self._open_editor(template_of(self._workspace, change))
        return change

    def delete_selected(self) -> Change | None:
        """Deletes the selected template of the user's (Edit ▸ Undo brings it back)."""
        template = self.selected()
        template_id = template.template_id if template is not None else None
        if template_id is None:
            return None
        return self._operations.run(
            lambda workspace: delete_template(workspace, template_id), initiator=self
        )

    def done(self, result: int) -> None:
        """Closes an editor still open (stopping its preview) with the list."""
        if self.editor is not None:
            self.editor.reject()
        super().done(result)

    def _open_editor(self, template: LetterTemplate | None) -> TemplateEditor:
        if self.editor is not None:
            self.editor.reject()
        editor = TemplateEditor(self._operations, template, self._preview_lead_id, self)
        editor.finished.connect(lambda: self._editor_closed(editor))
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    def _editor_closed(self, editor: TemplateEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _follow(self, change: Change, _initiator: object) -> None:
        """Lists the templates again after a change to them, selecting the one it created."""
        if not change.ids(Kind.TEMPLATE):
            return
        created = change.created_ids(Kind.TEMPLATE)
        self.reload(select=template_of(self._workspace, change).name if len(created) == 1 else None)

    @property
    def _workspace(self) -> Workspace:
        return self._operations.workspace

    def _enable_buttons(self) -> None:
        template = self.selected()
        self.copy_button.setEnabled(template is not None)
        self.edit_button.setEnabled(template is not None)
        self.edit_button.setText("View…" if template is not None and template.builtin else "Edit…")
        own = template is not None and not template.builtin
        self.delete_button.setEnabled(own)
        self.delete_button.setToolTip(
            "" if own else "Built-in templates cannot be deleted; your own ones can"
        )

    def _connect(self) -> None:
        self._operations.change_applied.connect(self._follow)
        self.tree.currentItemChanged.connect(self._enable_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_selected())
        self.new_button.clicked.connect(self.new_template)
        self.copy_button.clicked.connect(self.copy_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    def _build_layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.new_button, self.copy_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        line = self.fontMetrics().height()
        self.resize(line * 44, line * 22)
