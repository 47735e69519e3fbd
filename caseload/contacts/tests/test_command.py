"""`caseload record_contact`: the page's and the API's rules, a message and a non-zero exit."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from caseload.contacts.models import Contact


def test_it_records_a_contact(practitioner, case):
    when = (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    call_command(
        "record_contact",
        case.crn,
        "--as",
        "alice",
        "--type",
        "COAP",
        "--at",
        when,
        "--outcome",
        "ATTC",
    )
    assert Contact.objects.filter(person=case).count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--at", "2099-01-01T10:00", "--outcome", "ATTC"],
            "happened_at: Date of contact must be today or in the past",
        ),
        (
            ["--at", "2026-01-01T10:00", "--outcome", "NOPE"],
            "outcome: Select an outcome from the list",
        ),
        (["--at", "yesterday", "--outcome", "ATTC"], "--at:"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    practitioner, case, args, message
):
    with pytest.raises(CommandError, match=message):
        call_command("record_contact", case.crn, "--as", "alice", "--type", "COAP", *args)
    assert Contact.objects.count() == 0


def test_an_outsider_cannot_record_on_the_case(outsider, case):
    with pytest.raises(CommandError, match="crn: no case"):
        call_command(
            "record_contact",
            case.crn,
            "--as",
            "oscar",
            "--type",
            "COAP",
            "--at",
            "2026-01-01T10:00",
            "--outcome",
            "ATTC",
        )
