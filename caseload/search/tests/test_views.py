"""The search page and the search on the database: only cases the user may see, every part of
the query matched case-insensitively (SQLite and PostgreSQL), paged with the query kept."""

from datetime import date

import pytest
from django.urls import reverse

from caseload.access.cases import visible_cases
from caseload.access.models import AuditEvent, LimitedAccess
from caseload.people.caselist import case_rows
from caseload.search.domain import parse_query
from caseload.testing.factories import StaffFactory, case_held_by


def found(user, typed):  # type: ignore[no-untyped-def]
    return set(
        case_rows(visible_cases(user), search=parse_query(typed)).values_list("crn", flat=True)
    )


@pytest.fixture
def craig(practitioner):  # type: ignore[no-untyped-def]
    return case_held_by(
        practitioner,
        crn="Y701190",
        first_name="Craig",
        last_name="Begum",
        date_of_birth=date(1990, 4, 3),
        pnc_number="2001/0123456A",
    )


@pytest.fixture
def others(practitioner):  # type: ignore[no-untyped-def]
    return [
        case_held_by(practitioner, crn="X100001", first_name="Craig", last_name="Smith"),
        case_held_by(practitioner, crn="X100002", first_name="Amina", last_name="Begum"),
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "craig begum",
        "Begum, Craig",
        "begum craig",
        "CRAIG BEGUM",
        "egu crai",
        "701190",
        "y7011",
        "Y701190",
        "2001/0123456A",
        "01/123456a",
        "3/4/1990",
        "03/04/1990",
        "3 April 1990",
        "3 Apr 1990",
        "1990-04-03",
        "begum 3/4/1990",
    ],
)
def test_it_finds_the_case_by_each_thing_people_search_by(practitioner, craig, others, typed):
    assert found(practitioner.user, typed) == {craig.crn}


def test_part_of_a_name_finds_everyone_with_it(practitioner, craig, others):
    assert found(practitioner.user, "begum") == {craig.crn, others[1].crn}
    assert found(practitioner.user, "craig") == {craig.crn, others[0].crn}


def test_every_part_of_the_query_must_match(practitioner, craig, others):
    assert found(practitioner.user, "craig begum 4/3/1990") == set()
    assert found(practitioner.user, "smith 701190") == set()


def test_a_pnc_number_recorded_in_the_short_form_is_found_by_the_long_one(practitioner, craig):
    craig.pnc_number = "01/123456A"
    craig.save()
    assert found(practitioner.user, "2001/0123456A") == {craig.crn}


def test_it_never_finds_a_case_the_user_may_not_see(practitioner, outsider, craig, team):
    assert found(outsider.user, "begum") == set()
    LimitedAccess.objects.create(
        person=craig, kind="exclusion", user=practitioner.user, start_date=date(2020, 1, 1)
    )
    assert found(practitioner.user, "Y701190") == set()


def test_the_page_shows_name_crn_date_of_birth_practitioner_and_team(client, practitioner, craig):
    client.force_login(practitioner.user)
    page = client.get(reverse("search"), {"q": "Begum, Craig"}).content.decode()
    assert "Begum, Craig" in page and "Y701190" in page and "3 April 1990" in page
    assert f"{practitioner.user.first_name} {practitioner.user.last_name}" in page
    assert practitioner.team.name in page
    assert "<title>Search results for ‘Begum, Craig’ – caseload</title>" in page


def test_no_results_are_said_plainly(client, practitioner, craig):
    client.force_login(practitioner.user)
    page = client.get(reverse("search"), {"q": "Nobody"}).content.decode()
    assert "No results for ‘Nobody’" in page


def test_the_page_asks_for_a_search_before_searching(client, practitioner):
    client.force_login(practitioner.user)
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "<title>Search for a case – caseload</title>" in response.content.decode()
    assert not AuditEvent.objects.filter(action="SEARCH_CASES").exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a name, CRN, PNC number or date of birth"),
        ("31/2/1990", "31/2/1990 is not a real date of birth"),
        ("x" * 101, "Search must be 100 characters or fewer"),
    ],
)
def test_a_query_it_cannot_search_for_gets_the_error_summary(client, practitioner, typed, message):
    client.force_login(practitioner.user)
    page = client.get(reverse("search"), {"q": typed}).content.decode()
    assert "There is a problem" in page and f'<a href="#id_q">{message}</a>' in page
    assert "<title>Error: Search for a case – caseload</title>" in page


def test_paging_keeps_the_query_and_titles_each_page(client, practitioner):
    for _ in range(26):
        case_held_by(practitioner, last_name="Begum")
    client.force_login(practitioner.user)
    first = client.get(reverse("search"), {"q": "begum"}).content.decode()
    assert 'href="?q=begum&amp;page=2"' in first
    assert "<title>Search results for ‘begum’ (page 1 of 2) – caseload</title>" in first
    second = client.get(reverse("search"), {"q": "begum", "page": 2}).content.decode()
    assert "<title>Search results for ‘begum’ (page 2 of 2) – caseload</title>" in second


def test_a_search_is_audited_with_what_was_searched_for(client, practitioner, craig):
    client.force_login(practitioner.user)
    client.get(reverse("search"), {"q": "craig begum"})
    entry = AuditEvent.objects.get(action="SEARCH_CASES")
    assert entry.user == practitioner.user
    assert entry.detail == {"query": "craig begum", "page": 1, "results": 1}


def test_a_staff_representative_may_not_search(client, rep):
    client.force_login(rep.user)
    assert client.get(reverse("search"), {"q": "begum"}).status_code == 403


def test_the_case_list_search_box_searches_the_same_way(client, practitioner, craig, others):
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"q": "Begum, Craig"}).content.decode()
    assert craig.crn in page and all(o.crn not in page for o in others)


def test_a_manager_finds_a_case_held_by_anyone_in_the_unit(manager, team, craig):
    elsewhere = case_held_by(StaffFactory(team=team), last_name="Begum", first_name="Craig")
    assert found(manager.user, "craig begum") == {craig.crn, elsewhere.crn}
