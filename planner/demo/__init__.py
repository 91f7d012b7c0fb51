"""Demo data: sixty-odd invented leads (``samples``) and six months of a small business's history
with them (``history``), relative to the day it is loaded.

Plain values only: ``planner.services.demo`` writes them into the file as one undoable step, so
the CLI and the window load the same thing.
"""

from planner.demo.history import DemoHistory, demo_history
from planner.demo.samples import demo_drafts

__all__ = ["DemoHistory", "demo_drafts", "demo_history"]
