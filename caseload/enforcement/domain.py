"""Enforcement: what the law requires after a failure to comply, and the recall rules (no Django).

Sources (codes: ministryofjustice/hmpps-manage-supervisions@408a47d6 and
make-recall-decision-api@863609e4; law as cited below):

- Community orders: Sentencing Code Sch. 10 Part 2 (paras 6 and 7); suspended sentence orders:
  Sch. 16, the same pattern. A first unacceptable failure gets a warning, or is referred at once
  (an immediate breach, `IMB`); a further failure within 12 months of a warning **must** be
  referred to court. Post-sentence supervision follows the same approach (MoJ design notes,
  §9.2).
- Licences: no statutory "two strikes" (§9.3): warnings are optional; a failure or an increase in
  risk leads to a "consider a recall" record and a manager's decision, and Part A goes to the
  Public Protection Casework Section within 24 hours of a decision to recall (PSI 30/2014, [U]).
- Recall types (§9.4): standard for indeterminate and extended sentences and for anyone excluded
  from fixed-term recall (CJA 2003 ss.254, 255A, 255C); fixed-term 14 days (under 12 months) or
  28 days (12 months or more) (s.255B); 56 days from 31 March 2026 for adults (Sentencing Act
  2026 s.32, inserting s.255BA), the period running to the original release point after an HDC
  release if that is later.

Only national-standards contact types count (§9.1). Nothing dated after `as_at` changes what is
derived as at that day: a decision recorded later on a failure is read as the one before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from caseload.contacts.domain import CONTACT_TYPES, ENFORCEMENT_ACTIONS, OUTCOMES, ContactFact
from caseload.core.dates import add_months
from caseload.core.errors import FieldProblem
from caseload.core.versions import day_in_words
from caseload.people.domain import LICENCE, SentenceFacts

UK = ZoneInfo("Europe/London")

#: Sentences whose failures are enforced by warning and breach (Sch. 10, Sch. 16, PSS).
COMMUNITY_ENFORCED = frozenset({"CO", "SSO", "PSS"})
#: The Schedule that says so, for the messages.
STATUTE = {
    "CO": "Sentencing Code Sch. 10 para 7",
    "SSO": "Sentencing Code Sch. 16 para 7",
    "PSS": "Criminal Justice Act 2003 s.256AC",
}

WARNING_ACTIONS = frozenset(code for code, a in ENFORCEMENT_ACTIONS.items() if a.warning)
BREACH_ACTIONS = frozenset({"IBR", "IMB"})
IMMEDIATE_BREACH = "IMB"
PENDING = "EA12"
NO_FURTHER_ACTION = "NFA"
#: Decisions that leave the failure to be decided on later: pending the person's response,
#: referred to the practitioner, a letter requested but not yet sent.
UNDECIDED = frozenset({PENDING, "ROM", "WLS"})

#: Breach-end contact types (hmpps-manage-supervisions@408a47d6): how a breach ends, in words.
BREACH_OUTCOMES: dict[str, str] = {
    "ABCC": "Proven – committed to custody",
    "ABCF": "Proven – fine",
    "ABNA": "Proven – no action",
    "ABPC": "Proven – concluded",
    "ABPP": "Proven – re-sentenced",
    "ABSD": "Proven – supervision default order imposed",
    "ABNP": "Not proven",
    "ABWD": "Withdrawn",
}

RECALL_WHY: dict[str, str] = {
    "RISK_INCREASED": "Risk has increased",
    "CONTACT_STOPPED": "Contact has stopped",
    "RISK_INCREASED_AND_CONTACT_STOPPED": "Risk has increased and contact has stopped",
}
STANDARD = "STANDARD"
FIXED_TERM = "FIXED_TERM"
NO_RECALL = "NO_RECALL"
RECALL_TYPES: dict[str, str] = {
    STANDARD: "Standard recall",
    FIXED_TERM: "Fixed-term recall",
    NO_RECALL: "No recall",
}
RECALL = "RECALL"
RECALL_DECISIONS: dict[str, str] = {RECALL: "Recall", NO_RECALL: "Do not recall"}


@dataclass(frozen=True)
class BreachFact:
    started_on: date
    pack_sent_on: date | None
    outcome: str
    outcome_on: date | None

    def ended_by(self, day: date) -> bool:
        return bool(self.outcome) and self.outcome_on is not None and self.outcome_on <= day


@dataclass(frozen=True)
class RecallFact:
    considered_on: date
    why: str
    recommended_type: str
    emergency: bool
    decision: str
    decided_at: datetime | None
    countersigned_at: datetime | None
    part_a_sent_at: datetime | None


@dataclass(frozen=True)
class DecisionFact:
    """A decision recorded later on a failure first recorded as "Decision pending": the
    failure's contact carries the decision in force now; this says since when, so that the
    rules as at an earlier day read the one before it. (An addition to the shared interface.)"""

    failure_on: date
    contact_type: str
    previous_action: str
    action: str
    decided_on: date


@dataclass(frozen=True)
class EnforcementFacts:
    breaches: tuple[BreachFact, ...] = ()
    recalls: tuple[RecallFact, ...] = ()
    decisions: tuple[DecisionFact, ...] = ()


@dataclass(frozen=True)
class EnforcementStep:
    """One step the enforcement rules (Sentencing Code Sch. 10 and 16; licence recall)
    require, open or done."""

    kind: str
    subject: str
    clock_starts: date
    done_on: date | None
    done_by: str
    reason: str


WARNING_LETTER = "warning_letter"
BREACH_REFERRAL = "breach_referral"
RECALL_DECISION = "recall_decision"
RECALL_PART_A = "recall_part_a"


STEP_TITLES = {
    WARNING_LETTER: "Warning letter",
    BREACH_REFERRAL: "Breach referral",
    RECALL_DECISION: "Recall decision",
    RECALL_PART_A: "Part A to the Public Protection Casework Section",
}


def uk_day(moment: datetime) -> date:
    return moment.astimezone(UK).date()


def is_failure(contact: ContactFact) -> bool:
    """An unacceptable failure to comply on a national-standards contact."""
    ctype = CONTACT_TYPES.get(contact.contact_type)
    outcome = OUTCOMES.get(contact.outcome or "")
    return (
        ctype is not None
        and ctype.national_standard
        and outcome is not None
        and outcome.enforceable
        and outcome.complied is False
    )


@dataclass(frozen=True)
class Failure:
    """A failure as the rules read it as at a day: its decision then, and since when."""

    on: date
    contact_type: str
    outcome: str
    decision: str
    decided_on: date

    @property
    def subject(self) -> str:
        return f"failure {self.on.isoformat()}"

    def in_words(self) -> str:
        return f"{OUTCOMES[self.outcome].label} on {day_in_words(self.on)}"


def _decision_as_at(
    contact: ContactFact, decisions: Iterable[DecisionFact], as_at: date
) -> tuple[str, date]:
    """The decision in force on `as_at` and the day it was taken: later decisions are undone,
    newest first."""
    action = contact.enforcement_action or ""
    decided_on = contact.on
    mine = sorted(
        (
            d
            for d in decisions
            if d.failure_on == contact.on and d.contact_type == contact.contact_type
        ),
        key=lambda d: d.decided_on,
    )
    for decision in mine:
        if decision.decided_on <= as_at:
            decided_on = decision.decided_on
    for decision in reversed(mine):
        if decision.decided_on > as_at and decision.action == action:
            action = decision.previous_action
    return action, decided_on


def failures(
    contacts: Iterable[ContactFact],
    *,
    since: date,
    until: date | None,
    enforcement: EnforcementFacts,
    as_at: date,
) -> list[Failure]:
    """The failures on or after `since` (and before `until`, the sentence's end), one a day
    (Delius counts failures as distinct dates), oldest first."""
    by_day: dict[date, Failure] = {}
    for contact in sorted(contacts, key=lambda c: (c.on, c.contact_type)):
        if not (since <= contact.on <= as_at) or (until is not None and contact.on >= until):
            continue
        if not is_failure(contact) or contact.on in by_day:
            continue
        decision, decided_on = _decision_as_at(contact, enforcement.decisions, as_at)
        by_day[contact.on] = Failure(
            contact.on, contact.contact_type, contact.outcome or "", decision, decided_on
        )
    return list(by_day.values())


def count_from(sentence: SentenceFacts, enforcement: EnforcementFacts, as_at: date) -> date:
    """Failures count from the later of the sentence date and the day after the last breach
    ended (Delius's FTC count, hmpps-probation-integration-services `libs/appointments`).
    Ours [I]: the court's outcome deals with everything before it, so earlier warnings no
    longer count and earlier steps are closed."""
    ends = [b.outcome_on for b in enforcement.breaches if b.ended_by(as_at) and b.outcome_on]
    last_end = max(ends, default=None)
    if last_end is None or last_end < sentence.sentence_date:
        return sentence.sentence_date
    return last_end + timedelta(days=1)


def warning_within_year(warnings: Sequence[tuple[date, Failure]], failure_on: date) -> date | None:
    """The latest warning given in the 12 months up to a further failure, for an earlier one
    (Sch. 10 para 7: "within the previous 12 months")."""
    window_start = add_months(failure_on, -12)
    found = [
        given_on
        for given_on, warned in warnings
        if warned.on < failure_on and window_start < given_on <= failure_on
    ]
    return max(found, default=None)


def _breach_for(enforcement: EnforcementFacts, day: date) -> BreachFact | None:
    return next((b for b in enforcement.breaches if b.started_on == day), None)


def _open_breach_on(enforcement: EnforcementFacts, day: date, as_at: date) -> bool:
    """A breach started before `day` that had not ended by then: a failure during breach
    proceedings is reported to the same proceedings, not referred again."""
    return any(
        b.started_on < day and not (b.ended_by(as_at) and b.outcome_on and b.outcome_on < day)
        for b in enforcement.breaches
    )


def _referral(
    failure: Failure, breach: BreachFact | None, as_at: date, reason: str
) -> EnforcementStep:
    sent = (
        breach.pack_sent_on
        if breach and breach.pack_sent_on and breach.pack_sent_on <= as_at
        else None
    )
    ended = breach is not None and breach.ended_by(as_at)
    if sent is not None:
        done_on: date | None = sent
        done_by = f"Breach pack sent to court on {day_in_words(sent)}"
    elif ended and breach is not None and breach.outcome_on is not None:
        done_on = breach.outcome_on
        done_by = (
            f"Breach ended: {BREACH_OUTCOMES[breach.outcome].lower()} on {day_in_words(done_on)}"
        )
    else:
        done_on, done_by = None, ""
    return EnforcementStep(BREACH_REFERRAL, failure.subject, failure.on, done_on, done_by, reason)


def _community_steps(
    sentence: SentenceFacts,
    contacts: Sequence[ContactFact],
    enforcement: EnforcementFacts,
    as_at: date,
) -> list[EnforcementStep]:
    statute = STATUTE[sentence.sentence_type]
    found = failures(
        contacts,
        since=count_from(sentence, enforcement, as_at),
        until=sentence.termination_date,
        enforcement=enforcement,
        as_at=as_at,
    )
    steps: list[EnforcementStep] = []
    warnings: list[tuple[date, Failure]] = []
    for failure in found:
        if _open_breach_on(enforcement, failure.on, as_at):
            continue
        warned_on = warning_within_year(warnings, failure.on)
        if warned_on is not None:
            reason = (
                f"{failure.in_words()}, a further failure within 12 months of the warning on "
                f"{day_in_words(warned_on)}: the law requires a breach referral ({statute})"
            )
            steps.append(_referral(failure, _breach_for(enforcement, failure.on), as_at, reason))
        elif failure.decision in BREACH_ACTIONS:
            label = ENFORCEMENT_ACTIONS[failure.decision].label.lower()
            reason = f"{failure.in_words()}: {label} decided, so the breach goes to court"
            steps.append(_referral(failure, _breach_for(enforcement, failure.on), as_at, reason))
        else:
            reason = (
                f"{failure.in_words()}, the first failure since "
                f"{day_in_words(count_from(sentence, enforcement, as_at))} with no warning in "
                "the 12 months before it: a warning is needed, unless it is serious enough "
                "for an immediate breach"
            )
            done_on: date | None = None
            done_by = ""
            if failure.decision in WARNING_ACTIONS:
                done_on = failure.decided_on
                label = ENFORCEMENT_ACTIONS[failure.decision].label
                done_by = f"{label} on {day_in_words(done_on)}"
                warnings.append((done_on, failure))
            elif failure.decision == NO_FURTHER_ACTION:
                done_on = failure.decided_on
                done_by = f"No further action decided on {day_in_words(done_on)}"
            steps.append(
                EnforcementStep(
                    WARNING_LETTER, failure.subject, failure.on, done_on, done_by, reason
                )
            )
    return steps


def _recall_steps(recalls: Iterable[RecallFact], as_at: date) -> list[EnforcementStep]:
    steps: list[EnforcementStep] = []
    for recall in sorted(recalls, key=lambda r: r.considered_on):
        if recall.considered_on > as_at:
            continue
        subject = f"recall considered {recall.considered_on.isoformat()}"
        decided_on = uk_day(recall.decided_at) if recall.decided_at else None
        decided = recall.decision and decided_on is not None and decided_on <= as_at
        why = RECALL_WHY.get(recall.why, recall.why).lower()
        emergency = "an emergency recall " if recall.emergency else "a recall "
        steps.append(
            EnforcementStep(
                RECALL_DECISION,
                subject,
                recall.considered_on,
                decided_on if decided else None,
                f"{RECALL_DECISIONS[recall.decision]} decided on {day_in_words(decided_on)}"
                if decided and decided_on
                else "",
                f"{emergency.capitalize()}was considered on {day_in_words(recall.considered_on)} "
                f"({why}): a manager must decide",
            )
        )
        if decided and decided_on and recall.decision == RECALL:
            sent_on = uk_day(recall.part_a_sent_at) if recall.part_a_sent_at else None
            sent = sent_on is not None and sent_on <= as_at
            steps.append(
                EnforcementStep(
                    RECALL_PART_A,
                    subject,
                    decided_on,
                    sent_on if sent else None,
                    f"Part A sent to the Public Protection Casework Section on "
                    f"{day_in_words(sent_on)}"
                    if sent and sent_on
                    else "",
                    f"Recall decided on {day_in_words(decided_on)}: Part A goes to the Public "
                    "Protection Casework Section within 24 hours of the decision",
                )
            )
    return steps


def enforcement_steps(
    *,
    sentence: SentenceFacts | None,
    contacts: Sequence[ContactFact],
    enforcement: EnforcementFacts,
    as_at: date,
) -> tuple[EnforcementStep, ...]:
    """The steps the rules require on the sentence, oldest first: warnings and breach referrals
    for community orders, suspended sentence orders and PSS; recall decisions and Part A for
    licences. Steps already taken are returned done, with what satisfied them."""
    steps: list[EnforcementStep] = []
    if sentence is not None and sentence.sentence_type in COMMUNITY_ENFORCED:
        steps += _community_steps(sentence, contacts, enforcement, as_at)
    steps += _recall_steps(enforcement.recalls, as_at)
    return tuple(sorted(steps, key=lambda s: (s.clock_starts, s.kind, s.subject)))


def validate_decision(
    *,
    decision: str | None,
    failure_on: date | None,
    reason: str,
    sentence: SentenceFacts | None,
    others: Sequence[ContactFact],
    enforcement: EnforcementFacts,
    today: date,
    field: str = "enforcement_action",
    reason_field: str = "notes",
) -> list[FieldProblem]:
    """The enforcement rules a decision on a failure must meet, on every surface:

    - a warning is refused on a community order, SSO or PSS when a warning was given in the 12
      months before the failure (Sch. 10 para 7, Sch. 16 para 7): it must be referred for breach;
    - an immediate breach needs its reason.

    `others` are the case's other contacts (not the failure being decided on)."""
    problems: list[FieldProblem] = []
    if not decision or failure_on is None:
        return problems
    if decision == IMMEDIATE_BREACH and not reason.strip():
        problems.append(
            FieldProblem(
                reason_field,
                "reason_required",
                "Give the reason for an immediate breach: why this failure is serious enough "
                "to go straight to court",
            )
        )
    if decision in WARNING_ACTIONS and sentence and sentence.sentence_type in COMMUNITY_ENFORCED:
        warned_on = earlier_warning(sentence, others, enforcement, failure_on, as_at=today)
        if warned_on is not None:
            problems.append(
                FieldProblem(
                    field,
                    "breach_required",
                    f"A warning was given on {day_in_words(warned_on)}: a further failure within "
                    f"12 months must be referred for breach ({STATUTE[sentence.sentence_type]})",
                )
            )
    return problems


def earlier_warning(
    sentence: SentenceFacts,
    contacts: Sequence[ContactFact],
    enforcement: EnforcementFacts,
    failure_on: date,
    *,
    as_at: date,
) -> date | None:
    """The latest warning on this order in the 12 months before a failure on `failure_on`, as
    the record stands on `as_at` (counting from the last breach's end)."""
    given = [
        (f.decided_on, f)
        for f in failures(
            contacts,
            since=count_from(sentence, enforcement, as_at),
            until=sentence.termination_date,
            enforcement=enforcement,
            as_at=as_at,
        )
        if f.decision in WARNING_ACTIONS
    ]
    return warning_within_year(given, failure_on)


# Recall types and timings (CJA 2003 ss.254-255C, as amended by the Sentencing Act 2026).

#: From this day adults recalled to a standard determinate sentence serve a 56-day fixed term
#: (Sentencing Act 2026 s.32, inserting CJA 2003 s.255BA).
FIFTY_SIX_DAY_RECALLS_FROM = date(2026, 3, 31)
ADULT_AGE = 18


@dataclass(frozen=True)
class RecallRecord:
    """What the record says that decides a recall's type and timing."""

    recall_on: date
    date_of_birth: date
    custodial_months: int | None
    released_on: date | None
    automatic_release_on: date | None
    indeterminate: bool = False  # an INLL (lifer or IPP) registration
    extended: bool = False  # an extended sentence (not recorded yet)
    terrorist: bool = False  # an RTAO registration
    mappa_level: str = ""  # the MAPP registration's level: M1, M2 or M3
    fresh_charge: bool = False
    schedule_19aa: bool = False  # a Sch. 19AA offence, where recorded


@dataclass(frozen=True)
class RecallTerms:
    recall_type: str
    because: str
    recall_on: date
    days: int | None
    rerelease_on: date | None
    uncertain: tuple[str, ...]


def age_on(date_of_birth: date, day: date) -> int:
    years = day.year - date_of_birth.year
    return years - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def _standard_because(record: RecallRecord) -> str:
    if record.indeterminate:
        return "an indeterminate sentence (lifer or IPP) is always a standard recall"
    if record.extended:
        return "an extended sentence is always a standard recall"
    if record.terrorist:
        return "terrorist offenders are excluded from fixed-term recall"
    if record.mappa_level in ("M2", "M3"):
        return f"MAPPA level {record.mappa_level[1]} cases are excluded from fixed-term recall"
    if record.fresh_charge:
        return "a recall on a fresh charge is excluded from fixed-term recall"
    if record.schedule_19aa:
        return "a Schedule 19AA offence is excluded from fixed-term recall"
    return ""


def recall_terms(record: RecallRecord) -> RecallTerms:
    """The recall type, recall date and, for a fixed-term recall, the re-release date.

    Day count (ours, [I]): the recall date is the day of the decision to recall, and the
    re-release date is the recall date plus the fixed term (14, 28 or 56 days); in law the term
    runs from the return to custody, which the record does not hold yet.
    """
    uncertain = [
        "The recall date is taken as the day of the decision; the fixed term runs in law "
        "from the return to custody",
    ]
    because = _standard_because(record)
    if because:
        return RecallTerms(STANDARD, because, record.recall_on, None, None, tuple(uncertain))
    adult = age_on(record.date_of_birth, record.recall_on) >= ADULT_AGE
    long_sentence = record.custodial_months is None or record.custodial_months >= 12
    if record.custodial_months is None:
        uncertain.append("The custodial term is not recorded: taken as 12 months or more")
    if record.recall_on >= FIFTY_SIX_DAY_RECALLS_FROM and adult:
        days = 56
        because = "an adult recalled from 31 March 2026 serves a fixed 56 days"
    else:
        days = 28 if long_sentence else 14
        term = "12 months or more" if long_sentence else "under 12 months"
        who = (
            "someone under 18 on the recall date" if not adult else "a recall before 31 March 2026"
        )
        because = f"{who}, on a sentence of {term}, serves a fixed {days} days"
        if not adult:
            uncertain.append(
                "Young offenders keeping 14 or 28 days is read from the age on the recall date"
            )
    rerelease_on = record.recall_on + timedelta(days=days)
    hdc = (
        record.released_on is not None
        and record.automatic_release_on is not None
        and record.released_on < record.automatic_release_on
    )
    if (
        hdc
        and record.automatic_release_on is not None
        and record.automatic_release_on > rerelease_on
    ):
        rerelease_on = record.automatic_release_on
        because += ", to the original release point as an HDC recall"
    if (
        record.custodial_months is not None
        and record.custodial_months >= 48
        and record.recall_on < FIFTY_SIX_DAY_RECALLS_FROM
    ):
        uncertain.append(
            "For a sentence of 4 years or more before 31 March 2026, fixed-term recall was for "
            "the Secretary of State to judge suitable"
        )
    return RecallTerms(FIXED_TERM, because, record.recall_on, days, rerelease_on, tuple(uncertain))


def custodial_months(length: int, unit: str) -> int | None:
    """A custodial term in whole months, from a sentence's length (months or days)."""
    if unit == "MONTHS":
        return length
    if unit == "DAYS":
        return length * 12 // 365
    return None


def is_licence(sentence: SentenceFacts | None) -> bool:
    return sentence is not None and sentence.sentence_type == LICENCE


def validate_recall_consideration(
    *,
    sentence: SentenceFacts | None,
    considered_on: date | None,
    why: str,
    recommended_type: str,
    terms: RecallTerms | None,
    today: date,
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not is_licence(sentence):
        problems.append(
            FieldProblem("sentence", "licence_only", "A recall can only be considered on a licence")
        )
    if considered_on is None:
        problems.append(
            FieldProblem("considered_on", "required", "Enter the date the recall was considered")
        )
    elif considered_on > today:
        problems.append(
            FieldProblem(
                "considered_on", "not_future", "The date considered must be today or in the past"
            )
        )
    if why not in RECALL_WHY:
        problems.append(FieldProblem("why", "required", "Select why a recall is being considered"))
    if recommended_type not in RECALL_TYPES:
        problems.append(
            FieldProblem("recommended_type", "required", "Select the recommended type of recall")
        )
    elif recommended_type == FIXED_TERM and terms is not None and terms.recall_type == STANDARD:
        problems.append(
            FieldProblem(
                "recommended_type",
                "fixed_term_excluded",
                f"A fixed-term recall is not possible: {terms.because}",
            )
        )
    return problems
