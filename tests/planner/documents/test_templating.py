"""The template sandbox: placeholders render, tricks are refused, errors name their line."""

import time
import tracemalloc

import pytest

from planner.documents.context import PLACEHOLDERS, CampaignInfo
from planner.documents.profile import SenderProfile
from planner.documents.template_text import (
    LetterTemplate,
    TemplateDraft,
    TemplateError,
    builtin_templates,
    parse_template_text,
)
from planner.documents.templating import (
    MAX_LOOP_STEPS,
    MAX_OUTPUT,
    RENDER_SECONDS,
    VALUE_END,
    VALUE_START,
    CompiledTemplate,
    RenderedText,
)
from planner.domain import Lead, TouchKind
from tests.planner.documents.conftest import context_for, make_lead


def _render(
    body: str,
    sender: SenderProfile,
    campaign: CampaignInfo | None = None,
    lead: Lead | None = None,
) -> RenderedText:
    template = LetterTemplate(name="test", title="Test", body=body)
    return CompiledTemplate(template).render(
        context_for(
            lead or make_lead(1, "Jan Kowalski", company="Kowalski & Syn"), sender, campaign
        )
    )


def _plain(text: str) -> str:
    return text.replace(VALUE_START, "").replace(VALUE_END, "")


def test_placeholders_print_lead_sender_campaign_and_dates(
    sender: SenderProfile, campaign: CampaignInfo
) -> None:
    rendered = _render(
        "{{ salutation }} {{ lead.first_name }} {{ lead.company }} {{ sender.business_name }} "
        "{{ campaign.offer }} {{ campaign.response_code }} {{ campaign.deadline }} {{ today }}",
        sender,
        campaign,
    )
    assert _plain(rendered.body) == (
        "Dear Jan Kowalski Jan Kowalski & Syn Harbour Light Bookkeeping "
        "a free one-hour review of your books SPR-7Q2K 30 April 2026 16 March 2026"
    )
    assert rendered.missing == frozenset()


def test_values_are_marked_so_markup_can_tell_them_from_template_text(
    sender: SenderProfile,
) -> None:
    rendered = _render("Hi {{ lead.name }}!", sender)
    assert rendered.body == f"Hi {VALUE_START}Jan Kowalski{VALUE_END}!"


def test_without_a_name_the_salutation_falls_back(sender: SenderProfile) -> None:
    lead = make_lead(1, "Acme Bakery", company="Acme Bakery")
    assert _plain(_render("{{ salutation }},", sender, lead=lead).body) == "Dear Sir or Madam,"


def test_fields_printed_empty_are_reported_but_replaced_or_tested_ones_are_not(
    sender: SenderProfile,
) -> None:
    rendered = _render(
        "{{ lead.title }} {{ lead.phone or lead.name }} {% if lead.email %}x{% endif %} "
        "{{ campaign.offer }}",
        sender,
    )
    assert rendered.missing == frozenset({"lead.title", "campaign.offer"})


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ lead.__init__.__globals__ }}",
        "{{ lead.name.__class__.__base__.__subclasses__() }}",
        "{{ lead.name._notes }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ '{0.__class__}'.format(lead) }}",
        "{{ 'x' * 1000000 }}",
        "{{ [1] * 1000000 }}",
        "{{ 10 ** 100000 }}",
        "{% for i in range(10000000) %}{% endfor %}",
        "{% set x = [] %}{{ x.append(1) }}",
    ],
)
def test_the_sandbox_refuses_attribute_tricks_and_huge_results(
    body: str, sender: SenderProfile
) -> None:
    with pytest.raises(TemplateError) as refused:
        _render(body, sender)
    assert str(refused.value).startswith("Template 'test', body line 1: ")


def test_output_beyond_the_limit_is_refused(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError, match="more than 100,000 characters"):
        _render("{% for i in range(200) %}{{ 'x' * 9000 }}{% endfor %}", sender)
    assert MAX_OUTPUT == 100_000


def test_a_syntax_error_names_its_line() -> None:
    body = "Dear {{ lead.name }},\n\nSecond paragraph.\n{% if lead.city %}\nno end"
    with pytest.raises(TemplateError) as error:
        CompiledTemplate(LetterTemplate(name="broken", title="Broken", body=body))
    assert error.value.line == 5
    assert str(error.value).startswith("Template 'broken', body line 5: ")


