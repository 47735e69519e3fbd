"""`caseload bench returns` prints each return beside its hand-written query, for the unit and
the nation (figures are printed, never asserted)."""

import pytest

from caseload.returns.benchmarks import _analyst, _largest_unit, _measure
from caseload.returns.registry import all_returns
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db


def test_the_benchmark_times_every_return_beside_its_query(practitioner):
    case_held_by(practitioner)
    printed: list[str] = []
    unit = _largest_unit()
    counts = _measure(printed.append, _analyst(unit), unit.pk, "Unit")
    assert printed[0] == "\nUnit: 1 people held today"
    assert {line.split()[0] for line in printed[2:]} == {r.name for r in all_returns()}
    assert set(counts) == {r.name for r in all_returns()}
