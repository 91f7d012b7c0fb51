"""Where a batch of letters goes: one PDF file, or one PDF per lead in a folder."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ui.common.path_field import PathField
from ui.documents.preview_window import PDF_FILE_FILTER


class OutputChoice(QGroupBox):
    """A file or a folder to write to, and whether to pad for printing on both sides; or, with
    ``one_file_only``, just the PDF file (labels, envelopes).

    The file name follows ``suggest_file_name`` until the user types or browses for their own.
    Long paths show elided in the middle, whole in the tooltip and while edited.

    Signals:
        changed(): the target or the duplex choice changed.
    """

    changed = Signal()

    def __init__(
        self,
        folder: Path,
        file_name: str,
        parent: QWidget | None = None,
        *,
        one_file_only: bool = False,
        what: str = "the letters",
    ) -> None:
        super().__init__("Output", parent)
        self.setObjectName("output-choice")
        self._folder = folder
        self._what = what
        self._chosen_by_user = False
        self.file_button = QRadioButton("One PDF")
        self.folder_button = QRadioButton("One PDF per lead, in the folder")
        group = QButtonGroup(self)
        group.addButton(self.file_button)
        group.addButton(self.folder_button)
        self.file_field = PathField(str(folder / file_name))
        self.file_field.setObjectName("output-file")
        self.folder_field = PathField(str(folder))
        self.folder_field.setObjectName("output-folder")
        self.browse_file_button = QPushButton("Browse…")
        self.browse_folder_button = QPushButton("Browse…")
        self.duplex_box = QCheckBox("Printing on both sides: start every letter on a front page")
        for button in (self.browse_file_button, self.browse_folder_button):
            button.setAutoDefault(False)
        layout = QGridLayout(self)
        layout.addWidget(self.file_button, 0, 0)
        layout.addWidget(self.file_field, 0, 1)
        layout.addWidget(self.browse_file_button, 0, 2)
        layout.addWidget(self.duplex_box, 1, 1, 1, 2)
        layout.addWidget(self.folder_button, 2, 0)
        layout.addWidget(self.folder_field, 2, 1)
        layout.addWidget(self.browse_folder_button, 2, 2)
        layout.setColumnStretch(1, 1)
        self.file_button.toggled.connect(self._enable)
        self.file_field.textEdited.connect(self._typed)
        self.folder_field.textEdited.connect(self._typed)
        self.duplex_box.toggled.connect(self.changed)
        self.browse_file_button.clicked.connect(self.browse_file)
        self.browse_folder_button.clicked.connect(self.browse_folder)
        self.file_button.setChecked(True)
        if one_file_only:
            for widget in (
                self.file_button,
                self.duplex_box,
                self.folder_button,
                self.folder_field,
                self.browse_folder_button,
            ):
                widget.hide()

    @property
    def split(self) -> bool:
        """True for one PDF per lead."""
        return self.folder_button.isChecked()

    @property
    def duplex(self) -> bool:
        """True to pad letters so each starts on a front page (one PDF only)."""
        return self.duplex_box.isChecked() and not self.split

    def target(self) -> Path:
        """The file, or the folder, to write to."""
        text = (self.folder_field if self.split else self.file_field).text().strip()
        return Path(text).expanduser()

    def set_split(self, split: bool) -> None:
        """Chooses one PDF per lead (True) or one PDF for all (False)."""
        (self.folder_button if split else self.file_button).setChecked(True)

    def set_file(self, path: Path) -> None:
        """Writes to this file, as if the user had chosen it."""
        self._chosen_by_user = True
        self.file_field.setText(str(path))
        self.changed.emit()

    def set_folder(self, path: Path) -> None:
        """Writes one PDF per lead into this folder."""
        self.folder_field.setText(str(path))
        self.changed.emit()

    def suggest_file_name(self, name: str) -> None:
        """Proposes a file name in the current folder, unless the user chose the file."""
        if self._chosen_by_user:
            return
        self.file_field.setText(str(self._folder / name))

    def browse_file(self) -> None:
        """Asks for the PDF file to write."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, f"Write {self._what} to", self.file_field.text(), PDF_FILE_FILTER
        )
        if chosen:
            path = Path(chosen)
            self.set_file(
                path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")
            )

    def browse_folder(self) -> None:
        """Asks for the folder to write one PDF per lead into."""
        chosen = QFileDialog.getExistingDirectory(
            self, "Write one letter per lead into", self.folder_field.text()
        )
        if chosen:
            self.set_folder(Path(chosen))

    def _typed(self) -> None:
        self._chosen_by_user = True
        self.changed.emit()

    def _enable(self) -> None:
        split = self.split
        self.file_field.setEnabled(not split)
        self.browse_file_button.setEnabled(not split)
        self.duplex_box.setEnabled(not split)
        self.folder_field.setEnabled(split)
        self.browse_folder_button.setEnabled(split)
        self.changed.emit()
