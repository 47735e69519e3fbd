"""The synthetic delivery unit."""

import json
import random
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from caseload.demo.generator import synthetic_person
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


def test_demo_info_lists_the_demo_users():
    out = StringIO()
    call_command("demo", info=True, stdout=out)
    info = json.loads(out.getvalue())
    assert {"practitioner", "manager", "analyst", "rep", "admin"} <= {
        u["username"] for u in info["users"]
    }
    assert info["lao"] == []
