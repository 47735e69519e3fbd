"""`/healthz`: anyone may ask whether the service and its database answer; it says nothing else."""

from unittest import mock

from django.db import OperationalError


def test_it_answers_ok_without_signing_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_naming_no_detail_when_the_database_does_not_answer(client, db):
    refused = OperationalError('could not connect to server at "db.internal" as "caseload"')
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=refused):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable (OperationalError)"
