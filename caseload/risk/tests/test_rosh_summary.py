"""RoSH by audience is recorded once; the overall RoSH registration is reconciled from it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.core.errors import ActionInvalid
from caseload.risk.actions import record_rosh_summary, register_flag
from caseload.risk.constants import ROSH_CODES
from caseload.risk.tests.test_views import date_fields

LEVELS = {"public": "HIGH", "known_adult": "MEDIUM", "children": "LOW", "staff": "LOW"}


def _rosh_registrations(case):  # type: ignore[no-untyped-def]
    return list(
        case.registrations.filter(register__in=ROSH_CODES)
        .order_by("registered_on", "pk")
        .values_list("register", "deregistered_on")
    )


def test_a_summary_registers_its_highest_audience_as_the_overall_rosh(case, practitioner):
    today = timezone.localdate()
    record_rosh_summary(
        case.crn, acting_user=practitioner.user, assessed_on=today, source="OASYS", **LEVELS
    )
    assert _rosh_registrations(case) == [("RHRH", None)]


def test_a_new_summary_replaces_a_different_rosh_registration(case, practitioner):
    today = timezone.localdate()
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RMRH",
        registered_on=today - timedelta(days=30),
    )
    record_rosh_summary(
        case.crn,
        acting_user=practitioner.user,
        assessed_on=today,
        source="OASYS",
        **{**LEVELS, "children": "VERY_HIGH"},
    )
    assert _rosh_registrations(case) == [("RMRH", today), ("RVHR", None)]


def test_a_summary_that_agrees_with_the_registration_leaves_it_standing(case, practitioner):
    today = timezone.localdate()
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RHRH",
        registered_on=today - timedelta(days=30),
    )
    record_rosh_summary(
        case.crn, acting_user=practitioner.user, assessed_on=today, source="SCREENING", **LEVELS
    )
    assert _rosh_registrations(case) == [("RHRH", None)]
    assert case.rosh_summaries.get().overall == "HIGH"


def test_it_refuses_a_summary_without_every_audience_and_writes_nothing(case, practitioner):
    with pytest.raises(ActionInvalid) as refused:
        record_rosh_summary(
            case.crn,
            acting_user=practitioner.user,
            assessed_on=timezone.localdate(),
            source="OASYS",
            **{**LEVELS, "staff": None},
        )
    assert [p.field for p in refused.value.problems] == ["staff"]
    assert not case.rosh_summaries.exists() and _rosh_registrations(case) == []


def test_the_rosh_page_records_the_levels_and_returns_to_the_risk_section(
    client, case, practitioner
):
    client.force_login(practitioner.user)
    today = timezone.localdate()
    response = client.post(
        f"/cases/{case.crn}/rosh/new/",
        {
            **date_fields("assessed_on", today),
            "source": "OASYS",
            **LEVELS,
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.crn}/risk/"
    page = client.get(response["Location"]).content.decode()
    assert "A known adult" in page and "OASys assessment" in page
