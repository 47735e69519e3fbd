"""Each rule of `RULES`, on both sides of its timescale, counted over the Christmas bank
holidays of 2026 where it counts working days."""

from datetime import date, timedelta

from caseload.contacts.domain import ContactFact
from caseload.enforcement.domain import EnforcementStep
from caseload.essentials.domain.engine import essentials_due
from caseload.essentials.domain.essential import State
from caseload.essentials.domain.rules import RULES
from caseload.essentials.tests.builders import (
    SENTENCED,
    accommodation,
    attended,
    booked,
    community,
    facts,
    licence,
    of_kind,
    one,
    registration,
)
from caseload.plans.domain import OversightFact, PlanFacts, SentencePlanFact
from caseload.safeguarding.domain import EnquiryFact

CHRISTMAS_EVE = date(2026, 12, 24)
NEW_YEAR = date(2027, 1, 4)


def test_every_rule_names_its_source_and_certainty_and_explains_any_doubt():
    for rule in RULES.values():
        assert rule.source and rule.certainty in {"S", "I", "U"}, rule.kind
        assert bool(rule.uncertain_note) == (rule.certainty != "S"), rule.kind
        assert rule.timescales and rule.title and rule.applies_to, rule.kind


def test_the_first_appointment_of_a_community_sentence_is_due_in_5_working_days_over_christmas():
    due = one(facts(SENTENCED), "first_appointment")
    assert (due.state, due.due_on) == (State.DUE, date(2026, 12, 29))
    assert "by 29 December 2026" in due.reason


def test_a_first_appointment_arranged_on_the_last_day_is_on_time_and_a_day_later_is_late():
    on_time = facts(date(2026, 12, 29), appointments=[booked(date(2027, 1, 5), date(2026, 12, 29))])
    late = facts(date(2026, 12, 30), appointments=[booked(date(2027, 1, 5), date(2026, 12, 30))])
    assert one(on_time, "first_appointment").state is State.DONE
    assert "due by" not in one(on_time, "first_appointment").reason
    assert one(late, "first_appointment").reason.endswith("(due by 29 December 2026)")


def test_a_video_call_is_not_a_first_appointment_in_person_nor_is_a_cancelled_one():
    video = facts(date(2026, 12, 21), contacts=[attended(date(2026, 12, 21), "COVC")])
    assert one(video, "first_appointment").state is State.DUE
    cancelled = booked(date(2026, 12, 22), date(2026, 12, 21))
    cancelled = type(cancelled)("COAP", cancelled.on, cancelled.arranged_on, date(2026, 12, 21))
    assert one(facts(date(2026, 12, 22), appointments=[cancelled]), "first_appointment").state is (
        State.DUE
    )


def test_a_licence_s_first_appointment_is_due_the_next_working_day_after_release():
    released = licence(CHRISTMAS_EVE)
    due = one(facts(CHRISTMAS_EVE, sentence=released), "first_appointment")
    assert due.due_on == date(2026, 12, 29)  # 25 and 28 December are bank holidays
    assert due.reason.startswith("Released on licence on 24 December 2026")


def test_nothing_is_due_on_a_licence_before_release_but_its_registrations_are_still_reviewed():
    in_custody = licence(date(2027, 3, 1))
    found = facts(
        date(2026, 12, 21), sentence=in_custody, registrations=[registration("ADVP", SENTENCED)]
    )
    assert {e.kind for e in essentials_due(found)} == {"registration_review"}


def test_the_initial_sentence_plan_is_due_15_working_days_after_the_first_attended_appointment():
    first = facts(date(2026, 12, 21), contacts=[attended(SENTENCED)])
    assert one(first, "initial_sentence_plan").due_on == date(2027, 1, 13)
    plan = PlanFacts(sentence_plans=(SentencePlanFact(date(2027, 1, 14), 14),))
    late = facts(date(2027, 1, 14), contacts=[attended(SENTENCED)], plans=plan)
    assert one(late, "initial_sentence_plan").state is State.DONE
    assert "(due by 13 January 2027)" in one(late, "initial_sentence_plan").reason


def test_no_sentence_plan_is_due_before_an_appointment_is_attended():
    failed = ContactFact("COAP", date(2026, 12, 21), "UAAB", "EA02")
    assert of_kind(facts(date(2026, 12, 22), contacts=[failed]), "initial_sentence_plan") == []


