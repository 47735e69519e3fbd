"""Each return gives the figures its hand-written SQL gives, on a seeded delivery unit."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from caseload.demo.seed import seed_delivery_unit
from caseload.derived.recompute import recompute_all
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.oracles import OracleParams, all_oracles
from caseload.returns.registry import Cell, all_returns
from caseload.returns.scope import scope_for


def _comparable(cell: Cell) -> Cell:
    if isinstance(cell, float):
        return round(Decimal(str(cell)), 1)
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def _sorted(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return sorted((tuple(_comparable(c) for c in row) for row in rows), key=repr)


def test_every_return_has_its_hand_written_query():
    assert {r.name for r in all_returns()} == set(all_oracles())


@pytest.mark.django_db
def test_every_return_agrees_with_its_hand_written_query_on_a_seeded_unit():
    seed_delivery_unit(people=160, seed=5, password="a demo password", demo_users=True)
    recompute_all()
    analyst = get_user_model().objects.get(username="analyst")
    unit = analyst.staff.team.delivery_unit_id
    today = timezone.localdate()
    for as_at in (today, today - timedelta(days=45)):
        filters = ReturnFilters(as_at=as_at)
        scope = scope_for(analyst, filters, today)
        params = OracleParams(as_at=as_at, period_from=filters.period_start, delivery_unit_id=unit)
        for declared in all_returns():
            ours = _sorted([tuple(row) for row in declared.rows(scope)])
            theirs = _sorted(all_oracles()[declared.name](params))
            assert ours, f"{declared.name} as at {as_at} has no rows on the seeded unit"
            assert ours == theirs, f"{declared.name} as at {as_at}"
