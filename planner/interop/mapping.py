"""Which lead field each column of a file fills, proposed from the header names.

The headers of the common exports (Google Contacts, Outlook, Apple Contacts via CSV, HubSpot,
Pipedrive) and of plain sheets in English, German, Polish, French and Spanish are known; a header
is compared after folding case, accents and punctuation, so "E-Mail", "e_mail" and "EMAIL" are one.
The user can change every proposal and save the mapping for files with the same headers.
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Target(StrEnum):
    """What a column of the file fills in a lead; several columns may fill one target."""

    IGNORE = "ignore"
    NAME = "name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    NAME_PREFIX = "name_prefix"
    COMPANY = "company"
    TITLE = "title"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    STREET = "street"
    HOUSE_NUMBER = "house_number"
    CITY = "city"
    REGION = "region"
    POSTAL_CODE = "postal_code"
    COUNTRY = "country"
    NOTES = "notes"
    SOURCE = "source"
    TAGS = "tags"
    TEMPERATURE = "temperature"
    OUTCOME = "outcome"
    LOST_REASON = "lost_reason"
    VALUE = "value"
    CURRENCY = "currency"

    @property
    def label(self) -> str:
        """``Full name``: the name a user picks from."""
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @property
    def is_address_part(self) -> bool:
        """True for the parts of a postal address, which are taken from one address together."""
        return self in _ADDRESS_PARTS


_LABELS = {
    Target.IGNORE: "(do not import)",
    Target.NAME: "Full name",
    Target.NAME_PREFIX: "Name prefix (Mr, Dr; not imported)",
    Target.TITLE: "Job title",
    Target.ADDRESS: "Whole address (split into parts)",
    Target.POSTAL_CODE: "Postal code",
    Target.TAGS: "Tags",
    Target.VALUE: "Deal value",
}

_ADDRESS_PARTS = frozenset(
    {
        Target.ADDRESS,
        Target.STREET,
        Target.HOUSE_NUMBER,
        Target.CITY,
        Target.REGION,
        Target.POSTAL_CODE,
        Target.COUNTRY,
    }
)


@dataclass(frozen=True)
class ColumnTarget:
    """One column's target; ``group`` tells addresses apart ("business", "home", "address 1")
    so a row's address is taken from one of them whole, never mixed."""

    target: Target
    group: str = ""


@dataclass(frozen=True)
class ColumnMapping:
    """The target of every column of a file, in the file's column order."""

    columns: tuple[ColumnTarget, ...]

    def targets(self) -> tuple[Target, ...]:
        """The targets alone, in column order."""
        return tuple(column.target for column in self.columns)

    def with_target(self, index: int, target: Target) -> "ColumnMapping":
        """The mapping with one column's target changed by the user."""
        columns = list(self.columns)
        columns[index] = replace(columns[index], target=target)
        return ColumnMapping(tuple(columns))

    @property
    def fills_a_name(self) -> bool:
        """True when some column can give a lead its name (a name, its parts, or a company)."""
        named = {Target.NAME, Target.FIRST_NAME, Target.LAST_NAME, Target.COMPANY}
        return any(target in named for target in self.targets())


