"""Choosing and opening planner files: the file dialogs and what to do when a file will not open."""

from collections.abc import Callable
from enum import Enum, auto
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.errors import DatabaseOpenError, EmptyDatabaseError, PlannerError
from planner.services.recovery import recover_interrupted_jobs
from planner.workspace import IntegrityCheck, Workspace
from ui.common.colours import overdue
from ui.common.icons import warning_pixmap
from ui.file_safety import claim

DATABASE_FILTER = "Planner databases (*.db *.planner *.sqlite);;All files (*)"
DATABASE_SUFFIX = ".db"


class FailureChoice(Enum):
    """What the user wants after a file could not be opened."""

    OPEN_ANOTHER = auto()
    CREATE_NEW = auto()
    GIVE_UP = auto()


def ask_database_to_open(parent: QWidget | None, near: Path) -> Path | None:
    """Asks for an existing planner file; ``None`` when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Open database", str(near.parent), DATABASE_FILTER
    )
    return Path(chosen) if chosen else None


def ask_new_database(parent: QWidget | None, near: Path) -> Path | None:
    """Asks where to create a new planner file; ``None`` when cancelled.

    Choosing an existing planner file simply opens it; nothing is ever overwritten.
    """
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        "New database",
        str(near.parent / "planner.db"),
        DATABASE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(DATABASE_SUFFIX)


def ask_after_failure(parent: QWidget | None, message: str, give_up_label: str) -> FailureChoice:
    """Explains why a file did not open and offers another file, a new one, or giving up."""
    box = QMessageBox(parent)
    box.setIconPixmap(warning_pixmap(box.fontMetrics().height() * 3, overdue()))
    box.setWindowTitle("Cannot open the database")
    box.setText("The planner cannot use this file.")
    box.setInformativeText(message)
    open_button = box.addButton("Open another…", QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton("Create new…", QMessageBox.ButtonRole.AcceptRole)
    give_up_button = box.addButton(give_up_label, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setEscapeButton(give_up_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return FailureChoice.OPEN_ANOTHER
    if clicked is new_button:
        return FailureChoice.CREATE_NEW
    return FailureChoice.GIVE_UP


def confirm_empty_file(parent: QWidget | None, path: Path) -> bool:
    """Asks whether an empty file should become a new planner file (it never does silently)."""
    answer = QMessageBox.question(
        parent,
        "Empty file",
        f"{path.name} is an empty file, not a planner database.\n\n"
        "Make it a new, empty planner database?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


EmptyQuestion = Callable[[QWidget | None, Path], bool]


def open_confirming_empty(
    path: Path,
    parent: QWidget | None,
    confirm_empty: EmptyQuestion = confirm_empty_file,
    integrity: IntegrityCheck = IntegrityCheck.DEFERRED,
) -> Workspace:
    """Opens ``path`` for the window; an empty file becomes a planner file only when the user
    says so, and a file another Planner window has open is refused (``ui.file_safety.claim``).

    The integrity check waits until the board is painted (``IntegrityCheck.DEFERRED``; the
    window runs it with ``ui.deferred_check``): it reads the whole file.
    """
    try:
        workspace = Workspace.open(path, integrity=integrity)
    except EmptyDatabaseError:
        if not confirm_empty(parent, Path(path)):
            raise
        workspace = Workspace.open(path, create=True)
    refusal = claim(workspace)
    if refusal is not None:
        workspace.close()
        raise DatabaseOpenError(refusal)
    workspace.notices += tuple(recover_interrupted_jobs(workspace))
    return workspace


FailureQuestion = Callable[[QWidget | None, str, str], FailureChoice]
PathQuestion = Callable[[QWidget | None, Path], Path | None]


def open_workspace_asking(
    path: Path,
    parent: QWidget | None = None,
    *,
    give_up_label: str = "Quit",
    after_failure: FailureQuestion = ask_after_failure,
    ask_existing: PathQuestion = ask_database_to_open,
    ask_new: PathQuestion = ask_new_database,
    confirm_empty: EmptyQuestion = confirm_empty_file,
    failure: str | None = None,
    integrity: IntegrityCheck = IntegrityCheck.DEFERRED,
) -> Workspace | None:
    """Opens ``path``; when it is not a usable planner file, asks for another until one opens.

    Cancelling a file dialog asks again; returns ``None`` when the user gives up. A refused
    file is never changed. With ``failure``, ``path`` is not tried again: the caller already
    failed to open it for that reason, and the user is asked straight away.
    """
    candidate: Path | None = path if failure is None else None
    failed = path
    message = failure or ""
    while True:
        if candidate is not None:
            try:
                return open_confirming_empty(candidate, parent, confirm_empty, integrity)
            except PlannerError as error:
                failed, message = candidate, str(error)
        choice = after_failure(parent, message, give_up_label)
        if choice is FailureChoice.GIVE_UP:
            return None
        ask = ask_existing if choice is FailureChoice.OPEN_ANOTHER else ask_new
        candidate = ask(parent, failed)
