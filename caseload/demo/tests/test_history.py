"""What `caseload demo` adds after the seed: tiers dated from supervision's start, so the team's
12-week trend has figures, and a colleague leaving, so there are cases to reallocate."""

import pytest
from django.utils import timezone

from caseload.allocation.reading import waiting_cases
from caseload.demo.history import a_colleague_leaving, date_first_tiers_from_allocation
from caseload.demo.seed import seed_delivery_unit
from caseload.derived.recompute import recompute_all
from caseload.organisation.models import Staff
from caseload.tiering.models import TierChange
from caseload.workload.practitioners import practitioners_for
from caseload.workload.trend import trend

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    seed_delivery_unit(people=200, seed=11, password="a demo password", demo_users=True)
    recompute_all()
    return Staff.objects.select_related("user").get(user__username="manager")


def test_the_team_trend_has_figures_once_first_tiers_are_dated_from_allocation(demo):
    today = timezone.localdate()
    team = practitioners_for(demo.user)
    before = trend(team, demo.user, today)
    assert all(point.cases == point.untiered for point in before.team[:-1])
    moved = date_first_tiers_from_allocation()
    assert moved > 0
    assert not TierChange.objects.filter(previous_tier="", changed_at__date__gte=today).exists()
    after = trend(team, demo.user, today)
    assert all(point.untiered < point.cases for point in after.team), after.team


def test_a_colleague_leaving_puts_their_cases_on_the_managers_list(demo):
    today = timezone.localdate()
    colleague = a_colleague_leaving(today)
    assert colleague is not None and colleague.user.username != "practitioner"
    waiting = waiting_cases(demo.user, today)
    assert waiting and {case.held_by for case in waiting} == {colleague}
    assert all(case.absence is not None for case in waiting)
