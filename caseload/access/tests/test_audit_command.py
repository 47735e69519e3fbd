"""`caseload audit export`: the audit for an investigation, as CSV or JSON Lines, itself
audited; bad filters are refused with a message and a non-zero exit."""

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caseload.access.audit import record_audit
from caseload.access.management.commands.audit import COLUMNS
from caseload.access.models import AuditEvent
from caseload.testing.factories import case_held_by


@pytest.fixture
def history(practitioner, manager, outsider, case):  # type: ignore[no-untyped-def]
    elsewhere = case_held_by(outsider)
    with mock.patch("django.utils.timezone.now", return_value=datetime(2026, 7, 1, 9, tzinfo=UTC)):
        record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    with mock.patch("django.utils.timezone.now", return_value=datetime(2026, 7, 3, 9, tzinfo=UTC)):
        record_audit(manager.user, "RECORD_CONTACT", crn=case.crn)
        record_audit(outsider.user, "VIEW_CASE", crn=case.crn, outcome="FAIL")
        record_audit(outsider.user, "VIEW_CASE", crn=elsewhere.crn)
    return case, elsewhere


def export(*args: str) -> str:
    out = io.StringIO()
    call_command("audit", "export", *args, stdout=out)
    return out.getvalue()


def test_it_exports_a_case_s_entries_as_csv_oldest_first(history, practitioner):
    case, _ = history
    rows = list(csv.DictReader(io.StringIO(export("--crn", case.crn.lower()))))
    assert [(r["username"], r["action"], r["outcome"]) for r in rows] == [
        ("alice", "VIEW_CASE", "SUCCESS"),
        ("mona", "RECORD_CONTACT", "SUCCESS"),
        ("oscar", "VIEW_CASE", "FAIL"),
    ]
    first = rows[0]
    assert first["at"] == "2026-07-01T10:00:00+01:00"  # UK time, with its offset
    assert (first["name"], first["role"]) == (practitioner.user.get_full_name(), "Practitioner")
    assert first["description"] == "Viewed the case"
    assert rows[2]["description"] == "Tried to view the case (refused)"
    assert (first["via"], first["where"], json.loads(first["detail"])) == ("cli", "", {})


def test_it_exports_a_user_s_entries_as_json_lines(history):
    lines = export("--user", "oscar", "--format", "jsonl").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["action"], e["outcome"]) for e in entries] == [
        ("VIEW_CASE", "FAIL"),
        ("VIEW_CASE", "SUCCESS"),
    ]
    assert (entries[0]["via"], entries[0]["detail"]) == ("cli", {})


def test_it_exports_whole_uk_days_between_two_dates(history):
    rows = list(csv.DictReader(io.StringIO(export("--from", "2026-07-02", "--to", "2026-07-03"))))
    assert [r["action"] for r in rows] == ["RECORD_CONTACT", "VIEW_CASE", "VIEW_CASE"]
    assert export("--from", "2026-07-04", "--to", "2026-07-31").splitlines() == [",".join(COLUMNS)]


def test_the_export_is_itself_audited_with_its_filters(history):
    case, _ = history
    export("--crn", case.crn, "--from", "2026-07-01")
    entry = AuditEvent.objects.get(action="EXPORT_AUDIT")
    assert entry.crn == case.crn
    assert entry.detail["filters"] == {"crn": case.crn, "from": "2026-07-01"}
    assert entry.detail["format"] == "csv"
    assert entry.detail["os_user"]


def test_the_export_does_not_include_itself(history):
    first = export("--from", "2000-01-01")
    assert "EXPORT_AUDIT" not in first
    assert "EXPORT_AUDIT" in export("--from", "2000-01-01")  # the first export, seen by the second


def test_it_writes_to_a_file(history, tmp_path):
    case, _ = history
    target = tmp_path / "audit.jsonl"
    assert export("--crn", case.crn, "--format", "jsonl", "--output", str(target)) == ""
    assert len(target.read_text().splitlines()) == 3
    assert list(tmp_path.iterdir()) == [target]  # no partial file left behind


def test_the_export_s_queries_do_not_grow_with_its_rows(practitioner, case):  # type: ignore[no-untyped-def]
    def queries_for(count: int) -> int:
        AuditEvent.objects.bulk_create(
            AuditEvent(user=practitioner.user, action="VIEW_CASE", crn=case.crn)
            for _ in range(count)
        )
        with CaptureQueriesContext(connection) as queries:
            export("--crn", case.crn)
        return len(queries)

    assert queries_for(2) == queries_for(40)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "--from: '2026-13-01' is not a date; use YYYY-MM-DD"),
        (["--to", "yesterday"], "--to: 'yesterday' is not a date"),
        (["--from", "2026-07-02", "--to", "2026-07-01"], "--to: must be the same as or after"),
        (["--user", "nobody"], "--user: no user called 'nobody'"),
        (["--crn", "12345"], "--crn: '12345' is not a CRN"),
        ([], "give at least one of --crn, --user, --from and --to"),
        (["--crn", "X000001", "--output", "/no/such/dir/audit.csv"], "--output: no directory"),
    ],
)
def test_it_refuses_bad_filters_and_writes_nothing(db, args, message):  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        export(*args)
    assert not AuditEvent.objects.filter(action="EXPORT_AUDIT").exists()


def caseload(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "caseload", *args], capture_output=True, text=True, check=False
    )


def test_the_command_line_prints_help_for_audit_and_its_export():
    audit = caseload("audit", "--help")
    assert audit.returncode == 0 and "{export}" in audit.stdout
    exported = caseload("audit", "export", "--help")
    assert exported.returncode == 0
    assert all(flag in exported.stdout for flag in ("--crn", "--user", "--from", "--to"))


def test_the_command_line_exits_non_zero_on_a_bad_date():
    result = caseload("audit", "export", "--from", "not-a-date")
    assert result.returncode != 0
    assert "--from: 'not-a-date' is not a date" in result.stderr