def test_the_police_enquiry_is_due_at_the_start_and_stays_due_until_its_response_is_recorded():
    assert one(facts(SENTENCED), "police_da_enquiry").due_on == date(2026, 12, 29)
    asked = EnquiryFact("POLICE_DA", date(2026, 12, 21), None, "")
    waiting = one(facts(date(2026, 12, 30), enquiries=[asked]), "police_da_enquiry")
    assert waiting.state is State.DUE
    assert waiting.reason.startswith("Requested on 21 December 2026, no response recorded")
    answered = EnquiryFact("POLICE_DA", date(2026, 12, 21), date(2026, 12, 23), "CONCERNS")
    done = one(facts(date(2026, 12, 30), enquiries=[answered]), "police_da_enquiry")
    assert (done.state, done.done_on) == (State.DONE, date(2026, 12, 23))


def test_a_pre_sentence_enquiry_counts_at_the_start():
    before = EnquiryFact("POLICE_DA", SENTENCED - timedelta(days=30), SENTENCED, "NO_INFORMATION")
    assert one(facts(SENTENCED, enquiries=[before]), "police_da_enquiry").state is State.DONE


def test_a_new_domestic_abuse_registration_needs_a_new_police_enquiry():
    answered = EnquiryFact("POLICE_DA", SENTENCED, SENTENCED, "NO_INFORMATION")
    found = facts(
        date(2027, 2, 1),
        enquiries=[answered],
        registrations=[registration("ADVP", date(2027, 2, 1), ident=7)],
    )
    start, concern = sorted(of_kind(found, "police_da_enquiry"), key=lambda e: e.subject)
    assert start.state is State.DONE
    assert (concern.subject, concern.state, concern.due_on) == (
        "registration 7",
        State.DUE,
        date(2027, 2, 8),
    )
    assert "a new domestic abuse perpetrator registration on 1 February 2027" in concern.reason


def test_a_child_protection_registration_needs_a_new_children_s_services_enquiry():
    found = facts(date(2027, 2, 1), registrations=[registration("RCPR", date(2027, 2, 1), ident=3)])
    subjects = {e.subject for e in of_kind(found, "safeguarding_enquiry")}
    assert subjects == {"", "registration 3"}
    assert of_kind(found, "police_da_enquiry")[0].subject == ""


def test_the_first_rosh_assessment_is_due_15_working_days_after_the_first_attended_appointment():
    found = facts(date(2026, 12, 21), contacts=[attended(SENTENCED)])
    assert one(found, "rosh_assessment").due_on == date(2027, 1, 13)


def test_a_rosh_assessment_is_reviewed_12_months_on_or_sooner_after_a_change_of_accommodation():
    from caseload.essentials.domain.facts import RoshSummaryFact

    assessed = [RoshSummaryFact(date(2027, 1, 4), "MEDIUM")]
    current = one(facts(date(2027, 1, 5), rosh_summaries=assessed), "rosh_assessment")
    assert (current.due_on, current.done_on) == (date(2028, 1, 4), date(2027, 1, 4))
    moved = facts(
        date(2027, 2, 1),
        rosh_summaries=assessed,
        circumstances=[accommodation("NFA", date(2027, 2, 1))],
    )
    due = one(moved, "rosh_assessment")
    assert due.due_on == date(2027, 2, 22)
    assert "accommodation changed to no fixed abode on 1 February 2027" in due.reason


def test_a_risk_management_plan_is_due_for_medium_rosh_and_not_required_for_low():
    medium = facts(date(2027, 1, 4), registrations=[registration("RMRH", NEW_YEAR)])
    assert one(medium, "risk_management_plan").due_on == date(2027, 1, 25)
    low = facts(date(2027, 1, 4), registrations=[registration("RLRH", NEW_YEAR)])
    assert one(low, "risk_management_plan").state is State.NOT_REQUIRED
    planned = facts(
        date(2027, 1, 26),
        registrations=[registration("RMRH", NEW_YEAR)],
        plans=PlanFacts(risk_management_plans=(date(2027, 1, 26),)),
    )
    assert "(due by 25 January 2027)" in one(planned, "risk_management_plan").reason


def test_a_home_visit_is_due_within_15_days_for_high_rosh_6_weeks_medium_and_12_weeks_low():
    def due_on(register: str) -> date | None:
        found = facts(SENTENCED, registrations=[registration(register, SENTENCED)])
        return one(found, "home_visit").due_on

    assert due_on("RHRH") == SENTENCED + timedelta(days=15)
    assert due_on("RVHR") == SENTENCED + timedelta(days=15)
    assert due_on("ARSO") == SENTENCED + timedelta(days=15)
    assert due_on("RMRH") == SENTENCED + timedelta(weeks=6)
    assert due_on("RLRH") == SENTENCED + timedelta(weeks=12)


