"""Start-up loads the board and nothing else: dialogs, the calendar, the PDF viewer and the
document engine are imported when first used. The file is opened as the window opens it, and
the integrity check it runs after painting has finished before the modules are listed.

Checked in a fresh interpreter, since this test process has imported everything already. The
cold start itself is timed against a bare Qt window by ``make bench`` (``start``).
"""

import json
import subprocess
import sys
from pathlib import Path

LOADED_LATER = (
    "reportlab",
    "jinja2",
    "icalendar",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "ui.calendar.calendar_screen",
    "ui.documents.merge_dialog",
    "ui.documents.preview_window",
    "ui.lead_editor",
    "ui.touches.campaign_dialog",
    "planner.demo",
    "planner.documents",
)

NEEDED_AT_START = (
    "planner.documents",
    "planner.documents.address",
    "planner.documents.batch",
    "planner.documents.output",
    "planner.documents.profile",
)
"""What the board needs from the documents package: the sender profile gives the home currency
its column totals are counted in, the output module finds the files a crashed job left, and the
batch module holds the progress and cancel types of the worker thread (``ui.common.workers``)
that checks the file once the board is painted. None of them loads reportlab or jinja2."""

_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from ui.app import planner_application
from ui.main_window import MainWindow
from ui.window_settings import WindowSettings
from planner.workspace import IntegrityCheck, Workspace

application = planner_application()
folder = Path(sys.argv[1])
settings = WindowSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
Workspace.open(folder / "planner.db").close()
opened = Workspace.open(folder / "planner.db", integrity=IntegrityCheck.DEFERRED)
window = MainWindow(opened, settings)
window.show()
while window.integrity_check.running:
    application.processEvents()
print(json.dumps(sorted(sys.modules)))
window.close()
"""


def test_the_window_opens_on_the_board_without_loading_other_screens(tmp_path: Path) -> None:
    environment = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": "",
    }
    output = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    loaded = json.loads(output.strip().splitlines()[-1])
    assert "ui.board.board_widget" in loaded
    early = [
        module
        for module in loaded
        if any(module == name or module.startswith(f"{name}.") for name in LOADED_LATER)
        and module not in NEEDED_AT_START
    ]
    assert early == []
