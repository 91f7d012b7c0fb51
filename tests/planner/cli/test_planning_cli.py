"""``planner touch|campaign|calendar|playbook`` and the lead command's touch fields, end to end."""

import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.clock import Clock
from planner.workspace import Workspace
from tests.conftest import dump_database


@pytest.fixture(autouse=True)
def cli_clock(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    """The CLI opens its workspace with the fixed test clock (Monday 2026-03-16)."""
    monkeypatch.setattr("planner.workspace.Clock", lambda: clock)


def run(database: Path, *arguments: str) -> int:
    return main(["--db", str(database), *arguments])


def _output(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.strip()


@pytest.fixture
def leads(database_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three leads: two cold ones in Łódź (one from a fair), one warm one in Berlin."""
    run(database_path, "lead", "add", "Acme Bakery", "--city", "Łódź", "--source", "Fair")
    run(database_path, "lead", "add", "Becker Joinery", "--city", "Lodz")
    run(database_path, "lead", "add", "Cedar Catering", "--city", "Berlin", "--temperature", "warm")
    capsys.readouterr()
    return database_path


def test_touch_add_done_and_list(leads: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(leads, "touch", "add", "1", "phone_call", "--on", "2026-03-12", "--at", "09:30") == 0
    assert _output(capsys) == "1"
    assert (
        run(leads, "touch", "add", "1", "Sales_Letter", "--on", "2026-03-20", "--notes", "A, b; c")
        == 0
    )
    assert _output(capsys) == "2"
    assert run(leads, "touch", "list", "--overdue") == 0
    (line,) = _output(capsys).splitlines()
    assert line.split() == [
        "1",
        "2026-03-12",
        "09:30",
        "Phone",
        "call",
        "Acme",
        "Bakery",
        "OVERDUE",
    ]
    assert run(leads, "touch", "done", "1", "--outcome", "call_back") == 0
    assert run(leads, "touch", "list", "--lead", "1", "--json") == 0
    done, letter = json.loads(_output(capsys))
    assert (done["done_on"], done["outcome"], done["overdue"]) == ("2026-03-16", "call_back", False)
    assert (letter["kind"], letter["notes"], letter["planned_at"]) == (
        "sales_letter",
        "A, b; c",
        None,
    )
    assert run(leads, "touch", "list", "--from", "2026-03-13", "--to", "2026-03-31", "--json") == 0
    assert [touch["id"] for touch in json.loads(_output(capsys))] == [2]


def test_touch_edit_changes_only_what_is_given(
    leads: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(leads, "touch", "add", "1", "phone_call", "--on", "2026-03-20", "--at", "09:30")
    capsys.readouterr()

    def shown() -> dict[str, Any]:
        run(leads, "touch", "list", "--json")
        (touch,) = json.loads(_output(capsys))
        return dict(touch)

    assert run(leads, "touch", "edit", "1", "--kind", "Meeting", "--on", "2026-03-23") == 0
    assert _output(capsys) == ""
    touch = shown()
    assert (touch["kind"], touch["planned_on"], touch["planned_at"]) == (
        "meeting",
        "2026-03-23",
        "09:30",
    )
    assert run(leads, "touch", "edit", "1", "--notes", "Bring ½ kg of Łódź pierogi; ask") == 0
    assert run(leads, "touch", "edit", "1", "--all-day") == 0
    touch = shown()
    assert (touch["notes"], touch["planned_at"]) == ("Bring ½ kg of Łódź pierogi; ask", None)
    assert run(leads, "touch", "edit", "1", "--at", "14:00", "--notes", "") == 0
    touch = shown()
    assert (touch["notes"], touch["planned_at"]) == ("", "14:00")


def test_touch_edit_of_a_done_touch(leads: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(leads, "touch", "add", "1", "phone_call", "--on", "2026-03-12")
    run(leads, "touch", "done", "1", "--outcome", "no_answer")
    capsys.readouterr()
    before = _dump(leads)
    assert run(leads, "touch", "edit", "1", "--on", "2026-03-13") == 2
    assert capsys.readouterr().err.strip() == (
        "planner: The phone call for 'Acme Bakery' is already done; only planned touches move"
    )
    assert _dump(leads) == before
    assert run(leads, "touch", "edit", "1", "--outcome", "interested", "--notes", "Owner") == 0
    run(leads, "touch", "list", "--json")
    (touch,) = json.loads(_output(capsys))
    assert (touch["outcome"], touch["notes"], touch["done_on"]) == (
        "interested",
        "Owner",
        "2026-03-16",
    )


def test_lead_show_json_has_touch_fields(leads: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(leads, "touch", "add", "1", "email", "--on", "2026-03-10")
    run(leads, "touch", "add", "1", "email", "--on", "2026-03-01")
    run(leads, "touch", "done", "2", "--on", "2026-03-02")
    capsys.readouterr()
    assert run(leads, "lead", "show", "1", "--json") == 0
    shown = json.loads(_output(capsys))
    assert (shown["touches_done"], shown["next_touch_on"], shown["overdue"]) == (
        1,
        "2026-03-10",
        True,
    )


def test_lead_move_plans_the_playbook_only_with_plan(
    leads: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(leads, "lead", "move", "1", "warm") == 0
    assert run(leads, "touch", "list", "--lead", "1", "--json") == 0
    assert json.loads(_output(capsys)) == []
    assert run(leads, "lead", "move", "2", "hot", "--plan") == 0
    assert _output(capsys) == "Planned 3 touches for 'Becker Joinery'"
    run(leads, "touch", "list", "--lead", "2", "--json")
    planned = json.loads(_output(capsys))
    assert [(t["kind"], t["planned_on"], t["from_playbook"]) for t in planned] == [
        ("meeting", "2026-03-18", "hot"),
        ("presentation", "2026-03-23", "hot"),
        ("proposal", "2026-03-26", "hot"),
    ]
    assert run(leads, "lead", "move", "2", "won", "--plan") == 0


def test_campaign_add_list_show(leads: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run(
        leads, "campaign", "add", "Spring offer", "--channel", "direct_mail", "--target", "cold",
        "--city", "lodz", "--start", "2026-04-01", "--end", "2026-04-02", "--spread",
        "--budget", "500.00", "--goal", "10 replies",
    )  # fmt: skip
    assert status == 0
    campaign_id, code, count, *_rest = _output(capsys).split()
    assert (campaign_id, count) == ("1", "2")
    assert code.startswith("SPR-")
    assert run(leads, "campaign", "show", "1", "--json") == 0
    shown = json.loads(_output(capsys))
    assert (shown["budget"], shown["currency"], shown["goal"]) == ("500.00", "EUR", "10 replies")
    assert (shown["planned_touches"], shown["done_touches"], shown["response_code"]) == (2, 0, code)
    assert run(leads, "campaign", "list", "--json") == 0
    assert [campaign["name"] for campaign in json.loads(_output(capsys))] == ["Spring offer"]
    assert run(leads, "campaign", "list") == 0
    assert code in _output(capsys)
    run(leads, "touch", "list", "--json")
    assert [t["planned_on"] for t in json.loads(_output(capsys))] == ["2026-04-01", "2026-04-02"]


def test_calendar_export_writes_an_ics(
    leads: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(leads, "touch", "add", "3", "meeting", "--on", "2026-03-20", "--at", "10:00")
    run(leads, "campaign", "add", "Fair", "--channel", "seminar", "--target", "warm",
        "--start", "2026-03-25", "--end", "2026-03-25")  # fmt: skip
    capsys.readouterr()
    target = tmp_path / "planner.ics"
    assert run(leads, "calendar", "export", str(target), "--from", "2026-03-01") == 0
    assert _output(capsys) == f"Wrote 1 campaign and 2 touches to {target}"
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(event["summary"]) for event in events) == [
        "Campaign: Fair (Seminar)",
        "Meeting: Cedar Catering",
        "Seminar: Cedar Catering",
    ]


def test_playbook_show(database_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database_path, "playbook", "show") == 0
    text = _output(capsys)
    assert "  day   2  Phone call          Friendly follow-up call" in text.splitlines()
    assert text.endswith("Touch target: 8\nQuiet after: 30 days\nPlan automatically: no")
    assert run(database_path, "playbook", "show", "--json") == 0
    shown = json.loads(_output(capsys))
    assert [step["kind"] for step in shown["playbooks"]["hot"]] == [
        "meeting",
        "presentation",
        "proposal",
    ]
    assert (shown["touch_target"], shown["quiet_after_days"], shown["auto_plan"]) == (8, 30, False)


_NEW_CAMPAIGN = ("campaign", "add", "X", "--channel", "email", "--target", "cold", "--start")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("touch", "add", "1", "visit", "--on", "2026-03-20"), "'visit' is not one of"),
        (("touch", "add", "1", "email", "--on", "2026-02-30"), "is not a date like"),
        (("touch", "add", "1", "email", "--on", "2026-03-20", "--at", "25:00"), "is not a time"),
        (("touch", "add", "9", "email", "--on", "2026-03-20"), "There is no lead with id 9"),
        (("touch", "add", "1", "email", "--on", "2026-03-20", "--campaign", "4"), "no campaign"),
        (("touch", "done", "77"), "There is no touch with id 77"),
        (("touch", "done", "1", "--outcome", "maybe"), "'maybe' is not one of"),
        (("touch", "done", "1", "--on", "2026-03-17"), "on a day still to come"),
        (("touch", "done", "2"), "already done on Mon 16 Mar 2026; use 'planner touch edit'"),
        (("touch", "list", "--lead", "9"), "There is no lead with id 9"),
        (("touch", "edit", "1"), "Nothing to change: give --kind"),
        (("touch", "edit", "8", "--notes", "x"), "There is no touch with id 8"),
        (("touch", "edit", "1", "--kind", "visit"), "'visit' is not one of"),
        (("touch", "edit", "1", "--on", "2026-3-1"), "is not a date like"),
        (("touch", "edit", "1", "--at", "9.30"), "is not a time like"),
        (("touch", "edit", "1", "--at", "09:30", "--all-day"), "not allowed with"),
        (("touch", "edit", "1", "--outcome", "reached"), "Only a done touch has an outcome"),
        (("campaign", "show", "5"), "There is no campaign with id 5"),
        ((*_NEW_CAMPAIGN, "2026-04-10", "--end", "2026-04-01"), "ends (Wed 1 Apr 2026) before it"),
        ((*_NEW_CAMPAIGN, "2026-04-10", "--end", "2026-04-1"), "is not a date like"),
        ((*_NEW_CAMPAIGN, "2026-04-10", "--end", "2026-04-11", "--channel", "fax"), "'fax' is not"),
        ((*_NEW_CAMPAIGN, "2026-04-10", "--end", "2026-04-11", "--budget", "ten"), "'ten' is not"),
        (("calendar", "export", "/nonexistent/folder/x.ics"), "does not exist"),
        (("calendar", "export", "/tmp/x.ics", "--from", "yesterday"), "is not a date like"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    leads: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: tuple[str, ...],
    message: str,
) -> None:
    run(leads, "touch", "add", "1", "email", "--on", "2026-03-20")
    run(leads, "touch", "add", "2", "email", "--on", "2026-03-12")
    run(leads, "touch", "done", "2", "--outcome", "reached")
    capsys.readouterr()
    before = _dump(leads)
    try:
        status = run(leads, *arguments)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    error = capsys.readouterr().err.strip()
    assert status == 2
    assert len(error.splitlines()) == 1
    assert message in error
    assert _dump(leads) == before


def _dump(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    workspace = Workspace.open(database)
    try:
        return dump_database(workspace)
    finally:
        workspace.close()
