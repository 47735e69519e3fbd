"""Compliance figures from contacts (pure: no database)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.compliance.domain import compliance_since, open_breach
from caseload.contacts.domain import OUTCOMES, ContactFact, unacceptable_absences

SINCE = date(2026, 1, 1)


def _on(days: int, outcome: str | None, action: str | None = None, kind: str = "COAP"):  # type: ignore[no-untyped-def]
    return ContactFact(kind, SINCE + timedelta(days=days), outcome, action)


def test_it_counts_failures_by_day_absences_warnings_and_a_breach_under_way():
    contacts = [
        _on(-5, "AFTA"),  # before the period
        _on(3, "AFTA", "EA02"),
        _on(3, "UAAB"),  # same day: one failure
        _on(10, "AAME"),
        _on(20, "ATTC"),
        _on(30, "AFTC", "IBR"),
        _on(31, None, kind="CTOA"),  # not an appointment
    ]
    figures = compliance_since(contacts, since=SINCE)
    assert figures.failures_to_comply == 2
    assert figures.acceptable_absences == 1
    assert (figures.appointments, figures.attended_and_complied) == (5, 1)
    assert [w.label for w in figures.warnings] == ["First warning letter sent"]
    assert figures.breach is not None and figures.breach.on == SINCE + timedelta(days=30)
    assert figures.breach.label == "Breach or recall initiated"


def test_no_breach_is_under_way_without_a_breach_or_recall_in_the_period():
    assert open_breach([_on(-1, "AFTA", "IBR"), _on(2, "AFTA", "EA02")], since=SINCE) is None


@given(
    st.lists(
        st.tuples(st.integers(-30, 60), st.sampled_from([*OUTCOMES, None])),
        max_size=40,
    )
)
def test_failures_to_comply_are_delius_ftc_count(rows):
    contacts = [_on(days, outcome) for days, outcome in rows]
    figures = compliance_since(contacts, since=SINCE)
    assert figures.failures_to_comply == unacceptable_absences(contacts, since=SINCE)
    assert figures.attended_and_complied + figures.acceptable_absences <= figures.appointments


def test_a_breach_ends_with_its_outcome_and_failures_count_afresh_from_the_next_day():
    from caseload.enforcement.domain import BreachFact

    contacts = [_on(3, "AFTA", "EA02"), _on(30, "AFTC", "IBR"), _on(70, "UAAB", "EA02")]
    ended = [
        BreachFact(
            SINCE + timedelta(days=30),
            SINCE + timedelta(days=35),
            "ABCF",
            SINCE + timedelta(days=60),
        )
    ]
    figures = compliance_since(
        contacts, since=SINCE, breaches=ended, today=SINCE + timedelta(days=80)
    )
    assert figures.breach is None
    assert figures.breach_ended is not None and figures.breach_ended.label == "Proven – fine"
    assert figures.failures_since == SINCE + timedelta(days=61)
    assert figures.failures_to_comply == 1
    before_the_outcome = compliance_since(
        contacts, since=SINCE, breaches=ended, today=SINCE + timedelta(days=50)
    )
    assert before_the_outcome.breach is not None and before_the_outcome.failures_to_comply == 3
