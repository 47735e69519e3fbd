"""Overrides on essentials, each through the one case-write wrapper: snooze an essential,
mark it not applicable, end an override early. Each is audited under its own name; none
changes the cache (an override is read beside it, `reading.py`)."""

from datetime import date

from caseload.access.case_write import CaseWrite, case_action
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.core.stale_edits import refuse_stale_edit
from caseload.core.versions import Seen, day_in_words
from caseload.essentials.domain.essential import State
from caseload.essentials.domain.overrides import NOT_APPLICABLE, SNOOZE, validate_override
from caseload.essentials.domain.rules import RULES
from caseload.essentials.models import EssentialDue, EssentialOverride


def describe_override(override: EssentialOverride) -> str:
    rule = RULES.get(override.kind)
    title = rule.title if rule else override.kind
    text = (
        f"{title}: {override.get_override_display().lower()} until "
        f"{day_in_words(override.until)}, because {override.reason}"
    )
    if override.ended_at:
        text += " (ended)"
    return text


def _override(
    case: CaseWrite, override: str, kind: str, subject: str, reason: str, until: date | None
) -> EssentialOverride:
    problems = []
    due = EssentialDue.objects.filter(person=case.person, kind=kind, subject=subject).first()
    if kind not in RULES:
        problems.append(FieldProblem("kind", "unknown_code", "Select an essential from the list"))
    elif due is None or due.state != State.DUE:
        problems.append(FieldProblem("kind", "not_due", "That essential is not due on this case"))
    else:
        current = (
            EssentialOverride.objects.in_force(case.today)
            .filter(person=case.person, kind=kind, subject=subject)
            .first()
        )
        if current is not None:
            problems.append(
                FieldProblem(
                    "kind",
                    "already_overridden",
                    f"It is already {current.get_override_display().lower()} until "
                    f"{day_in_words(current.until)}: end that first",
                )
            )
    problems += validate_override(override, reason=reason, until=until, today=case.today)
    if problems:
        raise ActionInvalid(problems)
    assert until is not None
    row = EssentialOverride.objects.create(
        person=case.person,
        kind=kind,
        subject=subject,
        override=override,
        reason=reason.strip(),
        until=until,
        by=case.acting_user,
        at=case.now,
    )
    case.audit.update(
        {"kind": kind, "subject": subject, "until": until.isoformat(), "override": row.pk}
    )
    return row


@case_action("SNOOZE_ESSENTIAL", cause="essential snoozed")
def snooze_essential(
    case: CaseWrite, *, kind: str, subject: str = "", reason: str, until: date | None
) -> EssentialOverride:
    return _override(case, SNOOZE, kind, subject, reason, until)


@case_action("MARK_ESSENTIAL_NOT_APPLICABLE", cause="essential marked not applicable")
def mark_essential_not_applicable(
    case: CaseWrite, *, kind: str, subject: str = "", reason: str, until: date | None
) -> EssentialOverride:
    return _override(case, NOT_APPLICABLE, kind, subject, reason, until)


@case_action("END_ESSENTIAL_OVERRIDE", cause="essential override ended")
def end_essential_override(
    case: CaseWrite, *, override_id: int, expected_version: int | None = None
) -> EssentialOverride:
    """End a snooze or a "not applicable" before its date: the essential is listed again."""
    row = EssentialOverride.objects.filter(person=case.person, pk=override_id).first()
    if row is not None and expected_version is not None:
        refuse_stale_edit(
            "override",
            Seen(override_id, expected_version),
            row,
            model=EssentialOverride,
            describe=describe_override,
        )
    if row is None or row.ended_at is not None or row.until < case.today:
        raise ActionInvalid(
            [FieldProblem("override", "not_in_force", "That override is not in force")]
        )
    row.ended_at = case.now
    row.ended_by = case.acting_user
    row.save()
    case.audit.update({"kind": row.kind, "subject": row.subject, "override": row.pk})
    return row
