"""`caseload forecast`: "what if" from the current record. Given a change in demand (a percent
more or fewer people on licence, on a community sentence or in custody) or a change to a timing
in the workload agreement, it prints the points, hours and full-time-equivalent staff needed by
grade before and after, with the assumptions in words (`workload/domain/forecast.py`).

Reports being written count at their agreed minutes and points, and a report type's timing
may be changed like any other; moving reports between teams is not forecast (the printed
assumptions say so).
"""

import json
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.core.versions import day_in_words
from caseload.organisation.constants import Grade
from caseload.organisation.models import DeliveryUnit
from caseload.workload.domain.agreement import Agreement, TaskKind
from caseload.workload.domain.forecast import (
    Change,
    Forecast,
    Need,
    TimingChange,
    change_words,
    forecast,
)
from caseload.workload.forecasting import demand_in
from caseload.workload.weightings import NoneInForce, agreement_in_force

#: A change below -100% would be fewer than no people; above 1000% is surely a typing slip.
LOWEST, HIGHEST = Decimal(-100), Decimal(1000)
MOST_MINUTES = 24 * 60
TENTH = Decimal("0.1")
WHOLE = Decimal(1)


def percent(option: str, text: str | None) -> Decimal:
    if text is None:
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not LOWEST <= value <= HIGHEST:
        raise CommandError(
            f"{option}: {text!r} is not a percent change from -100 to 1000, like 10 or -5",
            returncode=2,
        )
    return value


def timings(texts: list[str], agreement: Agreement) -> dict[str, TimingChange]:
    """`CODE=MINUTES` for contact types, reports and essential work in the agreement in
    force."""
    by_code = {
        t.task.code: t
        for t in agreement.timings.values()
        if t.task.kind in (TaskKind.CONTACT, TaskKind.ESSENTIAL, TaskKind.REPORT)
    }
    found: dict[str, TimingChange] = {}
    for text in texts:
        code, equals, minutes = text.partition("=")
        if not equals or not minutes.strip().isdigit():
            raise CommandError(
                f"--timing: {text!r} is not CODE=MINUTES, like COAP=60", returncode=2
            )
        code = code.strip()
        if code not in by_code:
            raise CommandError(
                f"--timing: {code!r} is not a contact type, report or essential work in the "
                "workload agreement in force (see /reference-data/agreement/)",
                returncode=2,
            )
        if int(minutes) > MOST_MINUTES:
            raise CommandError(f"--timing: {text!r}: at most {MOST_MINUTES} minutes", returncode=2)
        timing = by_code[code]
        found[code] = TimingChange(f"{timing.label} ({code})", timing.minutes, int(minutes))
    return found


def _one_place(value: Decimal | None, places: Decimal = TENTH) -> str:
    return "no figure" if value is None else f"{value.quantize(places, ROUND_HALF_UP):,}"


def grade_words(grade: str) -> str:
    """ "Probation Officer (PO)"; a label that already names its code stands alone."""
    if grade not in Grade.values:
        return grade
    label = str(Grade(grade).label)
    return label if grade.lower() in label.lower() else f"{label} ({grade})"


def _need_json(need: Need) -> dict[str, object]:
    def number(value: Decimal | None) -> float | None:
        return None if value is None else float(value.quantize(TENTH, ROUND_HALF_UP))

    return {
        "points": number(need.points),
        "hours": number(need.hours),
        "staff_needed_by_points": number(need.fte_by_points),
        "staff_needed_by_hours": number(need.fte_by_hours),
    }


