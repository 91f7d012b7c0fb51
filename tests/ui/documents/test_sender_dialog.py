"""The sender profile dialog: inline validation, image thumbnails, Save as one undoable step."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from planner.changes import Change
from planner.documents.profile import DateFormat, PaperSize, SenderProfile
from planner.errors import PlannerError, ValidationError
from planner.services.sender import load_sender_profile
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.ui.conftest import AppliedChanges
from tests.ui.documents.conftest import SENDER
from ui.documents import sender_dialog
from ui.documents.sender_dialog import SenderProfileDialog
from ui.operations import Operations


def _dialog(qtbot: QtBot, operations: Operations) -> SenderProfileDialog:
    dialog = SenderProfileDialog(operations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _logo(path: Path) -> Path:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f7fd8"))
    assert image.save(str(path))
    return path


def test_saving_the_profile_is_one_step_that_undo_takes_back(
    qtbot: QtBot,
    sender_workspace: Workspace,
    operations: Operations,
    applied: AppliedChanges,
    tmp_path: Path,
) -> None:
    workspace = sender_workspace
    before = dump_database(workspace)
    messages: list[str] = []
    operations.message.connect(messages.append)
    dialog = _dialog(qtbot, operations)
    assert dialog.fields["business_name"].text() == SENDER.business_name
    assert dialog.paper_box.currentData() == PaperSize.A4
    dialog.fields["business_name"].setText("Łódź & <Sons> Print")
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(PaperSize.LETTER))
    dialog.date_box.setCurrentIndex(dialog.date_box.findData(DateFormat.ISO))
    dialog.logo_picker.set_path(str(_logo(tmp_path / "logo.png")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = load_sender_profile(workspace)
    assert saved.business_name == "Łódź & <Sons> Print"
    assert saved.paper_size is PaperSize.LETTER
    assert saved.date_format is DateFormat.ISO
    assert saved.logo_path == str(tmp_path / "logo.png")
    assert saved.signer_name == SENDER.signer_name
    assert [change.description for change in applied.changes] == ["Edit sender profile"]
    assert applied.initiators == [dialog]
    assert messages == ["Edit sender profile"]
    assert dialog.result() == SenderProfileDialog.DialogCode.Accepted
    operations.undo_stack.undo()
    assert dump_database(workspace) == before
    assert load_sender_profile(workspace) == SENDER


def test_mistakes_are_shown_beside_their_field_and_block_saving(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, operations)
    email = dialog.fields["email"]
    email.clear()
    qtbot.keyClicks(email, "hello.example.com")
    assert dialog.errors["email"].text() == "'hello.example.com' is not an email address"
    assert dialog.errors["email"].isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(email, "@")
    assert not dialog.errors["email"].isVisible()
    assert dialog.save_button.isEnabled()
    dialog.currency_box.setCurrentText("EURO")
    assert dialog.errors["currency"].text() == "'EURO' is not a three-letter currency code"
    assert not dialog.save_button.isEnabled()
    dialog.currency_box.setCurrentText("eur")
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("not an image", encoding="utf-8")
    dialog.signature_picker.set_path(str(not_an_image))
    assert dialog.errors["signature_path"].text() == (
        "notes.png is not an image this program can read"
    )
    assert dialog.signature_picker.thumbnail.text() == "Unreadable"
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.signature_picker.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.signature_picker.path == ""
    assert dialog.save_button.isEnabled()
    dialog.accept()
    assert load_sender_profile(sender_workspace).currency == "EUR"


def test_the_image_picker_shows_a_thumbnail(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, operations)
    assert dialog.logo_picker.file_label.text() == "No logo image"
    assert not dialog.logo_picker.remove_button.isEnabled()
    dialog.logo_picker.set_path(str(_logo(tmp_path / "brand.png")))
    pixmap = dialog.logo_picker.thumbnail.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() / pixmap.height() == pytest.approx(3, abs=0.1)
    assert pixmap.width() <= dialog.logo_picker.thumbnail.width()
    assert dialog.logo_picker.file_label.text() == "brand.png"
    assert dialog.logo_picker.remove_button.isEnabled()


def test_cancel_and_unchanged_save_change_nothing(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, applied: AppliedChanges
) -> None:
    before = dump_database(sender_workspace)
    dialog = _dialog(qtbot, operations)
    dialog.fields["city"].setText("Bath")
    dialog.reject()
    unchanged = _dialog(qtbot, operations)
    unchanged.accept()
    assert unchanged.change is None
    assert unchanged.result() == SenderProfileDialog.DialogCode.Accepted
    assert dump_database(sender_workspace) == before
    assert operations.undo_stack.count() == 0
    assert applied.changes == []


@pytest.mark.parametrize(
    ("refusal", "line"),
    [
        (ValidationError("'bath' is not an email address", "email"), "email"),
        (PlannerError("The planner file is read-only"), "form"),
    ],
)
def test_a_refused_save_is_shown_beside_its_field_and_keeps_the_dialog_open(
    qtbot: QtBot,
    sender_workspace: Workspace,
    operations: Operations,
    applied: AppliedChanges,
    monkeypatch: pytest.MonkeyPatch,
    refusal: PlannerError,
    line: str,
) -> None:
    def refuse(_workspace: Workspace, _profile: SenderProfile) -> Change:
        raise refusal

    monkeypatch.setattr(sender_dialog, "save_sender_profile", refuse)
    dialog = _dialog(qtbot, operations)
    dialog.fields["city"].setText("Bath")
    dialog.accept()
    label = dialog.errors["email"] if line == "email" else dialog.form_error
    assert label.text() == str(refusal)
    assert label.isVisible()
    assert dialog.isVisible()
    assert dialog.change is None
    assert applied.changes == []
