"""The icon set: every meaning has a glyph in the font, and every kind of touch has one."""

import pytest
from PySide6.QtGui import QColor

from planner.domain import TouchKind
from ui.common.icons import Glyph, forget_icons, icon, touch_kind_glyph


@pytest.mark.parametrize("glyph", list(Glyph))
def test_every_glyph_draws_from_the_font(qapp: object, glyph: Glyph) -> None:
    drawn = icon(glyph)

    image = drawn.pixmap(24, 24).toImage()
    assert not image.isNull()
    assert any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24))


def test_every_touch_kind_has_its_own_glyph() -> None:
    glyphs = [touch_kind_glyph(kind) for kind in TouchKind]

    assert len(set(glyphs)) == len(TouchKind)


def test_an_icon_is_drawn_in_the_colour_asked_for(qapp: object) -> None:
    forget_icons()
    red = icon(Glyph.OVERDUE, QColor("#c62828")).pixmap(32, 32).toImage()

    inked = [
        red.pixelColor(x, y)
        for x in range(32)
        for y in range(32)
        if red.pixelColor(x, y).alpha() == 255
    ]
    assert inked
    assert all(colour.red() > 150 and colour.green() < 80 for colour in inked)
