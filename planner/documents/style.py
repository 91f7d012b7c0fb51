"""The documents' shared colours: one quiet palette for letters, envelopes and call sheets."""

from reportlab.lib.colors import HexColor

INK = HexColor("#1d1d1f")
"""Body text."""

MUTED = HexColor("#6b6b70")
"""Labels, footers, the return address."""

ACCENT = HexColor("#1f3a5f")
"""The business name in the letterhead and headings."""

RULE = HexColor("#b9bcc2")
"""Hairlines and fold marks."""

SHADE = HexColor("#f2f3f5")
"""Alternate table rows."""
