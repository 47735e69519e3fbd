"""Two years of contacts and appointments at national rates (pure)."""

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES
from caseload.demo.national.contacts import (
    WINDOW_DAYS,
    Supervision,
    Weighted,
    plan_diary,
    risk_level,
)
from caseload.demo.supervision import ATTENDANCE

TODAY = date(2026, 12, 1)


def test_a_weighted_pick_draws_as_the_demos_pick():
    from caseload.demo.choice import pick

    weighted = Weighted(ATTENDANCE)
    a, b = random.Random(4), random.Random(4)
    assert [weighted(a) for _ in range(500)] == [pick(b, ATTENDANCE) for _ in range(500)]


def test_risk_comes_from_the_rosh_registration():
    assert risk_level(["RVHR", "MAPP"]) == risk_level(["RHRH"]) == "HIGH"
    assert risk_level(["ADVP", "RMRH"]) == "MEDIUM"
    assert risk_level(["RLRH"]) == risk_level([]) == "LOW"


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    days=st.integers(7, WINDOW_DAYS),
    risk=st.sampled_from(["HIGH", "MEDIUM", "LOW"]),
    hours=st.sampled_from([0, 40, 100, 250]),
)
def test_every_contact_is_in_the_window_and_every_past_appointment_recorded(
    seed, days, risk, hours
):
    start = TODAY - timedelta(days=days)
    diary = plan_diary(random.Random(seed), Supervision("X1", start, risk, hours, "Office"), TODAY)
    moments = [c["happened_at"] for c in diary.contacts]
    assert moments == sorted(moments)
    assert all(start <= m.date() < TODAY for m in moments)
    refs = {c["ref"]: c for c in diary.contacts}
    assert len(refs) == len(diary.contacts)
    for c in diary.contacts:
        kind = CONTACT_TYPES[c["contact_type"]]
        assert bool(c["outcome"]) == kind.appointment
        if c["outcome"] and OUTCOMES[c["outcome"]].enforceable:
            assert c["enforcement_action"]
    credited = sum(c.get("minutes_credited", 0) for c in diary.contacts)
    assert credited <= hours * 60
    ahead = [a for a in diary.appointments if a["contact"] is None]
    assert ahead and all(a["starts_at"].date() >= TODAY for a in ahead)
    for a in diary.appointments:
        if a["contact"] is not None:
            assert refs[a["contact"]]["happened_at"] == a["starts_at"]


def test_a_high_risk_case_is_seen_weekly_and_a_low_risk_one_about_monthly_after_induction():
    start = TODAY - timedelta(days=WINDOW_DAYS)
    seen = {}
    for risk in ("HIGH", "LOW"):
        diary = plan_diary(random.Random(1), Supervision("X1", start, risk, 0, "Office"), TODAY)
        after = start + timedelta(weeks=12)
        seen[risk] = sum(
            1 for a in diary.appointments if a["contact"] and a["starts_at"].date() >= after
        )
    weeks = (WINDOW_DAYS - 84) / 7
    assert abs(seen["HIGH"] - weeks) <= 3
    assert abs(seen["LOW"] - weeks / 4) <= 3