class Command(BaseCommand):
    help = (
        "What if: points, hours and full-time-equivalent staff needed by grade, before and "
        "after a change in demand or in a timing of the workload agreement."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="username", required=True, help="the asking user")
        parser.add_argument(
            "--unit", metavar="CODE", help="a delivery unit's code (default: the user's own)"
        )
        for kind, words in (
            ("licence", "people on licence"),
            ("community", "people on a community sentence"),
            ("custody", "people in custody before release"),
        ):
            parser.add_argument(
                f"--{kind}-change",
                metavar="PERCENT",
                help=f"percent more (or, negative, fewer) {words}, like 10 or -5",
            )
        parser.add_argument(
            "--timing",
            action="append",
            default=[],
            metavar="CODE=MINUTES",
            help="the agreement's minutes for a contact type or essential work, like COAP=60 "
            "(may be given more than once)",
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of words")

    def handle(self, *args: Any, **o: Any) -> None:
        user = get_user_model().objects.filter(username=o["username"], is_active=True).first()
        staff = getattr(user, "staff", None)
        if user is None or staff is None or not has_capability(user, Capability.SEE_CASE):
            raise CommandError(
                f"--as: no active user called {o['username']!r} who may see case records",
                returncode=2,
            )
        unit = self._unit(o["unit"], staff)
        today = timezone.localdate()
        try:
            agreement = agreement_in_force(today)
        except NoneInForce as error:
            raise CommandError(str(error)) from None
        change = Change(
            licence_percent=percent("--licence-change", o["licence_change"]),
            community_percent=percent("--community-change", o["community_change"]),
            custody_percent=percent("--custody-change", o["custody_change"]),
            timings=MappingProxyType(timings(o["timing"], agreement)),
        )
        demand = demand_in(unit, user, today)
        if not demand.cases:
            raise CommandError(f"--unit: no cases you may see are held in {unit.name}")
        found = forecast(
            demand.cases, demand.tasks, demand.supply, agreement.responsive_share_percent, change
        )
        record_audit(user, "VIEW_WORKLOAD", detail={"workload": f"forecast {unit.code}"})
        heading = {
            "unit": unit.name,
            "as_at": today,
            "practitioners": demand.practitioners,
            "cases": len(demand.cases),
            "change": change_words(change) or ["no change"],
        }
        if o["json"]:
            self._json(heading, found)
        else:
            self._words(heading, found)

    def _unit(self, code: str | None, staff: Any) -> DeliveryUnit:
        if code is None:
            if staff.team is None:
                raise CommandError("--unit: you are in no team; name a delivery unit's code")
            return staff.team.delivery_unit  # type: ignore[no-any-return]
        unit = DeliveryUnit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f"--unit: no delivery unit with the code {code!r}", returncode=2)
        return unit

    def _json(self, heading: dict[str, Any], found: Forecast) -> None:
        body = {
            **heading,
            "as_at": heading["as_at"].isoformat(),
            "grades": [
                {
                    "grade": grade.grade,
                    "in_post": float(grade.in_post_fte.quantize(TENTH, ROUND_HALF_UP)),
                    "before": _need_json(grade.before),
                    "after": _need_json(grade.after),
                }
                for grade in found.grades
            ],
            "assumptions": list(found.assumptions),
        }
        self.stdout.write(json.dumps(body, indent=2))

    def _words(self, heading: dict[str, Any], found: Forecast) -> None:
        write = self.stdout.write
        write(
            f"Forecast for {heading['unit']} as at {day_in_words(heading['as_at'])}: "
            f"{heading['practitioners']} practitioners holding {heading['cases']:,} cases."
        )
        write(f"Change: {'; '.join(heading['change'])}.")
        for grade in found.grades:
            write(
                f"\n{grade_words(grade.grade)}: {_one_place(grade.in_post_fte)} full-time "
                "equivalent in post"
            )
            before, after = grade.before, grade.after
            for label, was, now, places, unit in (
                ("Points a week", before.points, after.points, WHOLE, ""),
                ("Hours a week", before.hours, after.hours, TENTH, ""),
                (
                    "Staff needed by points",
                    before.fte_by_points,
                    after.fte_by_points,
                    TENTH,
                    " FTE",
                ),
                ("Staff needed by hours", before.fte_by_hours, after.fte_by_hours, TENTH, " FTE"),
            ):
                suffix = unit if now is not None else ""
                shown = f"{_one_place(was, places):>10} → {_one_place(now, places)}{suffix}"
                write(f"  {label:<24} {shown}")
        write("\nAssumptions:")
        for said in found.assumptions:
            write(f"- {said}")
