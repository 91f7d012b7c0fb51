"""Turning rendered templates into reportlab markup: escaped values, a tiny safe markup."""

import pytest

from planner.documents.fonts import CHINESE_FONT, Typeface
from planner.documents.markup import BlockKind, body_blocks, escape, inline_markup, text_markup
from planner.documents.templating import VALUE_END, VALUE_START


def value(text: str) -> str:
    """Text as the template engine marks a printed placeholder."""
    return f"{VALUE_START}{text}{VALUE_END}"


def markups(rendered: str) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.markup) for block in body_blocks(rendered, Typeface.SERIF)]


def test_escape_leaves_no_tag_or_entity_for_the_parser() -> None:
    assert (
        escape('Smith & <Sons> <img src="x"/>') == 'Smith &amp; &lt;Sons&gt; &lt;img src="x"/&gt;'
    )


def test_bold_and_italic_from_the_template_may_span_values() -> None:
    rendered = f"Try **{value('our offer')}** until *{value('30 April')}*."
    assert markups(rendered) == [
        (BlockKind.PARAGRAPH, "Try <b>our offer</b> until <i>30 April</i>.")
    ]


def test_stars_and_tags_inside_values_print_literally() -> None:
    rendered = f"Hello {value('**Stars** & <b>tags</b>')}."
    assert markups(rendered) == [
        (BlockKind.PARAGRAPH, "Hello **Stars** &amp; &lt;b&gt;tags&lt;/b&gt;.")
    ]


def test_the_template_text_itself_is_escaped_too() -> None:
    assert markups('Fish & chips <font color="red">') == [
        (BlockKind.PARAGRAPH, 'Fish &amp; chips &lt;font color="red"&gt;')
    ]


@pytest.mark.parametrize(
    ("rendered", "markup"),
    [
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("a **b", "a **b"),
        (r"\*not italic\*", "*not italic*"),
        ("**a *b* c**", "<b>a <i>b</i> c</b>"),
    ],
)
def test_unpaired_or_escaped_markers_print_as_typed(rendered: str, markup: str) -> None:
    assert markups(rendered) == [(BlockKind.PARAGRAPH, markup)]


def test_blank_lines_separate_paragraphs_and_single_breaks_stay() -> None:
    rendered = f"One\ntwo {value('x')}\n\n\n  Three\n"
    assert markups(rendered) == [
        (BlockKind.PARAGRAPH, "One<br/>two x"),
        (BlockKind.PARAGRAPH, "Three"),
    ]


def test_a_value_with_blank_lines_does_not_split_the_paragraph() -> None:
    rendered = "Notes: " + value("first\n\nsecond") + " end"
    assert markups(rendered) == [(BlockKind.PARAGRAPH, "Notes: first<br/>second end")]


def test_lines_starting_with_a_dash_become_bullets() -> None:
    rendered = f"What to expect:\n\n- tips for {value('you')}\n- **coffee**\n\nSee you."
    assert markups(rendered) == [
        (BlockKind.PARAGRAPH, "What to expect:"),
        (BlockKind.BULLET, "tips for you"),
        (BlockKind.BULLET, "<b>coffee</b>"),
        (BlockKind.PARAGRAPH, "See you."),
    ]


def test_runs_a_body_font_cannot_draw_get_a_fallback_font() -> None:
    assert text_markup("Tea 陈氏 & co", Typeface.SERIF) == (
        f'Tea <font name="{CHINESE_FONT}">陈氏</font> &amp; co'
    )


def test_a_subject_is_one_line() -> None:
    assert inline_markup(f"Hello\n{value('<Sons>')}", Typeface.SERIF) == "Hello &lt;Sons&gt;"
