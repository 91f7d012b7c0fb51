"""The lead editor's response field: the code from a returned reply card, recorded at once.

Typing shows which campaign the code belongs to; Record (or Enter in the field) logs the
response as its own undoable step, whatever happens to the rest of the editor.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner.errors import NotFoundError, PlannerError
from planner.services.responses import record_response
from ui.common.form_parts import error_label
from ui.operations import Operations


class ResponseCodeField(QWidget):
    """A code input, a Record button and a line saying what the code matches."""

    def __init__(self, operations: Operations, lead_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._operations = operations
        self._lead_id = lead_id
        self.code_field = QLineEdit()
        self.code_field.setObjectName("field-response_code")
        self.code_field.setAccessibleName("Response code")
        self.code_field.setPlaceholderText("code on the returned letter, e.g. SPR-7KQ2")
        self.code_field.textEdited.connect(self._describe)
        self.code_field.installEventFilter(self)
        self.record_button = QPushButton("Record response")
        self.record_button.setAutoDefault(False)
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        self.hint = QLabel()
        self.hint.setObjectName("response-hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label("error-response_code")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code_field, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.hint.hide()

    def record(self) -> None:
        """Logs the response to the campaign of the typed code; a refusal shows below."""
        code = self.code_field.text().strip()
        if not code:
            return
        lead_id = self._lead_id
        change = self._operations.run(
            lambda workspace: record_response(workspace, code, lead_id),
            initiator=self,
            show_error=self._show_refusal,
        )
        if change is None:
            return
        self._operations.show_message(change.description)
        self.code_field.clear()
        self.record_button.setEnabled(False)
        self.error.hide()
        self.hint.setText(f"Recorded: {change.description.removeprefix('Record ')}")
        self.hint.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the code field records the response instead of closing the editor."""
        if (
            watched is self.code_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.record()
            return True
        return super().eventFilter(watched, event)

    def _describe(self, text: str) -> None:
        self.error.hide()
        code = text.strip()
        self.record_button.setEnabled(False)
        if not code:
            self.hint.hide()
            return
        try:
            campaign = self._operations.workspace.campaigns.by_response_code(code)
        except NotFoundError:
            self.hint.setText("No campaign has this code yet")
        else:
            self.hint.setText(f"Answers '{campaign.name}'")
            self.record_button.setEnabled(True)
        self.hint.show()

    def _show_refusal(self, error: PlannerError) -> None:
        self.error.setText(str(error))
        self.error.show()
