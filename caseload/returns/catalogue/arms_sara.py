"""Cases that require an ARMS or a SARA, why, and whether one is current.

Which facts call for each tool (`docs/returns/arms-sara.md` cites each):
- ARMS, for men with sexual convictions: a registered sex offender registration (`ARSO`), a MAPPA
  category 1 registration (registered sexual offenders), or a sexual offence on the criminal
  record, on a case not recorded as a woman's;
- SARA, for intimate-partner violence: a domestic abuse perpetrator (`ADVP`) or domestic abuse
  history (`REG30`) registration, the codes hmpps-tier reads as domestic abuse.

An assessment is current when the latest one of that tool (`risk.ToolAssessment`, the day it was
completed) was completed on or before the day and no more than `CURRENT_MONTHS` before it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from caseload.core.dates import add_months
from caseload.organisation.models import Allocation
from caseload.people.constants import Sex
from caseload.people.models import CriminalHistory
from caseload.returns.catalogue._named_cases import (
    CASE_COLUMNS,
    CASE_FIELDS,
    HOLDER_COLUMNS,
    HOLDER_FIELDS,
    case_cells,
    holder_cells,
    listed_held,
)
from caseload.returns.registry import Chart, Column, Return, Row, Table, register
from caseload.returns.scope import ReturnScope
from caseload.risk.domain import MAPPA
from caseload.risk.models import Registration, ToolAssessment

CURRENT = "Yes"
OUT_OF_DATE = "Out of date"
NONE_RECORDED = "None recorded"
#: No review cycle for either tool was found in a public source: 12 months is a placeholder,
#: as the essentials' OASys review is.
CURRENT_MONTHS = 12


@dataclass(frozen=True)
class Trigger:
    """A fact that calls for a tool: its annotation name and what it is in words."""

    key: str
    words: str


ARSO = Trigger("arso", "registered sex offender")
MAPPA_CATEGORY_1 = Trigger("mappa_category_1", "MAPPA category 1")
SEXUAL_OFFENCE = Trigger("sexual_offence", "sexual offence on the criminal record")
ADVP = Trigger("advp", "domestic abuse perpetrator")
REG30 = Trigger("reg30", "domestic abuse history")

#: Each tool and the facts that call for it, in the order the page lists them.
TOOLS: dict[str, tuple[Trigger, ...]] = {
    "ARMS": (ARSO, MAPPA_CATEGORY_1, SEXUAL_OFFENCE),
    "SARA": (ADVP, REG30),
}
TRIGGERS = tuple(t for triggers in TOOLS.values() for t in triggers)
#: ARMS is for men: a case recorded as a woman's does not call for it.
ARMS_NOT_FOR = Sex.FEMALE.value

SEXUAL_SANCTIONS = (
    "contact_adult_sexual_sanctions",
    "contact_child_sexual_sanctions",
    "indecent_image_sanctions",
    "non_contact_sexual_offences",
)


def completed_key(tool: str) -> str:
    return f"{tool.lower()}_completed"


def current_from(day: date) -> date:
    """The earliest completion that is still current on `day`."""
    return add_months(day, -CURRENT_MONTHS)


def currency(completed_on: date | None, day: date) -> str:
    if completed_on is None:
        return NONE_RECORDED
    return CURRENT if completed_on >= current_from(day) else OUT_OF_DATE


def _registered(scope: ReturnScope, register_code: str, **more: str) -> Exists:
    return Exists(
        Registration.objects.active_on(scope.as_at).filter(
            person_id=OuterRef("person_id"), register=register_code, **more
        )
    )


def _sexual_offence() -> Exists:
    any_sanction = Q()
    for field in SEXUAL_SANCTIONS:
        any_sanction |= Q(**{f"{field}__gt": 0})
    return Exists(CriminalHistory.objects.filter(any_sanction, person_id=OuterRef("person_id")))


def _completed(scope: ReturnScope, tool: str) -> Subquery:
    done = ToolAssessment.objects.filter(
        person_id=OuterRef("person_id"), tool=tool, completed_on__lte=scope.as_at
    )
    return Subquery(done.order_by("-completed_on").values("completed_on")[:1])


def _required(scope: ReturnScope, held: QuerySet[Allocation]) -> QuerySet[Allocation]:
    """The held cases needing a tool, each with a flag per trigger and its latest of each tool."""
    marked = held.annotate(
        **{
            ARSO.key: _registered(scope, "ARSO"),
            MAPPA_CATEGORY_1.key: _registered(scope, MAPPA, category="M1"),
            SEXUAL_OFFENCE.key: _sexual_offence(),
            ADVP.key: _registered(scope, "ADVP"),
            REG30.key: _registered(scope, "REG30"),
        },
        **{completed_key(tool): _completed(scope, tool) for tool in TOOLS},
    )
    return marked.filter(_calls_for("ARMS") | _calls_for("SARA"))


def _calls_for(tool: str) -> Q:
    """Over `_required`'s flags: the case calls for `tool`."""
    any_trigger = Q()
    for trigger in TOOLS[tool]:
        any_trigger |= Q(**{trigger.key: True})
    return any_trigger & ~Q(person__sex=ARMS_NOT_FOR) if tool == "ARMS" else any_trigger