def test_a_home_visit_clears_it_and_a_new_address_needs_another():
    visited = facts(date(2027, 1, 2), contacts=[attended(date(2027, 1, 2), "CHVS")])
    assert one(visited, "home_visit").state is State.DONE
    moved = facts(
        date(2027, 2, 1),
        contacts=[attended(date(2027, 1, 2), "CHVS")],
        addresses_from=[date(2027, 2, 1)],
    )
    start, change = sorted(of_kind(moved, "home_visit"), key=lambda e: e.subject)
    assert start.state is State.DONE
    assert (change.subject, change.state, change.due_on) == (
        "change 2027-02-01",
        State.DUE,
        date(2027, 2, 1) + timedelta(weeks=12),
    )


def test_a_failed_home_visit_does_not_clear_it():
    failed = ContactFact("CHVS", date(2026, 12, 21), "UAAB", "EA02")
    assert one(facts(date(2026, 12, 22), contacts=[failed]), "home_visit").state is State.DUE


def test_a_registration_is_reviewed_at_its_register_s_period_from_its_last_review():
    advp = registration("ADVP", SENTENCED, ident=4, reviewed=(date(2027, 3, 1), date(2027, 6, 1)))
    found = one(facts(date(2027, 3, 2), registrations=[advp]), "registration_review")
    assert (found.subject, found.due_on, found.done_on) == (
        "registration 4",
        date(2027, 6, 1),  # the review of 1 June is not yet known on 2 March
        date(2027, 3, 1),
    )
    never = registration("REG30", SENTENCED)  # a review period of 0: none due
    assert of_kind(facts(date(2027, 3, 2), registrations=[never]), "registration_review") == []


def test_mappa_level_is_due_for_a_registered_sex_offender_and_done_once_a_level_is_set():
    arso = registration("ARSO", date(2027, 2, 1))
    assert one(facts(date(2027, 2, 1), registrations=[arso]), "mappa_level").due_on == date(
        2027, 2, 8
    )
    mappa = registration("MAPP", date(2027, 2, 3), category="M1", level="M2")
    done = one(facts(date(2027, 2, 3), registrations=[arso, mappa]), "mappa_level")
    assert done.state is State.DONE and "level 2" in done.reason


def test_a_violent_licence_of_12_months_or_more_is_eligible_for_mappa():
    released = licence(date(2027, 2, 1), offence_code="10501")
    assert one(facts(date(2027, 2, 1), sentence=released, months=18), "mappa_level").due_on == (
        date(2027, 2, 8)
    )
    assert of_kind(facts(date(2027, 2, 1), sentence=released, months=6), "mappa_level") == []


def test_management_oversight_is_due_10_working_days_after_allocation_then_every_3_months():
    allocated = one(facts(SENTENCED, allocated=SENTENCED), "management_oversight")
    assert allocated.due_on == date(2027, 1, 6)
    seen = PlanFacts(oversight=(OversightFact(date(2027, 1, 5), "Sam Patel"),))
    after = one(facts(date(2027, 1, 6), allocated=SENTENCED, plans=seen), "management_oversight")
    assert after.due_on == date(2027, 4, 5)
    assert "Management oversight by Sam Patel on 5 January 2027" in after.reason


def test_a_new_mappa_registration_brings_management_oversight_forward_to_5_working_days():
    seen = PlanFacts(oversight=(OversightFact(date(2027, 1, 5), "Sam Patel"),))
    mappa = registration("MAPP", date(2027, 2, 1), category="M1", level="M1")
    found = facts(date(2027, 2, 1), allocated=SENTENCED, plans=seen, registrations=[mappa])
    assert one(found, "management_oversight").due_on == date(2027, 2, 8)


def test_the_next_appointment_is_due_within_the_sentence_plan_s_frequency():
    before_a_plan = one(
        facts(date(2027, 1, 5), contacts=[attended(NEW_YEAR)]), "supervision_appointment"
    )
    assert before_a_plan.due_on == date(2027, 1, 11)
    plan = PlanFacts(sentence_plans=(SentencePlanFact(NEW_YEAR, 14),))
    planned = facts(date(2027, 1, 5), contacts=[attended(NEW_YEAR)], plans=plan)
    assert one(planned, "supervision_appointment").due_on == date(2027, 1, 18)
    arranged = facts(
        date(2027, 1, 5),
        contacts=[attended(NEW_YEAR)],
        plans=plan,
        appointments=[booked(date(2027, 1, 18), date(2027, 1, 5))],
    )
    assert one(arranged, "supervision_appointment").state is State.DONE
    too_late = facts(
        date(2027, 1, 5),
        contacts=[attended(NEW_YEAR)],
        plans=plan,
        appointments=[booked(date(2027, 1, 19), date(2027, 1, 5))],
    )
    assert one(too_late, "supervision_appointment").state is State.DUE


