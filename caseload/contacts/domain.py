"""Contact reference data and the pure rules over contacts (no Django).

Reference data carries behaviour, as Delius's contact types do: whether a contact type is an
appointment that needs an outcome, whether it is a national-standards (NS) contact that counts
for enforcement, and whether an outcome is attended / complied / enforceable. Codes are Delius
codes: outcomes as mapped in ministryofjustice/hmpps-manage-people-on-probation-ui@f62be770;
enforcement actions as in ministryofjustice/manage-supervisions-design-history@301b1165; contact
types as used by ministryofjustice/hmpps-manage-supervisions@408a47d6 (Delius's full list is
not public, so the flags on each type are our reading of it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from caseload.core.dates import past_date_problems
from caseload.core.errors import FieldProblem


@dataclass(frozen=True)
class ContactType:
    code: str
    label: str
    appointment: bool
    national_standard: bool
    home_visit: bool = False
    #: An unpaid work session: the hours it credits count towards the hours ordered.
    unpaid_work: bool = False
    #: Offered on the record-a-contact page and API; False for one an action writes itself.
    recorded_by_hand: bool = True


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str
    attended: bool | None
    complied: bool | None
    enforceable: bool
    acceptable_absence: bool = False


CONTACT_TYPES: dict[str, ContactType] = {
    t.code: t
    for t in (
        ContactType("COAP", "Office visit", appointment=True, national_standard=True),
        ContactType("CHVS", "Home visit", True, True, home_visit=True),
        ContactType("COVC", "Video call", True, True),
        ContactType("COPT", "Phone appointment", True, True),
        ContactType("CODC", "Planned doorstep visit", True, True),
        ContactType("COAI", "Initial appointment in the office", True, True),
        ContactType("COHV", "Initial home visit", True, True, home_visit=True),
        ContactType("COVI", "Initial appointment by video", True, True),
        # Our code: Delius records unpaid work sessions in its own module, whose codes are not
        # public. Its minutes credited are what counts towards the hours ordered.
        ContactType("UPWS", "Unpaid work session", True, True, unpaid_work=True),
        ContactType("CTOA", "Phone call to the person", False, False),
        ContactType("CTOB", "Phone call from the person", False, False),
        ContactType("CMOA", "Email or text to the person", False, False),
        ContactType("CMOB", "Email or text from the person", False, False),
        ContactType("CLOA", "Letter to the person", False, False),
        ContactType("CLOB", "Letter from the person", False, False),
        ContactType("CT3A", "Phone call to another agency", False, False),
        ContactType("CT3B", "Phone call from another agency", False, False),
        ContactType("C326", "Internal communication", False, False),
        # Our code: the allocation decision and its note (Delius's code for it is not public),
        # written by allocation's action only.
        ContactType("CAAL", "Case allocated", False, False, recorded_by_hand=False),
    )
}

#: The types a practitioner records on the record-a-contact page or API.
RECORDED_BY_HAND = {code: t for code, t in CONTACT_TYPES.items() if t.recorded_by_hand}

OUTCOMES: dict[str, Outcome] = {
    o.code: o
    for o in (
        Outcome("ATTC", "Attended – complied", True, True, False),
        Outcome("AFTC", "Attended – failed to comply", True, False, True),
        Outcome("ATSH", "Attended – sent home (behaviour)", True, False, True),
        Outcome("ATSS", "Attended – sent home (service issues)", True, True, False),
        Outcome("AFDA", "Attended – failure to comply deemed acceptable", True, True, False),
        Outcome("AFTA", "Failed to attend", False, False, True),
        Outcome("UAAB", "Unacceptable absence", False, False, True),
        Outcome("AACL", "Acceptable absence – court or legal", False, True, False, True),
        Outcome("AAEM", "Acceptable absence – employment", False, True, False, True),
        Outcome("AAFC", "Acceptable absence – family or childcare", False, True, False, True),
        Outcome("AAHO", "Acceptable absence – holiday", False, True, False, True),
        Outcome("AAME", "Acceptable absence – medical", False, True, False, True),
        Outcome("AARE", "Acceptable absence – religious", False, True, False, True),
        Outcome("AARC", "Acceptable absence – remanded in custody", False, True, False, True),
        Outcome("AASD", "Acceptable absence – stood down", False, True, False, True),
        Outcome("RSSR", "Rescheduled – service request", None, None, False),
        Outcome("RSOF", "Rescheduled – person on probation's request", None, None, False),
    )
}


@dataclass(frozen=True)
class EnforcementAction:
    code: str
    label: str
    #: Starts a breach (community) or recall (licence): tiering's "previous enforcement activity".
    breach_or_recall: bool = False
    #: A formal warning (Sentencing Code Sch. 10 para 6): compliance counts warnings given.
    warning: bool = False


ENFORCEMENT_ACTIONS: dict[str, EnforcementAction] = {
    a.code: a
    for a in (
        EnforcementAction("ROM", "Refer to offender manager"),
        EnforcementAction("NFA", "No further action"),
        EnforcementAction("WLS", "Enforcement letter requested"),
        EnforcementAction("EA02", "First warning letter sent", warning=True),
        EnforcementAction("EA03", "Second warning letter sent", warning=True),
        EnforcementAction("EA08", "Breach letter sent"),
        EnforcementAction("EA11", "Recall requested", breach_or_recall=True),
        EnforcementAction("EA12", "Decision pending response from the person on probation"),
        EnforcementAction("IBR", "Breach or recall initiated", breach_or_recall=True),
        EnforcementAction("IMB", "Immediate breach or recall", breach_or_recall=True),
        EnforcementAction("LCL", "Licence compliance letter sent"),
    )
}


@dataclass(frozen=True)
class ContactInput:
    """What a practitioner records about a contact, before it is written."""

    contact_type: str | None
    happened_at: datetime | None
    outcome: str | None
    enforcement_action: str | None
    notes: str
    #: The minutes the contact actually took, travel and writing it up included (optional).
    actual_minutes: int | None = None


#: The most minutes one contact may be recorded as taking: a whole working day and then some.
MOST_ACTUAL_MINUTES = 600


def actual_minutes_problems(
    minutes: int | None, *, most: int = MOST_ACTUAL_MINUTES
) -> list[FieldProblem]:
    """The minutes actually spent are optional; when given, a whole number from 1 to `most`
    (600 for a contact; a report passes its own).

    They are the evidence the workload agreement is tested against (issue 12, point 6), so a
    figure no contact could take (0, or more than 10 hours) is refused rather than averaged."""
    if minutes is None:
        return []
    if isinstance(minutes, bool) or not 1 <= minutes <= most:
        message = f"Minutes actually spent must be between 1 and {most:,}"
        return [FieldProblem("actual_minutes", "out_of_range", message)]
    return []


def validate_contact(contact: ContactInput, *, now: datetime) -> list[FieldProblem]:
    """Every rule a new contact must meet; all errors at once, in form order.

    A failure to comply (an enforceable outcome) needs the enforcement decision taken on it,
    which may be "No further action" or "Decision pending": National Standards ask the
    practitioner to decide on every unacceptable failure, and the decision is what the case's
    open enforcement is read from.
    """
    errors: list[FieldProblem] = []
    ctype = CONTACT_TYPES.get(contact.contact_type or "")
    if not contact.contact_type:
        errors.append(FieldProblem("contact_type", "required", "Select the type of contact"))
    elif ctype is None:
        errors.append(
            FieldProblem("contact_type", "unknown_code", "Select a contact type from the list")
        )
    errors += past_date_problems(
        "happened_at",
        contact.happened_at,
        now=now,
        required="Enter the date of the contact",
        label="Date of contact",
    )
    outcome = OUTCOMES.get(contact.outcome or "")
    if contact.outcome and outcome is None:
        errors.append(FieldProblem("outcome", "unknown_code", "Select an outcome from the list"))
    elif ctype is not None and ctype.appointment and not contact.outcome:
        errors.append(FieldProblem("outcome", "required", "Select the outcome of the appointment"))
    elif ctype is not None and not ctype.appointment and contact.outcome:
        errors.append(FieldProblem("outcome", "not_allowed", "Only appointments have an outcome"))
    if outcome is not None and outcome.enforceable and not contact.enforcement_action:
        errors.append(
            FieldProblem(
                "enforcement_action",
                "required",
                "Select the enforcement decision: the outcome is a failure to comply",
            )
        )
    elif contact.enforcement_action:
        if contact.enforcement_action not in ENFORCEMENT_ACTIONS:
            errors.append(
                FieldProblem(
                    "enforcement_action",
                    "unknown_code",
                    "Select an enforcement action from the list",
                )
            )
        elif outcome is None or not outcome.enforceable:
            errors.append(
                FieldProblem(
                    "enforcement_action",
                    "needs_enforceable_outcome",
                    "An enforcement action can only follow a failure to comply",
                )
            )
    if len(contact.notes) > 10_000:
        errors.append(
            FieldProblem("notes", "max_length", "Notes must be 10,000 characters or fewer")
        )
    errors += actual_minutes_problems(contact.actual_minutes)
    return errors


#: The most one unpaid work session can credit.
MOST_MINUTES_CREDITED = 12 * 60


def validate_unpaid_work_credit(
    contact_type: str | None, minutes: int | None
) -> list[FieldProblem]:
    """Only an unpaid work session credits time, and at most `MOST_MINUTES_CREDITED`."""
    ctype = CONTACT_TYPES.get(contact_type or "")
    if minutes is None:
        return []
    if ctype is None or not ctype.unpaid_work:
        message = "Only an unpaid work session credits unpaid work time"
        return [FieldProblem("minutes_credited", "not_allowed", message)]
    if not 0 <= minutes <= MOST_MINUTES_CREDITED:
        message = "Unpaid work credited must be between 0 and 720 minutes (12 hours)"
        return [FieldProblem("minutes_credited", "out_of_range", message)]
    return []


@dataclass(frozen=True)
class ContactFact:
    """A recorded contact, as the pure rules see it."""

    contact_type: str
    on: date
    outcome: str | None
    enforcement_action: str | None = None


def unacceptable_absences(contacts: Iterable[ContactFact], *, since: date) -> int:
    """Failures to comply on national-standards contacts, counted as distinct dates.

    This is Delius's FTC count (ministryofjustice/hmpps-probation-integration-services,
    `libs/appointments`):
    distinct dates with an NS contact whose outcome is not complied, from `since` (the later of
    the sentence date and the last breach end).
    """
    dates = {
        c.on
        for c in contacts
        if c.on >= since
        and CONTACT_TYPES.get(c.contact_type, _NON_NS).national_standard
        and c.outcome in OUTCOMES
        and OUTCOMES[c.outcome].complied is False
    }
    return len(dates)


_NON_NS = ContactType("", "", appointment=False, national_standard=False)


def breach_or_recall(contact: ContactFact) -> bool:
    action = ENFORCEMENT_ACTIONS.get(contact.enforcement_action or "")
    return action is not None and action.breach_or_recall


#: How long an enforcement decision stays open when nothing resolves it. Ours: a warning is
#: commonly read as live for 12 months, after which it no longer counts towards a breach.
ENFORCEMENT_OPEN_DAYS = 365
#: The decision that closes what came before it.
RESOLVING_ACTIONS = frozenset({"NFA"})


def open_enforcement(
    contacts: Iterable[ContactFact], *, today: date, resolved_on: Iterable[date] = ()
) -> list[ContactFact]:
    """The enforcement still open on a case, oldest first: the enforcement actions of the last
    12 months recorded after the latest "No further action" (which resolves everything before
    it, and is not itself open) and after the latest day a breach ended (`resolved_on`: the
    court's outcome deals with everything before it, as Delius's FTC count restarts). Our
    simple reading, for the handover: without an outcome a breach stays open until a later
    "No further action" or until it is a year old."""
    since = date.fromordinal(max(1, today.toordinal() - ENFORCEMENT_OPEN_DAYS))
    ended = max((day for day in resolved_on if day <= today), default=None)
    dated = sorted(
        (
            c
            for c in contacts
            if c.enforcement_action and since <= c.on <= today and (ended is None or c.on > ended)
        ),
        key=lambda c: c.on,
    )
    still_open: list[ContactFact] = []
    for contact in dated:
        if contact.enforcement_action in RESOLVING_ACTIONS:
            still_open = []
        else:
            still_open.append(contact)
    return still_open


#: How an outcome stands for compliance, as the activity log filters it.
COMPLIED = "complied"
FAILED_TO_COMPLY = "failed"
ACCEPTABLE_ABSENCE = "acceptable"
NO_OUTCOME = "none"
COMPLIANCE_LABELS = {
    COMPLIED: "Complied",
    FAILED_TO_COMPLY: "Failed to comply",
    ACCEPTABLE_ABSENCE: "Acceptable absence",
    NO_OUTCOME: "No outcome",
}


def compliance(outcome: str | None) -> str | None:
    """Complied, failed to comply, acceptable absence, or no outcome recorded; None for an
    outcome that is none of these (a rescheduled appointment)."""
    if not outcome:
        return NO_OUTCOME
    found = OUTCOMES.get(outcome)
    if found is None or found.complied is None:
        return None
    if found.acceptable_absence:
        return ACCEPTABLE_ABSENCE
    return COMPLIED if found.complied else FAILED_TO_COMPLY


def outcomes_with(standing: str) -> frozenset[str]:
    """The outcome codes ("" for none) with this compliance standing."""
    return frozenset(code for code in ("", *OUTCOMES) if compliance(code) == standing)
