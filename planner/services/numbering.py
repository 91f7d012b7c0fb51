"""The numbering patterns of proposals, invoices and contracts, kept as a setting."""

from planner.changes import Change
from planner.sales.numbering import DocumentKind, NumberPattern
from planner.services.actions import user_action
from planner.services.settings import save_setting
from planner.store.settings import SettingKey
from planner.workspace import Workspace


def load_number_patterns(workspace: Workspace) -> dict[DocumentKind, NumberPattern]:
    """The pattern of every kind: the saved one, or the default (``P-{YYYY}-{####}`` …)."""
    saved = workspace.settings.get(SettingKey.DOCUMENT_NUMBERS) or {}
    patterns = {}
    for kind in DocumentKind:
        text = saved.get(kind.value) if isinstance(saved, dict) else None
        patterns[kind] = NumberPattern(text) if isinstance(text, str) else kind.default_pattern
    return patterns


@user_action
def set_number_pattern(workspace: Workspace, kind: DocumentKind, text: str) -> Change:
    """Sets how the next documents of ``kind`` are numbered; numbers already taken stay."""
    pattern = NumberPattern.parse(text)
    patterns = load_number_patterns(workspace)
    patterns[kind] = pattern
    return save_setting(
        workspace,
        SettingKey.DOCUMENT_NUMBERS,
        {key.value: value.text for key, value in patterns.items()},
        f"Number {kind.value}s as {pattern.text}",
    )