def normalized_header(header: str) -> str:
    """A header folded for comparison: ``Straße`` → ``strasse``, ``E-mail 1 - Value`` →
    ``e mail 1 value``."""
    decomposed = unicodedata.normalize("NFKD", header.casefold().replace("ß", "ss"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ł", "l")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


_EXACT: dict[str, Target] = {}


def _known(target: Target, *headers: str) -> None:
    for header in headers:
        _EXACT[normalized_header(header)] = target


_known(
    Target.NAME,
    "name", "full name", "display name", "contact", "contact name", "person", "file as",
    "imie i nazwisko", "nom complet", "nombre completo",
    "vollstandiger name", "ansprechpartner", "kontakt", "nom et prenom", "prenom nom",
    "formatted name",
)  # fmt: skip
_known(
    Target.FIRST_NAME,
    "first name", "first", "given name", "firstname", "forename", "vorname", "imie", "prenom",
    "nombre de pila",
)  # fmt: skip
_known(Target.MIDDLE_NAME, "middle name", "additional name", "second name", "drugie imie")
_known(
    Target.LAST_NAME,
    "last name", "last", "family name", "surname", "lastname", "nachname", "familienname",
    "nazwisko", "nom de famille", "apellido", "apellidos",
)  # fmt: skip
_known(
    Target.NAME_PREFIX, "name prefix", "prefix", "salutation", "anrede", "civilite", "tratamiento"
)
_known(
    Target.COMPANY,
    "company", "company name", "organization", "organisation", "organization name",
    "organization 1 name", "business", "account", "account name", "firma", "unternehmen",
    "firmenname", "nazwa firmy", "societe", "entreprise", "empresa", "organizacion",
    "organisation name", "company domain name",
)  # fmt: skip
_known(
    Target.TITLE,
    "title", "job title", "position", "role", "job", "organization title", "organization 1 title",
    "funktion", "berufsbezeichnung", "stanowisko", "fonction", "poste", "cargo", "puesto",
)  # fmt: skip
_known(
    Target.EMAIL,
    "email", "e mail", "email address", "e mail address", "mail", "work email", "home email",
    "other email", "e mail 2 address", "e mail 3 address", "primary email", "courriel",
    "adresse e mail", "adresse email", "correo", "correo electronico", "e mail adresse",
    "adres e mail", "email work", "email home", "email other",
)  # fmt: skip
_known(
    Target.PHONE,
    "phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "mobile phone number",
    "cell", "cell phone", "business phone", "business phone 2", "home phone", "home phone 2",
    "other phone", "primary phone", "company main phone", "work phone", "telefon", "telefonnummer",
    "mobil", "handy", "mobiltelefon", "telefon komorkowy", "komorka", "nr telefonu", "telephone",
    "portable", "tel portable", "telefono", "movil", "phone work", "phone mobile", "phone home",
    "phone other",
)  # fmt: skip
_known(
    Target.ADDRESS,
    "address", "full address", "postal address", "mailing address", "adresse", "adres",
    "direccion", "anschrift", "address formatted",
)  # fmt: skip
_known(
    Target.STREET,
    "street", "street address", "address line 1", "address line 2", "address 1", "address 2",
    "strasse", "ulica", "rue", "calle", "street road name", "street 1", "street 2",
)  # fmt: skip
_known(Target.HOUSE_NUMBER, "house number", "hausnummer", "nr domu", "numero", "house no")
_known(
    Target.CITY,
    "city", "town", "locality", "city town village locality", "ort", "stadt", "wohnort", "miasto",
    "miejscowosc", "ville", "ciudad", "localidad",
)  # fmt: skip
_known(
    Target.REGION,
    "state", "region", "province", "county", "state region", "state province", "state county",
    "bundesland", "wojewodztwo", "departement", "provincia", "estado",
)  # fmt: skip
_known(
    Target.POSTAL_CODE,
    "zip", "zip code", "zipcode", "postcode", "postal code", "post code", "zip postal code",
    "plz", "postleitzahl", "kod pocztowy", "kod", "code postal", "cp", "codigo postal",
)  # fmt: skip
_known(Target.COUNTRY, "country", "country region", "land", "kraj", "pays", "pais", "country code")
_known(
    Target.NOTES,
    "notes", "note", "comments", "comment", "description", "remarks", "notizen", "notiz",
    "bemerkungen", "anmerkungen", "kommentar", "notatki", "uwagi", "notatka", "remarques",
    "commentaire", "commentaires", "notas", "comentarios",
)  # fmt: skip
_known(Target.SOURCE, "source", "lead source", "original source", "quelle", "zrodlo", "origine")
_known(Target.TAGS, "tags", "tag", "labels", "label", "group membership", "categories")
_known(Target.TEMPERATURE, "temperature")
_known(Target.OUTCOME, "outcome")
_known(Target.LOST_REASON, "lost reason")
_known(Target.VALUE, "value", "deal value", "amount", "wert", "wartosc", "valeur", "valor")
_known(Target.CURRENCY, "currency", "wahrung", "waluta", "devise", "moneda")

_PATTERNS: tuple[tuple[re.Pattern[str], Target], ...] = tuple(
    (re.compile(pattern), target)
    for pattern, target in (
        (r"^e mail \d+ value$", Target.EMAIL),
        (r"^e mail( \d+)? address$", Target.EMAIL),
        (r"^phone \d+ value$", Target.PHONE),
        (r"^(?P<g>address \d+) formatted$", Target.ADDRESS),
        (r"^(?P<g>address \d+) (street|po box|extended address)$", Target.STREET),
        (r"^(?P<g>address \d+) city$", Target.CITY),
        (r"^(?P<g>address \d+) region$", Target.REGION),
        (r"^(?P<g>address \d+) postal code$", Target.POSTAL_CODE),
        (r"^(?P<g>address \d+) country$", Target.COUNTRY),
        (r"^(?P<g>business|home|other|work) street( \d)?$", Target.STREET),
        (r"^(?P<g>business|home|other|work) (city|town)$", Target.CITY),
        (r"^(?P<g>business|home|other|work) (state|region)$", Target.REGION),
        (r"^(?P<g>business|home|other|work) (postal code|zip|zip code)$", Target.POSTAL_CODE),
        (r"^(?P<g>business|home|other|work) country( region)?$", Target.COUNTRY),
        (r"^(?P<g>business|home|other|work) address$", Target.ADDRESS),
        (r"^(?P<g>organization) address$", Target.ADDRESS),
        (r"^(?P<g>organization) address street road name$", Target.STREET),
        (r"^(?P<g>organization) address house number$", Target.HOUSE_NUMBER),
        (r"^(?P<g>organization) address city town village locality$", Target.CITY),
        (r"^(?P<g>organization) address state county$", Target.REGION),
        (r"^(?P<g>organization) address zip postal code$", Target.POSTAL_CODE),
        (r"^(?P<g>organization) address country$", Target.COUNTRY),
        (r"^organization name$", Target.COMPANY),
        (r"^organization$", Target.COMPANY),
    )
)

_AMBIGUOUS_NAMES = frozenset({"name", "nom", "nombre"})
"""Headers meaning the whole name alone but one half beside the other: French "Nom" next to
"Prénom" is the family name, Spanish "Nombre" next to "Apellido" the given one."""

_PERSON_PREFIX = re.compile(r"^(person|contact|lead) ")


def propose_mapping(
    headers: Sequence[str], saved: Mapping[str, str] | None = None
) -> ColumnMapping:
    """The proposed target of each column: a saved mapping's when it names these headers,
    else the known header names'."""
    if saved is not None:
        return ColumnMapping(
            tuple(
                ColumnTarget(
                    _target_or_ignore(saved.get(normalized_header(header), "")),
                    _proposed(header).group,
                )
                for header in headers
            )
        )
    columns = [_proposed(header) for header in headers]
    normalized = [normalized_header(header) for header in headers]
    targets = {column.target for column in columns}
    if Target.TITLE in targets and "job title" in normalized:
        # Outlook's "Title" is Mr or Dr beside its "Job Title".
        columns = [
            ColumnTarget(Target.NAME_PREFIX) if header == "title" else column
            for header, column in zip(normalized, columns, strict=True)
        ]
    has_first = Target.FIRST_NAME in targets
    has_last = Target.LAST_NAME in targets
    if has_first != has_last:
        half = Target.LAST_NAME if has_first else Target.FIRST_NAME
        columns = [
            ColumnTarget(half) if header in _AMBIGUOUS_NAMES else column
            for header, column in zip(normalized, columns, strict=True)
        ]
    return ColumnMapping(tuple(columns))


def mapping_signature(headers: Sequence[str]) -> str:
    """The key a saved mapping is stored under: the folded headers, in any order."""
    return "|".join(sorted(normalized_header(header) for header in headers))


def saved_form(headers: Sequence[str], mapping: ColumnMapping) -> dict[str, str]:
    """The mapping as stored: each folded header with its target's value."""
    return {
        normalized_header(header): column.target.value
        for header, column in zip(headers, mapping.columns, strict=True)
    }


def _proposed(header: str) -> ColumnTarget:
    normalized = normalized_header(header)
    for candidate in (normalized, _PERSON_PREFIX.sub("", normalized)):
        if candidate in _EXACT:
            return ColumnTarget(_EXACT[candidate])
        for pattern, target in _PATTERNS:
            found = pattern.match(candidate)
            if found is not None:
                group = found.groupdict().get("g") or ""
                return ColumnTarget(target, group)
    return ColumnTarget(Target.IGNORE)


def _target_or_ignore(value: str) -> Target:
    try:
        return Target(value)
    except ValueError:
        return Target.IGNORE
