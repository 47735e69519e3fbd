"""What each role may do, in one table. Every surface asks `has_capability`, never the role.

One line per rule:

- practitioners hold cases; they see the cases in their visibility scope and change the cases
  held in their own team (duty cover);
- team managers see and change their team's cases, see who viewed them, manage limited access
  and see aggregate figures;
- heads of delivery units see (but do not change) cases, manage limited access, answer
  subject-access requests, see aggregates and export returns;
- performance analysts see returns and aggregates, and case records only with the sensitive
  fields (contact notes, victim and family details, equality data) withheld;
- staff representatives see anonymised aggregate figures only, never a case;
- administrators manage users and reference data (the workload agreement, the establishment),
  see the anonymised aggregates that reference data is revised on, and see the audit; they see
  no case unless they also hold a case role. A user's Django `is_staff` flag makes them an
  administrator on top of their role (`Role.ADMIN` is the role for someone who is only that);
- a user with no staff record, or an inactive user, may do nothing.

Which cases "see" reaches is `settings.CASE_VISIBILITY`: the user's delivery unit by default,
widened to their region or the nation (`caseload.access.cases`).
"""

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from enum import StrEnum
from typing import Any

from caseload.organisation.constants import Role


class Capability(StrEnum):
    """Each value completes the sentence "this needs the permission to …"."""

    HOLD_CASES = "hold cases"
    SEE_CASE = "see case records"
    CHANGE_CASE = "change case records"
    SEE_SENSITIVE = "see contact notes, victim and family details and equality data"
    SEE_CASE_AUDIT = "see who viewed or changed a case"
    MANAGE_LIMITED_ACCESS = "manage who may see a limited-access case"
    EXPORT_SUBJECT_ACCESS = "export everything held about a person (subject access)"
    OVERSEE_CASES = "oversee a team's cases: record management oversight, see its overrides"
    DECIDE_RECALL = "decide on a recall or countersign a recall decision"
    SEE_AGGREGATES = "see aggregate figures"
    SEE_RETURNS = "see returns: registers, statistics and performance measures for their scope"
    EXPORT_RETURNS = "export returns"
    MANAGE_USERS = "manage users"
    MANAGE_REFERENCE_DATA = "manage reference data"


C = Capability

ROLE_CAPABILITIES: Mapping[Role, AbstractSet[Capability]] = {
    Role.PRACTITIONER: {C.HOLD_CASES, C.SEE_CASE, C.CHANGE_CASE, C.SEE_SENSITIVE},
    Role.MANAGER: {
        C.SEE_CASE,
        C.CHANGE_CASE,
        C.SEE_SENSITIVE,
        C.SEE_CASE_AUDIT,
        C.MANAGE_LIMITED_ACCESS,
        C.SEE_AGGREGATES,
        C.OVERSEE_CASES,
        C.DECIDE_RECALL,
        C.SEE_RETURNS,
    },
    Role.HEAD_OF_PDU: {
        C.SEE_CASE,
        C.SEE_SENSITIVE,
        C.SEE_CASE_AUDIT,
        C.MANAGE_LIMITED_ACCESS,
        C.EXPORT_SUBJECT_ACCESS,
        C.SEE_AGGREGATES,
        C.EXPORT_RETURNS,
        C.OVERSEE_CASES,
        C.DECIDE_RECALL,
        C.SEE_RETURNS,
    },
    Role.ANALYST: {C.SEE_CASE, C.SEE_AGGREGATES, C.SEE_RETURNS, C.EXPORT_RETURNS},
    Role.STAFF_REP: {C.SEE_AGGREGATES},
    Role.ADMIN: {C.MANAGE_USERS, C.MANAGE_REFERENCE_DATA, C.SEE_CASE_AUDIT, C.SEE_AGGREGATES},
}


def acting_staff(user: Any) -> Any | None:
    """The staff record of a signed-in, active user; None for anyone else."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return getattr(user, "staff", None)


def capabilities_of(user: Any) -> AbstractSet[Capability]:
    staff = acting_staff(user)
    if staff is None:
        return frozenset()
    granted = set(ROLE_CAPABILITIES.get(staff.role, ()))
    if user.is_staff:
        granted |= ROLE_CAPABILITIES[Role.ADMIN]
    return granted


def has_capability(user: Any, capability: Capability) -> bool:
    return capability in capabilities_of(user)
