"""A letter's content: its template rendered for one lead and turned into safe markup.

Kept apart from the layout so the editor's preview, the mail merge and the tests share one path
from template to markup.
"""

from dataclasses import dataclass

from planner.documents.context import LetterContext
from planner.documents.fonts import Typeface
from planner.documents.markup import Block, body_blocks, inline_markup, text_markup
from planner.documents.templating import CompiledTemplate


@dataclass(frozen=True)
class ComposedLetter:
    """One letter ready to lay out: its context, subject and body markup, and what was missing."""

    context: LetterContext
    subject: str
    blocks: tuple[Block, ...]
    closing: str
    show_response_code: bool
    show_qr: bool
    missing: frozenset[str]

    @property
    def response_code(self) -> str:
        """The campaign's response code, when the template prints it and there is one."""
        campaign = self.context.campaign
        if not (self.show_response_code or self.show_qr) or campaign is None:
            return ""
        return campaign.response_code


def compose_letter(template: CompiledTemplate, context: LetterContext) -> ComposedLetter:
    """Renders the template for one lead and turns it into safe markup."""
    rendered = template.render(context)
    return ComposedLetter(
        context=context,
        subject=inline_markup(rendered.subject, Typeface.SERIF),
        blocks=tuple(body_blocks(rendered.body, Typeface.SERIF)),
        closing=text_markup(template.template.closing, Typeface.SERIF),
        show_response_code=template.template.show_response_code,
        show_qr=template.template.show_qr,
        missing=rendered.missing,
    )
