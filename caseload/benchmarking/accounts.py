"""The load test's accounts: practitioners who hold cases and the managers of their teams, each
given the same password for the run, written as JSON for `benchmarks/locustfile.py`.

Only ever run in the database `caseload bench` built itself (a SQLite file under its data
directory, or its throwaway PostgreSQL cluster): it replaces these users' passwords.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction

from caseload.organisation.constants import Role
from caseload.organisation.models import Allocation, Staff

#: Cases named per account: enough that users do not all open the same few.
CASES_PER_ACCOUNT = 40


@transaction.atomic
def prepare_accounts(practitioners: int, managers: int) -> dict[str, Any]:
    """Up to `practitioners` practitioners holding cases today, and up to `managers` managers
    of their teams, in a stable order, with a new random password and the CRNs each may open
    (their own cases; a manager's team's)."""
    password = secrets.token_urlsafe(16)
    held = Allocation.objects.current()
    holders = (
        Staff.objects.filter(role=Role.PRACTITIONER, user__is_active=True)
        .filter(pk__in=held.values("staff_id"))
        .select_related("user")
        .order_by("team_id", "pk")
    )
    chosen = _spread_over_teams(list(holders), practitioners)
    teams = {staff.team_id for staff in chosen}
    bosses = list(
        Staff.objects.filter(role=Role.MANAGER, user__is_active=True, team_id__in=teams)
        .select_related("user")
        .order_by("pk")[:managers]
    )
    accounts: dict[str, Any] = {"password": password, "practitioners": [], "managers": []}
    for staff in chosen:
        crns = held.filter(staff=staff).values_list("person__crn", flat=True)
        accounts["practitioners"].append(_account(staff, list(crns[:CASES_PER_ACCOUNT])))
    for staff in bosses:
        crns = held.filter(team_id=staff.team_id).values_list("person__crn", flat=True)
        accounts["managers"].append(_account(staff, list(crns[:CASES_PER_ACCOUNT])))
    for staff in [*chosen, *bosses]:
        staff.user.set_password(password)
        staff.user.save(update_fields=["password"])
    return accounts


def _spread_over_teams(holders: list[Staff], wanted: int) -> list[Staff]:
    """Round-robin over teams, so that the managers chosen each oversee some of them."""
    by_team: dict[int, list[Staff]] = {}
    for staff in holders:
        by_team.setdefault(staff.team_id, []).append(staff)
    chosen: list[Staff] = []
    while len(chosen) < wanted and any(by_team.values()):
        for team in list(by_team):
            if by_team[team] and len(chosen) < wanted:
                chosen.append(by_team[team].pop(0))
    return chosen


def _account(staff: Staff, crns: list[str]) -> dict[str, Any]:
    return {"username": staff.user.get_username(), "crns": crns}
