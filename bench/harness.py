"""Runs a measure and its baseline in turn, and reports the ratio, its spread and the target.

Every figure is a ratio to a baseline measured in the same run, pair by pair (subject, baseline,
subject, baseline, …), so a busy machine slows both sides of a pair alike and the ratio means the
same on any machine. The reported ratio is the median of the pairs' ratios; the spread is the
distance between the lowest and the highest of them.
"""

import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Better(StrEnum):
    """Whether a ratio meets its target by staying under it (time, memory) or over it
    (throughput)."""

    LOWER = "≤"
    HIGHER = "≥"


@dataclass(frozen=True)
class Outcome:
    """One measure of the bench: the figures of both sides and the target of their ratio."""

    name: str
    measure: str
    unit: str
    figures: tuple[float, ...]
    baselines: tuple[float, ...]
    target: float
    better: Better = Better.LOWER

    @property
    def ratios(self) -> list[float]:
        """Subject over baseline, pair by pair; for throughput, the subject's figure is its
        time, so the ratio is the baseline's time over the subject's."""
        pairs = zip(self.figures, self.baselines, strict=True)
        if self.better is Better.HIGHER:
            return [baseline / figure for figure, baseline in pairs]
        return [figure / baseline for figure, baseline in pairs]

    @property
    def ratio(self) -> float:
        """The median of the pairs' ratios."""
        return statistics.median(self.ratios)

    @property
    def spread(self) -> float:
        """How far apart the pairs' ratios lie: the highest minus the lowest."""
        return max(self.ratios) - min(self.ratios)

    @property
    def met(self) -> bool:
        """True when the median ratio is on the right side of the target."""
        if self.better is Better.HIGHER:
            return self.ratio >= self.target
        return self.ratio <= self.target

    def as_json(self) -> dict[str, object]:
        """The row of ``bench-results.json``."""
        return {
            "name": self.name,
            "ratio": round(self.ratio, 3),
            "target": self.target,
            "met": self.met,
            "runs": len(self.figures),
            "spread": round(self.spread, 3),
        }


def interleaved(
    runs: int, subject: Callable[[], float], baseline: Callable[[], float]
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """``runs`` pairs of figures, each pair measured back to back, the side going first
    alternating so neither always runs on a warmer (or busier) machine."""
    figures: list[float] = []
    baselines: list[float] = []
    for run in range(runs):
        if run % 2:
            baselines.append(baseline())
            figures.append(subject())
        else:
            figures.append(subject())
            baselines.append(baseline())
    return tuple(figures), tuple(baselines)


def table(outcomes: Sequence[Outcome]) -> str:
    """The results as a Markdown table: measure, figure, baseline, ratio, spread, target, met."""
    lines = [
        "| measure | figure | baseline | ratio | spread | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        figure = statistics.median(outcome.figures)
        baseline = statistics.median(outcome.baselines)
        lines.append(
            f"| {outcome.name}: {outcome.measure} | {_number(figure)} {outcome.unit} "
            f"| {_number(baseline)} {outcome.unit} | {outcome.ratio:.2f}× "
            f"| {outcome.spread:.2f} | {outcome.better.value} {outcome.target:g}× "
            f"| {'yes' if outcome.met else 'NO'} |"
        )
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def write_results(outcomes: Sequence[Outcome], path: Path) -> None:
    """``bench-results.json``: one object per measure."""
    rows = [outcome.as_json() for outcome in outcomes]
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
