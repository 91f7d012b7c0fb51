"""The selling commands on real files: catalogue, proposal, accept, invoice with Factur-X, paid,
contract and the document list; bad input exits 2 and writes nothing."""

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.domain import Column, LeadDraft
from planner.money import Money
from planner.services import board
from planner.workspace import Workspace
from tests.conftest import dump_database

IBAN = "DE89 3704 0044 0532 0130 00"


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def hot(database_path: Path) -> Path:
    """A planner file with one hot lead (id 1) in Berlin and a sender in Lisbon."""
    workspace = Workspace.open(database_path)
    draft = LeadDraft(
        name="Acme Bakery", street="Main St 1", postal_code="10115", city="Berlin", country="DE"
    )
    board.add_leads(workspace, [(draft, Column.HOT)], "Add lead")
    workspace.close()
    for key, value in (
        ("business_name", "Harbour Light Bookkeeping"),
        ("street", "Rua Augusta 12"),
        ("postal_code", "1100-053"),
        ("city", "Lisboa"),
        ("country", "PT"),
        ("currency", "EUR"),
    ):
        assert run(database_path, "settings", "set", key, value) == 0
    return database_path


def _create(database: Path, out: Path, *extra: str) -> int:
    return run(
        database,
        "proposal",
        "create",
        "1",
        "--item",
        "Website: design and build:1:1200.00:19",
        "--item",
        "Hosting:12:19.99:19",
        "--item",
        "Printed brochure:250:1.33:7",
        "--discount",
        "5%",
        "--out",
        str(out),
        *extra,
    )


def test_from_proposal_to_paid_invoice_and_contract(
    hot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            hot,
            "catalog",
            "add",
            "Consulting",
            "--price",
            "120.00",
            "--unit",
            "hour",
            "--tax",
            "19",
        )
        == 0
    )
    assert run(hot, "catalog", "list", "--json") == 0
    capsys.readouterr()
    assert _create(hot, tmp_path / "proposal.pdf", "--catalog", "1") == 0
    assert capsys.readouterr().out.strip() == "P-2026-0001"
    proposal = _text(tmp_path / "proposal.pdf")
    for item in ("Website: design and build", "Hosting", "Printed brochure", "Consulting"):
        assert item in proposal
    assert "Acceptance" in proposal

    assert run(hot, "proposal", "accept", "P-2026-0001") == 0
    for key, value in (("iban", IBAN), ("bic", "COBADEFFXXX"), ("vat_id", "PT123456789")):
        assert run(hot, "settings", "set", key, value) == 0
    capsys.readouterr()
    invoice_pdf = tmp_path / "invoice.pdf"
    status = run(
        hot,
        "invoice",
        "from-proposal",
        "P-2026-0001",
        "--due-days",
        "14",
        "--factur-x",
        "--out",
        str(invoice_pdf),
    )
    assert status == 0
    assert capsys.readouterr().out.strip() == "INV-2026-0001"
    assert "IBAN DE89 3704 0044 0532 0130 00" in _text(invoice_pdf)
    attachments = PdfReader(invoice_pdf).attachments
    assert "factur-x.xml" in attachments

    assert run(hot, "invoice", "paid", "INV-2026-0001") == 0
    assert (
        run(
            hot,
            "contract",
            "from-proposal",
            "P-2026-0001",
            "--start",
            "2026-12-01",
            "--out",
            str(tmp_path / "contract.pdf"),
        )
        == 0
    )
    assert "Signatures" in _text(tmp_path / "contract.pdf")
    capsys.readouterr()
    assert run(hot, "document", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)["documents"]
    assert {(row["number"], row["type"], row["status"]) for row in listed} == {
        ("P-2026-0001", "proposal", "accepted"),
        ("INV-2026-0001", "invoice", "paid"),
        ("C-2026-0001", "contract", "sent"),
    }
    assert len({row["total"] for row in listed}) == 1
    workspace = Workspace.open(hot)
    lead = workspace.leads.get(1)
    proposal_net = workspace.documents.by_number("P-2026-0001").content.totals.net
    workspace.close()
    assert lead.column is Column.WON
    assert lead.value == proposal_net
    assert proposal_net < Money.parse(listed[0]["total"], "EUR")


