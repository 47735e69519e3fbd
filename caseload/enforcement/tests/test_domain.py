"""The enforcement rules (pure: no database)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.contacts.domain import ContactFact
from caseload.enforcement.domain import (
    BREACH_REFERRAL,
    RECALL_DECISION,
    RECALL_PART_A,
    WARNING_LETTER,
    BreachFact,
    DecisionFact,
    EnforcementFacts,
    RecallFact,
    RecallRecord,
    enforcement_steps,
    recall_terms,
    validate_decision,
)
from caseload.people.domain import SentenceFacts

ORDER = SentenceFacts(
    1, "00101", date(2025, 12, 1), date(2026, 1, 2), "CO", date(2026, 1, 5), None, None
)
NONE = EnforcementFacts()


def _failure(
    on: date, action: str | None, kind: str = "COAP", outcome: str = "UAAB"
) -> ContactFact:
    return ContactFact(kind, on, outcome, action)


def _steps(contacts, enforcement=NONE, as_at=date(2026, 12, 1), sentence=ORDER):  # type: ignore[no-untyped-def]
    return enforcement_steps(
        sentence=sentence, contacts=contacts, enforcement=enforcement, as_at=as_at
    )


def test_the_first_failure_needs_a_warning_done_when_the_warning_is_given():
    (step,) = _steps([_failure(date(2026, 6, 2), "EA02")])
    assert (step.kind, step.subject, step.clock_starts) == (
        WARNING_LETTER,
        "failure 2026-06-02",
        date(2026, 6, 2),
    )
    assert step.done_on == date(2026, 6, 2)
    assert step.done_by == "First warning letter sent on 2 June 2026"
    (pending,) = _steps([_failure(date(2026, 6, 2), "EA12")])
    assert pending.done_on is None and "a warning is needed" in pending.reason


def test_a_further_failure_within_12_months_of_a_warning_must_be_referred():
    contacts = [
        _failure(date(2026, 6, 2), "EA02"),
        _failure(date(2026, 11, 3), "EA12", outcome="AFTA"),
    ]
    warning, referral = _steps(contacts)
    assert warning.kind == WARNING_LETTER
    assert referral.kind == BREACH_REFERRAL and referral.clock_starts == date(2026, 11, 3)
    assert referral.done_on is None
    assert referral.reason == (
        "Failed to attend on 3 November 2026, a further failure within 12 months of the warning "
        "on 2 June 2026: the law requires a breach referral (Sentencing Code Sch. 10 para 7)"
    )
    sent = EnforcementFacts(breaches=(BreachFact(date(2026, 11, 3), date(2026, 11, 10), "", None),))
    assert _steps(contacts, sent)[1].done_on == date(2026, 11, 10)


def test_a_failure_more_than_12_months_after_the_warning_needs_a_new_warning():
    long = replace(ORDER, sentence_date=date(2025, 1, 6))
    contacts = [_failure(date(2025, 2, 3), "EA02"), _failure(date(2026, 2, 4), None)]
    assert [s.kind for s in _steps(contacts, sentence=long)] == [WARNING_LETTER, WARNING_LETTER]


def test_only_national_standards_contacts_count():
    assert _steps([_failure(date(2026, 6, 2), "EA02", kind="CTOA")]) == ()


def test_an_immediate_breach_needs_a_referral_and_no_warning():
    (step,) = _steps([_failure(date(2026, 6, 2), "IMB")])
    assert step.kind == BREACH_REFERRAL and "immediate breach" in step.reason


def test_the_count_restarts_after_the_breach_ends_and_what_came_before_is_closed():
    contacts = [
        _failure(date(2026, 2, 2), "EA02"),
        _failure(date(2026, 3, 2), "IBR"),
        _failure(date(2026, 6, 1), None),
    ]
    ended = EnforcementFacts(
        breaches=(BreachFact(date(2026, 3, 2), date(2026, 3, 9), "ABCF", date(2026, 5, 1)),)
    )
    assert [(s.kind, s.subject) for s in _steps(contacts, ended)] == [
        (WARNING_LETTER, "failure 2026-06-01")
    ]
    assert [s.kind for s in _steps(contacts, ended, as_at=date(2026, 4, 30))] == [
        WARNING_LETTER,
        BREACH_REFERRAL,
    ]


def test_a_decision_taken_later_is_not_known_before_it_was_taken():
    contacts = [_failure(date(2026, 6, 2), "EA02")]
    later = EnforcementFacts(
        decisions=(DecisionFact(date(2026, 6, 2), "COAP", "EA12", "EA02", date(2026, 6, 9)),)
    )
    assert _steps(contacts, later, as_at=date(2026, 6, 5))[0].done_on is None
    assert _steps(contacts, later, as_at=date(2026, 6, 9))[0].done_on == date(2026, 6, 9)


def test_it_refuses_a_warning_within_12_months_of_an_earlier_warning():
    (problem,) = validate_decision(
        decision="EA02",
        failure_on=date(2026, 11, 3),
        reason="",
        sentence=ORDER,
        others=[_failure(date(2026, 6, 2), "EA02")],
        enforcement=NONE,
        today=date(2026, 11, 3),
    )
    assert problem.field == "enforcement_action"
    assert problem.message == (
        "A warning was given on 2 June 2026: a further failure within 12 months must be "
        "referred for breach (Sentencing Code Sch. 10 para 7)"
    )


def test_it_refuses_an_immediate_breach_without_a_reason():
    (problem,) = validate_decision(
        decision="IMB",
        failure_on=date(2026, 6, 2),
        reason=" ",
        sentence=ORDER,
        others=[],
        enforcement=NONE,
        today=date(2026, 6, 2),
    )
    assert (problem.field, problem.rule) == ("notes", "reason_required")


def test_licence_warnings_are_optional_and_never_refused():
    licence = replace(ORDER, sentence_type="LIC")
    assert _steps([_failure(date(2026, 6, 2), None)], sentence=licence) == ()
    assert (
        validate_decision(
            decision="EA02",
            failure_on=date(2026, 11, 3),
            reason="",
            sentence=licence,
            others=[_failure(date(2026, 6, 2), "EA02")],
            enforcement=NONE,
            today=date(2026, 11, 3),
        )
        == []
    )


def _recall(**changes):  # type: ignore[no-untyped-def]
    base = RecallFact(
        date(2026, 11, 2), "CONTACT_STOPPED", "FIXED_TERM", False, "", None, None, None
    )
    return replace(base, **changes)


def test_a_recall_needs_a_decision_then_part_a():
    decided = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
    (pending,) = _steps([], EnforcementFacts(recalls=(_recall(),)))
    assert pending.kind == RECALL_DECISION and pending.done_on is None
    decision, part_a = _steps(
        [], EnforcementFacts(recalls=(_recall(decision="RECALL", decided_at=decided),))
    )
    assert decision.done_on == date(2026, 11, 3)
    assert (part_a.kind, part_a.clock_starts, part_a.done_on) == (
        RECALL_PART_A,
        date(2026, 11, 3),
        None,
    )
    sent = _recall(
        decision="RECALL", decided_at=decided, part_a_sent_at=decided + timedelta(hours=3)
    )
    assert _steps([], EnforcementFacts(recalls=(sent,)))[1].done_on == date(2026, 11, 3)


ADULT = RecallRecord(
    recall_on=date(2026, 3, 30),
    date_of_birth=date(1990, 1, 1),
    custodial_months=10,
    released_on=date(2026, 1, 5),
    automatic_release_on=date(2026, 1, 5),
)


def test_a_fixed_term_recall_before_31_march_2026_is_14_or_28_days():
    short = recall_terms(ADULT)
    assert (short.recall_type, short.days, short.rerelease_on) == (
        "FIXED_TERM",
        14,
        date(2026, 4, 13),
    )
    long = recall_terms(replace(ADULT, custodial_months=12))
    assert (long.days, long.rerelease_on) == (28, date(2026, 4, 27))


def test_a_fixed_term_recall_from_31_march_2026_is_56_days_for_adults():
    terms = recall_terms(replace(ADULT, recall_on=date(2026, 3, 31)))
    assert (terms.days, terms.rerelease_on) == (56, date(2026, 5, 26))


def test_someone_under_18_on_the_recall_date_keeps_14_or_28_days():
    young = replace(ADULT, recall_on=date(2026, 4, 1), date_of_birth=date(2008, 4, 2))
    assert recall_terms(young).days == 14
    assert recall_terms(replace(young, date_of_birth=date(2008, 4, 1))).days == 56


def test_an_hdc_recall_runs_to_the_original_release_point_if_that_is_later():
    hdc = replace(ADULT, released_on=date(2026, 3, 1), automatic_release_on=date(2026, 6, 1))
    terms = recall_terms(hdc)
    assert terms.rerelease_on == date(2026, 6, 1) and "HDC" in terms.because


def test_exclusions_make_it_a_standard_recall_with_no_re_release_date():
    for changes in (
        {"indeterminate": True},
        {"terrorist": True},
        {"mappa_level": "M2"},
        {"mappa_level": "M3"},
        {"fresh_charge": True},
    ):
        terms = recall_terms(replace(ADULT, **changes))
        assert (terms.recall_type, terms.days, terms.rerelease_on) == ("STANDARD", None, None)
    assert recall_terms(replace(ADULT, mappa_level="M1")).recall_type == "FIXED_TERM"


DAYS = st.integers(min_value=0, max_value=500)
START = date(2026, 1, 5)
contact = st.builds(
    lambda d, kind, outcome, action: ContactFact(kind, START + timedelta(days=d), outcome, action),
    DAYS,
    st.sampled_from(["COAP", "CHVS", "CTOA"]),
    st.sampled_from(["UAAB", "AFTA", "ATTC", "AAME"]),
    st.sampled_from([None, "EA02", "EA12", "NFA", "IBR", "IMB"]),
)
breach = st.builds(
    lambda d, sent, end, outcome: BreachFact(
        START + timedelta(days=d),
        START + timedelta(days=d + sent) if sent is not None else None,
        outcome if end is not None else "",
        START + timedelta(days=d + end) if end is not None else None,
    ),
    DAYS,
    st.none() | st.integers(0, 30),
    st.none() | st.integers(0, 90),
    st.sampled_from(["ABCF", "ABWD"]),
)
recall = st.builds(
    lambda d, decided, sent: _recall(
        considered_on=START + timedelta(days=d),
        decision="RECALL" if decided is not None else "",
        decided_at=datetime.combine(START + timedelta(days=d + decided), datetime.min.time(), UTC)
        if decided is not None
        else None,
        part_a_sent_at=datetime.combine(
            START + timedelta(days=d + (decided or 0) + sent), datetime.min.time(), UTC
        )
        if decided is not None and sent is not None
        else None,
    ),
    DAYS,
    st.none() | st.integers(0, 5),
    st.none() | st.integers(0, 3),
)


@given(
    contacts=st.lists(contact, max_size=12),
    breaches=st.lists(breach, max_size=2),
    recalls=st.lists(recall, max_size=2),
    sentence_type=st.sampled_from(["CO", "SSO", "PSS", "LIC"]),
    as_at=DAYS,
)
def test_facts_dated_after_the_day_never_change_the_steps(
    contacts, breaches, recalls, sentence_type, as_at
):  # type: ignore[no-untyped-def]
    day = START + timedelta(days=as_at)
    sentence = replace(ORDER, sentence_type=sentence_type)
    facts = EnforcementFacts(tuple(breaches), tuple(recalls))
    everything = enforcement_steps(
        sentence=sentence, contacts=contacts, enforcement=facts, as_at=day
    )
    known = EnforcementFacts(
        tuple(
            replace(
                b,
                pack_sent_on=b.pack_sent_on if b.pack_sent_on and b.pack_sent_on <= day else None,
                outcome=b.outcome if b.outcome_on and b.outcome_on <= day else "",
                outcome_on=b.outcome_on if b.outcome_on and b.outcome_on <= day else None,
            )
            for b in breaches
            if b.started_on <= day
        ),
        tuple(r for r in recalls if r.considered_on <= day),
    )
    only_known = enforcement_steps(
        sentence=sentence,
        contacts=[c for c in contacts if c.on <= day],
        enforcement=known,
        as_at=day,
    )
    assert everything == only_known


@given(
    contacts=st.lists(contact, max_size=10),
    later=st.lists(st.integers(0, 20), max_size=10),
    as_at=DAYS,
)
def test_a_decision_taken_after_the_day_never_changes_the_steps(contacts, later, as_at):  # type: ignore[no-untyped-def]
    """Each failure decided `later[i]` days after it (from "Decision pending"): as at a day
    before that, the rules read it pending, exactly as if the decision were not recorded."""
    day = START + timedelta(days=as_at)
    decided = [
        (c, c.on + timedelta(days=wait))
        for c, wait in zip(contacts, later, strict=False)
        if c.enforcement_action not in (None, "EA12")
    ]
    facts = EnforcementFacts(
        decisions=tuple(
            DecisionFact(c.on, c.contact_type, "EA12", c.enforcement_action or "", on)
            for c, on in decided
        )
    )
    pending = {id(c) for c, on in decided if on > day}
    as_known = [replace(c, enforcement_action="EA12") if id(c) in pending else c for c in contacts]
    known = EnforcementFacts(decisions=tuple(d for d in facts.decisions if d.decided_on <= day))
    assert _steps(contacts, facts, as_at=day) == _steps(as_known, known, as_at=day)
