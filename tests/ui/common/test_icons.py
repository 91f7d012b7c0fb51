"""The icon set: every meaning has a glyph in the font, and every kind of touch has one."""

import json

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from planner.domain import TouchKind
from ui.common.icons import Glyph, forget_icons, icon, icon_font_file, touch_kind_glyph


def test_every_glyph_sits_where_the_fonts_name_table_says() -> None:
    """The code points written beside the names are the font's own, for the font installed."""
    version = icon_font_file().name.removeprefix("materialdesignicons6-webfont-")
    names = icon_font_file().with_name(f"materialdesignicons6-webfont-charmap-{version}")
    charmap = json.loads(names.with_suffix(".json").read_text(encoding="utf-8"))

    wrong = {
        glyph.name: (glyph.codepoint, charmap.get(glyph.value))
        for glyph in Glyph
        if int(charmap.get(glyph.value, "0"), 16) != glyph.codepoint
    }
    assert not wrong


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


def test_a_disabled_icon_is_drawn_in_the_disabled_colour(qapp: object) -> None:
    forget_icons()
    drawn = icon(Glyph.OVERDUE, QColor("#c62828"))

    disabled = drawn.pixmap(32, 32, QIcon.Mode.Disabled).toImage()
    inked = [
        disabled.pixelColor(x, y)
        for x in range(32)
        for y in range(32)
        if disabled.pixelColor(x, y).alpha() == 255
    ]
    assert inked
    assert not any(colour.red() > 150 and colour.green() < 80 for colour in inked)


def test_an_icon_is_sharp_on_a_high_density_screen(qapp: object) -> None:
    drawn = icon(Glyph.SEARCH).pixmap(QSize(24, 24), 2.0)

    assert drawn.devicePixelRatio() == 2.0
    assert drawn.size() == QSize(48, 48)