def test_an_unknown_field_names_the_fields_there_are(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError) as error:
        _render("line one\n{{ lead.nmae }}", sender)
    assert error.value.line == 2
    assert "there is no field 'nmae'" in str(error.value)
    assert "postal_code" in str(error.value)


def test_a_runtime_error_becomes_a_template_error_with_its_line(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError, match="body line 3: ZeroDivisionError"):
        _render("a\nb\n{{ 1 / 0 }}", sender)


def test_lines_holding_only_tags_vanish_while_a_tag_ending_a_line_keeps_its_break(
    sender: SenderProfile,
) -> None:
    body = (
        "First.\n\n{% if true %}\n  {# a note #}\nSecond{% if true %} part{% endif %}.\n"
        "{% endif %}\n\nThird."
    )
    assert _plain(_render(body, sender).body) == "First.\n\n  Second part.\n\nThird."


def test_error_lines_stay_right_after_tag_only_lines_vanish(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError) as error:
        _render("{% if true %}\n{% if true %}\nok\n{% endif %}\n{% endif %}\n{{ nope }}", sender)
    assert error.value.line == 6


def test_every_placeholder_the_editor_offers_renders(
    sender: SenderProfile, campaign: CampaignInfo
) -> None:
    body = "\n".join(placeholder.insertion for placeholder in PLACEHOLDERS)
    lines = _plain(_render(body, sender, campaign).body).split("\n")
    assert len(lines) == len(PLACEHOLDERS) == 30
    assert lines[:2] == ["Dear Jan Kowalski", "16 March 2026"]


def test_a_draft_from_the_editor_previews_as_a_template() -> None:
    draft = TemplateDraft(title="Draft", body="Hi", kind=TouchKind.SALES_LETTER, show_qr=True)
    template = LetterTemplate.from_draft("draft", draft)
    assert (template.name, template.draft()) == ("draft", draft)


def test_the_text_form_round_trips() -> None:
    template = LetterTemplate(
        name="spring",
        title="Spring: offer",
        body="{{ salutation }},\n\nHello.",
        kind=TouchKind.SALES_LETTER,
        subject="Hi {{ lead.name }}",
        closing="Cheers",
        show_response_code=True,
    )
    assert parse_template_text(template.to_text(), "spring.letter") == template


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\n---\nbody", "file line 1: must start with a '---'"),
        ("---\nname: x\ntitle: X\nbody", "no closing '---'"),
        ("---\nname: x\ntitle: X\ncolour: red\n---\nbody", "file line 4: 'colour: red'"),
        ("---\nname: Bad Name\ntitle: X\n---\nbody", "name 'Bad Name'"),
        ("---\nname: x\ntitle: X\nkind: phone_call\n---\nbody", "kind 'phone_call'"),
        ("---\nname: x\ntitle: X\nshow_qr: maybe\n---\nbody", "show_qr must be yes or no"),
    ],
)
def test_a_bad_front_matter_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template_text(text, "x.letter")


def test_the_five_builtin_templates_render_completely_with_a_full_profile(
    sender: SenderProfile, campaign: CampaignInfo
) -> None:
    names = {template.name for template in builtin_templates()}
    assert names == {
        "cold-introduction",
        "warm-follow-up",
        "seminar-invitation",
        "thank-you-referral",
        "win-back",
    }
    lead = make_lead(1, "Jan Kowalski", company="Kowalski & Syn", city="Łódź")
    for template in builtin_templates():
        rendered = CompiledTemplate(template).render(context_for(lead, sender, campaign))
        assert rendered.missing == frozenset(), template.name
        assert "Dear Jan Kowalski," in _plain(rendered.body)


def test_nested_loops_are_stopped_by_the_loop_budget_with_their_line(
    sender: SenderProfile,
) -> None:
    body = "Hello\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    with pytest.raises(TemplateError) as refused:
        _render(body, sender)
    assert time.monotonic() - started < RENDER_SECONDS * 3
    assert refused.value.line == 2
    assert str(refused.value) == (
        "Template 'test', body line 2: templates may not do that "
        f"(its loops run more than {MAX_LOOP_STEPS:,} times)"
    )


