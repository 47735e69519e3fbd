"""Administrators manage users without ever setting their passwords, and every change is audited."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse

from caseload.access.models import AuditEvent, PasswordChangeRequired
from caseload.testing.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def superuser(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def administrator(db):  # type: ignore[no-untyped-def]
    """A staff user allowed to manage users, but not a superuser."""
    user = UserFactory(username="ada", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="auth",
            codename__in=["add_user", "change_user", "view_user", "delete_user"],
        )
    )
    return user


@pytest.fixture
def admin_client(client, administrator):  # type: ignore[no-untyped-def]
    client.force_login(administrator)
    return client


def change_url(user):  # type: ignore[no-untyped-def]
    return reverse("admin:auth_user_change", args=[user.pk])


def change_form(user, **changes):  # type: ignore[no-untyped-def]
    """What the admin's change form posts for `user`, with `changes` applied."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    for flag in ("is_active", "is_staff", "is_superuser"):
        if getattr(user, flag):
            data[flag] = "on"
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = "on" if value is True else value
    return data


def test_an_administrator_cannot_set_another_users_password(admin_client, practitioner):
    alice = practitioner.user
    hashed = alice.password

    page = admin_client.get(change_url(alice)).content.decode()
    assert "password/" not in page
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_user_password_change", args=[alice.pk])
    old_form = admin_client.get(f"/admin/auth/user/{alice.pk}/password/", follow=True)
    assert 'type="password"' not in old_form.content.decode()

    posted = change_form(alice, password="chosen by admin", password1="chosen by admin")
    posted.update(password2="chosen by admin", new_password1="x", new_password2="x")
    assert admin_client.post(change_url(alice), posted).status_code == 302

    alice.refresh_from_db()
    assert alice.password == hashed
    assert alice.check_password(PASSWORD)


def test_a_user_added_by_an_administrator_has_no_usable_password(admin_client):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newbie",
            "first_name": "New",
            "last_name": "Starter",
            "email": "newbie@example.gov.uk",
            "password1": "chosen by admin",
            "password2": "chosen by admin",
        },
    )
    assert response.status_code == 302
    user = UserFactory._meta.model.objects.get(username="newbie")
    assert not user.has_usable_password()
    added = AuditEvent.objects.get(action="ADMIN_ADD_USER")
    assert added.detail["username"] == "newbie"
    assert added.detail["changes"]["email"] == [None, "newbie@example.gov.uk"]
    assert "password1" not in added.detail["changes"]


def test_each_change_to_a_user_is_audited_with_what_changed(
    admin_client, administrator, practitioner
):
    alice = practitioner.user
    admin_client.post(change_url(alice), change_form(alice, first_name="Alicia"))
    alice.refresh_from_db()
    admin_client.post(change_url(alice), change_form(alice, is_staff=True))
    alice.refresh_from_db()
    admin_client.post(change_url(alice), change_form(alice, is_active=False))

    entries = AuditEvent.objects.filter(action="ADMIN_CHANGE_USER").order_by("id")
    assert [e.detail["changes"] for e in entries] == [
        {"first_name": ["Alice", "Alicia"]},
        {"is_staff": [False, True]},
        {"is_active": [True, False]},
    ]
    assert {e.user for e in entries} == {administrator}
    assert {e.detail["username"] for e in entries} == {"alice"}
    alice.refresh_from_db()
    assert (alice.first_name, alice.is_staff, alice.is_active) == ("Alicia", True, False)


