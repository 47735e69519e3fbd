"""Reports as the pure rules see them (no Django).

A report is requested of the practitioner by a court (a pre-sentence report, delivered orally,
as a fast delivery report within days, or as a standard delivery written report after an
adjournment) or by the Parole Board (the community offender manager's PAROM 1), with the day it
is needed by, and is completed once. The kinds are the inspectorate's and HMPPS's public names
(HM Inspectorate of Probation, "Court work" and "Parole" standards pages); the fields follow
nDelius's court report (requested, required and completed dates), whose codes are not public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from caseload.contacts.domain import actual_minutes_problems
from caseload.core.dates import past_date_problems
from caseload.core.errors import FieldProblem
from caseload.core.versions import day_in_words

ORAL = "ORAL"
FAST = "FAST"
STANDARD = "STANDARD"
PAROLE = "PAROLE"
REPORT_KINDS = (ORAL, FAST, STANDARD, PAROLE)

#: No court or Parole Board asks for a report more than a year ahead; a later day is a typing
#: slip (and without a bound a far-future day would sit in every week's work for ever).
LONGEST_NOTICE = timedelta(days=366)
#: The most minutes one report may be recorded as taking: a working week. A standard report or
#: a parole report can take more than a contact's day, so the contacts' 600 is too few.
MOST_ACTUAL_MINUTES = 2400


@dataclass(frozen=True)
class ReportRequest:
    """A report as entered when it is requested, before it is written."""

    kind: str | None
    requested_on: date | None
    due_on: date | None


@dataclass(frozen=True)
class ReportCompletion:
    """A report's completion as entered, with what is already known about the report."""

    requested_on: date
    already_completed_on: date | None
    completed_on: date | None
    #: The minutes writing it actually took (optional): evidence for the workload agreement.
    actual_minutes: int | None = None


def validate_report_request(request: ReportRequest, *, today: date) -> list[FieldProblem]:
    """Every rule a requested report must meet, in form order: a known kind, a request day not
    in the future, and a day needed by on or after it and within a year."""
    problems = []
    if not request.kind:
        problems.append(FieldProblem("kind", "required", "Select the kind of report"))
    elif request.kind not in REPORT_KINDS:
        problems.append(
            FieldProblem("kind", "unknown_code", "Select the kind of report from the list")
        )
    problems += past_date_problems(
        "requested_on",
        request.requested_on,
        now=today,
        required="Enter the date the report was requested",
        label="The date requested",
    )
    problems += _due_problems(request)
    return problems


def _due_problems(request: ReportRequest) -> list[FieldProblem]:
    due, requested = request.due_on, request.requested_on
    if due is None:
        return [FieldProblem("due_on", "required", "Enter the date the report is needed by")]
    if requested is None:
        return []
    if due < requested:
        return [
            FieldProblem(
                "due_on",
                "before_request",
                "The date needed by must be on or after "
                f"{day_in_words(requested)}, when the report was requested",
            )
        ]
    if due > requested + LONGEST_NOTICE:
        return [
            FieldProblem(
                "due_on",
                "too_far_ahead",
                "The date needed by must be within a year of the request",
            )
        ]
    return []


def validate_report_completion(entered: ReportCompletion, *, today: date) -> list[FieldProblem]:
    """A report is completed once, on or after its request and not in the future."""
    if entered.already_completed_on is not None:
        done = day_in_words(entered.already_completed_on)
        return [
            FieldProblem(
                "completed_on",
                "already_completed",
                f"This report was already recorded as completed, on {done}",
            )
        ]
    problems = past_date_problems(
        "completed_on",
        entered.completed_on,
        now=today,
        required="Enter the date the report was completed",
        label="The date completed",
    )
    completed = entered.completed_on
    if not problems and completed is not None and completed < entered.requested_on:
        requested = day_in_words(entered.requested_on)
        problems.append(
            FieldProblem(
                "completed_on",
                "before_request",
                f"The date completed must be on or after {requested}, when it was requested",
            )
        )
    return problems + actual_minutes_problems(entered.actual_minutes, most=MOST_ACTUAL_MINUTES)