def test_loops_over_any_sequence_count_toward_the_loop_budget(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError, match="loops run more than"):
        _render(
            "{% for a in 'x' * 9000 %}{% for b in 'y' * 9000 %}{% endfor %}{% endfor %}", sender
        )


def test_the_budget_is_per_render_so_many_small_loops_over_many_letters_pass(
    sender: SenderProfile,
) -> None:
    template = CompiledTemplate(
        LetterTemplate(
            name="test", title="Test", body="{% for i in range(60000) %}{% endfor %}done"
        )
    )
    context = context_for(make_lead(1, "Jan Kowalski"), sender)
    for _ in range(3):
        assert _plain(template.render(context).body) == "done"


def test_recursion_through_macros_is_stopped_by_the_time_budget(sender: SenderProfile) -> None:
    body = (
        "{% macro grow(n) %}{% if n %}{{ grow(n - 1) }}{{ grow(n - 1) }}{% endif %}"
        "{% endmacro %}\n{{ grow(60) }}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"takes longer than 2 seconds to render"):
        _render(body, sender)
    assert time.monotonic() - started < RENDER_SECONDS * 3


@pytest.mark.parametrize(
    "body",
    [
        "{{ 'x'.ljust(10**8) }}",
        "{{ 'x'.rjust(100000000) }}",
        "{{ 'x'.center(10**8) }}",
        "{{ 'x'.zfill(10**8) }}",
        "{{ 'x'|center(10**8) }}",
        "{{ 'a\\nb'|indent(10**8) }}",
        "{{ ('x' * 9999).replace('x', 'y' * 9999) }}",
        "{{ ('x' * 9999)|replace('x', 'y' * 9999) }}",
        "{{ ('\t' * 9999).expandtabs(9999) }}",
        "{{ '{:>100000000}'.format(1) }}",
        "{{ '{:{}}'.format(1, 10**8) }}",
        "{{ '%100000000s' % 'x' }}",
        "{{ '%*s' % (10**8, 'x') }}",
        "{{ '%(a)100000000s' % {'a': 'x'} }}",
        "{{ '%.100000000f'|format(1.5) }}",
        "{{ ('-' * 9999).join(range(9999)|map('string')|list) }}",
        "{{ '-'.join(range(99999)|map('string')) }}",
        "{{ range(99999)|join('-') }}",
        "{{ range(99999)|list|length }}",
    ],
)
def test_calls_and_filters_that_would_build_huge_texts_are_refused(
    body: str, sender: SenderProfile
) -> None:
    with pytest.raises(TemplateError, match=r"too long for a template\)$") as refused:
        _render(body, sender)
    assert refused.value.line == 1


def test_ordinary_formatting_and_string_methods_still_work(sender: SenderProfile) -> None:
    rendered = _render(
        "{{ '{:,}'.format(2500000) }} {{ '%05.1f' % 3.14159 }} {{ 'ab'.center(6, '*') }} "
        "{{ '%s-%s'|format('a', 'b') }} {{ ', '.join(['x', 'y']) }} {{ [1, 2]|join('+') }} "
        "{{ lead.name.replace('Jan', 'J.') }} {{ 'a\nb'|indent(2) }} "
        "{{ '{} at 100% 2000000 times'.format('up') }}",
        sender,
    )
    assert _plain(rendered.body) == (
        "2,500,000 003.1 **ab** a-b x, y 1+2 J. Kowalski a\n  b up at 100% 2000000 times"
    )


_DOUBLING_LINES = '{% set t0 = "x" * 9000 %}\n' + "".join(
    f"{{% set t{step + 1} = t{step} ~ t{step} %}}\n" for step in range(40)
)
"""``t1 = t0 ~ t0``, ``t2 = t1 ~ t1``, …: forty lines that would reach ten terabytes."""


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (_DOUBLING_LINES, 5),  # t4 = t3 ~ t3 is the first beyond MAX_OUTPUT (9000 * 16)
        (
            '{% set ns = namespace(s="x") %}\n'
            "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            2,
        ),
        (
            '{% set ns = namespace(s="x") %}\n'
            "{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
            2,
        ),
        (
            '{% set ns = namespace(s="x") %}\n{% for i in range(40) %}'
            "{% set s %}{{ ns.s }}{{ ns.s }}{% endset %}{% set ns.s = s %}{% endfor %}",
            2,
        ),
        (
            '{% set a = "x" * 9999 %}\n'
            "{% filter trim %}{% for i in range(99999) %}{{ a }}{% endfor %}{% endfilter %}",
            2,
        ),
        (
            '{% set a = "x" * 9999 %}\n'
            "{% macro m() %}{% for i in range(99999) %}{{ a }}{% endfor %}{% endmacro %}"
            "{% set b = m() %}",
            2,
        ),
        ('{% set a = "x" * 9999 %}\n{{ ([a] * 9999)|join }}', 2),
        ('{% set a = "x" * 9999 %}\n{{ ([a] * 9999)|map("string")|join }}', 2),
        ('{% set ns = namespace(s="x" * 9999) %}\n{{ ([ns] * 9999)|join(attribute="s") }}', 2),
        ('{% set a = "x" * 9999 %}\n{{ "".join(([a] * 9999)|map("string")) }}', 2),
        ('{% set a = "x" * 9999 %}\n{{ [a] * 9999 }}', 2),
        ('{% set a = "x" * 9999 %}\n{{ {"k": [a] * 9999} }}', 2),
    ],
)
def test_texts_that_double_or_pile_up_are_refused_before_they_are_built(
    body: str, line: int, sender: SenderProfile
) -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(TemplateError) as refused:
            _render(body, sender)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < RENDER_SECONDS / 2
    assert peak < 20 * MAX_OUTPUT * 4  # a few texts of MAX_OUTPUT characters, not gigabytes
    assert str(refused.value) == (
        f"Template 'test', body line {line}: templates may not do that "
        "(that text is too long for a template)"
    )


