"""Export then import into an empty file gives the same leads: CSV and vCard, every field and
every script of names; exported cells never start a formula."""

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from planner.clock import Clock
from planner.domain import Column, Lead, LeadDraft, Temperature
from planner.interop.csv_export import export_csv
from planner.interop.mapping import propose_mapping
from planner.interop.source_files import read_source
from planner.interop.vcard import export_vcards
from planner.money import Money
from planner.services.board import add_lead, move_lead
from planner.services.import_planning import ImportOptions, plan_import
from planner.services.importing import run_import
from planner.workspace import Workspace

NAMES = [
    LeadDraft(
        "Zofia Wójcik",
        company="Piekarnia Łódź",
        title="Właścicielka",
        email="zofia@piekarnia.example",
        phone="+48 601 234 567",
        street="ul. Piotrkowska 1",
        city="Łódź",
        region="łódzkie",
        postal_code="90-001",
        country="Poland",
        temperature=Temperature.WARM,
        value=Money(125000, "PLN"),
        source="Fair",
        notes="- call back\n=SUM(A1:A9)\n@mention",
    ),
    LeadDraft("Νίκος Παπαδόπουλος", company="Ελληνική Εταιρεία", city="Αθήνα"),
    LeadDraft("Иван Петров", company="ООО «Ромашка»", email="ivan@romashka.example"),
    LeadDraft("محمد علي", company="شركة النور", value=Money(1500, "KWD")),
    LeadDraft("王小明", company="北京烤鸭店", phone="+86 10 1234 5678"),
    LeadDraft("🍞 Bakery Bot", company='=HYPERLINK("http://x")', temperature=Temperature.HOT),
]


def comparable(lead: Lead) -> Lead:
    """A lead without what a new file gives anew: id, stamps and place."""
    return replace(lead, id=0, created_at="", updated_at="", rank="")


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    for draft in NAMES:
        add_lead(workspace, draft)
    lost = workspace.leads.find()[-1].id
    move_lead(workspace, lost, Column.LOST, lost_reason="Chose a rival")
    return workspace


def import_into_new(tmp_path: Path, path: Path, clock: Clock) -> Workspace:
    fresh = Workspace.open(tmp_path / "fresh.db", clock)
    table, _dialect = read_source(path)
    plan = plan_import(fresh, path.name, table, propose_mapping(table.headers), ImportOptions())
    assert plan.problem_lines() == []
    run_import(fresh, plan)
    return fresh


def test_csv_round_trip_keeps_every_field(filled: Workspace, tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "leads.csv"
    assert export_csv(filled, path).leads == len(NAMES)
    fresh = import_into_new(tmp_path, path, clock)
    try:
        assert [comparable(lead) for lead in fresh.leads.find()] == [
            comparable(lead) for lead in filled.leads.find()
        ]
    finally:
        fresh.close()


def test_vcard_round_trip_keeps_every_field(
    filled: Workspace, tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "leads.vcf"
    assert export_vcards(filled, path).leads == len(NAMES)
    fresh = import_into_new(tmp_path, path, clock)
    try:
        assert [comparable(lead) for lead in fresh.leads.find()] == [
            comparable(lead) for lead in filled.leads.find()
        ]
        again = tmp_path / "again.vcf"
        export_vcards(fresh, again)
        assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    finally:
        fresh.close()


def test_exported_csv_is_utf8_with_bom_and_formula_safe(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    export_csv(filled, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'+48 601 234 567" in cells
    assert '\'=HYPERLINK("http://x")' in cells


def test_export_is_atomic_and_filtered(filled: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "warm.csv"
    path.write_text("old contents")
    from planner.read_models import LeadFilter

    assert export_csv(filled, path, LeadFilter(temperature=Temperature.WARM)).leads == 1
    assert "Zofia Wójcik" in path.read_text(encoding="utf-8-sig")
    assert [entry.name for entry in tmp_path.iterdir() if entry.name.endswith(".part")] == []


VCARD_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zaj=C4=85c;=C5=81ukasz;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=81ukasz Zaj=C4=85c=\r\n"
    " z Krakowa\r\n"
    "TEL;CELL:+48 601 234 567\r\nEMAIL;INTERNET:lz@example.pl\r\n"
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;ul. D=C5=82uga 5;Krak=C3=B3w;;30-001;"
    "Poland\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n /9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\n\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Νίκος Παπαδόπουλος\r\nN:Παπαδόπουλος;Νίκος;;;\r\n"
    "ORG:Ελληνική Εταιρεία;Sales\r\nNOTE:a note that is fold\r\n ed here\r\n"
    "CATEGORIES:VIP,Athens\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:王小明\r\nEMAIL;TYPE=work:wang@example.cn\r\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+86-10-1234-5678\r\nEND:VCARD\r\n'
)


def test_vcard_21_30_and_40_cards_in_one_file(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "phone.vcf"
    path.write_bytes(VCARD_21.encode("utf-8"))
    table, _dialect = read_source(path)
    assert [row.number for row in table.rows] == [1, 14, 23]
    plan = plan_import(workspace, path.name, table, propose_mapping(table.headers), ImportOptions())
    run_import(workspace, plan)
    lukasz, nikos, wang = workspace.leads.find()
    assert (lukasz.name, lukasz.city, lukasz.street) == (
        "Łukasz Zając z Krakowa",
        "Kraków",
        "ul. Długa 5",
    )
    assert (nikos.company, nikos.notes) == ("Ελληνική Εταιρεία", "a note that is folded here")
    assert workspace.imports.tags()[nikos.id] == ["Athens", "VIP"]
    assert (wang.email, wang.phone) == ("wang@example.cn", "+86-10-1234-5678")


def test_a_cards_problem_names_its_line(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bad.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\nEMAIL:bob@\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    table, _dialect = read_source(path)
    plan = plan_import(workspace, path.name, table, propose_mapping(table.headers), ImportOptions())
    assert plan.problem_lines() == ["Card on line 5, 'Email': 'bob@' is not an email address"]
