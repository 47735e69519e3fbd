"""Signing in: argon2 hashes, throttling by username and address, and an audit of every attempt."""

from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.test import RequestFactory
from django.urls import reverse

from caseload.access.models import AuditEvent
from caseload.access.signin import client_address

PASSWORD = "correct horse battery staple"  # the factories' password


def sign_in(client, username, password, **extra):  # type: ignore[no-untyped-def]
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_fifty_wrong_passwords_are_refused_the_account_locked_and_every_attempt_audited(
    client, practitioner, settings
):
    responses = [sign_in(client, "alice", f"guess {n}") for n in range(50)]

    assert "_auth_user_id" not in client.session
    limit = settings.AXES_FAILURE_LIMIT
    assert {r.status_code for r in responses[: limit - 1]} == {200}
    assert {r.status_code for r in responses[limit - 1 :]} == {429}
    page = responses[-1].content.decode()
    assert "You have entered the wrong username or password too many times" in page
    assert "Wait 30 minutes, then try again" in page
    assert 'class="govuk-error-summary"' in page

    still_locked = sign_in(client, "alice", PASSWORD)
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session

    failed = AuditEvent.objects.filter(action="SIGN_IN_FAILED")
    assert failed.count() == 51
    assert {e.detail["username"] for e in failed} == {"alice"}
    assert {e.outcome for e in failed} == {"REFUSED"}
    locked = AuditEvent.objects.filter(action="SIGN_IN_LOCKED_OUT")
    assert locked.count() == 51 - (limit - 1)
    assert not AuditEvent.objects.filter(action="SIGN_IN").exists()


def test_the_audit_of_a_failed_sign_in_never_holds_the_password(client, practitioner):
    sign_in(client, "alice", "my secret guess")
    entry = AuditEvent.objects.get(action="SIGN_IN_FAILED")
    assert entry.detail == {"username": "alice", "address": "127.0.0.1"}
    assert "my secret guess" not in str(AuditEvent.objects.values_list("detail", flat=True))
    assert "my secret guess" not in AccessAttempt.objects.get().post_data


def test_a_lock_out_holds_for_that_username_from_that_address_only(client, practitioner, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice", f"guess {n}", REMOTE_ADDR="10.0.0.9")
    assert sign_in(client, "alice", PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 429

    from_elsewhere = sign_in(client, "alice", PASSWORD, REMOTE_ADDR="10.0.0.10")
    assert from_elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(practitioner.user.pk)


def test_signing_in_and_out_are_audited(client, practitioner):
    assert sign_in(client, "alice", PASSWORD).status_code == 302
    client.post(reverse("logout"))

    signed_in = AuditEvent.objects.get(action="SIGN_IN")
    assert signed_in.user == practitioner.user
    assert signed_in.detail == {"address": "127.0.0.1"}
    signed_out = AuditEvent.objects.get(action="SIGN_OUT")
    assert signed_out.user == practitioner.user
    assert signed_out.detail["reason"] == "signed out"


def test_a_successful_sign_in_clears_the_earlier_failures(client, practitioner, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "alice", f"guess {n}")
    sign_in(client, "alice", PASSWORD)
    client.post(reverse("logout"))
    assert sign_in(client, "alice", "one more guess").status_code == 200


def test_passwords_are_hashed_with_argon2(production_password_hashing, practitioner):
    practitioner.user.set_password("a new password for alice")
    assert practitioner.user.password.startswith("argon2$")


def test_an_older_pbkdf2_hash_is_upgraded_to_argon2_at_sign_in(
    production_password_hashing, client, practitioner
):
    user = practitioner.user
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])

    assert sign_in(client, "alice", PASSWORD).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


def test_the_client_address_is_the_peer_unless_proxies_are_trusted(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 81.2.69.160"
    )
    assert client_address(request) == "10.1.1.1"
    settings.PROXY_COUNT = 1
    assert client_address(request) == "81.2.69.160"
    settings.PROXY_COUNT = 2
    assert client_address(request) == "6.6.6.6"
    settings.PROXY_COUNT = 3
    assert client_address(request) == "10.1.1.1"


def test_a_wrong_password_gets_our_words_not_djangos(client, practitioner):
    page = sign_in(client, "alice", "wrong").content.decode()
    assert '<a href="#id_username">The username or password is not right</a>' in page
    assert "Please enter a correct" not in page and "case-sensitive" not in page


def test_an_empty_sign_in_asks_for_each_field_in_our_words(client):
    page = sign_in(client, "", "").content.decode()
    assert '<a href="#id_username">Enter your username</a>' in page
    assert '<a href="#id_password">Enter your password</a>' in page
    assert "This field is required" not in page
