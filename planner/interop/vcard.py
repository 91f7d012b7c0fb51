"""vCard files in and out (``vobject``): versions 2.1, 3.0 and 4.0, many cards per file.

Reading turns each card into a row under headers the mapping knows, so vCards import through the
same checks, duplicate search and undo as a CSV file. Photos, logos, sounds and keys are dropped
before parsing (they are large and the planner does not keep them); vCard 2.1's quoted-printable
lines, soft line breaks and charsets are decoded. Writing makes vCard 3.0, which every address
book reads, with the planner's own fields (temperature, outcome, value, source) as ``X-PLANNER-``
properties so an export imported again gives the same leads.
"""

import quopri
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planner.documents.output import atomic_file
from planner.domain import Lead
from planner.interop.csv_export import ExportResult
from planner.interop.csv_reading import decode, detect_encoding
from planner.interop.source_table import (
    ImportFileError,
    SourceFormat,
    SourceRow,
    SourceTable,
)
from planner.read_models import LeadFilter
from planner.workspace import Workspace

VCARD_HEADERS: tuple[str, ...] = (
    "Name",
    "First name",
    "Last name",
    "Company",
    "Title",
    "Email",
    "Phone",
    "Street",
    "City",
    "Region",
    "Postal code",
    "Country",
    "Notes",
    "Tags",
    "Temperature",
    "Outcome",
    "Lost reason",
    "Value",
    "Currency",
    "Source",
)
"""The columns a card becomes; the mapping proposes each one's field by its name."""

_BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_PROPERTY_START = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_PLANNER = {
    "temperature": "X-PLANNER-TEMPERATURE",
    "outcome": "X-PLANNER-OUTCOME",
    "lost_reason": "X-PLANNER-LOST-REASON",
    "value": "X-PLANNER-VALUE",
    "currency": "X-PLANNER-CURRENCY",
    "source": "X-PLANNER-SOURCE",
}


def read_vcards(path: Path) -> SourceTable:
    """Every card of the file as a row; ImportFileError naming the line of a card that cannot
    be read."""
    file_name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ImportFileError(f"{file_name} cannot be read: {error.strerror}") from None
    text = decode(raw, detect_encoding(raw, file_name), file_name).removeprefix("\ufeff")
    import vobject  # loads only when vCards are read

    rows = []
    for line, card_text in _cards(text, file_name):
        try:
            card = vobject.readOne(card_text, allowQP=True)
        except Exception as error:  # vobject raises bare ParseErrors and codec errors alike
            raise ImportFileError(
                f"{file_name}: the card starting on line {line} cannot be read ({error})"
            ) from None
        rows.append(SourceRow(line, _cells(card)))
    if not rows:
        raise ImportFileError(f"{file_name} holds no vCards (no BEGIN:VCARD line)")
    return SourceTable(VCARD_HEADERS, tuple(rows), SourceFormat.VCARD, f"{len(rows)} vCards")


def export_vcards(
    workspace: Workspace, path: Path, lead_filter: LeadFilter = LeadFilter()
) -> ExportResult:
    """Writes the leads matching the filter as vCard 3.0 to ``path``, whole or not at all."""
    import vobject  # loads only when vCards are written

    leads = workspace.leads.find(lead_filter)
    tags = workspace.imports.tags([lead.id for lead in leads])
    with atomic_file(path) as file:
        for lead in leads:
            card = _card(vobject.vCard(), lead, tags.get(lead.id, []))
            file.write(card.serialize().encode("utf-8"))
    return ExportResult(Path(path).expanduser().absolute(), len(leads))


def _cards(text: str, file_name: str) -> list[tuple[int, str]]:
    """Each card's text, cleaned for vobject, with the line it starts on."""
    cards: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = 0
    skipping = False
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        found = _PROPERTY_START.match(line)
        if found is not None:
            skipping = found.group(1).upper() in _BINARY_PROPERTIES
        if skipping:
            continue
        if line.strip().upper() == "BEGIN:VCARD":
            current, start = [], number
        if current is None:
            continue
        if current and current[-1].endswith("=") and "QUOTED-PRINTABLE" in current[-1].upper():
            current[-1] = current[-1][:-1] + line
        else:
            current.append(line)
        if line.strip().upper() == "END:VCARD":
            cards.append((start, "\r\n".join(current) + "\r\n"))
            current = None
    if current is not None:
        raise ImportFileError(
            f"{file_name}: the card starting on line {start} has no END:VCARD; the file is cut off"
        )
    return cards


