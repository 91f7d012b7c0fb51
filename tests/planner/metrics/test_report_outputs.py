"""``planner report`` as text, JSON and PDF: the PDF prints the same figures as ``--json``."""

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.services.sender import load_sender_profile, save_sender_profile
from tests.planner.metrics.conftest import Story

QUARTER = ["--from", "2026-01-01", "--to", "2026-03-31"]


@pytest.fixture
def database(story: Story, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The story's file, with a letterhead, opened by the CLI at the story's today."""
    workspace = story.workspace
    profile = load_sender_profile(workspace).with_field("business_name", "Żabka & <Sons>")
    save_sender_profile(workspace, profile)
    clock = workspace.clock
    monkeypatch.setattr("planner.workspace.Clock", lambda: clock)
    return workspace.path


def _run(database: Path, capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    assert main(["--db", str(database), "report", *arguments]) == 0
    return capsys.readouterr().out


def _amount(money: dict[str, Any]) -> str:
    return f"{Decimal(money['amount']):,.2f} {money['currency']}"


def _percent(rate: float) -> str:
    return f"{Decimal(str(rate)) * 100:,.1f} %"


def test_the_pdf_prints_the_same_figures_as_json(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(_run(database, capsys, *QUARTER, "--json"))
    output = tmp_path / "report.pdf"
    printed = _run(database, capsys, *QUARTER, "--pdf", str(output))
    assert printed.startswith(str(output))
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(output).pages
    )
    assert "Żabka & <Sons>" in text  # the letterhead, escaped into the markup
    assert "Thu 1 Jan 2026 – Tue 31 Mar 2026" in text
    expected = [
        _percent(data["win_rate"]),
        _amount(data["average_deal"]),
        _amount(data["weighted_pipeline"]),
        str(data["touches_to_close"]),
        _amount(data["revenue"]),
        *(_percent(rate) for rate in data["funnel"]["rates"].values()),
    ]
    for campaign in data["campaigns"]:
        expected.append(f"{campaign['name']} ({campaign['code']})")
        expected.extend(
            _amount(campaign[key])
            for key in ("budget", "revenue", "cost_per_lead", "cost_per_sale")
            if campaign[key] and campaign[key]["amount"]
        )
        if campaign["roi"] is not None:
            expected.append(_percent(campaign["roi"]))
    for source in data["sources"]:
        expected.append(f"{source['source'] or '(no source)'} {source['leads']}")
    for reason in data["lost_reasons"]:
        expected.append(f"{reason['reason']} {reason['leads']}")
    for stage in ("awareness", "consideration", "conversion"):
        expected.append(f"{stage.capitalize()} {data['funnel'][stage]}")
    missing = [figure for figure in expected if figure not in text]
    assert not missing
    assert "3,700.00 EUR + 1,200.00 USD without a rate" in text  # the pipeline, not mixed


def test_the_text_report(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _run(database, capsys, *QUARTER)
    assert "Win rate: 50.0 %" in text
    assert "Average deal: 2,750.00 EUR" in text
    assert re.search(r"Seminar \(\S+\) · 1,000\.00 EUR · 3 · 2 · 0 · 0\.00 EUR", text)


def test_without_dates_the_report_covers_this_quarter(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(_run(database, capsys, "--json"))
    assert data["period"] == {"from": "2026-01-01", "to": "2026-03-31"}
    assert data["revenue"] == {"amount": "11000.00", "currency": "EUR"}


def test_a_period_ending_before_it_starts_exits_2(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--db", str(database), "report", "--from", "2026-03-02", "--to", "2026-03-01"]) == 2
    )
    assert "ends" in capsys.readouterr().err
