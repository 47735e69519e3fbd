"""The password pages speak our words, not Django's validators'."""

import pytest
from django.urls import reverse

PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short1", "Your new password must be at least 8 characters"),
        ("password", "Your new password is too common. Choose one that is harder to guess"),
    ],
)
def test_a_weak_new_password_is_refused_in_plain_english(client, practitioner, new, message):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    page = response.content.decode()
    assert f'<a href="#id_new_password1">{message}</a>' in page
    assert "This password is" not in page
