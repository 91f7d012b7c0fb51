"""The standard introduction and terms of each kind of document.

They are templates like the letters' (rendered in the same Jinja2 sandbox, with the same
placeholders: ``{{ salutation }}``, ``{{ lead.company }}``, ``{{ sender.business_name }}`` …);
the user can replace them per kind (``planner document texts``) or per document.
"""

from planner.sales.numbering import DocumentKind

DEFAULT_INTRODUCTIONS = {
    DocumentKind.PROPOSAL: "{{ salutation }},\n\nthank you for your interest. We are pleased to "
    "offer you the following:",
    DocumentKind.INVOICE: "{{ salutation }},\n\nthank you for your order. We invoice you for "
    "the following:",
    DocumentKind.CONTRACT: "This contract between {{ sender.business_name }} (the supplier) and "
    "{{ lead.name }} (the customer) sets out what the supplier delivers and at what price.",
}
DEFAULT_TERMS = {
    DocumentKind.PROPOSAL: "Prices are in the currency shown and include the taxes listed. "
    "We start work within two weeks of your acceptance.",
    DocumentKind.INVOICE: "Payable without deduction by the due date.",
    DocumentKind.CONTRACT: "Work starts on the start date. Invoices follow delivery and are "
    "payable within 14 days. Either party may end this contract in writing with 30 days' "
    "notice.",
}


def standard_texts(saved: object) -> dict[DocumentKind, tuple[str, str]]:
    """The introduction and terms of every kind: the saved ones where the setting (``saved``,
    decoded JSON) has them, the built-in ones otherwise."""
    stored = saved if isinstance(saved, dict) else {}
    texts = {}
    for kind in DocumentKind:
        entry = stored.get(kind.value)
        entry = entry if isinstance(entry, dict) else {}
        introduction = entry.get("introduction")
        terms = entry.get("terms")
        texts[kind] = (
            introduction if isinstance(introduction, str) else DEFAULT_INTRODUCTIONS[kind],
            terms if isinstance(terms, str) else DEFAULT_TERMS[kind],
        )
    return texts
