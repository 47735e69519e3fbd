"""Registrations: adding, replacing within the RoSH group, ending, reviewing."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from caseload.core.errors import ActionInvalid, ConfirmationNeeded
from caseload.core.versions import day_in_words
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import (
    deregister_flag,
    record_assessment,
    register_flag,
    review_registration,
)
from caseload.risk.models import PredictorScore, Registration
from caseload.risk.reading import case_score_terms
from caseload.testing.assessments import arp_dynamic_answers

TODAY = timezone.localdate


def test_a_new_rosh_level_ends_the_previous_one(practitioner, case):
    first = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RMRH",
        registered_on=TODAY() - timedelta(days=30),
    )
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RHRH",
        registered_on=TODAY(),
        confirmed=True,
    )
    first.refresh_from_db()
    assert first.deregistered_on == TODAY()
    assert list(Registration.objects.current().values_list("register", flat=True)) == ["RHRH"]


def test_it_asks_before_a_new_registration_ends_a_current_one(practitioner, case):
    first = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="MAPP",
        category="M1",
        level="M2",
        registered_on=date(2026, 3, 3),
    )
    with pytest.raises(ConfirmationNeeded) as asked:
        register_flag(
            case.crn,
            acting_user=practitioner.user,
            register="MAPP",
            category="M1",
            level="M3",
            registered_on=TODAY(),
        )
    assert asked.value.question == "Adding this registration ends another"
    assert asked.value.consequences == [
        f"The MAPPA registration from 3 March 2026 ends on {day_in_words(TODAY())}"
    ]
    first.refresh_from_db()
    assert first.deregistered_on is None
    assert Registration.objects.count() == 1


def test_a_registration_of_another_register_needs_no_confirmation(practitioner, case):
    register_flag(case.crn, acting_user=practitioner.user, register="RMRH", registered_on=TODAY())
    register_flag(case.crn, acting_user=practitioner.user, register="RCCO", registered_on=TODAY())
    assert Registration.objects.current().count() == 2


def test_ending_a_registration_needs_a_reason_and_keeps_it(practitioner, case):
    reg = register_flag(
        case.crn, acting_user=practitioner.user, register="RCCO", registered_on=TODAY()
    )
    with pytest.raises(ActionInvalid) as refused:
        deregister_flag(
            case.crn,
            reg.pk,
            acting_user=practitioner.user,
            expected_version=reg.version,
            deregistered_on=TODAY(),
        )
    assert [(p.field, p.rule) for p in refused.value.problems] == [("reason", "required")]
    deregister_flag(
        case.crn,
        reg.pk,
        acting_user=practitioner.user,
        expected_version=reg.version,
        deregistered_on=TODAY(),
        reason="Child protection plan closed",
    )
    reg.refresh_from_db()
    assert (reg.deregistered_on, reg.end_reason) == (TODAY(), "Child protection plan closed")


def test_mappa_needs_a_category_and_level(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        register_flag(
            case.crn, acting_user=practitioner.user, register="MAPP", registered_on=TODAY()
        )
    assert {p.field for p in refused.value.problems} == {"category", "level"}
    assert not Registration.objects.exists()


def test_only_mappa_has_a_category(practitioner, case):
    with pytest.raises(ActionInvalid):
        register_flag(
            case.crn,
            acting_user=practitioner.user,
            register="ADVP",
            category="M1",
            registered_on=TODAY(),
        )


def test_an_unknown_register_or_future_date_is_refused(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        register_flag(
            case.crn,
            acting_user=practitioner.user,
            register="NOPE",
            registered_on=TODAY() + timedelta(days=1),
        )
    assert {p.rule for p in refused.value.problems} == {"unknown_code", "not_in_future"}


def test_ending_and_reviewing_a_registration(practitioner, case):
    reg = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="ADVP",
        registered_on=TODAY() - timedelta(days=90),
    )
    review_registration(
        case.crn, reg.pk, acting_user=practitioner.user, expected_version=1, reviewed_on=TODAY()
    )
    deregister_flag(
        case.crn,
        reg.pk,
        acting_user=practitioner.user,
        expected_version=2,
        deregistered_on=TODAY(),
        reason="Risk reduced",
    )
    reg.refresh_from_db()
    assert reg.deregistered_on == TODAY() and reg.reviews.count() == 1
    assert [h.version for h in reg.history.order_by("history_date")] == [1, 2, 3]
    assert reg.history.filter(version=2).get().history_change_reason.startswith("Reviewed on")


def test_a_registration_cannot_end_before_it_began(practitioner, case):
    reg = register_flag(
        case.crn, acting_user=practitioner.user, register="ADVP", registered_on=TODAY()
    )
    with pytest.raises(ActionInvalid):
        deregister_flag(
            case.crn,
            reg.pk,
            acting_user=practitioner.user,
            expected_version=reg.version,
            deregistered_on=TODAY() - timedelta(days=1),
            reason="Entered in error",
        )


def test_an_assessment_makes_the_arp_dynamic(practitioner, case):
    record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="EMPLOYMENT",
        status="UNEMPLOYED",
        start_date=TODAY(),
        replacing=None,
    )
    record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="ACCOMMODATION",
        status="SETTLED",
        start_date=TODAY(),
        replacing=None,
    )
    assert PredictorScore.objects.get(person=case, predictor="arp").score_type == "STATIC"
    answers = arp_dynamic_answers()
    record_assessment(
        case.crn, acting_user=practitioner.user, completed_on=TODAY(), answers=answers
    )
    arp = PredictorScore.objects.get(person=case, predictor="arp")
    assert arp.score_type == "DYNAMIC", arp.errors
    assert any(term[0] for term in case_score_terms(case)["arp"])


def test_an_assessment_answer_must_be_allowed(practitioner, case):
    with pytest.raises(ActionInvalid) as refused:
        record_assessment(
            case.crn,
            acting_user=practitioner.user,
            completed_on=TODAY(),
            answers={"temperControl": "FURIOUS", "shoeSize": "NINE"},
        )
    assert {p.field for p in refused.value.problems} == {"temperControl", "shoeSize"}
