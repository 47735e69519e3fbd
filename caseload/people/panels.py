"""The people part's case-page panels: the person, the sentence at a glance (overview), each
sentence with its requirements' progress and key dates (sentence), the criminal history (risk)
and equality information (personal details); and the case actions it owns."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from caseload.contacts.domain import OUTCOMES
from caseload.contacts.models import Contact
from caseload.core.dates import in_force
from caseload.people import personal_panels  # noqa: F401  (the Personal details section)
from caseload.people.domain import (
    LICENCE,
    Progress,
    expected_end_date,
    probation_reset_exemption,
    rar_progress,
    two_thirds_point,
    unpaid_work_progress,
)
from caseload.people.models import Event, LicenceCondition, Person, Requirement, Sentence
from caseload.people.reading import case_circumstances
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)
from caseload.risk.domain import MAPPA, ROSH_LEVEL_OF_REGISTER

UNPAID_WORK = "W"
REHABILITATION_ACTIVITY = "F"
CHILD_PROTECTION = "RCPR"


def person_summary(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    circumstances = case_circumstances(person)
    return {
        "allocation": person.allocations.current().select_related("staff__user", "team").first(),
        "circumstances": circumstances,
        "current_circumstances": [c for c in circumstances if c.end_date is None],
    }


@dataclass
class RequirementProgress:
    requirement: Requirement
    #: Unpaid work in minutes, or RAR in days; None for other requirements.
    progress: Progress | None = None


@dataclass
class SentenceSummary:
    """One sentence as the sentence section shows it: its requirements with their progress,
    its licence conditions and its key dates, in order."""

    event: Event
    sentence: Sentence
    requirements: list[RequirementProgress] = field(default_factory=list)
    licence_conditions: list[LicenceCondition] = field(default_factory=list)
    expected_end: date | None = None
    key_dates: list[tuple[str, date]] = field(default_factory=list)
    #: Probation Reset: the two-thirds point, or why the case is exempt from it.
    reset_point: date | None = None
    reset_exemption: str | None = None

    @property
    def current(self) -> bool:
        s = self.sentence
        return in_force(s.sentence_date, s.termination_date, timezone.localdate())


def _counts_for(contact: Contact, event: Event, start: date, end: date | None) -> bool:
    """A contact counts towards a sentence's requirement when it is linked to its event, or
    linked to none and dated within the requirement."""
    day = timezone.localtime(contact.happened_at).date()
    if contact.event_id not in (None, event.pk):
        return False
    return start <= day and (end is None or day < end)


def _did_not_deliver(contact: Contact) -> bool:
    """A RAR appointment missed or failed delivered no activity (MPoP counts a RAR day as
    completed when attended and not non-compliant)."""
    outcome = OUTCOMES.get(contact.outcome)
    return outcome is not None and (outcome.attended is False or outcome.complied is False)


def _requirement_progress(
    requirement: Requirement, event: Event, contacts: list[Contact]
) -> RequirementProgress:
    counted = [
        c for c in contacts if _counts_for(c, event, requirement.start_date, requirement.end_date)
    ]
    if requirement.category == UNPAID_WORK and requirement.length_unit == "HOURS":
        credited = [c.minutes_credited or 0 for c in counted if c.minutes_credited is not None]
        return RequirementProgress(requirement, unpaid_work_progress(requirement.length, credited))
    if requirement.category == REHABILITATION_ACTIVITY and requirement.length_unit == "DAYS":
        days = [
            timezone.localtime(c.happened_at).date()
            for c in counted
            if c.rar_activity and not _did_not_deliver(c)
        ]
        return RequirementProgress(requirement, rar_progress(requirement.length or 0, days))
    return RequirementProgress(requirement)


def _key_dates(sentence: Sentence, expected_end: date | None) -> list[tuple[str, date]]:
    dates = [("Sentenced", sentence.sentence_date)]
    if sentence.release_date:
        dates.append(("Released", sentence.release_date))
    if sentence.licence_expiry_date:
        dates.append(("Licence expiry", sentence.licence_expiry_date))
    if sentence.termination_date:
        dates.append(("Ended", sentence.termination_date))
    elif expected_end and sentence.sentence_type != LICENCE:
        dates.append(("Expected end", expected_end))
    return dates


def _summaries(person: Person) -> list[SentenceSummary]:
    events = list(
        person.events.filter(sentence__isnull=False)
        .select_related("sentence")
        .prefetch_related("sentence__requirements", "sentence__licence_conditions")
    )
    contacts = list(
        person.contacts.filter(Q(rar_activity=True) | Q(minutes_credited__isnull=False))
    )
    today = timezone.localdate()
    registers = set(person.registrations.active_on(today).values_list("register", flat=True))
    exemption = probation_reset_exemption(
        mappa=MAPPA in registers,
        very_high_rosh=any(ROSH_LEVEL_OF_REGISTER.get(r) == "VERY_HIGH" for r in registers),
        child_protection=CHILD_PROTECTION in registers,
    )
    summaries = []
    for event in events:
        s = event.sentence
        end = expected_end_date(
            s.sentence_type, s.sentence_date, s.length, s.length_unit, s.licence_expiry_date
        )
        summary = SentenceSummary(
            event=event,
            sentence=s,
            requirements=[_requirement_progress(r, event, contacts) for r in s.requirements.all()],
            licence_conditions=list(s.licence_conditions.all()),
            expected_end=s.termination_date or end,
            key_dates=_key_dates(s, end),
        )
        has_rar = any(
            r.requirement.category == REHABILITATION_ACTIVITY for r in summary.requirements
        )
        start = s.release_date if s.sentence_type == LICENCE else s.sentence_date
        if start and end and (s.sentence_type == LICENCE or has_rar):
            summary.reset_exemption = exemption
            summary.reset_point = None if exemption else two_thirds_point(start, end)
        summaries.append(summary)
    return summaries


def sentences(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """Every event, for the API's record; the current sentences with their progress first,
    the previous ones after."""
    summaries = _summaries(person)
    found = person.events.select_related("sentence").prefetch_related(
        "sentence__requirements", "sentence__licence_conditions"
    )
    return {
        "events": list(found),
        "current_sentences": [s for s in summaries if s.current],
        "previous_sentences": [s for s in summaries if not s.current],
    }


def sentence_at_a_glance(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """The overview's sentence card: each current sentence and its expected end date."""
    today = timezone.localdate()
    current = (
        Sentence.objects.filter(event__person=person)
        .active_on(today)
        .select_related("event")
        .prefetch_related("requirements")
    )
    glance = []
    for s in current:
        end = expected_end_date(
            s.sentence_type, s.sentence_date, s.length, s.length_unit, s.licence_expiry_date
        )
        glance.append((s, end))
    return {"sentences_at_a_glance": glance}


def criminal_history(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {"criminal_history": getattr(person, "criminal_history", None)}


register_panel(
    CasePanel(
        "sentence_at_a_glance",
        20,
        "people/panels/sentence_at_a_glance.html",
        sentence_at_a_glance,
        width="one-half",
    )
)
register_panel(
    CasePanel("person", 10, "people/panels/person.html", person_summary, section="personal")
)
register_panel(
    CasePanel("events", 50, "people/panels/sentences.html", sentences, section="sentence")
)
register_panel(
    CasePanel(
        "criminal_history",
        22,
        "people/panels/criminal_history.html",
        criminal_history,
        width="one-half",
        section="risk",
    )
)
register_panel(
    CasePanel(
        "equality",
        70,
        "people/panels/equality.html",
        sensitive=True,
        section="personal",
    )
)
register_case_action(
    CaseAction(
        "Record a change of circumstances",
        "new_circumstance",
        sections=("personal",),
        order=20,
    )
)
