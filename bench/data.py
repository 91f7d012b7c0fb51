"""Seeded sample leads with realistic names and addresses in several scripts, made on the fly.

Nothing here is checked in as data: the same seed makes the same leads on every machine, so two
runs of the bench compare like with like.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass

from planner.domain import Column, LeadDraft, Temperature
from planner.money import Money


@dataclass(frozen=True)
class _Region:
    """Where a lead lives: the country, its currency, and names and streets written its way."""

    country: str
    currency: str
    cities: tuple[tuple[str, str], ...]
    """(city, postal code pattern with # for digits)"""
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    streets: tuple[str, ...]
    company_words: tuple[str, ...]


_REGIONS = (
    _Region(
        "PL",
        "PLN",
        (("Łódź", "9#-###"), ("Kraków", "3#-###"), ("Gdańsk", "8#-###"), ("Wrocław", "5#-###")),
        ("Łukasz", "Agnieszka", "Paweł", "Małgorzata", "Grzegorz", "Żaneta"),
        ("Wiśniewski", "Kowalczyk", "Zieliński", "Szymańska", "Wójcik", "Dąbrowska"),
        ("ul. Piotrkowska", "ul. Długa", "al. Róż", "ul. Świętojańska"),
        ("Piekarnia", "Usługi", "Handel", "Zakład"),
    ),
    _Region(
        "GR",
        "EUR",
        (("Αθήνα", "1## ##"), ("Θεσσαλονίκη", "5## ##"), ("Πάτρα", "26# ##")),
        ("Γιώργος", "Ελένη", "Νίκος", "Μαρία", "Δημήτρης", "Κατερίνα"),
        ("Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου", "Αλεξίου"),
        ("Οδός Ερμού", "Λεωφόρος Αλεξάνδρας", "Οδός Τσιμισκή"),
        ("Αρτοποιείο", "Καφενείο", "Εμπορική", "Τεχνική"),
    ),
    _Region(
        "UA",
        "UAH",
        (("Київ", "0####"), ("Львів", "79###"), ("Одеса", "65###")),
        ("Олександр", "Оксана", "Андрій", "Наталія", "Богдан", "Ірина"),
        ("Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Мельник"),
        ("вул. Хрещатик", "просп. Свободи", "вул. Дерибасівська"),
        ("Пекарня", "Майстерня", "Торговий дім", "Кав'ярня"),
    ),
    _Region(
        "FR",
        "EUR",
        (("Lyon", "69###"), ("Besançon", "25###"), ("Nîmes", "30###"), ("Orléans", "45###")),
        ("Amélie", "François", "Hélène", "Jérôme", "Zoé", "Benoît"),
        ("Lefèvre", "Dubois", "Moreau", "Girard", "Bézier", "Fontaine"),
        ("rue de la République", "avenue Jean-Jaurès", "place Bellecour", "quai Saint-Antoine"),
        ("Boulangerie", "Atelier", "Brasserie", "Librairie"),
    ),
    _Region(
        "GB",
        "GBP",
        (("Leeds", "LS# #AA"), ("Bristol", "BS# #AA"), ("York", "YO## #AA")),
        ("Oliver", "Amelia", "Harry", "Isla", "George", "Siobhan"),
        ("Smith", "O'Brien", "Taylor", "Patel", "Davies", "Evans"),
        ("High Street", "Station Road", "Church Lane", "Victoria Road"),
        ("Bakery", "Joinery", "Tea Rooms", "Print Works"),
    ),
)

_COLUMNS = (Column.COLD, Column.COLD, Column.COLD, Column.WARM, Column.WARM, Column.HOT)
_COLUMNS_WITH_OUTCOMES = (*_COLUMNS, Column.WON, Column.LOST)


def _fill(pattern: str, chooser: random.Random) -> str:
    return "".join(
        str(chooser.randint(0, 9))
        if mark == "#"
        else chr(chooser.randint(65, 90))
        if mark == "A"
        else mark
        for mark in pattern
    )


def sample_leads(count: int, seed: int = 15) -> Iterator[tuple[LeadDraft, Column]]:
    """``count`` leads spread over the columns, mostly open, with a value most of the time."""
    chooser = random.Random(seed)
    for number in range(count):
        region = chooser.choice(_REGIONS)
        city, postal_pattern = chooser.choice(region.cities)
        first, last = chooser.choice(region.first_names), chooser.choice(region.last_names)
        company = f"{chooser.choice(region.company_words)} {chooser.choice(region.last_names)}"
        column = chooser.choice(_COLUMNS_WITH_OUTCOMES)
        temperature = Temperature(column.value) if not column.is_outcome else Temperature.HOT
        has_value = chooser.random() < 0.8
        yield (
            LeadDraft(
                name=f"{first} {last}",
                company=company,
                email=f"contact{number}@example.com",
                phone=f"+{chooser.randint(30, 49)} {chooser.randint(100, 999)} {number:06}",
                street=f"{chooser.choice(region.streets)} {chooser.randint(1, 180)}",
                city=city,
                postal_code=_fill(postal_pattern, chooser),
                country=region.country,
                temperature=temperature,
                value=Money(chooser.randint(5, 500) * 1000, region.currency) if has_value else None,
                notes="Met at the trade fair" if chooser.random() < 0.1 else "",
            ),
            column,
        )
