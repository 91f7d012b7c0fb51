"""The standard introduction and terms per kind of document, kept as one undoable setting."""

from planner.changes import Change
from planner.documents.sales_texts import check_sales_text
from planner.sales.numbering import DocumentKind
from planner.sales.texts import standard_texts
from planner.services.actions import user_action
from planner.services.settings import save_setting
from planner.store.settings import SettingKey
from planner.workspace import Workspace


def load_standard_texts(workspace: Workspace) -> dict[DocumentKind, tuple[str, str]]:
    """The introduction and terms new documents of each kind print unless they have their own."""
    return standard_texts(workspace.settings.get(SettingKey.DOCUMENT_TEXTS))


@user_action
def set_standard_texts(
    workspace: Workspace,
    kind: DocumentKind,
    introduction: str | None = None,
    terms: str | None = None,
) -> Change:
    """Replaces the standard introduction and/or terms of ``kind`` (``None`` keeps one);
    TemplateError when a text would not render."""
    texts = load_standard_texts(workspace)
    old_introduction, old_terms = texts[kind]
    new = (
        introduction if introduction is not None else old_introduction,
        terms if terms is not None else old_terms,
    )
    check_sales_text(new[0], "introduction")
    check_sales_text(new[1], "terms")
    texts[kind] = new
    return save_setting(
        workspace,
        SettingKey.DOCUMENT_TEXTS,
        {key.value: {"introduction": value[0], "terms": value[1]} for key, value in texts.items()},
        f"Edit the standard texts of {kind.value}s",
    )
