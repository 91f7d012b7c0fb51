"""Choosing an image file (the letterhead's logo, the signature) with a thumbnail of it."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.icons import Glyph, set_glyph

IMAGE_FILE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp)"


def unreadable_image_reason(path_text: str) -> str:
    """Why the image at ``path_text`` cannot be printed, or ``""`` (also for no image at all)."""
    if not path_text.strip():
        return ""
    path = Path(path_text).expanduser()
    if not path.is_file():
        return f"{path} does not exist"
    reader = QImageReader(str(path))
    if not reader.canRead():
        return f"{path.name} is not an image this program can read"
    return ""


class ImagePicker(QWidget):
    """A thumbnail, the file's name, and Choose…/Remove buttons.

    Signals:
        path_changed(str): another image was chosen, or it was removed (``""``).
    """

    path_changed = Signal(str)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self._path = ""
        line = self.fontMetrics().height()
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(QSize(line * 7, line * 3))
        self.thumbnail.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton("Choose…")
        set_glyph(self.choose_button, Glyph.OPEN)
        self.choose_button.setAccessibleName(f"Choose the {what} image")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove the {what} image")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self.set_path(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(self.file_label)
        text.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(text, 1)
        self._show()

    @property
    def path(self) -> str:
        """The chosen image's path, or ``""``."""
        return self._path

    def set_path(self, path: str) -> None:
        """Shows this image (``""`` for none)."""
        if path == self._path:
            return
        self._path = path
        self._show()
        self.path_changed.emit(path)

    def choose(self) -> None:
        """Asks for an image file."""
        start = str(Path(self._path).parent) if self._path else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, f"Choose the {self._what} image", start, IMAGE_FILE_FILTER
        )
        if chosen:
            self.set_path(chosen)

    def _show(self) -> None:
        self.remove_button.setEnabled(bool(self._path))
        if not self._path:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText("None")
            self.file_label.setText(f"No {self._what} image")
            return
        self.file_label.setText(Path(self._path).name)
        self.file_label.setToolTip(self._path)
        pixmap = QPixmap(self._path)
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText("Unreadable")
            return
        inner = self.thumbnail.contentsRect().size() - QSize(4, 4)
        self.thumbnail.setPixmap(
            pixmap.scaled(
                inner,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
