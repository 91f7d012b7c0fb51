"""Imports end to end on real files: one transaction, one undo step, duplicates, updates that
never erase, revert after later work, and cancel leaving nothing behind."""

from datetime import date
from pathlib import Path

import pytest

from planner.changes import Kind
from planner.clock import Clock
from planner.domain import Column, LeadDraft, Temperature, TouchDraft, TouchKind
from planner.errors import ValidationError
from planner.interop.mapping import propose_mapping
from planner.interop.source_files import read_source
from planner.read_models import LeadFilter
from planner.services.board import add_lead, edit_lead, move_lead
from planner.services.cancelling import ImportCancelledError
from planner.services.history import undo_change
from planner.services.import_history import revert_import
from planner.services.import_jobs import PlanImportJob
from planner.services.import_planning import (
    Decision,
    DuplicatePolicy,
    ImportOptions,
    ImportPlan,
    plan_import,
)
from planner.services.importing import ImportRowsError, import_description, run_import
from planner.services.touches import add_touch
from planner.store import database
from planner.workspace import Workspace
from tests.conftest import dump_database
from tests.planner.interop.sample_files import GOOGLE, OUTLOOK


def planned(workspace: Workspace, path: Path, **options: object) -> ImportPlan:
    table, _dialect = read_source(path)
    chosen = ImportOptions(**{"phone_region": "PL", **options})  # type: ignore[arg-type]
    return plan_import(workspace, path.name, table, propose_mapping(table.headers), chosen)


def write_csv(tmp_path: Path, text: str, name: str = "leads.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_is_one_undo_step_into_cold(workspace: Workspace, tmp_path: Path) -> None:
    before = dump_database(workspace)
    change = run_import(workspace, planned(workspace, GOOGLE.write(tmp_path)))
    assert change.description == "Import of 2 leads"
    leads = workspace.leads.find()
    assert [lead.name for lead in leads] == ["Anna Nowak", "Jürgen Müller"]
    assert {lead.column for lead in leads} == {Column.COLD}
    assert set(change.created_ids(Kind.LEAD)) == {lead.id for lead in leads}
    (record,) = workspace.imports.history()
    assert (record.file_name, record.added, record.updated) == ("contacts.csv", 2, 0)
    assert workspace.imports.tags()[leads[0].id] == ["Customers"]
    undo_change(workspace, change)
    assert dump_database(workspace) == before


def test_target_column_source_and_tag_of_the_batch(workspace: Workspace, tmp_path: Path) -> None:
    plan = planned(
        workspace,
        OUTLOOK.write(tmp_path),
        temperature=Temperature.WARM,
        source="Fair 2026",
        tag="fair",
    )
    run_import(workspace, plan)
    leads = workspace.leads.find()
    assert {lead.column for lead in leads} == {Column.WARM}
    assert {lead.source for lead in leads} == {"Fair 2026"}
    assert all("fair" in tags for tags in workspace.imports.tags().values())


def test_one_invalid_row_writes_nothing_and_names_row_and_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path,
        "Name,Email,Value\nAnna,anna@x.example,10.00\nBob,bob@,5\n,,\nCleo,c@x.example,ten\n",
    )
    before = dump_database(workspace)
    with pytest.raises(ImportRowsError) as refused:
        run_import(workspace, planned(workspace, path))
    message = str(refused.value)
    assert "2 rows of leads.csv cannot be imported, so nothing was written" in message
    assert "Row 3, 'Email' (column B): 'bob@' is not an email address" in message
    assert "Row 5, 'Value' (column C): 'ten' is not" in message
    assert dump_database(workspace) == before