def test_deleting_a_user_is_audited(admin_client, superuser):
    leaver = UserFactory(username="leaver")
    response = admin_client.post(
        reverse("admin:auth_user_delete", args=[leaver.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    deleted = AuditEvent.objects.get(action="ADMIN_DELETE_USER")
    assert deleted.detail == {"id": leaver.pk, "username": "leaver"}


def test_a_staff_user_cannot_make_anyone_a_superuser(admin_client, administrator, practitioner):
    alice = practitioner.user
    admin_client.post(change_url(alice), change_form(alice, is_superuser=True))
    admin_client.post(change_url(administrator), change_form(administrator, is_superuser=True))

    alice.refresh_from_db()
    administrator.refresh_from_db()
    assert not alice.is_superuser and not administrator.is_superuser
    for entry in AuditEvent.objects.filter(action="ADMIN_CHANGE_USER"):
        assert "is_superuser" not in entry.detail["changes"]


def test_a_staff_user_cannot_change_or_delete_a_superuser(admin_client, superuser):
    admin_client.post(change_url(superuser), change_form(superuser, is_active=False))
    delete = reverse("admin:auth_user_delete", args=[superuser.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403

    superuser.refresh_from_db()
    assert superuser.is_active
    assert not AuditEvent.objects.filter(action__startswith="ADMIN_").exists()


def test_a_superuser_may_make_a_superuser(client, superuser, practitioner):
    client.force_login(superuser)
    alice = practitioner.user
    client.post(change_url(alice), change_form(alice, is_staff=True, is_superuser=True))
    alice.refresh_from_db()
    assert alice.is_superuser
    entry = AuditEvent.objects.get(action="ADMIN_CHANGE_USER")
    assert entry.detail["changes"]["is_superuser"] == [False, True]


def test_a_one_time_link_lets_the_user_set_their_own_password_once(
    admin_client, administrator, practitioner
):
    alice = practitioner.user
    link_page = reverse("admin:auth_user_password_link", args=[alice.pk])
    assert "Create the link" in admin_client.get(link_page).content.decode()
    assert not AuditEvent.objects.filter(action="ADMIN_PASSWORD_RESET_LINK").exists()

    shown = admin_client.post(link_page).content.decode()
    link = re.search(r'value="(http://testserver/accounts/reset/[^"]+)"', shown).group(1)
    made = AuditEvent.objects.get(action="ADMIN_PASSWORD_RESET_LINK")
    assert (made.user, made.detail) == (administrator, {"for": "alice"})
    assert link.split("/")[-2] not in str(made.detail)

    browser = Client()
    form_page = browser.get(link, follow=True)
    assert "Set your password" in form_page.content.decode()
    new_password = "a password only alice knows"
    done = browser.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Your password has been set" in done.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(new_password)
    changed = AuditEvent.objects.get(action="PASSWORD_CHANGED")
    assert (changed.user, changed.detail) == (alice, {"how": "one-time link"})

    again = Client().get(link, follow=True).content.decode()
    assert "This link has expired" in again


def test_a_required_password_change_comes_before_anything_else(
    admin_client, administrator, practitioner, case
):
    alice = practitioner.user
    admin_client.post(reverse("admin:auth_user_require_password_change", args=[alice.pk]))
    required = AuditEvent.objects.get(action="ADMIN_FORCE_PASSWORD_CHANGE")
    assert (required.user, required.detail) == (administrator, {"for": "alice"})

    browser = Client()
    browser.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    case_page = reverse("case_detail", args=[case.crn])
    for elsewhere in (case_page, reverse("home"), "/api/v1/cases", "/admin/"):
        assert browser.get(elsewhere).url == reverse("password_change")
    page = browser.get(reverse("password_change")).content.decode()
    assert "An administrator has asked you to choose a new password" in page

    refused = browser.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    )
    assert refused.status_code == 200
    assert "Your current password is wrong" in refused.content.decode()
    new_password = "a fresh password for alice"
    browser.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert browser.get(case_page).status_code == 200
    assert not PasswordChangeRequired.objects.exists()
    changed = AuditEvent.objects.get(action="PASSWORD_CHANGED")
    assert (changed.user, changed.detail) == (alice, {"how": "changed"})


def test_an_administrator_changes_their_own_password_on_the_audited_page(admin_client):
    response = admin_client.get("/admin/password_change/")
    assert response.url == reverse("password_change")


def test_deleting_users_from_the_list_audits_each_and_spares_superusers(admin_client, superuser):
    leavers = [UserFactory(username="leaver1"), UserFactory(username="leaver2")]
    changelist = reverse("admin:auth_user_changelist")
    delete = {"action": "delete_selected", "post": "yes"}

    refused = admin_client.post(changelist, {**delete, "_selected_action": [superuser.pk]})
    assert refused.status_code == 403
    admin_client.post(changelist, {**delete, "_selected_action": [u.pk for u in leavers]})

    deleted = AuditEvent.objects.filter(action="ADMIN_DELETE_USER")
    assert sorted(e.detail["username"] for e in deleted) == ["leaver1", "leaver2"]
    assert UserFactory._meta.model.objects.filter(pk=superuser.pk).exists()


def test_a_password_change_can_be_required_of_several_users_at_once(admin_client, practitioner):
    others = [UserFactory(username="bob"), practitioner.user]
    admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "require_password_change_action", "_selected_action": [u.pk for u in others]},
    )
    assert PasswordChangeRequired.objects.count() == 2
    required = AuditEvent.objects.filter(action="ADMIN_FORCE_PASSWORD_CHANGE")
    assert sorted(e.detail["for"] for e in required) == ["alice", "bob"]


@pytest.mark.parametrize("permission", [str(2**63), str(-(2**63) - 1), "1" + "0" * 30])
def test_a_permission_id_no_database_could_hold_is_refused_not_a_500(
    client, superuser, practitioner, permission
):
    """Found by the form fuzzing: SQLite could not bind the id (OverflowError)."""
    client.force_login(superuser)
    alice = practitioner.user
    response = client.post(change_url(alice), change_form(alice, user_permissions=permission))
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()
    alice.refresh_from_db()
    assert not alice.user_permissions.exists()
