"""Planning preferences: each temperature's playbook and the touch meter's thresholds.

A plain value with its defaults (from the domain notes) and its stored JSON form; the store reads
it for the board's cards, the services read and save it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from planner.domain import PlaybookStep, Temperature, TouchKind
from planner.errors import ValidationError

DEFAULT_PLAYBOOKS: Mapping[Temperature, tuple[PlaybookStep, ...]] = MappingProxyType(
    {
        Temperature.COLD: (
            PlaybookStep(TouchKind.DIRECT_MAIL_LETTER, 0, "Introduce us with a short letter"),
            PlaybookStep(TouchKind.PROMOTION, 14, "Send the current special offer"),
        ),
        Temperature.WARM: (
            PlaybookStep(TouchKind.PHONE_CALL, 2, "Friendly follow-up call"),
            PlaybookStep(TouchKind.SALES_LETTER, 7, "Sales letter about what they asked for"),
            PlaybookStep(TouchKind.SEMINAR, 21, "Invite to the next seminar or training"),
        ),
        Temperature.HOT: (
            PlaybookStep(TouchKind.MEETING, 2, "One-on-one meeting"),
            PlaybookStep(TouchKind.PRESENTATION, 7, "Presentation of the offer"),
            PlaybookStep(TouchKind.PROPOSAL, 10, "Send the proposal"),
        ),
    }
)
"""The playbooks a new file starts with: the tactics of each temperature, in order."""


@dataclass(frozen=True)
class PlanningSettings:
    """How touches are planned and judged.

    ``touch_target`` is the number of contacts a sale usually takes (the card's meter); an open
    lead goes quiet after ``quiet_after_days`` without any touch; ``auto_plan`` plans a playbook
    as soon as a lead enters a column instead of proposing it.
    """

    playbooks: Mapping[Temperature, tuple[PlaybookStep, ...]] = field(
        default_factory=lambda: DEFAULT_PLAYBOOKS
    )
    touch_target: int = 8
    quiet_after_days: int = 30
    auto_plan: bool = False

    def __post_init__(self) -> None:
        if self.touch_target < 1:
            raise ValidationError("The touch target is at least 1", "touch_target")
        if self.quiet_after_days < 1:
            raise ValidationError("A lead goes quiet after at least 1 day", "quiet_after_days")
        for steps in self.playbooks.values():
            if any(step.days_after < 0 for step in steps):
                raise ValidationError("A playbook step cannot come before day 0", "playbooks")

    def playbook(self, temperature: Temperature) -> tuple[PlaybookStep, ...]:
        """The steps of one temperature (none when the user emptied it)."""
        return tuple(self.playbooks.get(temperature, ()))

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        return {
            "playbooks": {
                temperature.value: [
                    {"kind": step.kind.value, "days_after": step.days_after, "notes": step.notes}
                    for step in self.playbook(temperature)
                ]
                for temperature in Temperature
            },
            "touch_target": self.touch_target,
            "quiet_after_days": self.quiet_after_days,
            "auto_plan": self.auto_plan,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> "PlanningSettings":
        """Reads the stored form; missing parts take their defaults."""
        if not data:
            return cls()
        defaults = cls()
        stored_playbooks = data.get("playbooks", {})
        playbooks = {
            temperature: (
                tuple(
                    PlaybookStep(
                        TouchKind(step["kind"]), int(step["days_after"]), step.get("notes", "")
                    )
                    for step in stored_playbooks[temperature.value]
                )
                if temperature.value in stored_playbooks
                else defaults.playbook(temperature)
            )
            for temperature in Temperature
        }
        return cls(
            playbooks=MappingProxyType(playbooks),
            touch_target=int(data.get("touch_target", defaults.touch_target)),
            quiet_after_days=int(data.get("quiet_after_days", defaults.quiet_after_days)),
            auto_plan=bool(data.get("auto_plan", defaults.auto_plan)),
        )