def test_skip_invalid_rows_imports_the_rest(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Name,Email\nAnna,anna@x.example\nBob,bob@\n")
    plan = planned(workspace, path, skip_invalid=True)
    assert plan.problem_lines() == ["Row 3, 'Email' (column B): 'bob@' is not an email address"]
    run_import(workspace, plan)
    assert [lead.name for lead in workspace.leads.find()] == ["Anna"]
    assert workspace.imports.history()[0].invalid == 1


def test_a_long_field_and_a_ragged_row_are_row_problems(
    workspace: Workspace, tmp_path: Path
) -> None:
    long_note = "x" * 1_048_576
    path = write_csv(tmp_path, f'Name,Notes\nAnna,"{long_note}"\nBob,fine,surplus\nCleo,ok\n')
    plan = planned(workspace, path)
    lines = plan.problem_lines()
    assert lines[0] == (
        "Row 2, 'Notes' (column B): the cell holds 1,048,576 characters, more than the "
        "65,536 a cell may have"
    )
    assert lines[1].startswith("Row 3: the row has 3 cells, the header 2")
    before = dump_database(workspace)
    with pytest.raises(ImportRowsError):
        run_import(workspace, plan)
    assert dump_database(workspace) == before


def test_duplicates_by_email_phone_and_similar_name_and_company(
    workspace: Workspace, tmp_path: Path
) -> None:
    add_lead(workspace, LeadDraft("Anna Nowak", email="Anna@Zlota.example"))
    add_lead(workspace, LeadDraft("Piotr", phone="601234567"))
    add_lead(workspace, LeadDraft("Mark Baker", company="ACME Bakery Ltd"))
    path = write_csv(
        tmp_path,
        "Name,Company,Email,Phone\n"
        "A. Nowak,,anna@zlota.example,\n"
        "Piotr Zieliński,,,+48 601 234 567\n"
        "Mark Baker,Acme Bakery,,\n"
        "Zoe New,,zoe@x.example,\n"
        "Zoe Again,,ZOE@x.example,\n",
    )
    plan = planned(workspace, path)
    reasons = [
        (row.number, row.match.description if row.match else None, row.decision)
        for row in plan.rows
    ]
    assert reasons == [
        (2, "same email as 'Anna Nowak' (lead 1)", Decision.SKIP),
        (3, "same phone as 'Piotr' (lead 2)", Decision.SKIP),
        (4, "similar name and company as 'Mark Baker' (lead 3)", Decision.SKIP),
        (5, None, Decision.ADD),
        (6, "same email as 'Zoe New' (row 5 of the file)", Decision.SKIP),
    ]
    counts = plan.counts()
    assert (counts.added, counts.skipped_duplicates) == (1, 4)


def test_update_keeps_id_column_touches_and_never_erases(
    workspace: Workspace, tmp_path: Path
) -> None:
    lead_id = add_lead(
        workspace,
        LeadDraft("Anna Nowak", email="anna@zlota.example", city="Łódź", notes="Old note"),
    ).created_id(Kind.LEAD)
    move_lead(workspace, lead_id, Column.HOT)
    add_touch(workspace, TouchDraft(lead_id, TouchKind.PHONE_CALL, date(2026, 3, 20)))
    path = write_csv(
        tmp_path,
        "Name,Email,City,Phone,Notes,Temperature\n"
        "Anna Nowak,anna@zlota.example,,+48 601 234 567,Met at the fair,cold\n",
    )
    plan = planned(workspace, path, on_duplicate=DuplicatePolicy.UPDATE)
    change = run_import(workspace, plan)
    lead = workspace.leads.get(lead_id)
    assert lead.city == "Łódź"
    assert lead.phone == "+48 601 234 567"
    assert lead.notes == "Old note\n\nMet at the fair"
    assert lead.column is Column.HOT
    assert len(workspace.touches.for_lead(lead_id)) == 1
    assert change.lead_ids == {lead_id}
    assert workspace.imports.history()[0].updated == 1


def test_a_row_can_be_answered_otherwise_than_the_batch(
    workspace: Workspace, tmp_path: Path
) -> None:
    add_lead(workspace, LeadDraft("Anna", email="anna@x.example"))
    add_lead(workspace, LeadDraft("Bob", email="bob@x.example"))
    path = write_csv(tmp_path, "Name,Email\nAnna 2,anna@x.example\nBob 2,bob@x.example\n")
    plan = planned(workspace, path).with_policy(DuplicatePolicy.KEEP)
    plan = plan.with_decision(3, Decision.SKIP)
    run_import(workspace, plan)
    assert [lead.name for lead in workspace.leads.find()] == ["Anna", "Bob", "Anna 2"]


def test_only_update_existing_leads(workspace: Workspace, tmp_path: Path) -> None:
    add_lead(workspace, LeadDraft("Anna", email="anna@x.example"))
    path = write_csv(tmp_path, "Name,Email,City\nAnna,anna@x.example,Gdańsk\nNew,n@x.example,X\n")
    plan = planned(workspace, path, only_update=True, on_duplicate=DuplicatePolicy.UPDATE)
    assert plan.counts().skipped_new == 1
    run_import(workspace, plan)
    assert [(lead.name, lead.city) for lead in workspace.leads.find()] == [("Anna", "Gdańsk")]


def test_revert_works_after_later_actions_and_restores_updates(
    workspace: Workspace, tmp_path: Path
) -> None:
    kept = add_lead(workspace, LeadDraft("Kept", email="kept@x.example", city="Kraków"))
    kept_id = kept.created_id(Kind.LEAD)
    path = write_csv(tmp_path, "Name,Email,City\nKept,kept@x.example,Gdańsk\nNew,n@x.example,\n")
    run_import(
        workspace, planned(workspace, path, on_duplicate=DuplicatePolicy.UPDATE, tag="spring")
    )
    assert workspace.imports.tags()[kept_id] == ["spring"]
    later = add_lead(workspace, LeadDraft("Typed later")).created_id(Kind.LEAD)
    (record,) = workspace.imports.history()
    change = revert_import(workspace, record.id)
    assert change.description == "Revert the import of leads.csv"
    assert [lead.name for lead in workspace.leads.find()] == ["Kept", "Typed later"]
    assert workspace.leads.get(kept_id).city == "Kraków"
    assert workspace.leads.get(later).name == "Typed later"
    assert workspace.imports.tags() == {}
    assert workspace.imports.history()[0].is_reverted
    with pytest.raises(ValidationError, match="reverted already"):
        revert_import(workspace, record.id)
    undo_change(workspace, change)
    assert workspace.leads.get(kept_id).city == "Gdańsk"


def test_revert_refuses_naming_leads_changed_or_touched_since(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, "Name,Email\nAnna,anna@x.example\nBob,bob@x.example\nCleo,\n")
    run_import(workspace, planned(workspace, path))
    anna, bob, _cleo = workspace.leads.find()
    edit_lead(workspace, anna.id, LeadDraft("Anna Maria", email="anna@x.example"))
    add_touch(workspace, TouchDraft(bob.id, TouchKind.EMAIL, date(2026, 3, 17)))
    before = dump_database(workspace)
    with pytest.raises(ValidationError) as refused:
        revert_import(workspace, workspace.imports.history()[0].id)
    assert str(refused.value) == (
        "Import 1 of leads.csv cannot be reverted: 2 of its leads changed since "
        "('Anna Maria' (lead 1), 'Bob' (lead 2)). Nothing was changed."
    )
    assert dump_database(workspace) == before


def test_cancel_leaves_nothing_behind(workspace: Workspace, tmp_path: Path) -> None:
    lines = "".join(f"Lead {number},l{number}@x.example\n" for number in range(3000))
    path = write_csv(tmp_path, "Name,Email\n" + lines)
    before = dump_database(workspace)
    table, _dialect = read_source(path)
    with pytest.raises(ImportCancelledError):
        plan_import(
            workspace,
            path.name,
            table,
            propose_mapping(table.headers),
            ImportOptions(),
            cancelled=lambda: True,
        )
    plan = planned(workspace, path)
    asked: list[int] = []

    def cancel_while_writing() -> bool:
        asked.append(1)
        return True

    with pytest.raises(ImportCancelledError):
        run_import(workspace, plan, cancelled=cancel_while_writing)
    assert asked
    assert dump_database(workspace) == before
    assert workspace.leads.find(LeadFilter(search="Lead 1")) == []


def test_a_saved_mapping_is_proposed_for_files_with_the_same_headers(
    workspace: Workspace,
) -> None:
    from planner.interop.mapping import Target
    from planner.services.import_history import save_mapping, saved_mapping

    headers = ("Wer", "Mail", "Kundennummer")
    chosen = propose_mapping(headers).with_target(0, Target.NAME)
    change = save_mapping(workspace, headers, chosen)
    saved = saved_mapping(workspace, ["kundennummer", "WER", "mail"])
    assert saved == {"wer": "name", "mail": "email", "kundennummer": "ignore"}
    undo_change(workspace, change)
    assert saved_mapping(workspace, headers) is None


def test_phones_and_amounts_are_read_in_the_senders_country_and_currency(
    workspace: Workspace, tmp_path: Path
) -> None:
    from planner.services.sender import set_sender_field

    set_sender_field(workspace, "country", "PL")
    set_sender_field(workspace, "currency", "PLN")
    add_lead(workspace, LeadDraft("Piotr", phone="+48 601 234 567"))
    path = write_csv(tmp_path, "Name,Phone,Value\nPiotr Z.,601 234 567,10\nNew,,1250.50\n")
    table, _dialect = read_source(path)
    plan = plan_import(workspace, path.name, table, propose_mapping(table.headers), ImportOptions())
    assert [row.decision for row in plan.rows] == [Decision.SKIP, Decision.ADD]
    run_import(workspace, plan)
    value = workspace.leads.find(LeadFilter(search="New"))[0].value
    assert value is not None
    assert (value.currency, value.as_decimal_string()) == ("PLN", "1250.50")


def test_the_undo_text_of_a_big_import_groups_its_digits_like_the_wizard() -> None:
    assert import_description(59_890) == "Import of 59,890 leads"
    assert import_description(1) == "Import of 1 lead"


def test_an_import_job_leaves_the_files_integrity_to_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job's second connection neither re-reads the whole file nor may move it aside."""
    database_path = tmp_path / "planner.db"
    Workspace.open(database_path).close()
    source = write_csv(tmp_path, "Name,Email\nAnna Nowak,anna@example.com\n")
    table, _dialect = read_source(source)
    checks: list[Path] = []
    monkeypatch.setattr(
        database, "integrity_problems", lambda path, **_how: checks.append(path) or []
    )
    job = PlanImportJob(
        database_path, Clock(), source.name, table, propose_mapping(table.headers), ImportOptions()
    )

    plan = job(lambda _done, _total: None, lambda: False)

    assert checks == []
    assert len(plan.rows) == 1
