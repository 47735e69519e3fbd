"""Writes about enforcement, each through the one case-write wrapper; each step is recorded
once (a second attempt is refused with what was recorded, not written again)."""

from datetime import date, datetime

from django.utils import timezone

from caseload.access.capabilities import Capability
from caseload.access.case_write import CaseWrite, case_action
from caseload.contacts.domain import ENFORCEMENT_ACTIONS
from caseload.contacts.models import Contact
from caseload.core.dates import past_date_problems
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.versions import day_in_words, when_in_words
from caseload.derived.snapshot import sentence_facts
from caseload.enforcement.domain import (
    BREACH_OUTCOMES,
    BREACH_REFERRAL,
    COMMUNITY_ENFORCED,
    RECALL,
    RECALL_DECISIONS,
    UNDECIDED,
    is_failure,
    recall_terms,
    validate_recall_consideration,
)
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration
from caseload.enforcement.reading import (
    case_enforcement,
    contact_fact,
    decision_problems,
    recall_record,
    sentence_on,
)

IBR = "IBR"


def _refuse(field: str, rule: str, message: str) -> ActionInvalid:
    return ActionInvalid([FieldProblem(field, rule, message)])


def _failure(case: CaseWrite, contact_id: int) -> Contact:
    contact = Contact.objects.filter(person=case.person, pk=contact_id).first()
    if contact is None or not is_failure(contact_fact(contact)):
        raise _refuse("contact_id", "not_found", "There is no such failure to comply on this case")
    return contact


def _day_problems(
    field: str,
    day: date | None,
    *,
    label: str,
    not_before: date,
    before: str,
    case: CaseWrite,
) -> list[FieldProblem]:
    """A day given, not in the future, not before the day it follows (`before`, in words)."""
    problems = past_date_problems(
        field, day, now=case.today, required=f"Enter the {label.lower()}", label=label
    )
    if not problems and day is not None and day < not_before:
        message = f"{label} must be on or after {before} ({day_in_words(not_before)})"
        problems.append(FieldProblem(field, "too_early", message))
    return problems


@case_action("RECORD_ENFORCEMENT_DECISION", cause="enforcement decision recorded")
def record_enforcement_decision(
    case: CaseWrite,
    *,
    contact_id: int,
    enforcement_action: str | None,
    decided_on: date | None,
    reason: str = "",
) -> FailureDecision:
    """The decision on a failure left to be decided ("Decision pending", referred to the
    practitioner, a letter requested): the contact's decision is changed (with its history) and
    the decision kept with its day, who took it and why."""
    contact = _failure(case, contact_id)
    previous = contact.enforcement_action
    if previous not in UNDECIDED:
        taken = ENFORCEMENT_ACTIONS.get(contact.enforcement_action)
        raise _refuse(
            "enforcement_action",
            "already_decided",
            f"The decision on this failure is already recorded: {taken.label if taken else 'none'}",
        )
    failure_on = timezone.localtime(contact.happened_at).date()
    problems: list[FieldProblem] = []
    if enforcement_action not in ENFORCEMENT_ACTIONS or enforcement_action in UNDECIDED:
        problems.append(
            FieldProblem("enforcement_action", "required", "Select the decision on the failure")
        )
    problems += _day_problems(
        "decided_on",
        decided_on,
        label="Date of the decision",
        not_before=failure_on,
        before="the failure",
        case=case,
    )
    problems += decision_problems(
        case.person,
        decision=enforcement_action,
        failure_at=contact.happened_at,
        reason=reason,
        today=case.today,
        leaving_out=contact.pk,
        reason_field="reason",
    )
    if len(reason) > 10_000:
        problems.append(
            FieldProblem("reason", "max_length", "The reason must be 10,000 characters or fewer")
        )
    if problems:
        raise ActionInvalid(problems)
    assert enforcement_action is not None and decided_on is not None
    contact._change_reason = f"Decision recorded on {day_in_words(decided_on)}"  # type: ignore[attr-defined]
    contact.enforcement_action = enforcement_action
    contact.save(update_fields=["enforcement_action"])
    decision = FailureDecision.objects.create(
        person=case.person,
        contact=contact,
        previous_action=previous,
        action=enforcement_action,
        decided_on=decided_on,
        reason=reason.strip(),
        decided_by=case.acting_user,
    )
    case.audit.update(contact_id=contact.pk, action=enforcement_action)
    return decision


