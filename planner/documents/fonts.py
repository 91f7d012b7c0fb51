"""Fonts for every document: DejaVu embedded, with a fallback font chosen per run of text.

DejaVu (shipped in ``resources/fonts``) draws Latin, Greek and Cyrillic, so Polish, Czech,
Turkish, Greek and Russian names print as written. DejaVu Serif lacks Hebrew and Arabic, which
DejaVu Sans has, so those runs switch to Sans. Chinese, Japanese and Korean switch to reportlab's
CID fonts (the viewer's own CJK fonts, not embedded) instead of printing empty boxes. Characters no
font has (most emoji) stay in the base font: they print as a gap, and never stop a batch.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import as_file, files

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


class Typeface(StrEnum):
    """The embedded families; the value is the name of the regular face."""

    SERIF = "DejaVuSerif"
    SANS = "DejaVuSans"

    def face(self, *, bold: bool = False, italic: bool = False) -> str:
        """The registered name of one face of the family."""
        return _FACES[self][(bold, italic)]


_FACES = {
    Typeface.SERIF: {
        (False, False): "DejaVuSerif",
        (True, False): "DejaVuSerif-Bold",
        (False, True): "DejaVuSerif-Italic",
        (True, True): "DejaVuSerif-BoldItalic",
    },
    Typeface.SANS: {
        (False, False): "DejaVuSans",
        (True, False): "DejaVuSans-Bold",
        (False, True): "DejaVuSans-Oblique",
        (True, True): "DejaVuSans-BoldOblique",
    },
}

CHINESE_FONT = "STSong-Light"
JAPANESE_FONT = "HeiseiMin-W3"
KOREAN_FONT = "HYSMyeongJo-Medium"
_CJK_FONTS = (CHINESE_FONT, JAPANESE_FONT, KOREAN_FONT)


_UNDRAWABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
"""Control characters, invisible direction and joining marks, byte-order marks and lone
surrogates: nothing to print, and some would break the PDF's text encoding."""


def clean_text(text: str) -> str:
    """``text`` without characters that print nothing (tabs become spaces)."""
    return _UNDRAWABLE.sub("", text.replace("\t", " "))


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn in one font family (``font`` names its regular face)."""

    text: str
    font: str


@cache
def register_fonts() -> None:
    """Registers the DejaVu families and the CJK fallbacks with reportlab (once per process).

    Each CJK font is registered as a family of itself, so ``<b>`` around a Chinese name keeps
    working (the CID fonts have no bold face).
    """
    for typeface, faces in _FACES.items():
        for face in faces.values():
            with as_file(files("resources").joinpath("fonts", f"{face}.ttf")) as path:
                pdfmetrics.registerFont(TTFont(face, str(path)))
        pdfmetrics.registerFontFamily(
            typeface.value,
            normal=faces[(False, False)],
            bold=faces[(True, False)],
            italic=faces[(False, True)],
            boldItalic=faces[(True, True)],
        )
    for name in _CJK_FONTS:
        pdfmetrics.registerFont(UnicodeCIDFont(name))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


@cache
def _covered(face: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(face)
    return frozenset(font.face.charToGlyph)


def _cjk_class(code: int) -> str:
    """``ja`` for kana, ``ko`` for hangul, ``han`` for ideographs and CJK punctuation, or ``""``."""
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF65 <= code <= 0xFF9F:
        return "ja"
    if 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF:
        return "ko"
    if (
        0x2E80 <= code <= 0x2FDF
        or 0x3000 <= code <= 0x303F
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFF64
        or 0x20000 <= code <= 0x2FA1F
    ):
        return "han"
    return ""


def _char_class(char: str, typeface: Typeface) -> str:
    code = ord(char)
    if char.isspace() or code in _covered(typeface.face()):
        return "base"
    cjk = _cjk_class(code)
    if cjk:
        return cjk
    if code in _covered(Typeface.SANS.face()):
        return "sans"
    return "base"


@lru_cache(maxsize=4096)
def runs(text: str, typeface: Typeface) -> tuple[Run, ...]:
    """Splits ``text`` into runs the base family (or a fallback) can draw.

    Ideographs print Japanese when the text has kana anywhere (``佐藤 さくら``), Korean when it
    has hangul, and Chinese otherwise. Remembers recent answers: letters repeat the same texts.
    """
    cleaned = clean_text(text)
    codes = {ord(char) for char in cleaned}
    if codes <= _covered(typeface.face()):
        return (Run(cleaned, typeface.value),) if cleaned else ()
    classes = {_cjk_class(code) for code in codes}
    if "ja" in classes:
        cjk_font = JAPANESE_FONT
    elif "ko" in classes:
        cjk_font = KOREAN_FONT
    else:
        cjk_font = CHINESE_FONT
    return tuple(
        Run(group, _font_for(group_class, typeface, cjk_font))
        for group_class, group in _groups(cleaned, typeface)
    )


def _groups(text: str, typeface: Typeface) -> Iterator[tuple[str, str]]:
    current_class = ""
    current: list[str] = []
    for char in text:
        char_class = _char_class(char, typeface)
        if char_class in ("ja", "ko", "han"):
            char_class = "cjk"
        if current and char_class != current_class:
            yield current_class, "".join(current)
            current = []
        current_class = char_class
        current.append(char)
    if current:
        yield current_class, "".join(current)


def _font_for(group_class: str, typeface: Typeface, cjk_font: str) -> str:
    if group_class == "sans":
        return Typeface.SANS.value
    if group_class == "cjk":
        return cjk_font
    return typeface.value


def face_of(run: Run, *, bold: bool = False, italic: bool = False) -> str:
    """The registered face that draws ``run`` in the wanted weight and style."""
    for typeface in Typeface:
        if run.font == typeface.value:
            return typeface.face(bold=bold, italic=italic)
    return run.font


def text_width(text: str, typeface: Typeface, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in points as ``draw_text`` draws it."""
    register_fonts()
    return float(
        sum(
            pdfmetrics.stringWidth(run.text, face_of(run, bold=bold), size)
            for run in runs(text, typeface)
        )
    )


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    typeface: Typeface,
    size: float,
    *,
    bold: bool = False,
) -> None:
    """Draws one line of text with its baseline at ``y``, switching fonts run by run.

    One text object holds the whole line, so text extraction reads it as one line.
    """
    register_fonts()
    line = canvas.beginText(x, y)
    for run in runs(text, typeface):
        line.setFont(face_of(run, bold=bold), size)
        line.textOut(run.text)
    canvas.drawText(line)