def tools_required(sex: str, flags: dict[str, bool]) -> Iterator[tuple[str, str]]:
    """(tool, why in words) for each tool the case's facts call for."""
    for tool, triggers in TOOLS.items():
        if tool == "ARMS" and sex == ARMS_NOT_FOR:
            continue
        why = "; ".join(t.words for t in triggers if flags[t.key])
        if why:
            yield tool, why[:1].upper() + why[1:]


def case_rows(
    case: tuple[str, str, str],
    sex: str,
    flags: dict[str, bool],
    completed: dict[str, date | None],
    holder: tuple[str | None, str | None, str | None],
    day: date,
) -> Iterator[Row]:
    """One row per tool the case calls for."""
    for tool, why in tools_required(sex, flags):
        last = completed[tool]
        yield (*case_cells(*case), tool, why, last, currency(last, day), *holder_cells(*holder))


def rows(scope: ReturnScope) -> Iterator[Row]:
    found = (
        _required(scope, listed_held(scope))
        .order_by("person__last_name", "person__first_name", "person__crn")
        .values_list(
            *CASE_FIELDS,
            "person__sex",
            *(t.key for t in TRIGGERS),
            *(completed_key(tool) for tool in TOOLS),
            *HOLDER_FIELDS,
        )
    )
    flags_end = 4 + len(TRIGGERS)
    for row in found.iterator(chunk_size=2000):
        flags = dict(zip((t.key for t in TRIGGERS), row[4:flags_end], strict=True))
        completed = dict(zip(TOOLS, row[flags_end : flags_end + len(TOOLS)], strict=True))
        holder = row[flags_end + len(TOOLS) :]
        yield from case_rows(row[:3], row[3], flags, completed, holder, scope.as_at)


def summary(scope: ReturnScope) -> Table:
    required = _required(scope, scope.held)
    since = current_from(scope.as_at)
    counts = required.aggregate(
        **{f"{tool}_required": Count("person_id", filter=_calls_for(tool)) for tool in TOOLS},
        **{
            f"{tool}_current": Count(
                "person_id",
                filter=_calls_for(tool) & Q(**{f"{completed_key(tool)}__gte": since}),
            )
            for tool in TOOLS
        },
    )
    return Table(
        columns=(
            Column("tool", "Assessment"),
            Column("required", "Cases that require one", "number"),
            Column("current", "With one current", "number"),
        ),
        rows=tuple((tool, counts[f"{tool}_required"], counts[f"{tool}_current"]) for tool in TOOLS),
    )


RETURN = register(
    Return(
        name="arms-sara",
        title="ARMS and SARA assessments",
        description=(
            "Cases held at the end of the day that require an ARMS (sexual offending) or a SARA "
            "(domestic abuse) assessment, why, when one was last completed and whether it is "
            "current (completed in the 12 months to the day). The summary counts every case "
            "held, including those with limited access."
        ),
        reads=(
            "organisation.Allocation",
            "risk.Registration",
            "risk.ToolAssessment",
            "people.CriminalHistory",
            "people.Person",
        ),
        columns=(
            *CASE_COLUMNS,
            Column("tool", "Assessment"),
            Column("required_because", "Required because"),
            Column("last_completed", "Last completed", "date"),
            Column("current", "Current"),
            *HOLDER_COLUMNS,
        ),
        rows=rows,
        names_people=True,
        summary=summary,
        chart=Chart(label="tool", value="required", title="Cases that require each assessment"),
        measures=(
            (
                "ARMS required",
                "A case not recorded as a woman's with, in force on the day, a registered sex "
                "offender (ARSO) or MAPPA category 1 registration, or any sexual offence on "
                "the criminal record.",
                "HMICFRS glossary: ARMS (Active Risk Management System) for adult men with "
                "sexual convictions, police-led for registered sex offenders; MAPPA Guidance "
                "(category 1: registered sexual offenders)",
            ),
            (
                "SARA required",
                "A case with a domestic abuse perpetrator (ADVP) or domestic abuse history "
                "(REG30) registration in force on the day.",
                "HMIP evidence base on domestic abuse (SARA, for intimate-partner violence); "
                "ministryofjustice/hmpps-tier Registrations.kt (ADVP and REG30 as domestic abuse)",
            ),
            (
                "Current",
                "The latest assessment of that tool recorded as completed on or before the day "
                "was completed on or after the same day 12 months earlier.",
                "No public review cycle found for either tool: 12 months is a placeholder",
            ),
        ),
    )
)