@pytest.mark.parametrize(
    "arguments",
    [
        ("proposal", "create", "1", "--item", "No quantity", "--out", "{out}"),
        ("proposal", "create", "1", "--out", "{out}"),
        ("proposal", "create", "1", "--catalog", "7", "--out", "{out}"),
        ("proposal", "create", "1", "--item", "Negative:-2:10.00", "--out", "{out}"),
        ("proposal", "create", "1", "--item", "Price:1:ten", "--out", "{out}"),
        ("proposal", "create", "1", "--item", "Tax:1:10.00:150", "--out", "{out}"),
        ("proposal", "create", "99", "--item", "Fine:1:10.00", "--out", "{out}"),
        ("proposal", "create", "1", "--item", "Fine:1:10.00", "--out", "{missing}"),
        ("proposal", "accept", "P-2026-0042"),
        ("proposal", "decline", "NOPE"),
        ("invoice", "from-proposal", "P-2026-0042", "--out", "{out}"),
        ("invoice", "paid", "INV-2026-0009"),
        ("settings", "set", "iban", "DE00 1234"),
        ("settings", "set", "bic", "NOTABIC"),
        ("catalog", "add", "Thing", "--price", "-3"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    hot: Path, tmp_path: Path, arguments: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    filled = [part.format(out=out, missing=tmp_path / "nowhere" / "x.pdf") for part in arguments]
    workspace = Workspace.open(hot)
    before = dump_database(workspace)
    workspace.close()
    assert run(hot, *filled) == 2
    assert capsys.readouterr().err.startswith("planner")
    workspace = Workspace.open(hot)
    assert dump_database(workspace) == before
    workspace.close()
    assert not out.exists()


def test_accepting_twice_an_uninvoiceable_proposal_and_factur_x_without_vat_id_exit_2(
    hot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _create(hot, tmp_path / "p.pdf") == 0
    out = tmp_path / "invoice.pdf"
    assert run(hot, "invoice", "from-proposal", "P-2026-0001", "--out", str(out)) == 2
    assert "accept it" in capsys.readouterr().err
    assert run(hot, "proposal", "accept", "P-2026-0001") == 0
    assert run(hot, "proposal", "accept", "P-2026-0001") == 2
    assert "already accepted" in capsys.readouterr().err
    workspace = Workspace.open(hot)
    before = dump_database(workspace)
    workspace.close()
    status = run(hot, "invoice", "from-proposal", "P-2026-0001", "--factur-x", "--out", str(out))
    assert status == 2
    assert "VAT id" in capsys.readouterr().err
    workspace = Workspace.open(hot)
    assert dump_database(workspace) == before
    workspace.close()
    assert not out.exists()


def test_declining_with_a_reason_and_the_gap_of_an_undone_number_is_listed(
    hot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _create(hot, tmp_path / "p.pdf") == 0
    assert (
        run(hot, "proposal", "decline", "P-2026-0001", "--reason", "Too expensive", "--lost") == 0
    )
    workspace = Workspace.open(hot)
    lead = workspace.leads.get(1)
    workspace.close()
    assert (lead.column, lead.lost_reason) == (Column.LOST, "Too expensive")
    capsys.readouterr()
    assert run(hot, "document", "list") == 0
    assert "declined" in capsys.readouterr().out


def test_catalogue_round_trips_through_csv(
    hot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(hot, "catalog", "add", "=Formula", "--price", "10.50", "--tax", "7") == 0
    csv_file = tmp_path / "catalogue.csv"
    assert run(hot, "catalog", "export", str(csv_file)) == 0
    assert "'=Formula" in csv_file.read_text(encoding="utf-8")
    assert run(hot, "catalog", "import", str(csv_file)) == 0
    capsys.readouterr()
    assert run(hot, "catalog", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(row["name"], row["unit_price"], row["tax_rate"]) for row in listed] == [
        ("=Formula", "10.50", "7"),
        ("=Formula", "10.50", "7"),
    ]


def test_standard_texts_are_templates_in_the_letters_sandbox(
    hot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    introduction = "Hello {{ lead.name }}, here is our offer from {{ sender.city }}:"
    assert run(hot, "document", "texts", "proposal", "--introduction", introduction) == 0
    assert run(hot, "document", "texts", "proposal", "--terms", "{{ lead.name") == 2
    assert "terms" in capsys.readouterr().err
    assert _create(hot, tmp_path / "p.pdf") == 0
    assert "Hello Acme Bakery, here is our offer from Lisboa:" in _text(tmp_path / "p.pdf")
