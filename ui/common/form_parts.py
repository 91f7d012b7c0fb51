"""Small form parts the planning dialogs share: dates, an optional time, outcomes, labels that
show user text as typed, and error lines."""

import html
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from planner.domain import TouchKind, TouchOutcome
from planner.limits import EARLIEST_DAY, LATEST_DAY
from ui.common.theme import Tone, set_tone
from ui.touches.touch_text import DAY_FORMAT


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def day_edit(day: date, accessible_name: str) -> QDateEdit:
    """A day input with a calendar pop-up, showing ``day``."""
    edit = QDateEdit(to_qdate(day))
    edit.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
    edit.setDisplayFormat(DAY_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible_name)
    return edit


class TimeField(QWidget):
    """An optional time of day: a check box "at" and the time it enables."""

    def __init__(self, moment: time | None = None) -> None:
        super().__init__()
        self.enabled_box = QCheckBox("at")
        self.enabled_box.setToolTip("Give the touch a time of day; without one it is all-day")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName("Time")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.time_edit, 1)
        self.enabled_box.toggled.connect(self.time_edit.setEnabled)
        self.set_time(moment)

    def set_time(self, moment: time | None) -> None:
        """Shows a time, or none (all-day)."""
        self.enabled_box.setChecked(moment is not None)
        self.time_edit.setEnabled(moment is not None)
        shown = moment or time(9, 0)
        self.time_edit.setTime(QTime(shown.hour, shown.minute))

    def value(self) -> time | None:
        """The chosen time, or ``None`` for an all-day touch."""
        if not self.enabled_box.isChecked():
            return None
        chosen = self.time_edit.time()
        return time(chosen.hour(), chosen.minute())


def kind_box(kind: TouchKind = TouchKind.PHONE_CALL) -> QComboBox:
    """A choice of touch kind, showing ``kind``."""
    box = QComboBox()
    box.setAccessibleName("Kind")
    for each in TouchKind:
        box.addItem(each.label, each)
    box.setCurrentIndex(box.findData(kind))
    return box


def chosen_kind(box: QComboBox) -> TouchKind:
    """The kind picked in a ``kind_box`` (Qt hands enum data back as plain text)."""
    return TouchKind(box.currentData())


def chosen_outcome(box: QComboBox) -> TouchOutcome | None:
    """The outcome picked in an ``outcome_box`` (Qt hands enum data back as plain text)."""
    data = box.currentData()
    return TouchOutcome(data) if data else None


def outcome_box() -> QComboBox:
    """A choice of outcome, with "No outcome" first."""
    box = QComboBox()
    box.setAccessibleName("Outcome")
    box.addItem("No outcome", None)
    for outcome in TouchOutcome:
        box.addItem(outcome.label, outcome)
    return box


def plain_label(text: str = "") -> QLabel:
    """A label that shows names and notes exactly as typed, never as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def error_label(object_name: str) -> QLabel:
    """A hidden red line under a form that says why an action was refused."""
    label = plain_label()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    set_tone(label, Tone.ALERT)
    label.hide()
    return label


def escaped_tooltip(text: str) -> str:
    """A tooltip showing ``text`` as typed: Qt would otherwise render tags in lead names."""
    return f"<qt>{html.escape(text)}</qt>" if text else ""
