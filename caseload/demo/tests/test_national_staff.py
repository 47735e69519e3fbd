"""The national staff: who holds which cases."""

import random

from caseload.demo.national.shape import national_shape
from caseload.demo.national.staff import Caseloads, Practitioner, practitioner_grades, unit_staff


def team() -> list[Practitioner]:
    return [
        Practitioner("po", "T1", "PO", 37),
        Practitioner("pso", "T1", "PSO", 37),
        Practitioner("trainee", "T1", "PQIP", 37),
    ]


def test_each_practitioner_holds_cases_in_proportion_to_grade_and_hours():
    caseloads = Caseloads(random.Random(1), team(), 235)
    held = [caseloads.take(high_risk=False).username for _ in range(235)]
    assert {u: held.count(u) for u in ("po", "pso", "trainee")} == {
        "po": 100,
        "pso": 85,
        "trainee": 50,
    }
    assert len(caseloads) == 0


def test_high_risk_cases_go_to_probation_officers_while_they_have_room():
    caseloads = Caseloads(random.Random(2), team(), 47)
    high = [caseloads.take(high_risk=True).grade for _ in range(20)]
    assert set(high) == {"PO"}
    rest = [caseloads.take(high_risk=True).grade for _ in range(27)]
    assert rest.count("PO") == 0  # the officers' 20 cases are taken: the rest go to the others


def test_every_unit_has_a_head_and_each_team_a_manager():
    shape = national_shape(2_000)
    rng = random.Random(3)
    grades = practitioner_grades(rng, shape)
    for unit in shape.units:
        staff = unit_staff(rng, unit, grades)
        roles = [row["role"] for row in staff.rows]
        assert roles.count("head") == 1
        assert roles.count("manager") == len(unit.teams) == len(staff.managers)
        assert len(staff.practitioners) == unit.practitioners
    assert grades == []
