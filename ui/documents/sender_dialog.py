"""The sender profile: who letters come from, the signer, and how pages and dates look.

Every field is checked as it is typed, with the problem shown beneath it; Save stores the whole
profile as one undoable step ("Edit sender profile") through ``Operations``.
"""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.changes import Change
from planner.documents.profile import PROFILE_FIELDS, DateFormat, PaperSize, SenderProfile
from planner.errors import PlannerError, ValidationError
from planner.services.sender import load_sender_profile, save_sender_profile
from ui.common import form_parts
from ui.documents.image_picker import ImagePicker, unreadable_image_reason
from ui.money_input import currency_box
from ui.operations import Operations

BUSINESS_FIELDS = (
    ("business_name", "Business name", "e.g. Harbour Light Bookkeeping"),
    ("street", "Street", "street and number"),
    ("postal_code", "Postal code", ""),
    ("city", "City", ""),
    ("region", "Region", "state, county or province"),
    ("country", "Country", "two-letter code (DE) or name"),
    ("phone", "Phone", ""),
    ("email", "Email", "hello@example.com"),
    ("website", "Website", "www.example.com"),
)
SIGNER_FIELDS = (
    ("signer_name", "Signed by", "who signs the letters"),
    ("signer_title", "Title", "e.g. Owner"),
)
PAYMENT_FIELDS = (
    ("iban", "IBAN", "printed on invoices, with the payment QR code"),
    ("bic", "BIC", "optional inside the SEPA area"),
    ("vat_id", "VAT number", "e.g. DE123456789, for invoices and e-invoices"),
)
_IMAGE_FIELDS = ("logo_path", "signature_path")


class SenderProfileDialog(QDialog):
    """Edits the sender profile; Save is offered only while every field is valid.

    Saving runs through ``Operations``; the dialog has no signals of its own.
    """

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sender-profile-dialog")
        self.setWindowTitle("Sender profile")
        self._operations = operations
        self._saved = load_sender_profile(operations.workspace)
        self.change: Change | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name, _label, hint in (*BUSINESS_FIELDS, *SIGNER_FIELDS, *PAYMENT_FIELDS):
            field = QLineEdit()
            field.setObjectName(f"sender-{name}")
            field.setPlaceholderText(hint)
            self.fields[name] = field
        self.logo_picker = ImagePicker("logo")
        self.signature_picker = ImagePicker("signature")
        self.paper_box = QComboBox()
        for paper in PaperSize:
            self.paper_box.addItem(paper.label, paper)
        self.date_box = QComboBox()
        for style in DateFormat:
            self.date_box.addItem(style.example, style)
        self.currency_box = currency_box(self)
        self.form_error = form_parts.error_label("sender-error-form")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self._fill(self._saved)
        self._connect()
        self.validate()

    def profile(self) -> SenderProfile:
        """The fields as a profile; ValidationError naming the first field that is wrong."""
        profile = SenderProfile()
        for name in PROFILE_FIELDS:
            profile = profile.with_field(name, self._text_of(name))
        return profile

    def validate(self) -> SenderProfile | None:
        """Checks every field, shows the problems beneath them; the profile when all is valid."""
        problems = self._problems()
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
        self.save_button.setEnabled(not problems)
        return None if problems else self.profile()

    def accept(self) -> None:
        """Saves the profile (when anything changed) and closes; stays open with the reason when
        it cannot be saved."""
        profile = self.validate()
        if profile is None:
            return
        if profile != self._saved:
            self.change = self._operations.run(
                lambda workspace: save_sender_profile(workspace, profile),
                initiator=self,
                show_error=self._show_refusal,
            )
            if self.change is None:
                return
            self._operations.show_message(self.change.description)
        super().accept()

    def _problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        empty = SenderProfile()
        for name in PROFILE_FIELDS:
            try:
                empty.with_field(name, self._text_of(name))
            except ValidationError as error:
                problems[error.field or name] = str(error)
        for name, picker in zip(
            _IMAGE_FIELDS, (self.logo_picker, self.signature_picker), strict=True
        ):
            reason = unreadable_image_reason(picker.path)
            if reason:
                problems[name] = reason
        return problems

    def _text_of(self, name: str) -> str:
        if name in self.fields:
            return self.fields[name].text()
        texts = {
            "logo_path": self.logo_picker.path,
            "signature_path": self.signature_picker.path,
            "currency": self.currency_box.currentText(),
            "paper_size": str(self.paper_box.currentData()),
            "date_format": str(self.date_box.currentData()),
        }
        return texts[name]

    def _fill(self, profile: SenderProfile) -> None:
        for name, field in self.fields.items():
            field.setText(str(getattr(profile, name)))
        self.logo_picker.set_path(profile.logo_path)
        self.signature_picker.set_path(profile.signature_path)
        self.paper_box.setCurrentIndex(self.paper_box.findData(profile.paper_size))
        self.date_box.setCurrentIndex(self.date_box.findData(profile.date_format))
        self.currency_box.setCurrentText(profile.currency)

    def _connect(self) -> None:
        for field in self.fields.values():
            field.textEdited.connect(self.validate)
        self.logo_picker.path_changed.connect(self.validate)
        self.signature_picker.path_changed.connect(self.validate)
        self.currency_box.currentTextChanged.connect(self.validate)

    def _build_layout(self) -> None:
        business = QFormLayout()
        for name, label, _hint in BUSINESS_FIELDS:
            business.addRow(label, self.fields[name])
            if name == "email":
                business.addRow("", self.error_label(name))
        business.addRow("Logo", self.logo_picker)
        business.addRow("", self.error_label("logo_path"))
        business_box = QGroupBox("Your business")
        business_box.setLayout(business)
        signer = QFormLayout()
        for name, label, _hint in SIGNER_FIELDS:
            signer.addRow(label, self.fields[name])
        signer.addRow("Signature", self.signature_picker)
        signer.addRow("", self.error_label("signature_path"))
        signer_box = QGroupBox("Who signs")
        signer_box.setLayout(signer)
        pages = QFormLayout()
        pages.addRow("Paper", self.paper_box)
        pages.addRow("Dates", self.date_box)
        pages.addRow("Currency", self.currency_box)
        pages.addRow("", self.error_label("currency"))
        pages_box = QGroupBox("Documents")
        pages_box.setLayout(pages)
        payment = QFormLayout()
        for name, label, _hint in PAYMENT_FIELDS:
            payment.addRow(label, self.fields[name])
            payment.addRow("", self.error_label(name))
        payment_box = QGroupBox("Payment details")
        payment_box.setLayout(payment)
        right = QVBoxLayout()
        right.addWidget(signer_box)
        right.addWidget(pages_box)
        right.addWidget(payment_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(business_box, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 62)

    def error_label(self, name: str) -> QLabel:
        label = form_parts.error_label(f"sender-error-{name}")
        self.errors[name] = label
        return label

    def _show_refusal(self, error: PlannerError) -> None:
        """Shows a refused save beside the field it names, else on the form's own line."""
        field = error.field if isinstance(error, ValidationError) else None
        label = self.errors.get(field, self.form_error) if field is not None else self.form_error
        label.setText(str(error))
        label.show()
