"""Sessions end when idle or too old, say why, and are not written on every request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caseload.access.models import AuditEvent
from caseload.access.sessions import LAST_SEEN, SIGNED_IN_AT


def age_session(client, **seconds):  # type: ignore[no-untyped-def]
    """Move the session's clock back: `last_seen=...`, `signed_in=...` seconds ago."""
    session = client.session
    if "last_seen" in seconds:
        session[LAST_SEEN] -= seconds["last_seen"]
    if "signed_in" in seconds:
        session[SIGNED_IN_AT] -= seconds["signed_in"]
    session.save()


def session_writes(queries):  # type: ignore[no-untyped-def]
    return [
        q["sql"]
        for q in queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


def test_a_session_idle_for_more_than_30_minutes_ends_and_says_why(client, practitioner, case):
    client.force_login(practitioner.user)
    age_session(client, last_seen=31 * 60, signed_in=31 * 60)

    response = client.get(reverse("case_detail", args=[case.crn]), follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("login"))
    page = response.content.decode()
    assert "You have been signed out because you had not used caseload for 30 minutes" in page
    assert "_auth_user_id" not in client.session
    ended = AuditEvent.objects.get(action="SIGN_OUT")
    assert (ended.user, ended.detail["reason"]) == (practitioner.user, "idle")


def test_a_session_used_within_the_idle_time_carries_on(client, practitioner, case):
    client.force_login(practitioner.user)
    age_session(client, last_seen=29 * 60, signed_in=29 * 60)
    assert client.get(reverse("case_detail", args=[case.crn])).status_code == 200
    age_session(client, last_seen=29 * 60)
    assert client.get(reverse("case_detail", args=[case.crn])).status_code == 200


def test_the_idle_time_comes_from_the_settings(client, practitioner, case, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client.force_login(practitioner.user)
    age_session(client, last_seen=6 * 60)
    response = client.get(reverse("case_detail", args=[case.crn]), follow=True)
    assert "had not used caseload for 5 minutes" in response.content.decode()


def test_a_session_ends_10_hours_after_sign_in_however_busy(client, practitioner, case):
    client.force_login(practitioner.user)
    age_session(client, signed_in=10 * 60 * 60 + 1)

    response = client.get(reverse("case_detail", args=[case.crn]), follow=True)

    assert "because you signed in more than 10 hours ago" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_ended_session_gets_401_from_the_api(client, practitioner, case):
    client.force_login(practitioner.user)
    age_session(client, last_seen=31 * 60)
    assert client.get(f"/api/v1/cases/{case.crn}").status_code == 401


def test_a_busy_session_is_written_at_most_once_a_minute(client, practitioner, case):
    client.force_login(practitioner.user)
    page = reverse("case_detail", args=[case.crn])

    with CaptureQueriesContext(connection) as quick:
        client.get(page)
        client.get(page)
    assert session_writes(quick.captured_queries) == []

    age_session(client, last_seen=61)
    with CaptureQueriesContext(connection) as a_minute_later:
        client.get(page)
    assert len(session_writes(a_minute_later.captured_queries)) == 1
