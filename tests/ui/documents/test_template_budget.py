"""The template preview never hangs on a template: huge numbers and lipsum are refused at once."""

import pytest
from pytestqt.qtbot import QtBot

from planner.domain import Column
from planner.workspace import Workspace
from tests.ui.documents.conftest import JOB_TIMEOUT_MS
from ui.documents.template_editor import TemplateEditor
from ui.operations import Operations


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{{ ((9**999)**999)**999 }}", "that number is too large for a template"),
        ("{{ lipsum(n=1000000) }}", "lipsum"),
        ("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}", "loops"),
    ],
)
def test_the_preview_refuses_a_runaway_template_in_words(
    qtbot: QtBot, sender_workspace: Workspace, operations: Operations, body: str, reason: str
) -> None:
    lead_id = sender_workspace.leads.cards(Column.COLD, limit=1)[0].id
    editor = TemplateEditor(operations, None, lead_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.body_field.setPlainText(body)
    assert editor.check() is None
    with qtbot.waitSignal(editor.preview.render_failed, timeout=JOB_TIMEOUT_MS) as failed:
        editor.preview.render_now()
    assert reason in failed.args[0]
    assert editor.preview.status_label.text() == failed.args[0]
    qtbot.waitUntil(lambda: not editor.preview.is_rendering, timeout=JOB_TIMEOUT_MS)
    editor.reject()