def test_lists_that_double_are_refused(sender: SenderProfile) -> None:
    body = (
        "{% set ns = namespace(items=[1]) %}\n"
        "{% for i in range(40) %}{% set ns.items = ns.items + ns.items %}{% endfor %}"
    )
    with pytest.raises(TemplateError, match=r"that list is too long for a template\)$") as refused:
        _render(body, sender)
    assert refused.value.line == 2


def test_ordinary_joining_still_works(sender: SenderProfile) -> None:
    rendered = _render(
        '{{ lead.first_name ~ " of " ~ lead.company ~ ", " ~ 3 }} {{ "a" + "b" }} '
        "{{ (1, 2) + (3,) }} {{ 1 + 2.5 }} {{ ['x', 'y']|join(', ') }} "
        "{{ [lead]|join(attribute='first_name') }} {{ 'ab'|join('-') }}\n"
        "{% set greeting %}Hi {{ lead.first_name }}{% endset %}{{ greeting ~ '!' }} "
        "{% filter upper %}{{ lead.first_name }}{% endfilter %} "
        "{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}in{% endcall %} "
        "{% set ns = namespace(s='') %}{% for i in range(3) %}{% set ns.s = ns.s ~ i %}"
        "{% endfor %}{{ ns.s }}",
        sender,
    )
    assert _plain(rendered.body) == (
        "Jan of Kowalski & Syn, 3 ab (1, 2, 3) 3.5 x, y Jan a-b\nHi Jan! JAN [in] 012"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{{ ((9**999)**999)**999 }}",
        "{% set ns = namespace(n=99) %}{% for i in range(30) %}{% set ns.n = ns.n * ns.n %}"
        "{% endfor %}{{ ns.n }}",
        "{{ (10**1000) * (10**1000) * (10**1000) * (10**1000) * (10**1000) }}",
        "{{ 2 ** 5000 }}",
    ],
)
def test_huge_numbers_are_refused_before_they_are_computed(
    body: str, sender: SenderProfile
) -> None:
    """Refused by their size, not by the time budget running out inside one operation."""
    with pytest.raises(TemplateError, match="number is too large for a template"):
        _render(body, sender)


def test_ordinary_arithmetic_still_works(sender: SenderProfile) -> None:
    rendered = _render("{{ 12 * 1250 }} {{ 2 ** 10 }} {{ (10 ** 300) // (10 ** 299) }}", sender)
    assert _plain(rendered.body) == "15000 1024 10"


def test_lipsum_is_not_offered(sender: SenderProfile) -> None:
    with pytest.raises(TemplateError, match="lipsum"):
        _render("{{ lipsum(n=1000000) }}", sender)
