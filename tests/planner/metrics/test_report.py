"""Every figure of the report over the story's first quarter, worked out by hand (see conftest)."""

from datetime import date
from decimal import Decimal

import pytest

from planner.domain import Channel
from planner.metrics.figures import MoneyFigure
from planner.metrics.period import Period
from planner.metrics.report import Report
from planner.metrics.selection import Behind, LeadSelection, Stage
from planner.money import Money
from planner.services.report import leads_behind, load_report
from planner.services.valuation import save_pipeline_settings
from planner.valuation import CurrencyAmount, PipelineSettings
from planner.workspace import Workspace
from tests.planner.metrics.conftest import Story, eur

QUARTER = Period(date(2026, 1, 1), date(2026, 3, 31))
FEBRUARY = Period(date(2026, 2, 1), date(2026, 2, 28))
USD_WITHOUT_RATE = (CurrencyAmount(Money.parse("1200", "USD")),)


@pytest.fixture
def quarter(story: Story) -> Report:
    return load_report(story.workspace, QUARTER)


def test_funnel_counts_leads_entering_in_the_period_and_how_far_they_got(quarter: Report) -> None:
    funnel = quarter.funnel
    assert [funnel.count(stage) for stage in Stage] == [10, 7, 5, 3]
    assert [funnel.rate_into(stage) for stage in Stage] == [
        None,
        Decimal("0.7000"),
        Decimal("0.7143"),
        Decimal("0.6000"),
    ]


def test_a_lead_that_jumped_a_stage_counts_as_having_passed_it(story: Story) -> None:
    workspace = story.workspace
    considered = leads_behind(
        workspace, LeadSelection(Behind.FUNNEL, stage=Stage.CONSIDERATION), QUARTER
    )
    names = set(workspace.leads.names(considered).values())
    assert "Birch" in names  # Cold straight to Hot
    assert "Fir" in names  # added straight into Hot
    assert names == {"Alder", "Birch", "Fir", "Cedar", "Hazel", "Umbrella", "Elm"}


def test_a_shorter_period_counts_only_what_happened_by_its_end(story: Story) -> None:
    february = load_report(story.workspace, FEBRUARY)
    assert [february.funnel.count(stage) for stage in Stage] == [3, 2, 0, 0]
    assert february.funnel.rate_into(Stage.CONSIDERATION) == Decimal("0.6667")
    assert february.funnel.rate_into(Stage.CONVERSION) == Decimal("0.0000")
    assert february.funnel.rate_into(Stage.WON) is None
    assert february.win_rate == Decimal("0.5000")
    assert february.revenue == MoneyFigure(eur("1000"))
    assert february.touches_to_close == Decimal("4.00")
    assert february.days_to_close == Decimal("35.00")


def test_sales_figures(quarter: Report) -> None:
    assert (quarter.won, quarter.lost, quarter.win_rate) == (3, 3, Decimal("0.5000"))
    assert quarter.deals == 4  # Elm was won twice
    assert quarter.revenue == MoneyFigure(eur("11000"))
    assert quarter.average_deal == MoneyFigure(eur("2750"))
    assert quarter.revenue_by_month == (
        ("2026-01", MoneyFigure(eur("4000"))),
        ("2026-02", MoneyFigure(eur("1000"))),
        ("2026-03", MoneyFigure(eur("6000"))),
    )
    assert quarter.touches_to_close == Decimal("2.75")  # (4 + 3 + 2 + 2) / 4
    assert quarter.days_to_close == Decimal("33.25")  # (35 + 46 + 45 + 7) / 4
    assert [(reason.reason, reason.leads) for reason in quarter.lost_reasons] == [
        ("Price", 2),
        ("Timing", 1),
    ]


def test_pipeline_keeps_amounts_without_a_rate_apart(quarter: Report) -> None:
    assert quarter.currency == "EUR"
    assert quarter.pipeline == MoneyFigure(eur("3700"), USD_WITHOUT_RATE)
    # Dogwood 3000 × 5 % in Cold + Hazel 700 × 60 % in Hot; Umbrella's dollars have no rate.
    assert quarter.weighted_pipeline == MoneyFigure(eur("570"), USD_WITHOUT_RATE)


def test_with_a_rate_every_amount_is_converted(story: Story) -> None:
    save_pipeline_settings(story.workspace, PipelineSettings(rates={"USD": Decimal("0.9")}))
    report = load_report(story.workspace, QUARTER)
    assert report.pipeline == MoneyFigure(eur("4780"))
    assert report.weighted_pipeline == MoneyFigure(eur("840"))  # 570 + 1080 × 25 %
    radio = report.campaigns[2]
    assert radio.budget == MoneyFigure(eur("180"))
    assert radio.cost_per_lead == MoneyFigure(eur("180"))
    assert radio.roi == Decimal("21.2222")  # (4000 − 180) / 180


