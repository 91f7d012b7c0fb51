"""Sample leads so a new user sees a lived-in board in one click (``planner demo``).

The names are invented; a few are in other scripts on purpose, to show that letters and labels
print every language.
"""

from itertools import cycle

from planner.domain import Column, LeadDraft, Temperature
from planner.money import Money

_PEOPLE = (
    ("Maria Lopez", "Acme Bakery", "Owner", "Lisbon", "PT", "Rua das Flores 12", "1200-195"),
    (
        "Tom Becker",
        "Becker Joinery",
        "Managing Director",
        "Hamburg",
        "DE",
        "Elbchaussee 40",
        "22763",
    ),
    (
        "Aisha Khan",
        "Brightside Dental",
        "Practice Manager",
        "Manchester",
        "GB",
        "14 Deansgate",
        "M3 2BW",
    ),
    ("Jan Kowalski", "Łódź Print Works", "Founder", "Łódź", "PL", "ul. Piotrkowska 101", "90-425"),
    ("Eleni Papadopoulou", "Αθηνά Ταβέρνα", "Owner", "Athens", "GR", "Ermou 22", "105 63"),
    ("Olga Ivanova", "Северный Ветер", "Buyer", "Riga", "LV", "Brīvības iela 55", "LV-1010"),
    ("Chen Wei", "陈氏茶行", "Owner", "Vancouver", "CA", "388 Keefer St", "V6A 1X6"),
    ("Sam O'Neill", "O'Neill & Sons Plumbing", "Partner", "Dublin", "IE", "8 Capel St", "D01 K7W2"),
    ("Priya Nair", "Lotus Yoga Studio", "Studio Lead", "Leeds", "GB", "3 Briggate", "LS1 6HD"),
    ("Lucas Martin", "Martin Vélos", "Owner", "Lyon", "FR", "12 Rue Mercière", "69002"),
    ("Hana Novák", "Novák Architekti", "Partner", "Brno", "CZ", "Masarykova 18", "602 00"),
    ("Ahmet Yılmaz", "Yılmaz Halı", "Owner", "İzmir", "TR", "Kıbrıs Şehitleri Cd. 44", "35220"),
    (
        "Grace Miller",
        "Miller Family Farm",
        "Co-owner",
        "Madison",
        "US",
        "4410 County Rd K",
        "53711",
    ),
    ("David Cohen", "Harbor Bookkeeping", "Principal", "Boston", "US", "120 Tremont St", "02108"),
    ("Sofia Rossi", "Trattoria Rossi", "Chef & Owner", "Bologna", "IT", "Via Zamboni 7", "40126"),
    (
        "Lars Nilsson",
        "Nordic Coffee Roasters",
        "Head of Purchasing",
        "Malmö",
        "SE",
        "Södergatan 9",
        "211 34",
    ),
    ("Emma Wilson", "Wilson Florals", "Owner", "Bristol", "GB", "27 Park St", "BS1 5NH"),
    ("Kenji Sato", "佐藤工房", "Craftsman", "Kyoto", "JP", "Sanjo-dori 150", "604-8005"),
    (
        "Fatima Haddad",
        "Cedar Catering",
        "Events Manager",
        "Montreal",
        "CA",
        "455 Rue Sherbrooke",
        "H3A 1B7",
    ),
    ("Peter Nagy", "Nagy Auto Repair", "Owner", "Budapest", "HU", "Andrássy út 30", "1061"),
)
_EMPTY_ADDRESS_NAMES = ("Rob Quinn", "Nora Ellis")

_SOURCES = ("Trade fair", "Referral", "Website", "Direct mail", "Seminar", "Cold call")
_NOTES = (
    "Met at the spring trade fair; interested in the loyalty programme.",
    "Asked for a price list by post.",
    "Prefers calls after 3 pm.",
    "Budget decided in Q1.",
    "",
    "Existing supplier contract ends in March.",
)
_COLUMNS = (
    *(Column.COLD,) * 24,
    *(Column.WARM,) * 16,
    *(Column.HOT,) * 10,
    *(Column.WON,) * 6,
    *(Column.LOST,) * 4,
)


def demo_drafts() -> list[tuple[LeadDraft, Column]]:
    """Sixty leads with addresses, values and sources, spread over all five columns."""
    people = cycle(_PEOPLE)
    sources = cycle(_SOURCES)
    notes = cycle(_NOTES)
    drafts: list[tuple[LeadDraft, Column]] = []
    for index, column in enumerate(_COLUMNS):
        name, company, title, city, country, street, postal_code = next(people)
        branch = index // len(_PEOPLE)
        if branch:
            company = f"{company} ({('North', 'South', 'East')[branch - 1]})"
        temperature = Temperature.HOT if column.is_outcome else Temperature(column.value)
        currency = "USD" if country in ("US", "CA") else "EUR"
        value = Money(((index * 7919) % 90 + 5) * 10_000, currency)
        drafts.append(
            (
                LeadDraft(
                    name=name,
                    company=company,
                    title=title,
                    email=f"{name.split()[0].lower()}.{index}@example.com",
                    phone=f"+{30 + index % 20} {555_0100 + index}",
                    street=street,
                    city=city,
                    postal_code=postal_code,
                    country=country,
                    temperature=temperature,
                    value=value,
                    source=next(sources),
                    notes=next(notes),
                ),
                column,
            )
        )
    for name in _EMPTY_ADDRESS_NAMES:
        drafts.append(
            (
                LeadDraft(name=name, temperature=Temperature.COLD, source="Phone enquiry"),
                Column.COLD,
            )
        )
    return drafts
