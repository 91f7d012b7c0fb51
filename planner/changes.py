"""What a user action changed, in the words front ends need (Anki's ``OpChanges``).

Every service action returns a ``Change``: the ids it touched per kind of record, the typed facts
a screen reacts to (a lead moved from Warm to Hot, a record was created) and the sentence for the
Edit menu. How the change is undone is the store's business: the row images it needs travel
inside the change as an opaque ``UndoRecord`` that no front end looks into.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from planner.domain import Column

Key = int | str
"""A record's id: an integer, or a name for settings."""


class Kind(StrEnum):
    """The kinds of record an action can change; a new table brings its own kind."""

    LEAD = "lead"
    TOUCH = "touch"
    CAMPAIGN = "campaign"
    TEMPLATE = "template"
    SETTING = "setting"
    CATALOGUE_ITEM = "catalogue_item"
    DOCUMENT = "document"
    IMPORT = "import"


class Origin(StrEnum):
    """Why a change reaches the screens: a new action, or the Edit menu taking one back or again.

    Offers that follow an action (a playbook after a move) are made for new actions only.
    """

    ACTION = "action"
    UNDO = "undo"
    REDO = "redo"


@dataclass(frozen=True)
class LeadMove:
    """A lead that changed column; ``source`` is ``None`` for a lead that was just added."""

    lead_id: int
    source: Column | None
    target: Column


class UndoRecord:
    """What the store needs to undo and redo a change; opaque to everything else."""


@dataclass(frozen=True)
class Change:
    """What one user action changed.

    ``changed`` holds the ids per kind the action inserted, updated or deleted; ``created`` the
    ids it inserted, in order. ``touched_leads`` are the leads whose touches changed (a screen
    showing a lead's touch count refreshes them). ``moves`` are the column changes, in order.
    """

    description: str
    changed: Mapping[Kind, frozenset[Key]] = field(default_factory=dict)
    created: Mapping[Kind, tuple[Key, ...]] = field(default_factory=dict)
    moves: tuple[LeadMove, ...] = ()
    touched_leads: frozenset[int] = frozenset()
    origin: Origin = Origin.ACTION
    undo_record: UndoRecord | None = field(default=None, repr=False, compare=False)

    def ids(self, kind: Kind) -> frozenset[Key]:
        """The ids of the records of ``kind`` this change inserted, updated or deleted."""
        return self.changed.get(kind, frozenset())

    @property
    def lead_ids(self) -> frozenset[int]:
        """The leads whose own record changed: added, edited, moved, deleted or restored."""
        return frozenset(int(key) for key in self.ids(Kind.LEAD))

    def created_ids(self, kind: Kind) -> tuple[int, ...]:
        """The ids of the records of ``kind`` this change inserted, oldest first."""
        return tuple(int(key) for key in self.created.get(kind, ()))

    def created_id(self, kind: Kind) -> int:
        """The id of the one record of ``kind`` this change inserted (a new lead, a template)."""
        created = self.created_ids(kind)
        if len(created) != 1:
            raise LookupError(f"the change created {len(created)} records of kind {kind}")
        return created[0]

    @property
    def is_empty(self) -> bool:
        """True when the action turned out to change nothing (there is nothing to undo)."""
        return not any(self.changed.values())

    def is_step_of(self, other: "Change") -> bool:
        """True when both are the same step on the undo stack: an action, its undo or redo."""
        return self.undo_record is not None and self.undo_record is other.undo_record

    def undone(self) -> "Change":
        """The same change as its undo shows it: moves run backwards and nothing was created."""
        return replace(
            self,
            created={},
            moves=tuple(
                LeadMove(move.lead_id, move.target, move.source)
                for move in reversed(self.moves)
                if move.source is not None
            ),
            origin=Origin.UNDO,
        )

    def redone(self) -> "Change":
        """The same change as its redo shows it."""
        return replace(self, origin=Origin.REDO)
