"""The primary navigation each role sees, gathered from the parts' AppConfigs."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import RequestFactory

from caseload.access.navigation import primary_navigation
from caseload.organisation.constants import Role
from caseload.organisation.models import Staff


def navigation_for(user: object, path: str = "/") -> list[tuple[str, str, bool]]:
    request = RequestFactory().get(path)
    request.user = user
    return [(i["label"], i["href"], i["current"]) for i in primary_navigation(request)["nav_items"]]


def user_with_role(role: Role) -> User:
    user = User(username=role.value)
    Staff(user=user, role=role)
    return user


@pytest.mark.parametrize(
    ("role", "labels"),
    [
        (Role.PRACTITIONER, ["Today", "My cases", "Diary", "My week", "Team cases", "Search"]),
        (
            Role.MANAGER,
            [
                "Team cases",
                "Team essential work",
                "Team workload",
                "Allocations",
                "Search",
                "Returns",
                "Workload figures",
                "Audit",
            ],
        ),
        (
            Role.HEAD_OF_PDU,
            [
                "Cases",
                "Team essential work",
                "Team workload",
                "Allocations",
                "Search",
                "Returns",
                "Workload figures",
                "Audit",
            ],
        ),
        (Role.ANALYST, ["Cases", "Search", "Returns", "Workload figures"]),
        (Role.ADMIN, ["Workload figures", "Reference data", "Audit"]),
        (Role.STAFF_REP, ["Workload figures"]),
    ],
)
def test_each_role_sees_the_case_lists_it_may_use(role, labels):
    assert [label for label, _, _ in navigation_for(user_with_role(role))] == labels


def test_the_page_being_shown_is_marked_current():
    assert navigation_for(user_with_role(Role.PRACTITIONER), "/team/") == [
        ("Today", "/today/", False),
        ("My cases", "/cases/", False),
        ("Diary", "/diary/", False),
        ("My week", "/workload/week/", False),
        ("Team cases", "/team/", True),
        ("Search", "/search/", False),
    ]


def test_no_navigation_without_a_staff_record_or_signing_in():
    assert navigation_for(User(username="nobody")) == []
    assert navigation_for(AnonymousUser()) == []