@case_action("RECORD_BREACH_PACK_SENT", cause="breach pack sent")
def record_breach_pack_sent(
    case: CaseWrite, *, contact_id: int, sent_on: date | None, notes: str = ""
) -> Breach:
    """The breach pack (the information for court) sent for the failure the rules say must be
    referred: this starts the breach. A failure still "Decision pending" is recorded as
    referred for breach in the same write."""
    contact = _failure(case, contact_id)
    failure_on = timezone.localtime(contact.happened_at).date()
    existing = Breach.objects.filter(started_by=contact).first()
    if existing is not None and existing.pack_sent_on is not None:
        raise _refuse(
            "contact_id",
            "already_recorded",
            f"The breach pack for this failure was recorded sent on "
            f"{day_in_words(existing.pack_sent_on)}",
        )
    enforcement = case_enforcement(case.person, day=failure_on)
    sentence = enforcement.sentence
    subject = f"failure {failure_on.isoformat()}"
    due = [
        s
        for s in enforcement.steps(case.today)
        if s.kind == BREACH_REFERRAL and s.subject == subject and s.done_on is None
    ]
    if sentence is None or sentence.sentence_type not in COMMUNITY_ENFORCED or not due:
        raise _refuse(
            "contact_id",
            "no_referral_due",
            "This failure does not need a breach referral: record the decision to refer it "
            "for breach first",
        )
    problems = _day_problems(
        "sent_on",
        sent_on,
        label="Date the breach pack was sent",
        not_before=failure_on,
        before="the failure",
        case=case,
    )
    if problems:
        raise ActionInvalid(problems)
    assert sent_on is not None
    if contact.enforcement_action in UNDECIDED or not contact.enforcement_action:
        previous = contact.enforcement_action
        contact._change_reason = "Referred for breach"  # type: ignore[attr-defined]
        contact.enforcement_action = IBR
        contact.save(update_fields=["enforcement_action"])
        FailureDecision.objects.create(
            person=case.person,
            contact=contact,
            previous_action=previous,
            action=IBR,
            decided_on=sent_on,
            reason="A further failure within 12 months of a warning: referred for breach",
            decided_by=case.acting_user,
        )
    breach = existing or Breach(
        person=case.person,
        sentence=sentence,
        started_by=contact,
        started_on=failure_on,
        recorded_by=case.acting_user,
    )
    breach.pack_sent_on = sent_on
    breach.notes = notes
    breach.save()
    case.audit.update(contact_id=contact.pk, breach_id=breach.pk)
    return breach


@case_action("RECORD_BREACH_OUTCOME", cause="breach outcome recorded")
def record_breach_outcome(
    case: CaseWrite,
    *,
    breach_id: int,
    outcome: str | None,
    outcome_on: date | None,
    notes: str = "",
) -> Breach:
    """How the breach ended (Delius's breach-end contact types). Failures count afresh from
    the next day."""
    breach = Breach.objects.filter(person=case.person, pk=breach_id).first()
    if breach is None:
        raise _refuse("breach_id", "not_found", "There is no such breach on this case")
    if breach.outcome:
        raise _refuse(
            "outcome",
            "already_recorded",
            f"The outcome of this breach is already recorded: "
            f"{BREACH_OUTCOMES[breach.outcome].lower()} on {day_in_words(breach.outcome_on)}",
        )
    problems: list[FieldProblem] = []
    if outcome not in BREACH_OUTCOMES:
        problems.append(FieldProblem("outcome", "required", "Select the outcome of the breach"))
    problems += _day_problems(
        "outcome_on",
        outcome_on,
        label="Date of the outcome",
        not_before=breach.started_on,
        before="the failure that started the breach",
        case=case,
    )
    if problems:
        raise ActionInvalid(problems)
    breach.outcome = outcome or ""
    breach.outcome_on = outcome_on
    if notes.strip():
        breach.notes = f"{breach.notes}\n\n{notes}".strip()
    breach._change_reason = f"Outcome: {BREACH_OUTCOMES[breach.outcome]}"  # type: ignore[attr-defined]
    breach.save()
    case.audit.update(breach_id=breach.pk, outcome=breach.outcome)
    return breach


