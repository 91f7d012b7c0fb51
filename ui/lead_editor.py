"""The lead editor: every field of a lead, checked as the user types, saved as one undoable step."""

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.domain import Column, Lead, LeadDraft, Outcome, Temperature
from planner.errors import PlannerError, ValidationError
from planner.money import Money
from planner.services.board import add_lead, draft_problems, edit_lead
from ui.common.form_parts import error_label
from ui.lead_timeline import LeadTimeline
from ui.money_input import amount_placeholder, currency_box, money_hint, read_money, show_money
from ui.operations import Action, Operations
from ui.referrer_field import ReferrerField
from ui.response_field import ResponseCodeField
from ui.sales.lead_documents import LeadDocumentsPanel
from ui.touches.touch_text import full_day_text, local_day

_CONTACT_FIELDS = (
    ("name", "Name"),
    ("company", "Company"),
    ("title", "Title"),
    ("email", "Email"),
    ("phone", "Phone"),
)
_ADDRESS_FIELDS = (
    ("street", "Street"),
    ("postal_code", "Postal code"),
    ("city", "City"),
    ("region", "Region"),
    ("country", "Country"),
)


class LeadEditor(QDialog):
    """Adds a new lead or edits one; OK saves only when every field is valid.

    Saving is one action through the runner; after ``accepted``, ``change`` holds what was saved
    (``None`` when nothing was edited).
    """

    def __init__(
        self,
        operations: Operations,
        lead_id: int | None = None,
        temperature: Temperature = Temperature.COLD,
        parent: QWidget | None = None,
        *,
        column: Column | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lead-editor")
        self._operations = operations
        workspace = operations.workspace
        self._lead: Lead | None = workspace.leads.get(lead_id) if lead_id is not None else None
        self._showing_errors = False
        self._column = column
        if column is not None and not column.is_outcome:
            temperature = Temperature(column.value)
        elif column is not None:
            temperature = Temperature.HOT
        self.change: Change | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.temperature_box = QComboBox()
        for choice in Temperature:
            self.temperature_box.addItem(choice.value.capitalize(), choice)
        self.value_field = QLineEdit()
        self.value_field.setPlaceholderText(amount_placeholder(Money(125000)))
        self.currency_box = currency_box(self)
        self.value_hint = money_hint(self.value_field, self.currency_box, self)
        self.referrer_field = ReferrerField(workspace)
        self.notes_field = QPlainTextEdit()
        self.notes_field.setTabChangesFocus(True)
        self.lost_reason_field = QLineEdit()
        self.lost_reason_field.setObjectName("field-lost_reason")
        self.lost_reason_field.setAccessibleName("Lost because")
        self.lost_reason_field.setPlaceholderText("e.g. chose a cheaper offer")
        self.general_error = self._error_label("form")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add lead" if self._lead is None else "Save")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.timeline = LeadTimeline(operations, self._lead.id) if self._lead is not None else None
        self.documents = (
            LeadDocumentsPanel(operations, self._lead.id) if self._lead is not None else None
        )
        self.response_field = (
            ResponseCodeField(operations, self._lead.id) if self._lead is not None else None
        )
        self._build_layout()
        self._fill(temperature)
        self._connect_validation()
        self.setWindowTitle(self._title())
        self.setMinimumWidth(self.fontMetrics().height() * 40)

    def _title(self) -> str:
        if self._lead is not None:
            return f"Edit '{self._lead.name}'"
        if self._column is not None and self._column.is_outcome:
            return f"New lead in {self._column.heading}"
        return "New lead"

    @property
    def lead(self) -> Lead | None:
        """The lead being edited, or ``None`` for a new one."""
        return self._lead

    def draft(self) -> LeadDraft:
        """The fields as a draft; ValidationError when the value cannot be read."""
        value = read_money(self.value_field, self.currency_box)
        return replace(self._draft_without_value(), value=value)

    def _draft_without_value(self) -> LeadDraft:
        text = {name: field.text() for name, field in self.fields.items()}
        return LeadDraft(
            name=text["name"],
            company=text["company"],
            title=text["title"],
            email=text["email"],
            phone=text["phone"],
            street=text["street"],
            city=text["city"],
            region=text["region"],
            postal_code=text["postal_code"],
            country=text["country"],
            temperature=Temperature(self.temperature_box.currentData()),
            source=text["source"],
            referred_by=self.referrer_field.lead_id,
            notes=self.notes_field.toPlainText(),
        )

    def validate(self) -> LeadDraft | None:
        """Checks every field and shows the problems beside them; the draft when all is valid."""
        problems: dict[str, str] = {}
        try:
            draft = self.draft()
        except ValidationError as error:
            problems[error.field or "value"] = str(error)
            draft = self._draft_without_value()
        if self.referrer_field.is_unresolved:
            problems["referred_by"] = "Pick the referrer from the suggestions, or clear the field"
        found = draft_problems(
            self._operations.workspace, draft, self._lead.id if self._lead else None
        )
        for field_name, message in found.items():
            problems.setdefault(field_name, message)
        self._show(problems)
        return None if problems else draft

    def accept(self) -> None:
        """Saves and closes when the fields are valid; otherwise shows why and stays open."""
        self._showing_errors = True
        draft = self.validate()
        if draft is None:
            self._focus_first_problem()
            return
        lead = self._lead
        if lead is None:
            column = self._column if self._column is not None and self._column.is_outcome else None
            self.change = self._save(lambda workspace: add_lead(workspace, draft, column))
        elif draft != lead.draft() or self._lost_reason_edited():
            reason = self._lost_reason()
            self.change = self._save(lambda workspace: edit_lead(workspace, lead.id, draft, reason))
        else:
            super().accept()
            return
        if self.change is not None:
            self._operations.show_message(self.change.description)
            super().accept()

    def _save(self, action: Action) -> Change | None:
        return self._operations.run(action, initiator=self, show_error=self._show_refusal)

    def _show_refusal(self, error: PlannerError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        self._show({field if field in self.errors else "form": str(error)})

    def _lost_reason(self) -> str | None:
        """The reason typed for a lost lead; ``None`` for any other lead (it has none)."""
        if self._lead is None or self._lead.outcome is not Outcome.LOST:
            return None
        return self.lost_reason_field.text()

    def _lost_reason_edited(self) -> bool:
        reason = self._lost_reason()
        return (
            self._lead is not None
            and reason is not None
            and reason.strip() != self._lead.lost_reason
        )

    def _fill(self, temperature: Temperature) -> None:
        lead = self._lead
        if lead is not None:
            self.lost_reason_field.setText(lead.lost_reason)
        draft = lead.draft() if lead is not None else LeadDraft(name="", temperature=temperature)
        for name, field in self.fields.items():
            field.setText(getattr(draft, name))
        self.temperature_box.setCurrentIndex(self.temperature_box.findData(draft.temperature))
        show_money(self.value_field, self.currency_box, draft.value)
        self.referrer_field.set_lead(draft.referred_by)
        self.notes_field.setPlainText(draft.notes)

    def _connect_validation(self) -> None:
        for field in self.fields.values():
            field.textEdited.connect(self._revalidate)
        self.value_field.textEdited.connect(self._revalidate)
        self.currency_box.currentTextChanged.connect(self._revalidate)
        self.referrer_field.referrer_changed.connect(self._revalidate)

    def _revalidate(self) -> None:
        self._showing_errors = True
        self.validate()

    def _show(self, problems: dict[str, str]) -> None:
        if "currency" in problems:
            problems.setdefault("value", problems.pop("currency"))
        for field_name in [name for name in problems if name not in self.errors]:
            problems.setdefault("form", problems.pop(field_name))  # notes, source: no own line
        for field_name, label in self.errors.items():
            message = problems.get(field_name, "")
            label.setText(message)
            label.setVisible(bool(message) and self._showing_errors)

    def _focus_first_problem(self) -> None:
        widgets: dict[str, QWidget] = {
            **self.fields,
            "value": self.value_field,
            "currency": self.currency_box,
            "referred_by": self.referrer_field,
        }
        for field_name, label in self.errors.items():
            if not label.isHidden() and field_name in widgets:
                widgets[field_name].setFocus()
                return

    def _error_label(self, field_name: str) -> QLabel:
        label = error_label(f"error-{field_name}")
        self.errors[field_name] = label
        return label

    def _with_error(self, field_name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(field_name))
        return box

    def _text_rows(self, form: QFormLayout, fields: tuple[tuple[str, str], ...]) -> None:
        for name, label in fields:
            field = QLineEdit()
            field.setObjectName(f"field-{name}")
            field.setAccessibleName(label)
            self.fields[name] = field
            form.addRow(f"{label}{' *' if name == 'name' else ''}", self._with_error(name, field))

    def _build_layout(self) -> None:
        contact = QFormLayout()
        self._text_rows(contact, _CONTACT_FIELDS)
        address = QFormLayout()
        self._text_rows(address, _ADDRESS_FIELDS)
        deal = QFormLayout()
        deal.addRow("Temperature", self.temperature_box)
        value_row = QHBoxLayout()
        value_row.setContentsMargins(0, 0, 0, 0)
        value_row.addWidget(self.value_field, 3)
        value_row.addWidget(self.currency_box, 1)
        value_box = QWidget()
        value_layout = QVBoxLayout(value_box)
        value_layout.setContentsMargins(0, 0, 0, 0)
        value_layout.setSpacing(2)
        value_layout.addLayout(value_row)
        value_layout.addWidget(self.value_hint)
        deal.addRow("Estimated value", self._with_error("value", value_box))
        source = QLineEdit()
        source.setObjectName("field-source")
        self.fields["source"] = source
        deal.addRow("Source", source)
        deal.addRow("Referred by", self._with_error("referred_by", self.referrer_field))
        if self._lost_reason() is not None:
            deal.addRow("Lost because", self.lost_reason_field)
        if self.response_field is not None:
            deal.addRow("Response code", self.response_field)
        notes = QVBoxLayout()
        notes.addWidget(self.notes_field)
        left = QVBoxLayout()
        left.addWidget(_group("Contact", contact))
        left.addWidget(_group("Deal", deal))
        right = QVBoxLayout()
        right.addWidget(_group("Address", address))
        right.addWidget(_group("Notes", notes), 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        status = self._status_text()
        if status:
            layout.addWidget(QLabel(status))
        if self.timeline is None:
            layout.addLayout(columns)
        else:
            details = QWidget()
            details.setLayout(columns)
            tabs = QTabWidget()
            tabs.addTab(details, "Details")
            tabs.addTab(self.timeline, "Timeline")
            if self.documents is not None:
                tabs.addTab(self.documents, "Documents")
            layout.addWidget(tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.fields["name"].setFocus()

    def _status_text(self) -> str:
        lead = self._lead
        if lead is None:
            return ""
        return (
            f"In {lead.column.heading} · added {full_day_text(local_day(lead.created_at))}"
            f" · last changed {full_day_text(local_day(lead.updated_at))}"
        )


def _group(title: str, layout: QFormLayout | QVBoxLayout) -> QGroupBox:
    group = QGroupBox(title)
    group.setLayout(layout)
    return group
