"""The demo's reports: what courts and the Parole Board have asked the unit's practitioners to
write, so that a week holds report writing as well as appointments and essential work.

The demo practitioner has a standard delivery pre-sentence report needed at the end of this
week, a fast delivery one the week after, a parole report in three weeks and two completed in
the last months; every other practitioner has none, one or two outstanding. Its own generator
(`random.Random(f"reports-{seed}")`), so every other demo figure is unchanged. Every report goes
through `validate_report_request` and `validate_report_completion`, as the actions check them.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from caseload.reports.domain import (
    FAST,
    PAROLE,
    STANDARD,
    ReportCompletion,
    ReportRequest,
    validate_report_completion,
    validate_report_request,
)


@dataclass(frozen=True)
class PlannedReport:
    case: int  # index into the practitioner's cases, in CRN order
    kind: str
    requested_on: date
    due_on: date
    completed_on: date | None = None


def _friday(today: date, weeks_on: int = 0) -> date:
    return today + timedelta(days=4 - today.weekday(), weeks=weeks_on)


def demo_practitioners_reports(cases: int, today: date) -> list[PlannedReport]:
    """Five reports over the first cases of the demo practitioner's caseload."""
    if cases < 5:
        return []
    friday = _friday(today)
    return [
        PlannedReport(0, STANDARD, friday - timedelta(weeks=3), friday),
        PlannedReport(1, FAST, today - timedelta(days=1), _friday(today, 1)),
        PlannedReport(2, PAROLE, today - timedelta(weeks=5), _friday(today, 3)),
        PlannedReport(
            3,
            STANDARD,
            today - timedelta(days=80),
            today - timedelta(days=60),
            today - timedelta(days=61),
        ),
        PlannedReport(
            4,
            FAST,
            today - timedelta(days=30),
            today - timedelta(days=25),
            today - timedelta(days=26),
        ),
    ]


def others_reports(rng: random.Random, cases: int, today: date) -> list[PlannedReport]:
    """None, one or two outstanding reports, needed within the next four weeks."""
    planned = []
    for case in rng.sample(range(cases), k=min(cases, rng.choice((0, 1, 1, 2)))):
        requested = today - timedelta(days=rng.randint(1, 14))
        due = today + timedelta(days=rng.randint(1, 27))
        kind = rng.choice((STANDARD, STANDARD, FAST, PAROLE))
        planned.append(PlannedReport(case, kind, requested, due))
    return planned


def report_problems(report: PlannedReport, today: date) -> list[str]:
    request = ReportRequest(report.kind, report.requested_on, report.due_on)
    problems = validate_report_request(request, today=today)
    if report.completed_on is not None:
        done = ReportCompletion(report.requested_on, None, report.completed_on)
        problems += validate_report_completion(done, today=today)
    return [f"{p.field}: {p.message}" for p in problems]
