"""What each role may do, in one table. Every surface asks `has_capability`, never the role.

One line per rule:

- practitioners hold cases, and see and change the cases held in their own team (duty cover);
- team managers see and change their team's cases, and see aggregate figures;
- heads of delivery units and performance analysts see, but do not change, the cases in their
  PDU; they see aggregate figures and export returns;
- administrators see every case (support), but do not change case records;
- staff representatives see no case at all, only aggregate figures;
- a user with no staff record, or an inactive user, may do nothing.

No role may yet see sensitive contact notes: every surface hides them.
"""

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from enum import StrEnum
from typing import Any

from caseload.organisation.constants import Role


class Capability(StrEnum):
    """SEE_CASE says a role reads case records at all; the SEE_*_CASES scopes say which ones."""

    HOLD_CASES = "hold cases"
    SEE_CASE = "see case records"
    SEE_TEAM_CASES = "see the team's cases"
    SEE_DELIVERY_UNIT_CASES = "see the delivery unit's cases"
    SEE_ALL_CASES = "see every case"
    CHANGE_CASE = "change case records"
    SEE_AGGREGATES = "see aggregate figures"
    EXPORT_RETURNS = "export returns"
    SEE_SENSITIVE = "see sensitive notes"


C = Capability

ROLE_CAPABILITIES: Mapping[Role, AbstractSet[Capability]] = {
    Role.PRACTITIONER: {C.HOLD_CASES, C.SEE_CASE, C.SEE_TEAM_CASES, C.CHANGE_CASE},
    Role.MANAGER: {C.SEE_CASE, C.SEE_TEAM_CASES, C.CHANGE_CASE, C.SEE_AGGREGATES},
    Role.HEAD_OF_PDU: {C.SEE_CASE, C.SEE_DELIVERY_UNIT_CASES, C.SEE_AGGREGATES, C.EXPORT_RETURNS},
    Role.ANALYST: {C.SEE_CASE, C.SEE_DELIVERY_UNIT_CASES, C.SEE_AGGREGATES, C.EXPORT_RETURNS},
    Role.ADMIN: {C.SEE_CASE, C.SEE_ALL_CASES},
    Role.STAFF_REP: {C.SEE_AGGREGATES},
}


def acting_staff(user: Any) -> Any | None:
    """The staff record of a signed-in, active user; None for anyone else."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return getattr(user, "staff", None)


def has_capability(user: Any, capability: Capability) -> bool:
    staff = acting_staff(user)
    return staff is not None and capability in ROLE_CAPABILITIES.get(staff.role, ())