def test_past_the_probation_reset_point_active_supervision_is_not_required_and_a_follow_up_is_due():
    released = licence(date(2027, 1, 1))
    ends = date(2027, 10, 1)  # 273 days: two thirds is 2 July 2027
    found = facts(
        date(2027, 7, 2),
        sentence=released,
        ends=ends,
        contacts=[attended(date(2027, 6, 25))],
        allocated=date(2027, 1, 1),
    )
    for kind in ("supervision_appointment", "home_visit", "management_oversight"):
        essential = one(found, kind)
        assert essential.state is State.NOT_REQUIRED
        assert essential.reason.endswith("two-thirds point on 2 July 2027")
    follow_up = one(found, "reset_follow_up")
    assert (follow_up.state, follow_up.due_on) == (State.DUE, date(2027, 8, 16))
    the_day_before = facts(
        date(2027, 7, 1), sentence=released, ends=ends, contacts=[attended(date(2027, 6, 25))]
    )
    assert one(the_day_before, "supervision_appointment").state is State.DUE
    assert of_kind(the_day_before, "reset_follow_up") == []


def test_a_mappa_case_is_exempt_from_the_probation_reset():
    mappa = registration("MAPP", date(2027, 1, 1), category="M1", level="M1")
    found = facts(
        date(2027, 7, 2),
        sentence=licence(date(2027, 1, 1)),
        ends=date(2027, 10, 1),
        registrations=[mappa],
        contacts=[attended(date(2027, 6, 25))],
    )
    assert one(found, "supervision_appointment").state is State.DUE
    assert of_kind(found, "reset_follow_up") == []


def test_a_community_order_with_a_rar_is_reset_too():
    order = community(rar=True)
    found = facts(date(2027, 9, 1), sentence=order, ends=date(2027, 12, 18))
    assert one(found, "home_visit").state is State.NOT_REQUIRED
    assert of_kind(found, "reset_follow_up") == []  # the follow-up is a licence's


def test_a_sentence_past_its_expected_end_only_needs_its_end_recorded():
    found = essentials_due(facts(date(2027, 12, 19), ends=date(2027, 12, 18)))
    assert [(e.kind, e.due_on) for e in found] == [("sentence_end", date(2027, 12, 18))]


def test_a_terminated_sentence_has_nothing_due():
    ended = community(termination_date=date(2027, 1, 1))
    assert essentials_due(facts(date(2027, 1, 2), sentence=ended)) == ()


def test_enforcement_steps_are_due_by_their_rule_s_timescale_from_their_clock():
    step = EnforcementStep(
        "warning_letter", "failure 2026-12-24", CHRISTMAS_EVE, None, "", "Failed to attend"
    )
    due = one(facts(CHRISTMAS_EVE, enforcement_steps=[step]), "warning_letter")
    assert (due.subject, due.due_on) == ("failure 2026-12-24", date(2026, 12, 30))
    part_a = EnforcementStep("recall_part_a", "recall", CHRISTMAS_EVE, None, "", "Recall decided")
    assert one(facts(CHRISTMAS_EVE, enforcement_steps=[part_a]), "recall_part_a").due_on == date(
        2026, 12, 25
    )
    sent = EnforcementStep(
        "warning_letter", "f", CHRISTMAS_EVE, date(2026, 12, 29), "First warning letter sent", ""
    )
    done = one(facts(date(2026, 12, 29), enforcement_steps=[sent]), "warning_letter")
    assert (done.state, done.reason) == (State.DONE, "First warning letter sent")


def test_a_rosh_assessment_before_release_counts_as_the_first_but_not_one_long_before():
    from caseload.essentials.domain.facts import RoshSummaryFact

    released = licence(date(2027, 1, 4))
    recent = [RoshSummaryFact(date(2026, 8, 1), "HIGH")]
    found = one(
        facts(date(2027, 1, 5), sentence=released, rosh_summaries=recent), "rosh_assessment"
    )
    assert found.due_on == date(2027, 8, 1)
    old = [RoshSummaryFact(date(2026, 6, 1), "HIGH")]
    stale = one(facts(date(2027, 1, 5), sentence=released, rosh_summaries=old), "rosh_assessment")
    assert stale.reason.startswith("No RoSH assessment recorded for this sentence")
