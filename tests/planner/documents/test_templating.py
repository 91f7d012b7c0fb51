"""The template sandbox: placeholders render, tricks are refused, errors name their line."""

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
    MAX_OUTPUT,
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
