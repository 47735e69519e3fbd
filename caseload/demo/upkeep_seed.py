"""Plans and writes the demo's routine upkeep (`demo/upkeep.py`) for a batch of synthetic
people: home visits and sentence ends go into the person's facts before they are written;
registration reviews and RoSH summaries are written after, each fact first checked by its
action's own `validate_<fact>` rules."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from caseload.core.errors import FieldProblem
from caseload.demo.bulk import create_rows_with_history
from caseload.demo.generator import SyntheticPerson
from caseload.demo.upkeep import (
    Lapses,
    Upkeep,
    apply_to_contacts,
    case_upkeep,
    drawn_lapses,
    home_visit_within,
    sentence_end,
    visited,
)
from caseload.organisation.models import Staff
from caseload.people.domain import end_date_problems
from caseload.people.models import Person
from caseload.risk import domain as risk
from caseload.risk.models import Registration, RegistrationReview, RoshSummary


@dataclass
class DemoLapses:
    """The lapses on the demo practitioner's caseload, by CRN; `open_sentence_left` until the
    first of their cases whose sentence has run its course has been left open, and
    `missed_visit_left` until the first case in force, with no home visit yet and past the
    time for one, has been left without."""

    by_crn: dict[str, Lapses] = field(default_factory=dict)
    open_sentence_left: bool = True
    missed_visit_left: bool = True

    def of(self, person: SyntheticPerson, today: date) -> Lapses:
        lapses = self.by_crn.get(person.crn, Lapses())
        end = sentence_end(person.sentence)
        finished = end is not None and end <= today
        if self.open_sentence_left and finished:
            self.open_sentence_left = False
            return replace(lapses, sentence_left_open=True)
        start = person.sentence["release_date"] or person.sentence["sentence_date"]
        late = start + timedelta(days=home_visit_within(person.registrations) + 7)  # type: ignore[operator]
        if (
            self.missed_visit_left
            and not finished
            and late < today
            and not visited(person.contacts)
        ):
            self.missed_visit_left = False
            return replace(lapses, no_home_visit=True)
        return lapses


def _problems(person: SyntheticPerson, upkeep: Upkeep, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for _, reviewed_on, _ in upkeep.reviews:
        problems += risk.validate_review(reviewed_on, today=today)
    for s in upkeep.rosh_summaries:
        levels = {a: str(s[a]) for a in risk.ROSH_AUDIENCES}
        summary = risk.RoshSummaryInput(s["assessed_on"], str(s["source"]), levels)  # type: ignore[arg-type]
        problems += risk.validate_rosh_summary(summary, today=today)
        if risk.highest_rosh(levels.values()) is None:
            problems.append(FieldProblem("rosh", "rosh_level", "No overall RoSH"))
    if upkeep.termination is not None:
        started = person.sentence["sentence_date"]
        problems += end_date_problems(
            started,  # type: ignore[arg-type]
            upkeep.termination[0],
            today=today,
            field="termination_date",
        )
    return problems


def plan_upkeep(
    batch: list[SyntheticPerson],
    holders: list[Staff],
    *,
    seed: int,
    now: datetime,
    today: date,
    lapses: DemoLapses,
) -> tuple[dict[str, Upkeep], list[str]]:
    """Each person's upkeep, with their contacts, sentence and registrations brought in line
    with it (in place); and the rules any planned fact breaks."""
    planned: dict[str, Upkeep] = {}
    invalid: list[str] = []
    for p, holder in zip(batch, holders, strict=True):
        if holder.user.username == "practitioner":
            case_lapses = lapses.of(p, today)
        else:
            case_lapses = drawn_lapses(random.Random(f"lapses-{seed}-{p.crn}"))
        upkeep = case_upkeep(
            seed,
            p.crn,
            sentence=p.sentence,
            registrations=p.registrations,
            contacts=p.contacts,
            now=now,
            lapses=case_lapses,
        )
        apply_to_contacts(p.contacts, upkeep)
        if upkeep.termination is not None:
            p.sentence["termination_date"], p.sentence["termination_reason"] = upkeep.termination
        for r in p.registrations:
            r["version"] = 1 + sum(
                1 for register, _, _ in upkeep.reviews if register == r["register"]
            )
        invalid += [f"{p.crn} {x.field}: {x.message}" for x in _problems(p, upkeep, today)]
        planned[p.crn] = upkeep
    return planned, invalid


def write_upkeep(planned: dict[str, Upkeep], holders: dict[str, Staff]) -> None:
    """The reviews and RoSH summaries of people already written (two queries to find them)."""
    registrations = {
        (r.person.crn, r.register): r
        for r in Registration.objects.filter(person__crn__in=planned).select_related("person")
    }
    people = {p.crn: p for p in Person.objects.filter(crn__in=planned)}
    create_rows_with_history(
        RegistrationReview,
        [
            {
                "registration": registrations[(crn, register)],
                "reviewed_on": day,
                "notes": notes,
                "reviewed_by": holders[crn].user,
            }
            for crn, upkeep in planned.items()
            for register, day, notes in upkeep.reviews
        ],
        batch_size=2000,
    )
    create_rows_with_history(
        RoshSummary,
        [
            {"person": people[crn], "recorded_by": holders[crn].user, **s}
            for crn, upkeep in planned.items()
            for s in upkeep.rosh_summaries
        ],
        batch_size=2000,
    )
