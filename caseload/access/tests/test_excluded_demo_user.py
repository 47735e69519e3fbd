"""The demo's excluded case, tried as the excluded practitioner: it is nowhere to be found, and
the attempt to open it is recorded against the case."""

import pytest

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.demo.seed import demo_limited_access, seed_delivery_unit
from caseload.organisation.models import Staff
from caseload.people.models import Person


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    seed_delivery_unit(people=120, seed=11, password="a demo password", demo_users=True)
    excluded = next(e for e in demo_limited_access() if e["kind"] == "exclusion")
    return Person.objects.get(crn=excluded["crn"]), Staff.objects.get(user__username="practitioner")


def test_the_excluded_case_is_in_no_list_or_search(client, demo):
    case, practitioner = demo
    client.force_login(practitioner.user)
    for url in ("/cases/", "/team/", f"/team/?q={case.last_name}", f"/team/?q={case.crn}"):
        assert f"/cases/{case.crn}/" not in client.get(url).content.decode(), url


def test_the_excluded_case_is_not_in_the_api(client, demo):
    case, practitioner = demo
    auth = {"HTTP_AUTHORIZATION": f"Bearer {create_token(practitioner.user)}"}
    listed = client.get(f"/api/v1/cases?q={case.crn}&limit=500", **auth).json()
    assert listed["count"] == 0
    assert client.get(f"/api/v1/cases/{case.crn}", **auth).status_code == 404


def test_its_url_answers_not_found_and_the_attempt_is_audited(client, demo):
    case, practitioner = demo
    client.force_login(practitioner.user)
    for url in (f"/cases/{case.crn}/", f"/cases/{case.crn}/contacts/new/"):
        assert client.get(url).status_code == 404
    attempts = AuditEvent.objects.filter(crn=case.crn, user=practitioner.user, outcome="FAIL")
    assert attempts.count() == 2


def test_a_colleague_in_the_team_still_finds_and_sees_it(client, demo):
    case, practitioner = demo
    holder = case.allocations.get().staff
    client.force_login(holder.user)
    assert f"/cases/{case.crn}/" in client.get(f"/team/?q={case.crn}").content.decode()
    assert client.get(f"/cases/{case.crn}/").status_code == 200
