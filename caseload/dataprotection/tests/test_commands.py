"""`caseload subject-access`: the same export and the same rules, from the command line."""

import json

import pytest
from django.core.management import CommandError, call_command

from caseload.access.models import AuditEvent
from caseload.cli import _command_name


def test_it_writes_the_export_to_a_file(tmp_path, head, full_case):
    output = tmp_path / "export.json"
    call_command("subject_access", crn=full_case.crn, output=str(output), username="hana")
    document = json.loads(output.read_text())
    assert document["subject"]["crn"] == full_case.crn
    audit = AuditEvent.objects.get(action="SUBJECT_ACCESS_EXPORT")
    assert (audit.user, audit.detail["format"]) == (head.user, "json")


def test_it_refuses_a_user_without_the_capability(tmp_path, practitioner, full_case):
    output = tmp_path / "export.json"
    with pytest.raises(CommandError, match="may not export"):
        call_command("subject_access", crn=full_case.crn, output=str(output), username="alice")
    assert not output.exists()


def test_it_refuses_a_case_the_user_may_not_see(tmp_path, head):
    with pytest.raises(CommandError, match="--crn: no case"):
        call_command("subject_access", crn="Z999999", output=str(tmp_path / "x"), username="hana")


def test_it_refuses_an_unknown_user(tmp_path, full_case):
    with pytest.raises(CommandError, match="--as: no active user"):
        call_command("subject_access", crn=full_case.crn, output=str(tmp_path / "x"), username="x")


def test_the_command_may_be_written_with_a_hyphen():
    assert _command_name("subject-access") == "subject_access"
    assert _command_name("record_contact") == "record_contact"
