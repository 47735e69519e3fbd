"""The allocation pages' figures in words: percentages to one decimal place, as the national
allocation page shows them (reference `workload.md` §8.3), hours as the workload pages do."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from caseload.allocation.domain.spread import FULL
from caseload.allocation.models import Absence
from caseload.allocation.reading import Candidate, Proposal, Waiting
from caseload.core.versions import day_in_words
from caseload.workload.domain.caseload import CaseWeight
from caseload.workload.domain.week import hours_in_words
from caseload.workload.shown import case_type_words


def percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def absence_words(absence: Absence) -> str:
    text = f"{absence.get_kind_display()} from {day_in_words(absence.start_date)}"
    if absence.end_date:
        text += f" until {day_in_words(absence.end_date)}"
    return text


def case_words(weight: CaseWeight) -> dict[str, Any]:
    return {
        "tier": weight.tier or "No tier",
        "case_type": case_type_words(weight.case_type),
        "points": weight.points,
    }


def waiting_row(waiting: Waiting) -> dict[str, Any]:
    return {
        "crn": waiting.person.crn,
        "name": waiting.person.full_name,
        "held_by": str(waiting.held_by),
        "username": waiting.held_by.user.get_username(),
        "since": day_in_words(waiting.since),
        "new": waiting.new,
        "reason": "New" if waiting.absence is None else absence_words(waiting.absence),
        **case_words(waiting.weight),
    }


def tier_mix_words(mix: dict[str, int]) -> str:
    """ "C 12, D 3, untiered 1": the letters held, none for those not held."""
    held = [f"{letter} {count}" for letter, count in mix.items() if count]
    return ", ".join(held) if held else "No cases"


def candidate_row(candidate: Candidate, weight: CaseWeight) -> dict[str, Any]:
    workload = candidate.workload
    points = workload.points
    week = workload.weeks[0]
    return {
        "id": str(candidate.staff.pk),
        "name": workload.name,
        "grade": candidate.staff.get_grade_display(),
        "grade_code": candidate.staff.grade,
        "points_before": percent(points.capacity_percent),
        "points_after": percent(candidate.points_after),
        "points_over": candidate.points_after > FULL,
        "hours_before": hours_in_words(week.expected_minutes),
        "hours_after": hours_in_words(candidate.expected_minutes_after),
        "hours_available": hours_in_words(week.available_minutes),
        "hours_over": candidate.expected_minutes_after > week.available_minutes,
        "tier_mix": tier_mix_words(candidate.tier_mix),
        "hours_change": candidate.expected_minutes_after != week.expected_minutes,
        "cases": len(points.cases),
        "allocated_recently": candidate.allocated_recently,
        "holds_it": candidate.holds_it,
        "suitable": candidate.fit.suitable,
        "reason": candidate.fit.words,
    }


def _hint(line: dict[str, Any]) -> str:
    text = f"Tier {line['tier']}, {line['case_type']}, {line['points']} points. "
    text += f"Proposed: {line['to']}"
    if line["after"]:
        text += f" ({line['after']} after{', over 100%' if line['overflows'] else ''})"
    if line["refused"]:
        text += ". Not offered: " + "; ".join(line["refused"])
    return text + "."


def proposal_page(proposal: Proposal) -> dict[str, Any]:
    """The proposal's lines and each receiver's capacity before and after."""
    spread = proposal.spread
    names = {w.username: w.name for w in proposal.receivers}
    lines = []
    form_lines = {}
    for placement in spread.placements:
        person = proposal.people[placement.crn]
        refused = proposal.unsuitable[placement.crn]
        lines.append(
            {
                "crn": placement.crn,
                "name": person.full_name,
                "to": names.get(placement.to or "", "Nobody suitable"),
                "after": percent(placement.capacity_after) if placement.capacity_after else "",
                "overflows": placement.overflows,
                "refused": [f"{names[u]}: {why}" for u, why in refused.items()],
                **case_words(proposal.cases[placement.crn]),
            }
        )
        form_lines[placement.crn] = (
            person.full_name,
            {u: n for u, n in names.items() if u not in refused},
            _hint(lines[-1]),
        )
    receivers = [
        {
            "name": w.name,
            "grade": w.staff.get_grade_display(),
            "before": percent(spread.before[w.username]),
            "after": percent(spread.after[w.username]),
            "over_after": spread.after[w.username] > FULL,
            "points_before": w.points.total_points,
            "points_after": spread.points_after[w.username],
            "available_points": w.points.available_points,
            "cases_taken": sum(1 for p in spread.placements if p.to == w.username),
        }
        for w in proposal.receivers
    ]
    return {
        "leaving": proposal.leaving,
        "leaving_capacity": percent(proposal.leaving.points.capacity_percent),
        "lines": lines,
        "form_lines": form_lines,
        "receivers": receivers,
        "fits": spread.fits,
        "room": proposal.room,
        "nobody_suitable": spread.nobody_suitable,
    }
