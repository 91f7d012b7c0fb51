"""The wizard's first pages: choosing the file, checking how it was read, and the mapping."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from planner.interop.csv_reading import KNOWN_ENCODINGS, CsvDialect, Delimiter, encoding_label
from planner.interop.mapping import Target, propose_mapping
from planner.interop.source_files import SourceChoice, source_format
from planner.interop.source_table import SourceFormat, SourceTable
from planner.services.import_history import save_mapping, saved_mapping
from planner.services.import_jobs import ReadSourceJob
from ui.common.colours import OVERDUE
from ui.importing.background_step import BackgroundStep
from ui.importing.session import ImportSession
from ui.operations import Operations

PREVIEW_ROWS = 8
FILE_FILTER = "Contacts (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)"


def fill_table(view: QTableWidget, table: SourceTable, rows: int = PREVIEW_ROWS) -> None:
    """Shows the file's header and first rows as they were read."""
    shown = table.rows[:rows]
    view.clear()
    view.setColumnCount(len(table.headers))
    view.setRowCount(len(shown))
    view.setHorizontalHeaderLabels(list(table.headers))
    view.setVerticalHeaderLabels([str(row.number) for row in shown])
    for row_index, row in enumerate(shown):
        for column_index, cell in enumerate(row.cells):
            item = QTableWidgetItem(cell.replace("\n", " ⏎ ")[:200])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            view.setItem(row_index, column_index, item)


