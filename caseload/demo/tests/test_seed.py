"""The synthetic delivery unit."""

import json
import random
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from caseload.access.cases import visible_cases
from caseload.demo.generator import synthetic_person
from caseload.demo.seed import demo_limited_access, seed_delivery_unit
from caseload.organisation.models import Allocation, Staff
from caseload.people.models import Person
from caseload.tiering.models import CaseTier


def test_the_same_seed_gives_the_same_people():
    a = [synthetic_person(random.Random(7), f"A{i:06d}", date(2026, 11, 23)) for i in range(5)]
    b = [synthetic_person(random.Random(7), f"A{i:06d}", date(2026, 11, 23)) for i in range(5)]
    assert a == b


@pytest.mark.django_db
def test_seed_builds_a_plausible_delivery_unit_with_derived_values():
    out = StringIO()
    call_command("seed", people=60, seed=3, verbosity=0, stdout=out)
    assert Person.objects.count() == 60
    assert Allocation.objects.current().count() == 60
    assert Staff.objects.filter(grade="PSO").exists() or Staff.objects.filter(grade="PO").exists()
    assert CaseTier.objects.count() == 60
    assert "Seeded" in out.getvalue()


@pytest.mark.django_db
def test_seeding_the_same_seed_twice_is_refused():
    call_command("seed", people=5, seed=4, verbosity=0, no_recompute=True)
    with pytest.raises(CommandError, match="already exists"):
        call_command("seed", people=5, seed=4, verbosity=0, no_recompute=True)


@pytest.mark.django_db
def test_demo_info_lists_the_users_and_the_limited_access_cases():
    seed_delivery_unit(people=120, seed=9, password="a demo password", demo_users=True)
    out = StringIO()
    call_command("demo", info=True, stdout=out)
    info = json.loads(out.getvalue())
    assert {"practitioner", "manager", "head", "analyst", "rep", "admin"} == {
        u["username"] for u in info["users"]
    }
    excluded, restricted = info["lao"]
    assert (excluded["kind"], excluded["users"]) == ("exclusion", ["practitioner"])
    assert restricted["kind"] == "restriction" and "manager" in restricted["users"]


@pytest.mark.django_db
def test_the_demo_practitioner_is_kept_out_of_a_case_in_their_own_team():
    seed_delivery_unit(people=120, seed=9, password="a demo password", demo_users=True)
    excluded, restricted = demo_limited_access()
    practitioner = Staff.objects.get(user__username="practitioner")
    team_cases = Person.objects.in_team(practitioner.team_id)
    assert team_cases.filter(crn=excluded["crn"]).exists()
    assert not visible_cases(practitioner.user).filter(crn=excluded["crn"]).exists()
    assert not visible_cases(practitioner.user).filter(crn=restricted["crn"]).exists()
    manager = Staff.objects.get(user__username="manager")
    assert visible_cases(manager.user).filter(crn=restricted["crn"]).exists()


def test_the_demo_shows_enforcement_that_follows_the_rules(db):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from caseload.demo.seed import seed_delivery_unit
    from caseload.enforcement.domain import BREACH_REFERRAL, WARNING_ACTIONS, earlier_warning
    from caseload.enforcement.models import RecallConsideration
    from caseload.enforcement.reading import case_enforcement, terms_of
    from caseload.people.models import Person

    seed_delivery_unit(people=400, seed=11, demo_users=True)
    today = timezone.localdate()
    mine = Person.objects.filter(allocations__staff__user__username="practitioner")
    due = [
        p
        for p in mine
        if any(
            s.kind == BREACH_REFERRAL and s.done_on is None
            for s in case_enforcement(p, day=today).steps(today)
        )
    ]
    assert due, "a community order with a breach referral due"
    recall = RecallConsideration.objects.get()
    assert recall.decision == "RECALL" and recall.part_a_sent_at is None
    terms = terms_of(recall)
    assert terms.recall_type == "FIXED_TERM" and terms.rerelease_on is not None
    for person in Person.objects.all():
        case = case_enforcement(person, day=today)
        sentence = case.sentence_facts
        if sentence is None or sentence.sentence_type == "LIC":
            continue
        for contact in case.contacts:
            if contact.enforcement_action in WARNING_ACTIONS:
                others = [c for c in case.contacts if c is not contact]
                warned = earlier_warning(sentence, others, case.facts, contact.on, as_at=today)
                assert warned is None, f"{person.crn}: a warning within 12 months of another"