def test_marketing_figures(quarter: Report) -> None:
    assert [(source.source, source.leads, source.by_month) for source in quarter.sources] == [
        ("Fair", 4, (("2026-01", 4),)),
        ("Website", 3, (("2026-02", 2), ("2026-03", 1))),
        ("", 2, (("2026-01", 1), ("2026-02", 1))),
    ]
    spring, seminar, radio = quarter.campaigns
    assert (spring.name, spring.responses, spring.leads, spring.won) == ("Spring letters", 2, 2, 2)
    assert spring.revenue == MoneyFigure(eur("3000"))
    assert spring.cost_per_lead == MoneyFigure(eur("300"))
    assert spring.cost_per_sale == MoneyFigure(eur("300"))
    assert spring.roi == Decimal("4.0000")
    assert (seminar.responses, seminar.leads, seminar.won) == (3, 2, 0)
    assert seminar.revenue == MoneyFigure(eur("0"))
    assert seminar.cost_per_lead == MoneyFigure(eur("500"))
    assert seminar.cost_per_sale is None
    assert seminar.roi == Decimal("-1.0000")
    # Elm's January deal came before its answer to the radio: only March's counts.
    assert (radio.responses, radio.leads, radio.won) == (1, 1, 1)
    assert radio.revenue == MoneyFigure(eur("4000"))
    no_rate = (CurrencyAmount(Money.parse("200", "USD")),)
    assert radio.budget == MoneyFigure(None, no_rate)
    assert radio.cost_per_lead == MoneyFigure(None, no_rate)
    assert radio.roi is None
    costs = [(cost.channel, cost.leads, cost.cost_per_lead) for cost in quarter.channel_costs]
    assert costs == [
        (Channel.DIRECT_MAIL, 2, MoneyFigure(eur("300"))),
        (Channel.SEMINAR, 2, MoneyFigure(eur("500"))),
        (Channel.ADVERTISING, 1, MoneyFigure(None, no_rate)),
    ]


def test_relationship_figures(quarter: Report) -> None:
    assert quarter.repeat_customers == 1  # Elm
    assert (quarter.referrals, quarter.referrers) == (2, 1)  # Birch and Hazel, by Alder
    assert quarter.referral_revenue == MoneyFigure(eur("2000"))
    assert quarter.gone_quiet == 1  # Quince


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (LeadSelection(Behind.FUNNEL, stage=Stage.WON), {"Alder", "Birch", "Elm"}),
        (LeadSelection(Behind.WON), {"Alder", "Birch", "Elm"}),
        (LeadSelection(Behind.WON, month="2026-03"), {"Birch", "Elm"}),
        (LeadSelection(Behind.CLOSED), {"Alder", "Birch", "Elm", "Larch", "Fir", "Cedar"}),
        (LeadSelection(Behind.PIPELINE), {"Dogwood", "Hazel", "Umbrella"}),
        (LeadSelection(Behind.SOURCE, source="Website", month="2026-02"), {"Cedar", "Dogwood"}),
        (LeadSelection(Behind.QUIET), {"Quince"}),
    ],
)
def test_the_leads_behind_a_figure(
    story: Story, selection: LeadSelection, expected: set[str]
) -> None:
    ids = leads_behind(story.workspace, selection, QUARTER)
    assert set(story.workspace.leads.names(ids).values()) == expected
    assert len(ids) == len(expected)


def test_the_leads_behind_a_campaign(story: Story, quarter: Report) -> None:
    seminar = quarter.campaigns[1]
    ids = leads_behind(
        story.workspace, LeadSelection(Behind.CAMPAIGN, campaign_id=seminar.id), QUARTER
    )
    assert set(story.workspace.leads.names(ids).values()) == {"Cedar", "Dogwood"}


def test_a_period_without_data_gives_zeros_and_nulls(story: Story) -> None:
    report = load_report(story.workspace, Period(date(2025, 6, 1), date(2025, 6, 30)))
    assert [report.funnel.count(stage) for stage in Stage] == [0, 0, 0, 0]
    assert all(report.funnel.rate_into(stage) is None for stage in Stage)
    assert (report.win_rate, report.touches_to_close, report.days_to_close) == (None,) * 3
    assert report.revenue == MoneyFigure(eur("0"))
    assert report.average_deal == MoneyFigure(None)
    assert report.revenue_by_month == (("2025-06", MoneyFigure(eur("0"))),)
    assert report.campaigns == ()
    assert report.sources == ()
    assert report.lost_reasons == ()


def test_an_empty_file_gives_zeros_and_nulls(workspace: Workspace) -> None:
    report = load_report(workspace, QUARTER)
    assert [report.funnel.count(stage) for stage in Stage] == [0, 0, 0, 0]
    assert report.win_rate is None
    assert report.average_deal == MoneyFigure(None)
    assert report.pipeline == MoneyFigure(eur("0"))
    assert report.weighted_pipeline == MoneyFigure(eur("0"))
    assert (report.repeat_customers, report.referrals, report.gone_quiet) == (0, 0, 0)
