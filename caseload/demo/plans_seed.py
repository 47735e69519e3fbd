"""Writes the demo's safeguarding enquiries, plans and management oversight for a batch of
synthetic people, each fact first checked by its action's own `validate_<fact>` rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caseload.core.errors import FieldProblem
from caseload.demo.bulk import create_rows_with_history
from caseload.demo.enforcement import is_failure
from caseload.demo.generator import SyntheticPerson
from caseload.demo.plans_and_enquiries import HIGH, CaseRecords, Gaps, case_records
from caseload.demo.upkeep import sentence_end
from caseload.essentials.domain.kinds import CHILD_CONCERNS, POLICE_CONCERNS
from caseload.organisation.constants import Role
from caseload.organisation.models import Staff
from caseload.people.models import Person
from caseload.plans import domain as plans
from caseload.plans.models import ManagementOversight, RiskManagementPlan, SentencePlan
from caseload.risk.constants import ROSH_CODES
from caseload.safeguarding import domain as safeguarding
from caseload.safeguarding.models import Enquiry


@dataclass
class DemoGaps:
    """The gaps left on the demo practitioner's caseload, by CRN; `risk_plan_gap_left` until
    the first high-RoSH case without another gap has been left without a risk management plan."""

    by_crn: dict[str, Gaps] = field(default_factory=dict)
    risk_plan_gap_left: bool = True

    def of(self, crn: str, rosh: int, *, in_force: bool) -> Gaps:
        if crn in self.by_crn:
            return self.by_crn[crn]
        if rosh >= HIGH and in_force and self.risk_plan_gap_left:
            self.risk_plan_gap_left = False
            return Gaps(no_risk_management_plan=True)
        return Gaps()


#: New registrations that call for a further enquiry, and the enquiry (the essentials rules).
CONCERN_ENQUIRIES = {
    **dict.fromkeys(POLICE_CONCERNS, "POLICE_DA"),
    **dict.fromkeys(CHILD_CONCERNS, "CHILDRENS_SERVICES"),
}


def _rosh_since(person: SyntheticPerson) -> date | None:
    days = [
        r["registered_on"]
        for r in person.registrations
        if r["register"] in ROSH_CODES and not r.get("deregistered_on")
    ]
    return max(days, default=None)  # type: ignore[type-var]


def _concerns(person: SyntheticPerson, start: date) -> tuple[tuple[str, date], ...]:
    return tuple(
        (CONCERN_ENQUIRIES[str(r["register"])], r["registered_on"])  # type: ignore[misc]
        for r in sorted(person.registrations, key=lambda r: r["registered_on"])  # type: ignore[arg-type,return-value]
        if r["register"] in CONCERN_ENQUIRIES and r["registered_on"] > start  # type: ignore[operator]
    )


def _in_force(person: SyntheticPerson, today: date) -> bool:
    """Whether the sentence is still running (not ended, nor past its expected end)."""
    end = sentence_end(person.sentence)
    return end is None or end > today


def _events(person: SyntheticPerson, start: date) -> tuple[date, ...]:
    """What calls for management oversight within days: each failure to comply, and each
    MAPPA or high RoSH registration since the start."""
    failures = [c["happened_at"].date() for c in person.contacts if is_failure(c)]  # type: ignore[attr-defined]
    registered = [
        r["registered_on"]
        for r in person.registrations
        if r["register"] in ("MAPP", "RHRH", "RVHR") and r["registered_on"] > start  # type: ignore[operator]
    ]
    return tuple(sorted(failures + registered))  # type: ignore[type-var]


def _rosh(person: SyntheticPerson) -> int:
    current = [r["register"] for r in person.registrations if not r.get("deregistered_on")]
    ranks = [ROSH_CODES.index(str(code)) for code in current if code in ROSH_CODES]
    return max(ranks, default=0)


def _problems(records: CaseRecords, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for e in records.enquiries:
        request = safeguarding.EnquiryRequest(e["kind"], e["reason"], e["requested_on"])  # type: ignore[arg-type]
        problems += safeguarding.validate_enquiry(request, today=today)
        if "responded_on" in e:
            answer = safeguarding.EnquiryResponse(
                e["requested_on"],  # type: ignore[arg-type]
                None,
                e["responded_on"],  # type: ignore[arg-type]
                e["response"],  # type: ignore[arg-type]
                e["response_notes"],  # type: ignore[arg-type]
            )
            problems += safeguarding.validate_enquiry_response(answer, today=today)
    for p in records.sentence_plans:
        plan = plans.SentencePlanInput(p["completed_on"], p["contact_every_days"], p["notes"])  # type: ignore[arg-type]
        problems += plans.validate_sentence_plan(plan, today=today)
    for r in records.risk_management_plans:
        risk = plans.RiskManagementPlanInput(r["completed_on"], r["notes"])  # type: ignore[arg-type]
        problems += plans.validate_risk_management_plan(risk, today=today)
    for on, notes in records.oversight:
        oversight = plans.ManagementOversightInput(on, notes)
        problems += plans.validate_management_oversight(oversight, today=today)
    return problems


def write_plans_and_enquiries(
    batch: list[SyntheticPerson], holders: list[Staff], *, today: date, gaps: DemoGaps
) -> list[str]:
    """Writes every person's records; returns the rules any generated fact broke (then nothing
    is written)."""
    by_crn = {p.crn: p for p in Person.objects.filter(crn__in=[p.crn for p in batch])}
    managers = {s.team_id: s for s in Staff.objects.filter(role=Role.MANAGER).order_by("-pk")}
    rows: dict[type, list[dict[str, Any]]] = {
        m: [] for m in (Enquiry, SentencePlan, RiskManagementPlan, ManagementOversight)
    }
    invalid: list[str] = []
    for p, holder in zip(batch, holders, strict=True):
        supervision = p.sentence["release_date"] or p.sentence["sentence_date"]
        rosh = _rosh(p)
        records = case_records(
            p.crn,
            start=supervision,  # type: ignore[arg-type]
            rosh=rosh,
            today=today,
            gaps=gaps.of(p.crn, rosh, in_force=_in_force(p, today))
            if holder.user.username == "practitioner"
            else Gaps(),
            rosh_since=_rosh_since(p),
            concerns=_concerns(p, supervision),  # type: ignore[arg-type]
            events=_events(p, supervision),  # type: ignore[arg-type]
        )
        invalid += [f"{p.crn} {x.field}: {x.message}" for x in _problems(records, today)]
        person, user = by_crn[p.crn], holder.user
        rows[Enquiry] += [{"person": person, "requested_by": user, **e} for e in records.enquiries]
        rows[SentencePlan] += [
            {"person": person, "recorded_by": user, **s} for s in records.sentence_plans
        ]
        rows[RiskManagementPlan] += [
            {"person": person, "recorded_by": user, **r} for r in records.risk_management_plans
        ]
        manager = managers.get(holder.team_id)
        if manager is not None:
            rows[ManagementOversight] += [
                {"person": person, "recorded_on": on, "staff": manager, "notes": notes}
                for on, notes in records.oversight
            ]
    if invalid:
        return invalid
    for model, objs in rows.items():
        create_rows_with_history(model, objs, batch_size=2000)
    return []