def _cells(card: Any) -> tuple[str, ...]:
    values = dict.fromkeys(VCARD_HEADERS, "")
    values["Name"] = _text(card, "fn")
    name = _first(card, "n")
    if name is not None:
        values["First name"] = _joined(name.value.given)
        values["Last name"] = _joined(name.value.family)
    organisation = _first(card, "org")
    if organisation is not None:
        parts = organisation.value if isinstance(organisation.value, list) else [organisation.value]
        values["Company"] = _decoded(organisation, str(parts[0]) if parts else "")
    values["Title"] = _text(card, "title")
    values["Email"] = _text(card, "email")
    values["Phone"] = _text(card, "tel").removeprefix("tel:")
    address = _first(card, "adr")
    if address is not None:
        value = address.value
        street = ", ".join(
            part for part in (_joined(value.box), _joined(value.extended), _joined(value.street))
            if part
        )  # fmt: skip
        values["Street"] = _decoded(address, street)
        values["City"] = _decoded(address, _joined(value.city))
        values["Region"] = _decoded(address, _joined(value.region))
        values["Postal code"] = _decoded(address, _joined(value.code))
        values["Country"] = _decoded(address, _joined(value.country))
    values["Notes"] = _text(card, "note")
    categories = _first(card, "categories")
    if categories is not None:
        listed = categories.value if isinstance(categories.value, list) else [categories.value]
        values["Tags"] = ", ".join(str(each) for each in listed if each)
    headers = {
        "temperature": "Temperature",
        "outcome": "Outcome",
        "lost_reason": "Lost reason",
        "value": "Value",
        "currency": "Currency",
        "source": "Source",
    }
    for field, header in headers.items():
        values[header] = _text(card, _PLANNER[field].lower().replace("-", "_"))
    return tuple(values[header].strip() for header in VCARD_HEADERS)


def _first(card: Any, name: str) -> Any | None:
    lines = card.contents.get(name.replace("_", "-")) or card.contents.get(name)
    return lines[0] if lines else None


def _text(card: Any, name: str) -> str:
    line = _first(card, name)
    if line is None:
        return ""
    value = line.value
    text = ", ".join(str(each) for each in value) if isinstance(value, list) else str(value)
    return _decoded(line, text).replace("\r\n", "\n").replace("\r", "\n")


def _decoded(line: Any, text: str) -> str:
    """The value with vCard 2.1's quoted-printable and charset undone where vobject left them."""
    encoding = " ".join(line.params.get("ENCODING", [])).upper()
    if "QUOTED-PRINTABLE" not in encoding:
        return text
    charset = (line.params.get("CHARSET") or ["utf-8"])[0]
    try:
        return quopri.decodestring(text.encode("latin-1", "replace")).decode(charset, "replace")
    except LookupError:
        return quopri.decodestring(text.encode("latin-1", "replace")).decode("utf-8", "replace")


def _joined(part: str | Sequence[str]) -> str:
    return " ".join(part) if isinstance(part, list | tuple) else str(part or "")


def _card(card: Any, lead: Lead, tags: Sequence[str]) -> Any:
    import vobject

    card.add("fn").value = lead.name
    given, _space, family = lead.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if lead.company:
        card.add("org").value = [lead.company]
    simple = (("title", lead.title), ("email", lead.email), ("tel", lead.phone))
    for name, text in simple:
        if text:
            card.add(name).value = text
    if lead.has_postal_address or lead.street or lead.city or lead.country:
        card.add("adr").value = vobject.vcard.Address(
            street=lead.street,
            city=lead.city,
            region=lead.region,
            code=lead.postal_code,
            country=lead.country,
        )
    if lead.notes:
        card.add("note").value = lead.notes
    if tags:
        card.add("categories").value = list(tags)
    planner_values = {
        "temperature": lead.temperature.value,
        "outcome": lead.outcome.value,
        "lost_reason": lead.lost_reason,
        "value": lead.value.as_decimal_string() if lead.value is not None else "",
        "currency": lead.value.currency if lead.value is not None else "",
        "source": lead.source,
    }
    for field, text in planner_values.items():
        if text:
            card.add(_PLANNER[field].lower()).value = text
    return card
