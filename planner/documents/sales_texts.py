"""A document's introduction and terms through the letters' Jinja2 sandbox.

They take the letters' placeholders (``{{ salutation }}``, ``{{ lead.name }}``,
``{{ sender.phone }}``); a mistake is a ``TemplateError`` naming the part and the line.
"""

from planner.documents.context import LetterContext
from planner.documents.template_text import LetterTemplate, TemplateDraft


def check_sales_text(text: str, part: str) -> None:
    """Raises TemplateError when ``text`` would not compile."""
    from planner.documents.templating import check_template

    check_template(part, TemplateDraft(title=part, body=text))


def render_sales_text(text: str, part: str, context: LetterContext) -> str:
    """``text`` rendered for the lead and sender of ``context``, values marked as in letters
    (``planner.documents.markup`` prints them literally)."""
    if not text.strip():
        return ""
    from planner.documents.templating import CompiledTemplate

    template = LetterTemplate(name=part, title=part, body=text)
    return CompiledTemplate(template).render(context).body
