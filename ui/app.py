"""Starting the application: the QApplication, the main window, and the database it opens."""

from pathlib import Path


def run_gui(database: Path | None) -> int:
    """Opens the main window on ``database`` (or the last used one) and runs until it closes."""
    raise NotImplementedError
