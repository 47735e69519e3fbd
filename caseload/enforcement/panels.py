"""The enforcement panel on the compliance section: what the rules require next, in words,
with its deadline; the breaches with their outcomes; the recalls considered with the type,
recall date and re-release date the sentence and the record give (derived when read)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from caseload.access.capabilities import Capability, has_capability
from caseload.contacts.models import Contact
from caseload.core.versions import day_in_words, when_in_words
from caseload.enforcement.domain import (
    BREACH_OUTCOMES,
    BREACH_REFERRAL,
    RECALL,
    RECALL_DECISION,
    RECALL_DECISIONS,
    RECALL_PART_A,
    RECALL_TYPES,
    RECALL_WHY,
    STEP_TITLES,
    UNDECIDED,
    WARNING_LETTER,
    EnforcementStep,
    RecallTerms,
    is_failure,
    is_licence,
)
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.enforcement.reading import case_enforcement, contact_fact, terms_of
from caseload.essentials.domain.rules import step_deadline
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def _name(user: Any) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _moment(moment: datetime | None) -> str:
    return when_in_words(timezone.localtime(moment)) if moment else ""


@dataclass(frozen=True)
class RecallView:
    recall: RecallConsideration
    why: str
    recommended: str
    terms: RecallTerms
    type_label: str
    decision: str
    decided: str
    countersigned: str
    part_a_due: str
    part_a_sent: str


def recall_view(recall: RecallConsideration) -> RecallView:
    terms = terms_of(recall)
    due = recall.decided_at + timedelta(hours=24) if recall.decided_at else None
    return RecallView(
        recall=recall,
        why=RECALL_WHY[recall.why],
        recommended=RECALL_TYPES[recall.recommended_type],
        terms=terms,
        type_label=RECALL_TYPES[terms.recall_type],
        decision=RECALL_DECISIONS.get(recall.decision, ""),
        decided=f"{_name(recall.decided_by)}, {_moment(recall.decided_at)}"
        if recall.decided_at
        else "",
        countersigned=f"{_name(recall.countersigned_by)}, {_moment(recall.countersigned_at)}"
        if recall.countersigned_at
        else "",
        part_a_due=_moment(due) if recall.decision == RECALL else "",
        part_a_sent=_moment(recall.part_a_sent_at),
    )


@dataclass(frozen=True)
class StepView:
    title: str
    reason: str
    due_on: date | None
    due_in_words: str
    overdue: bool
    done_on: date | None
    done_by: str
    action_label: str = ""
    action_url: str = ""


def _failure_on(contacts: list[Contact], subject: str) -> Contact | None:
    day = date.fromisoformat(subject.removeprefix("failure "))
    return next(
        (
            c
            for c in sorted(contacts, key=lambda c: (c.happened_at, c.contact_type))
            if timezone.localtime(c.happened_at).date() == day and is_failure(contact_fact(c))
        ),
        None,
    )


def _recall_for(recalls: list[RecallConsideration], subject: str) -> RecallConsideration | None:
    day = date.fromisoformat(subject.removeprefix("recall considered "))
    return next((r for r in recalls if r.considered_on == day), None)


def _action(
    step: EnforcementStep,
    person: Person,
    viewer: CaseViewer,
    contacts: list[Contact],
    recalls: list[RecallConsideration],
) -> tuple[str, str]:
    """The page that records what clears an open step, if this viewer may record it."""
    decides = viewer.user is not None and has_capability(viewer.user, Capability.DECIDE_RECALL)
    if step.kind in (WARNING_LETTER, BREACH_REFERRAL):
        failure = _failure_on(contacts, step.subject)
        if failure is None or not viewer.can_change:
            return "", ""
        if step.kind == BREACH_REFERRAL:
            url = reverse("record_breach_pack_sent", args=[person.crn, failure.pk])
            return "Record the breach pack sent", url
        if failure.enforcement_action in UNDECIDED:
            url = reverse("record_enforcement_decision", args=[person.crn, failure.pk])
            return "Record the decision", url
        return "", ""
    recall = _recall_for(recalls, step.subject)
    if recall is None:
        return "", ""
    if step.kind == RECALL_DECISION and decides:
        return "Decide on the recall", reverse("decide_recall", args=[person.crn, recall.pk])
    if step.kind == RECALL_PART_A and recall.countersigned_at is None and decides:
        url = reverse("countersign_recall", args=[person.crn, recall.pk])
        return "Countersign the decision", url
    if step.kind == RECALL_PART_A and recall.countersigned_at and viewer.can_change:
        return "Record Part A sent", reverse("record_part_a_sent", args=[person.crn, recall.pk])
    return "", ""


def _step_view(
    step: EnforcementStep, today: date, action: tuple[str, str], recall: RecallConsideration | None
) -> StepView:
    due, timescale = step_deadline(step.kind, step.clock_starts)
    if step.kind == RECALL_PART_A and recall is not None and recall.decided_at:
        in_words = f"by {_moment(recall.decided_at + timedelta(hours=24))}"
    else:
        in_words = f"by {day_in_words(due)} ({timescale})"
    return StepView(
        title=STEP_TITLES[step.kind],
        reason=step.reason,
        due_on=due,
        due_in_words=in_words,
        overdue=step.done_on is None and due is not None and due < today,
        done_on=step.done_on,
        done_by=step.done_by,
        action_label=action[0],
        action_url=action[1],
    )


def enforcement_panel(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    today = timezone.localdate()
    case = case_enforcement(person, day=today)
    contacts = list(Contact.objects.filter(person=person))
    recalls = list(
        RecallConsideration.objects.filter(person=person).select_related(
            "person", "sentence", "considered_by", "decided_by", "countersigned_by"
        )
    )
    steps = [
        _step_view(
            step,
            today,
            _action(step, person, viewer, contacts, recalls),
            _recall_for(recalls, step.subject) if step.kind == RECALL_PART_A else None,
        )
        for step in case.steps(today)
    ]
    breaches = [
        {
            "breach": b,
            "outcome": BREACH_OUTCOMES.get(b.outcome, ""),
            "outcome_url": reverse("record_breach_outcome", args=[person.crn, b.pk])
            if not b.outcome and viewer.can_change
            else "",
        }
        for b in Breach.objects.filter(person=person).order_by("-started_on")
    ]
    #: A recall waiting for its decision, or decided: not another one on top.
    waiting = any(not r.decision or r.decision == RECALL for r in recalls)
    return {
        "enforcement": {
            "open_steps": [s for s in steps if s.done_on is None],
            "done_steps": [s for s in steps if s.done_on is not None],
            "breaches": breaches,
            "recalls": [recall_view(r) for r in reversed(recalls)],
            "licence": is_licence(case.sentence_facts),
            "consider_recall_url": reverse("consider_recall", args=[person.crn])
            if viewer.can_change and is_licence(case.sentence_facts) and not waiting
            else "",
        }
    }


register_panel(
    CasePanel(
        "enforcement",
        5,
        "enforcement/panel.html",
        enforcement_panel,
        section="compliance",
    )
)
