"""The wizard's review pages: the rows as they will be imported with their problems, and the
duplicates with an answer per batch and per row."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from planner.errors import PlannerError
from planner.interop.mapping import Target
from planner.interop.problem_report import write_problem_report
from planner.interop.row_conversion import FIELD_OF_TARGET, PREVIEW_FIELDS
from planner.services.import_jobs import PlanImportJob
from planner.services.import_planning import Decision, DuplicatePolicy, ImportPlan
from ui.common.colours import OVERDUE
from ui.importing.background_step import BackgroundStep
from ui.importing.session import ImportSession
from ui.operations import Operations

PREVIEW_ROWS = 200
"""Rows the preview shows."""

LISTED_AT_MOST = 1000
"""Problems and duplicates listed one by one; beyond, the saved report and the batch's answer
cover the rest (a list of 100,000 widgets would freeze the window)."""


class PreviewPage(QWizardPage):
    """Step 4: the rows under their fields, each problem marked on its cell, checked off the
    GUI thread."""

    def __init__(self, session: ImportSession, operations: Operations) -> None:
        super().__init__()
        self.session = session
        self.operations = operations
        self.setTitle("Preview")
        self.step = BackgroundStep()
        self.view = QTableWidget()
        self.view.setObjectName("import-preview")
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("import-problems")
        self.save_report = QPushButton("Save the &List of Problems…")
        self.save_report.setObjectName("import-save-report")
        self.save_report.clicked.connect(self.choose_report_file)
        self.skip_invalid = QCheckBox("&Skip invalid rows and import the others")
        self.skip_invalid.setObjectName("import-skip-invalid")
        self.skip_invalid.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        row.addWidget(self.skip_invalid, 1)
        row.addWidget(self.save_report)
        layout.addLayout(row)
        self.step.finished.connect(self._planned)
        self.step.failed.connect(lambda _reason: self.completeChanged.emit())
        self.step.cancelled.connect(self.completeChanged)

    def initializePage(self) -> None:
        """Checks every row on a worker thread."""
        table, mapping = self.session.table, self.session.mapping
        assert table is not None
        assert mapping is not None
        assert self.session.path is not None
        self.session.plan = None
        self.view.clear()
        self.problems.clear()
        self.summary.clear()
        workspace = self.operations.workspace
        job = PlanImportJob(
            workspace.path,
            workspace.clock,
            self.session.path.name,
            table,
            mapping,
            self.session.options,
        )
        self.step.start(job, f"Checking {len(table.rows):,} rows…")
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        """Going back stops the check."""
        self.step.stop()

    def isComplete(self) -> bool:
        """Next once checked, and, with invalid rows, when they are to be skipped."""
        plan = self.session.plan
        if plan is None:
            return False
        return not plan.invalid_rows or self.skip_invalid.isChecked()

    def validatePage(self) -> bool:
        """Keeps the "skip invalid rows" choice."""
        plan = self.session.plan
        assert plan is not None
        options = replace(plan.options, skip_invalid=self.skip_invalid.isChecked())
        self.session.plan = plan.with_options(options)
        return True

    def _planned(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)
        self.session.plan = plan
        self.step.hide()
        self._fill(plan)
        counts = plan.counts()
        invalid = len(plan.invalid_rows)
        duplicates = len(plan.duplicate_rows)
        self.summary.setText(
            f"{count_text(len(plan.rows), 'row')}: {counts.added:,} new, "
            f"{count_text(duplicates, 'duplicate')}, {invalid:,} with problems."
            + (" Fix the file, or skip them." if invalid else "")
        )
        lines = plan.problem_lines()
        self.problems.addItems(lines[:LISTED_AT_MOST])
        if len(lines) > LISTED_AT_MOST:
            self.problems.addItem(
                f"… and {len(lines) - LISTED_AT_MOST:,} more (save the list to see them all)"
            )
        self.problems.setVisible(bool(invalid))
        self.skip_invalid.setVisible(bool(invalid))
        self.save_report.setVisible(bool(invalid))
        self.completeChanged.emit()

    def choose_report_file(self) -> Path | None:
        """Asks where, then writes the rows with problems and their cells as CSV."""
        plan, path = self.session.plan, self.session.path
        assert plan is not None
        assert path is not None
        suggested = path.with_name(f"{path.stem}-problems.csv")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the List of Problems", str(suggested), "CSV (*.csv)"
        )
        return self.save_report_to(Path(chosen)) if chosen else None

    def save_report_to(self, path: Path) -> Path | None:
        """Writes the report to ``path``; says so in the status bar."""
        plan = self.session.plan
        assert plan is not None
        try:
            written = write_problem_report(
                plan.table, [row.converted for row in plan.invalid_rows], path
            )
        except (PlannerError, OSError) as error:
            self.operations.show_error(f"The list of problems could not be saved: {error}")
            return None
        self.operations.show_message(f"Saved {count_text(written, 'row')} with problems to {path}")
        return path

    def _fill(self, plan: ImportPlan) -> None:
        """The rows as they will be imported; a problem colours the field its column fills."""
        targets = plan.mapping.targets()
        filled = {FIELD_OF_TARGET[target] for target in targets if target in FIELD_OF_TARGET}
        fields = [name for name in PREVIEW_FIELDS if name in filled or name == "name"]
        shown = plan.rows[:PREVIEW_ROWS]
        self.view.setColumnCount(len(fields))
        self.view.setRowCount(len(shown))
        self.view.setHorizontalHeaderLabels([PREVIEW_FIELDS[name] for name in fields])
        self.view.setVerticalHeaderLabels([str(row.number) for row in shown])
        for row_index, planned in enumerate(shown):
            marked: dict[str, str] = {}
            for problem in planned.converted.problems:
                target = targets[problem.column] if problem.column is not None else Target.NAME
                marked.setdefault(FIELD_OF_TARGET.get(target, "name"), problem.message)
            for column, name in enumerate(fields):
                text = planned.converted.shown.get(name, "")
                item = QTableWidgetItem(text.replace("\n", " ⏎ ")[:200])
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if name in marked:
                    item.setBackground(QBrush(OVERDUE.lighter(170)))
                    item.setToolTip(marked[name])
                self.view.setItem(row_index, column, item)
        self.view.resizeColumnsToContents()


class DuplicatesPage(QWizardPage):
    """Step 5: duplicates of leads or of earlier rows, answered for the batch and per row."""

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.setTitle("Duplicates")
        self.summary = QLabel()
        self.summary.setObjectName("import-duplicates-summary")
        self.batch = QComboBox()
        self.batch.setObjectName("import-batch-policy")
        for policy in DuplicatePolicy:
            self.batch.addItem(policy.decision.label, policy)
        self.batch.activated.connect(self._batch_changed)
        self.only_update = QCheckBox("&Only update existing leads (add no new ones)")
        self.only_update.setObjectName("import-only-update")
        self.only_update.toggled.connect(self._only_update_changed)
        self.view = QTableWidget()
        self.view.setObjectName("import-duplicates")
        self.view.setColumnCount(4)
        self.view.setHorizontalHeaderLabels(["Row", "Name", "Duplicate of", "Do"])
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        form.addRow("For every duplicate:", self.batch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.only_update)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        """Lists the duplicates the check found."""
        plan = self.session.plan
        assert plan is not None
        self.batch.setCurrentIndex(self.batch.findData(plan.options.on_duplicate))
        self._fill(plan)

    def _fill(self, plan: ImportPlan) -> None:
        duplicates = plan.duplicate_rows
        self.summary.setText(
            f"{len(duplicates):,} {'row looks' if len(duplicates) == 1 else 'rows look'} like "
            "leads you have or rows above them."
            if duplicates
            else "No duplicates: every row is a new lead."
        )
        if len(duplicates) > LISTED_AT_MOST:
            self.summary.setText(
                f"{self.summary.text()} The first {LISTED_AT_MOST:,} are listed to answer one by "
                "one; the choice for every duplicate applies to the others."
            )
        listed = duplicates[:LISTED_AT_MOST]
        self.view.setRowCount(len(listed))
        for index, row in enumerate(listed):
            assert row.match is not None
            assert row.converted.lead is not None
            for column, text in enumerate(
                (str(row.number), row.converted.lead.name, row.match.description)
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.view.setItem(index, column, item)
            combo = QComboBox()
            for decision in (Decision.SKIP, Decision.UPDATE, Decision.KEEP):
                combo.addItem(decision.label, decision)
            combo.setCurrentIndex(combo.findData(row.decision))
            combo.activated.connect(
                lambda _choice, combo=combo, number=row.number: self._row_changed(number, combo)
            )
            self.view.setCellWidget(index, 3, combo)
        self.view.resizeColumnsToContents()

    def _batch_changed(self) -> None:
        plan = self.session.plan
        assert plan is not None
        policy = DuplicatePolicy(self.batch.currentData())
        plan = plan.with_policy(policy)
        self.session.plan = plan.with_options(replace(plan.options, on_duplicate=policy))
        self._fill(self.session.plan)

    def _only_update_changed(self, checked: bool) -> None:
        plan = self.session.plan
        assert plan is not None
        self.session.plan = plan.with_options(replace(plan.options, only_update=checked))

    def _row_changed(self, number: int, combo: QComboBox) -> None:
        assert self.session.plan is not None
        self.session.plan = self.session.plan.with_decision(number, Decision(combo.currentData()))


def count_text(number: int, noun: str) -> str:
    """``1 row``, ``2 rows``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