@case_action("CONSIDER_RECALL", cause="recall considered")
def consider_recall(
    case: CaseWrite,
    *,
    considered_on: date | None,
    why: str | None,
    recommended_type: str | None,
    emergency: bool = False,
    fresh_charge: bool = False,
    notes: str = "",
) -> RecallConsideration:
    """ "Consider a recall" on the licence in force: the manager then decides."""
    waiting = RecallConsideration.objects.filter(person=case.person, decision="").first()
    if waiting is not None:
        raise _refuse(
            "considered_on",
            "already_waiting",
            f"The recall considered on {day_in_words(waiting.considered_on)} is waiting for a "
            "manager's decision",
        )
    sentence = sentence_on(case.person, considered_on or case.today)
    terms = (
        recall_terms(
            recall_record(case.person, sentence, recall_on=considered_on, fresh_charge=fresh_charge)
        )
        if sentence is not None and considered_on is not None
        else None
    )
    problems = validate_recall_consideration(
        sentence=sentence_facts(sentence) if sentence else None,
        considered_on=considered_on,
        why=why or "",
        recommended_type=recommended_type or "",
        terms=terms,
        today=case.today,
    )
    if problems:
        raise ActionInvalid(problems)
    assert sentence is not None
    consideration = RecallConsideration.objects.create(
        person=case.person,
        sentence=sentence,
        considered_on=considered_on,
        why=why,
        recommended_type=recommended_type,
        emergency=emergency,
        fresh_charge=fresh_charge,
        notes=notes,
        considered_by=case.acting_user,
    )
    case.audit.update(recall_id=consideration.pk, emergency=emergency)
    return consideration


def _consideration(case: CaseWrite, recall_id: int) -> RecallConsideration:
    found = (
        RecallConsideration.objects.filter(person=case.person, pk=recall_id)
        .select_related("person", "sentence")
        .first()
    )
    if found is None:
        raise _refuse(
            "recall_id", "not_found", "There is no such recall consideration on this case"
        )
    return found


@case_action("DECIDE_RECALL", cause="recall decided", needs=Capability.DECIDE_RECALL)
def decide_recall(
    case: CaseWrite, *, recall_id: int, decision: str | None, notes: str = ""
) -> RecallConsideration:
    """A manager's decision, recall or not, at this moment: the recall date, and the clock for
    Part A."""
    consideration = _consideration(case, recall_id)
    if consideration.decision:
        raise _refuse(
            "decision",
            "already_recorded",
            f"The decision is already recorded: "
            f"{RECALL_DECISIONS[consideration.decision].lower()}, at "
            f"{when_in_words(timezone.localtime(consideration.decided_at))}",
        )
    if decision not in RECALL_DECISIONS:
        raise _refuse("decision", "required", "Select the decision: recall or do not recall")
    consideration.decision = decision
    consideration.decided_at = case.now
    consideration.decided_by = case.acting_user
    consideration.decision_notes = notes
    consideration.save()
    case.audit.update(recall_id=consideration.pk, decision=decision)
    return consideration


@case_action("COUNTERSIGN_RECALL", cause="recall countersigned", needs=Capability.DECIDE_RECALL)
def countersign_recall(case: CaseWrite, *, recall_id: int) -> RecallConsideration:
    """A second manager, not the one who decided, countersigns the decision."""
    consideration = _consideration(case, recall_id)
    if not consideration.decision:
        raise _refuse("recall_id", "not_decided", "There is no decision to countersign yet")
    if consideration.countersigned_at is not None:
        raise _refuse(
            "recall_id",
            "already_recorded",
            f"The decision was countersigned at "
            f"{when_in_words(timezone.localtime(consideration.countersigned_at))}",
        )
    if consideration.decided_by_id == case.acting_user.pk:
        raise _refuse(
            "recall_id",
            "same_manager",
            "A different manager must countersign: you took the decision",
        )
    consideration.countersigned_at = case.now
    consideration.countersigned_by = case.acting_user
    consideration.save()
    case.audit.update(recall_id=consideration.pk)
    return consideration


@case_action("RECORD_PART_A_SENT", cause="recall Part A sent")
def record_part_a_sent(
    case: CaseWrite, *, recall_id: int, sent_at: datetime | None
) -> RecallConsideration:
    """Part A to the Public Protection Casework Section, once the decision to recall is
    countersigned."""
    consideration = _consideration(case, recall_id)
    if consideration.decision != RECALL or consideration.decided_at is None:
        raise _refuse("recall_id", "not_recalled", "Part A follows a decision to recall")
    if consideration.countersigned_at is None:
        raise _refuse(
            "recall_id", "not_countersigned", "The decision to recall must be countersigned first"
        )
    if consideration.part_a_sent_at is not None:
        raise _refuse(
            "sent_at",
            "already_recorded",
            f"Part A was recorded sent at "
            f"{when_in_words(timezone.localtime(consideration.part_a_sent_at))}",
        )
    problems = past_date_problems(
        "sent_at", sent_at, now=case.now, required="Enter when Part A was sent", label="Sent at"
    )
    if not problems and sent_at is not None and sent_at < consideration.decided_at:
        problems.append(
            FieldProblem("sent_at", "too_early", "Part A must be sent after the decision to recall")
        )
    if problems:
        raise ActionInvalid(problems)
    consideration.part_a_sent_at = sent_at
    consideration.part_a_sent_by = case.acting_user
    consideration.save()
    case.audit.update(recall_id=consideration.pk)
    return consideration
