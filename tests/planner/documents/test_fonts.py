"""Fonts: DejaVu for European scripts, a fallback per run for the rest, nothing that crashes."""

import pytest

from planner.documents.fonts import (
    CHINESE_FONT,
    JAPANESE_FONT,
    KOREAN_FONT,
    Run,
    Typeface,
    clean_text,
    runs,
    text_width,
)


@pytest.mark.parametrize(
    "text",
    [
        "Zażółć gęślą jaźń",
        "Ελένη Παπαδοπούλου",
        "Ольга Иванова",
        "Jiří Dvořák",
        "Ahmet Yılmaz İzmir",
    ],
)
def test_european_scripts_stay_in_the_embedded_font(text: str) -> None:
    assert runs(text, Typeface.SERIF) == (Run(text, Typeface.SERIF.value),)


@pytest.mark.parametrize(
    ("text", "font"),
    [("陈氏茶行", CHINESE_FONT), ("佐藤 さくら", JAPANESE_FONT), ("김민준", KOREAN_FONT)],
)
def test_cjk_names_switch_to_a_cjk_font(text: str, font: str) -> None:
    found = runs(f"Mr {text}", Typeface.SANS)
    assert found[0] == Run("Mr ", Typeface.SANS.value)
    assert {run.font for run in found[1:] if run.text.strip()} == {font}


def test_hebrew_and_arabic_fall_back_from_serif_to_sans() -> None:
    assert runs("Dana כהן", Typeface.SERIF) == (
        Run("Dana ", Typeface.SERIF.value),
        Run("כהן", Typeface.SANS.value),
    )


def test_emoji_and_control_characters_never_break_measuring() -> None:
    assert clean_text("a\x00b\u202ec\td\ud800") == "abc d"
    assert text_width("Party 🎉\x07", Typeface.SANS, 10) > 0
