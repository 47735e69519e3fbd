"""API tokens expire, and using one writes to the database at most once an hour."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.access.models import ApiToken, AuditEvent
from caseload.access.tokens import create_token


def get_cases(client, token):  # type: ignore[no-untyped-def]
    return client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}")


def writes(queries):  # type: ignore[no-untyped-def]
    verbs = ("UPDATE", "INSERT", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]


def test_a_token_expires_90_days_after_it_is_made_by_default(practitioner):
    create_token(practitioner.user)
    token = ApiToken.objects.get()
    assert abs(token.expires_at - token.created_at - timedelta(days=90)) < timedelta(seconds=5)
    audit = AuditEvent.objects.get(action="CREATE_API_TOKEN")
    assert audit.detail["expires_at"] == token.expires_at.isoformat()


def test_an_expired_token_is_refused_with_401(client, practitioner):
    token = create_token(practitioner.user, days=1)
    assert get_cases(client, token).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert get_cases(client, token).status_code == 401


def test_a_token_without_an_expiry_date_is_refused(client, practitioner):
    token = create_token(practitioner.user)
    ApiToken.objects.update(expires_at=None)
    assert get_cases(client, token).status_code == 401


def test_the_token_command_takes_the_number_of_days(practitioner, capsys):
    call_command("token", "create", "alice", "--days", "7")
    printed = capsys.readouterr().out.strip()
    token = ApiToken.objects.get()
    assert printed.startswith(token.prefix)
    assert abs(token.expires_at - token.created_at - timedelta(days=7)) < timedelta(seconds=5)


def test_the_token_command_refuses_a_token_that_would_never_work(practitioner):
    with pytest.raises(CommandError, match="--days"):
        call_command("token", "create", "alice", "--days", "0")
    assert not ApiToken.objects.exists()


def test_an_api_request_with_a_recently_used_token_writes_nothing(client, practitioner):
    token = create_token(practitioner.user)
    with CaptureQueriesContext(connection) as first:
        get_cases(client, token)
    assert any("access_apitoken" in sql for sql in writes(first.captured_queries))
    used = ApiToken.objects.get().last_used_at

    with CaptureQueriesContext(connection) as second:
        get_cases(client, token)
    token_writes = [sql for sql in writes(second.captured_queries) if "access_apitoken" in sql]
    assert token_writes == []
    assert ApiToken.objects.get().last_used_at == used


def test_last_used_is_brought_up_to_date_after_an_hour(client, practitioner):
    token = create_token(practitioner.user)
    an_hour_ago = timezone.now() - timedelta(hours=1, seconds=1)
    ApiToken.objects.update(last_used_at=an_hour_ago)
    get_cases(client, token)
    assert ApiToken.objects.get().last_used_at > an_hour_ago + timedelta(hours=1)
