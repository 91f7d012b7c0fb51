"""How proposals, invoices and contracts are numbered and what they say before and after their
items, saved together as one undoable step (the window's Document Settings)."""

from collections.abc import Mapping

from planner.changes import Change
from planner.documents.sales_texts import check_sales_text
from planner.sales.numbering import DocumentKind, NumberPattern
from planner.services.actions import user_action
from planner.store.changes import recording
from planner.store.settings import SettingKey, encode_setting
from planner.workspace import Workspace


@user_action
def save_document_settings(
    workspace: Workspace,
    patterns: Mapping[DocumentKind, str],
    texts: Mapping[DocumentKind, tuple[str, str]],
) -> Change:
    """Stores every kind's number pattern and standard introduction and terms as one step.

    ValidationError for a pattern that cannot number, TemplateError for a text that would not
    render; nothing is stored then.
    """
    checked = {
        kind: NumberPattern.parse(text, f"{kind.value}_pattern") for kind, text in patterns.items()
    }
    for introduction, terms in texts.values():
        check_sales_text(introduction, "introduction")
        check_sales_text(terms, "terms")
    with recording(workspace.db, "Edit document numbers and texts") as recorder:
        recorder.put_setting(
            SettingKey.DOCUMENT_NUMBERS.value,
            encode_setting({kind.value: pattern.text for kind, pattern in checked.items()}),
        )
        recorder.put_setting(
            SettingKey.DOCUMENT_TEXTS.value,
            encode_setting(
                {
                    kind.value: {"introduction": introduction, "terms": terms}
                    for kind, (introduction, terms) in texts.items()
                }
            ),
        )
        return recorder.finish()