class FilePage(QWizardPage):
    """Step 1: the file to import."""

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.setTitle("Choose a file")
        self.setSubTitle(
            "A CSV file (from Google Contacts, Outlook, Apple Contacts, HubSpot, Pipedrive or a "
            "spreadsheet), an Excel workbook (.xlsx) or vCards (.vcf)."
        )
        self.path_field = QLineEdit()
        self.path_field.setObjectName("import-file")
        self.path_field.textChanged.connect(self._path_changed)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        self.error = QLabel()
        self.error.setObjectName("import-file-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {OVERDUE.name()}")
        row = QHBoxLayout()
        label = QLabel("&File:")
        label.setBuddy(self.path_field)
        row.addWidget(label)
        row.addWidget(self.path_field, 1)
        row.addWidget(browse)
        self.step = BackgroundStep()
        self.step.finished.connect(self._read)
        self.step.failed.connect(self._failed)
        self.step.cancelled.connect(self.step.hide)
        self._read_path: Path | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.step)
        layout.addStretch(1)

    def browse(self) -> None:
        """Asks for the file."""
        chosen, _filter = QFileDialog.getOpenFileName(self, "Import", "", FILE_FILTER)
        if chosen:
            self.path_field.setText(chosen)

    def _path_changed(self) -> None:
        self._read_path = None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next is possible once a file is named."""
        return bool(self.path_field.text().strip())

    def validatePage(self) -> bool:
        """Reads the file off the GUI thread, then moves on; a file that cannot be read stays
        on this page with the reason."""
        path = Path(self.path_field.text().strip()).expanduser()
        if self._read_path == path and self.session.table is not None:
            return True
        if not self.step.is_running:
            self.error.clear()
            self.session.table = None
            self.step.start(ReadSourceJob(path), f"Reading {path.name}…")
        return False

    def cleanupPage(self) -> None:
        """Leaving the wizard stops a read still running."""
        self.step.stop()

    def _read(self, result: object) -> None:
        assert isinstance(result, tuple)
        path = Path(self.path_field.text().strip()).expanduser()
        self.session.path = self._read_path = path
        self.session.table, self.session.dialect = result
        self.session.sheet = None
        self.step.hide()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, reason: str) -> None:
        self.step.hide()
        self.error.setText(reason)


class ReadingPage(QWizardPage):
    """Step 2: what was detected (encoding and delimiter, or the sheet), correctable."""

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.setTitle("Check how the file was read")
        self.detected = QLabel()
        self.detected.setObjectName("import-detected")
        self.encoding = QComboBox()
        self.encoding.setObjectName("import-encoding")
        for codec, label in KNOWN_ENCODINGS:
            self.encoding.addItem(label, codec)
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("import-delimiter")
        for delimiter in Delimiter:
            self.delimiter.addItem(delimiter.label, delimiter)
        self.sheet = QComboBox()
        self.sheet.setObjectName("import-sheet")
        self.form = QFormLayout()
        self.form.addRow("Encoding:", self.encoding)
        self.form.addRow("Separator:", self.delimiter)
        self.form.addRow("Sheet:", self.sheet)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {OVERDUE.name()}")
        self.preview = QTableWidget()
        self.preview.setObjectName("import-raw-preview")
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.step = BackgroundStep()
        self.step.finished.connect(self._reread)
        self.step.failed.connect(self._failed)
        self.step.cancelled.connect(self._cancelled)
        layout.addWidget(self.step)
        layout.addWidget(self.preview, 1)
        self._choice = SourceChoice()
        self.encoding.activated.connect(self.reread)
        self.delimiter.activated.connect(self.reread)
        self.sheet.activated.connect(self.reread)

    def initializePage(self) -> None:
        """Shows what was detected."""
        table, dialect = self.session.table, self.session.dialect
        assert table is not None
        assert self.session.path is not None
        kind = source_format(self.session.path)
        is_csv = kind is SourceFormat.CSV
        for widget in (self.encoding, self.delimiter):
            widget.setEnabled(is_csv)
            self.form.setRowVisible(widget, is_csv)
        self.form.setRowVisible(self.sheet, kind is SourceFormat.XLSX)
        if kind is SourceFormat.XLSX:
            from planner.interop.xlsx_reading import sheet_names

            self.sheet.clear()
            self.sheet.addItems(sheet_names(self.session.path))
        if dialect is not None:
            index = self.encoding.findData(dialect.encoding)
            if index < 0:
                self.encoding.addItem(encoding_label(dialect.encoding), dialect.encoding)
                index = self.encoding.count() - 1
            self.encoding.setCurrentIndex(index)
            self.delimiter.setCurrentIndex(self.delimiter.findData(dialect.delimiter))
        self._show(table)

    def reread(self) -> None:
        """Reads the file again, off the GUI thread, as the user corrected it."""
        assert self.session.path is not None
        self.step.stop()
        self._choice = SourceChoice(
            CsvDialect(str(self.encoding.currentData()), Delimiter(self.delimiter.currentData()))
            if self.encoding.isEnabled()
            else None,
            self.sheet.currentText() or None,
        )
        self.error.clear()
        self.step.start(
            ReadSourceJob(self.session.path, self._choice),
            f"Reading {self.session.path.name} again…",
        )
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Going back stops a read still running."""
        self.step.stop()

    def isComplete(self) -> bool:
        """Next is possible once the file reads."""
        return not self.error.text() and not self.step.is_running

    def _reread(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.step.hide()
        self.session.table, self.session.dialect = result
        self.session.sheet = self._choice.sheet
        self._show(self.session.table)

    def _failed(self, reason: str) -> None:
        self.step.hide()
        self.error.setText(reason)
        self.preview.clear()
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.step.hide()
        self.error.setText("Reading was cancelled; choose how to read the file again.")
        self.completeChanged.emit()

    def _show(self, table: SourceTable) -> None:
        described = self.session.dialect.description if self.session.dialect else table.description
        self.detected.setText(
            f"Read as {described}: {len(table.rows):,} rows, {len(table.headers)} columns."
        )
        fill_table(self.preview, table)
        self.completeChanged.emit()


class MappingPage(QWizardPage):
    """Step 3: which field each column fills, proposed from the headers; every one changeable."""

    def __init__(self, session: ImportSession, operations: Operations) -> None:
        super().__init__()
        self.session = session
        self.operations = operations
        self.setTitle("Match the columns")
        self.setSubTitle("Each column of the file and the lead field it fills.")
        self.view = QTableWidget()
        self.view.setObjectName("import-mapping")
        self.view.setColumnCount(3)
        self.view.setHorizontalHeaderLabels(["Column in the file", "First value", "Imports as"])
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save = QCheckBox("&Remember this matching for files with these columns")
        self.save.setObjectName("import-save-mapping")
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {OVERDUE.name()}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.save)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        """Proposes the mapping (a saved one first)."""
        table = self.session.table
        assert table is not None
        saved = saved_mapping(self.operations.workspace, table.headers)
        mapping = propose_mapping(table.headers, saved)
        self.session.mapping = mapping
        self.save.setChecked(False)
        self.view.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            first = next((row.cells[index] for row in table.rows if row.cells[index]), "")
            for column, text in ((0, header), (1, first.replace("\n", " ⏎ ")[:80])):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.view.setItem(index, column, item)
            combo = QComboBox()
            for target in Target:
                combo.addItem(target.label, target)
            combo.setCurrentIndex(combo.findData(mapping.columns[index].target))
            combo.activated.connect(lambda _choice, index=index: self._changed(index))
            self.view.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.view.resizeColumnsToContents()
        self.error.clear()

    def choose(self, header: str, target: Target) -> None:
        """Maps one column (the keyboard or a test picking from its list)."""
        assert self.session.table is not None
        index = self.session.table.headers.index(header)
        self.combos[index].setCurrentIndex(self.combos[index].findData(target))
        self._changed(index)

    def _changed(self, index: int) -> None:
        assert self.session.mapping is not None
        self.session.mapping = self.session.mapping.with_target(
            index, Target(self.combos[index].currentData())
        )

    def validatePage(self) -> bool:
        """Needs a column giving a name; saves the mapping when asked."""
        mapping, table = self.session.mapping, self.session.table
        assert mapping is not None
        assert table is not None
        if not mapping.fills_a_name:
            self.error.setText("Choose a column for the name (or first and last name, or company).")
            return False
        if self.save.isChecked():
            headers = table.headers
            self.operations.run(lambda workspace: save_mapping(workspace, headers, mapping))
        return True
