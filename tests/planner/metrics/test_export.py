"""``report --json``'s form: the keys the issue lists, amounts as strings, nulls without data."""

from datetime import date

from planner.metrics.export import report_to_json
from planner.metrics.period import Period
from planner.services.report import load_report
from planner.workspace import Workspace
from tests.planner.metrics.conftest import Story

QUARTER = Period(date(2026, 1, 1), date(2026, 3, 31))


def test_the_json_report_of_the_quarter(story: Story) -> None:
    data = report_to_json(load_report(story.workspace, QUARTER))
    assert data["funnel"] == {
        "awareness": 10,
        "consideration": 7,
        "conversion": 5,
        "won": 3,
        "rates": {
            "awareness_to_consideration": 0.7,
            "consideration_to_conversion": 0.7143,
            "conversion_to_won": 0.6,
        },
    }
    assert data["win_rate"] == 0.5
    assert data["average_deal"] == {"amount": "2750.00", "currency": "EUR"}
    assert data["revenue"] == {"amount": "11000.00", "currency": "EUR"}
    assert data["pipeline"] == {
        "amount": "3700.00",
        "currency": "EUR",
        "unconverted": [{"amount": "1200.00", "currency": "USD", "count": 1}],
    }
    assert data["weighted_pipeline"]["amount"] == "570.00"
    assert data["touches_to_close"] == 2.75
    assert data["campaigns"][0] == {
        "id": data["campaigns"][0]["id"],
        "name": "Spring letters",
        "code": story.codes["Spring letters"],
        "channel": "direct_mail",
        "budget": {"amount": "600.00", "currency": "EUR"},
        "responses": 2,
        "leads": 2,
        "won": 2,
        "revenue": {"amount": "3000.00", "currency": "EUR"},
        "cost_per_lead": {"amount": "300.00", "currency": "EUR"},
        "cost_per_sale": {"amount": "300.00", "currency": "EUR"},
        "roi": 4.0,
    }
    assert data["campaigns"][1]["cost_per_sale"] is None
    assert data["campaigns"][2]["cost_per_lead"] == {
        "amount": None,
        "currency": None,
        "unconverted": [{"amount": "200.00", "currency": "USD", "count": 1}],
    }
    assert data["sources"][0] == {"source": "Fair", "leads": 4, "by_month": {"2026-01": 4}}
    assert data["lost_reasons"] == [
        {"reason": "Price", "leads": 2},
        {"reason": "Timing", "leads": 1},
    ]


def test_an_empty_file_reports_nulls_not_errors(workspace: Workspace) -> None:
    data = report_to_json(load_report(workspace, QUARTER))
    assert data["win_rate"] is None
    assert data["average_deal"] is None
    assert data["touches_to_close"] is None
    assert data["funnel"]["rates"]["awareness_to_consideration"] is None
    assert data["revenue"] == {"amount": "0.00", "currency": "EUR"}
    assert data["campaigns"] == []
