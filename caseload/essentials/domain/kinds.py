"""One small function per kind of essential: what it reads, and the essentials it gives.

Each takes its own row of `rules.RULES` (for its timescales) and one case's facts, and returns
that kind's essentials on the case (often one, sometimes none or several). The current
sentence is known to be in force: `engine.essentials_due` asks nothing of a case without one.
Reasons are in the practitioner's words, with dates as "3 November 2026".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from caseload.contacts.domain import CONTACT_TYPES
from caseload.core.dates import add_months
from caseload.essentials.domain.case import (
    IN_PERSON,
    SENTENCE_WORDS,
    arranged,
    at_least,
    attended,
    attended_appointments,
    current_rosh,
    national_standard,
    probation_reset,
    rosh_raises,
    supervision_start,
    words,
)
from caseload.essentials.domain.essential import Essential, State
from caseload.essentials.domain.facts import EssentialFacts
from caseload.people.domain import ACCOMMODATION, LICENCE, SentenceFacts
from caseload.risk.constants import REGISTERS
from caseload.risk.domain import MAPPA, ROSH_LEVEL_LABELS, RegistrationFacts, review_due
from caseload.risk.predictors.enums import ActuarialCategory
from caseload.risk.predictors.offences import lookup_offence

if TYPE_CHECKING:
    from caseload.essentials.domain.rules import EssentialRule

Derive = Callable[["EssentialRule", EssentialFacts], tuple[Essential, ...]]

POLICE_CONCERNS = ("ADVP", "ADVV", "IMAR", "REG30")
CHILD_CONCERNS = ("RCCO", "RCPR", "RCHD")
#: Registers that put a home visit in the shortest timescale whatever the RoSH.
HOME_VISIT_PRIORITY = ("ARSO", "CSEP")
SEX_OFFENDER = "ARSO"
VIOLENT_CATEGORIES = frozenset(
    {
        ActuarialCategory.VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS,
        ActuarialCategory.VIOLENCE_AGAINST_THE_PERSON_SUB_ABH,
        ActuarialCategory.ACQUISITIVE_VIOLENCE,
    }
)
#: An enquiry made before the sentence (for the pre-sentence report) counts at its start.
PRE_SENTENCE_DAYS = 90
#: A RoSH assessment this long before the start (pre-sentence, or before release) counts as
#: the first one.
PRE_START_ASSESSMENT_MONTHS = 6
RESPONSES = {
    "NO_INFORMATION": "no information held",
    "INFORMATION_SHARED": "information shared",
    "CONCERNS": "concerns shared",
}
ACCOMMODATION_WORDS = {
    "SETTLED": "settled accommodation",
    "APPROVED_PREMISES": "approved premises",
    "TEMPORARY": "temporary accommodation",
    "NFA": "no fixed abode",
    "CUSTODY": "custody",
}


def _current(facts: EssentialFacts) -> tuple[SentenceFacts, date] | None:
    sentence = facts.case.current_sentence()
    if sentence is None:
        return None
    start = supervision_start(sentence, facts.as_at)
    return None if start is None else (sentence, start)


def _label(register: str) -> str:
    found = REGISTERS.get(register)
    return found.label if found else register


def _due(
    kind: str, due_on: date, reason: str, subject: str = "", *, done_on: date | None = None
) -> Essential:
    return Essential(kind, subject, State.DUE, due_on, reason, done_on=done_on)


def _done(
    kind: str, due_on: date | None, done_on: date, reason: str, subject: str = ""
) -> Essential:
    return Essential(kind, subject, State.DONE, due_on, reason, done_on=done_on)


def _late(done_on: date, due_on: date) -> str:
    return f" (due by {words(due_on)})" if done_on > due_on else ""


def first_appointment(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    current = _current(facts)
    if current is None:
        return ()
    sentence, start = current
    licence = sentence.sentence_type == LICENCE
    timescale = rule.timescales["licence" if licence else "community"]
    due_on = timescale.due(start)
    held = [c.on for c in facts.case.contacts if c.contact_type in IN_PERSON and c.on >= start]
    booked = [
        a.arranged_on for a in arranged(facts) if a.contact_type in IN_PERSON and a.on >= start
    ]
    if held and (not booked or min(held) <= min(booked)):
        day = min(held)
        return (
            _done(
                rule.kind,
                due_on,
                day,
                f"First appointment in person on {words(day)}{_late(day, due_on)}",
            ),
        )
    if booked:
        day = min(booked)
        return (
            _done(
                rule.kind,
                due_on,
                day,
                f"First appointment in person arranged on {words(day)}{_late(day, due_on)}",
            ),
        )
    started = (
        "Released on licence" if licence else f"{SENTENCE_WORDS[sentence.sentence_type]} began"
    )
    return (
        _due(
            rule.kind,
            due_on,
            f"{started} on {words(start)}: an appointment in person (office or home visit) "
            f"is due {timescale.words()}, by {words(due_on)}",
        ),
    )


def initial_sentence_plan(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    current = _current(facts)
    if current is None:
        return ()
    _, start = current
    first = next(iter(attended_appointments(facts, start)), None)
    if first is None:
        return ()
    timescale = rule.timescales["first"]
    due_on = timescale.due(first)
    plans = sorted(
        p.completed_on
        for p in (facts.plans.sentence_plans if facts.plans else ())
        if p.completed_on >= start
    )
    if plans:
        return (
            _done(
                rule.kind,
                due_on,
                plans[0],
                f"Sentence plan completed on {words(plans[0])}{_late(plans[0], due_on)}",
            ),
        )
    return (
        _due(
            rule.kind,
            due_on,
            f"First attended appointment on {words(first)}: the sentence plan is due "
            f"{timescale.length} after it, by {words(due_on)}",
        ),
    )


def _subject(registration: RegistrationFacts) -> str:
    if registration.registration_id:
        return f"registration {registration.registration_id}"
    return f"registered {registration.registered_on.isoformat()}"


def _enquiries(enquiry_kinds: tuple[str, ...], concerns: tuple[str, ...], name: str) -> Derive:
    def derive(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
        current = _current(facts)
        if current is None:
            return ()
        sentence, start = current
        began = "release on licence" if sentence.sentence_type == LICENCE else "sentence"
        triggers = [
            ("", start, start.toordinal() - PRE_SENTENCE_DAYS, f"the {began} on {words(start)}")
        ]
        triggers += [
            (
                _subject(r),
                r.registered_on,
                r.registered_on.toordinal(),
                f"a new {_label(r.register).lower()} registration on {words(r.registered_on)}",
            )
            for r in facts.case.registrations
            if r.register in concerns and r.registered_on > start
        ]
        found = []
        for subject, day, earliest, why in triggers:
            due_on = rule.timescales["start" if not subject else "concern"].due(day)
            asked = sorted(
                (
                    e
                    for e in facts.enquiries
                    if e.kind in enquiry_kinds and e.requested_on.toordinal() >= earliest
                ),
                key=lambda e: e.requested_on,
            )
            answered = [e for e in asked if e.responded_on is not None]
            if answered:
                e = answered[0]
                assert e.responded_on is not None
                response = RESPONSES.get(e.response, "response recorded")
                found.append(
                    _done(
                        rule.kind,
                        due_on,
                        e.responded_on,
                        f"{name} requested on {words(e.requested_on)}, response recorded on "
                        f"{words(e.responded_on)}: {response}",
                        subject,
                    )
                )
            elif asked:
                found.append(
                    _due(
                        rule.kind,
                        due_on,
                        f"Requested on {words(asked[0].requested_on)}, no response recorded "
                        f"(due after {why}, by {words(due_on)})",
                        subject,
                    )
                )
            else:
                found.append(
                    _due(
                        rule.kind,
                        due_on,
                        f"{name} due after {why}: request it and record the response "
                        f"by {words(due_on)}",
                        subject,
                    )
                )
        return tuple(found)

    return derive


police_da_enquiry = _enquiries(("POLICE_DA",), POLICE_CONCERNS, "Police domestic abuse enquiry")
safeguarding_enquiry = _enquiries(
    ("CHILDRENS_SERVICES",), CHILD_CONCERNS, "Children's services safeguarding enquiry"
)


def _assessed(facts: EssentialFacts) -> date | None:
    days = [s.assessed_on for s in facts.rosh_summaries]
    if facts.case.assessment is not None:
        days.append(facts.case.assessment.completed_on)
    return max(days, default=None)


def rosh_assessment(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    current = _current(facts)
    if current is None:
        return ()
    _, start = current
    latest = _assessed(facts)
    if latest is None or latest < add_months(start, -PRE_START_ASSESSMENT_MONTHS):
        first = next(iter(attended_appointments(facts, start)), None)
        timescale = rule.timescales["first"]
        due_on = timescale.due(first or start)
        counted = (
            f"the first attended appointment on {words(first)}"
            if first
            else f"the start of supervision on {words(start)} (no appointment attended yet)"
        )
        return (
            _due(
                rule.kind,
                due_on,
                f"No RoSH assessment recorded for this sentence: due {timescale.length} after "
                f"{counted}, by {words(due_on)}",
            ),
        )
    review = rule.timescales["review"]
    change = rule.timescales["change"]
    candidates = [(review.due(latest), f"reviewed at least every {review.length}")]
    for c in facts.case.circumstances:
        if c.kind == ACCOMMODATION and c.start_date > latest:
            status = ACCOMMODATION_WORDS.get(c.status, c.status.lower())
            candidates.append(
                (
                    change.due(c.start_date),
                    f"accommodation changed to {status} on {words(c.start_date)}",
                )
            )
    for day, level in rosh_raises(facts.case.registrations):
        if day > latest:
            candidates.append(
                (
                    change.due(day),
                    f"RoSH raised to {ROSH_LEVEL_LABELS[level].lower()} on {words(day)}",
                )
            )
    due_on, why = min(candidates)
    return (
        _due(
            rule.kind,
            due_on,
            f"Last RoSH assessment on {words(latest)}; {why}: review by {words(due_on)}",
            done_on=latest,
        ),
    )


def risk_management_plan(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    if _current(facts) is None:
        return ()
    rosh = current_rosh(facts)
    if rosh is None:
        return ()
    level = ROSH_LEVEL_LABELS[rosh.level].lower()
    if not at_least(rosh.level, "MEDIUM"):
        return (
            Essential(
                rule.kind,
                "",
                State.NOT_REQUIRED,
                None,
                f"RoSH is {level} (since {words(rosh.since)}): a risk management plan is "
                "needed where RoSH is medium or above",
            ),
        )
    timescale = rule.timescales["rosh"]
    due_on = timescale.due(rosh.since)
    plans = sorted(
        d for d in (facts.plans.risk_management_plans if facts.plans else ()) if d >= rosh.since
    )
    if plans:
        return (
            _done(
                rule.kind,
                due_on,
                plans[0],
                f"Risk management plan completed on {words(plans[0])}{_late(plans[0], due_on)}",
            ),
        )
    return (
        _due(
            rule.kind,
            due_on,
            f"RoSH {rosh.how} {level} on {words(rosh.since)}: a risk management plan is due "
            f"{timescale.length} after it, by {words(due_on)}",
        ),
    )


def _home_visit_band(facts: EssentialFacts) -> tuple[str, str]:
    rosh = current_rosh(facts)
    registers = {r.register for r in facts.case.active_registrations()}
    if at_least(rosh.level if rosh else None, "HIGH"):
        assert rosh is not None
        return "high", f"{ROSH_LEVEL_LABELS[rosh.level].lower()} RoSH"
    if SEX_OFFENDER in registers:
        return "high", "a registered sex offender"
    if "CSEP" in registers:
        return "high", "a child sexual exploitation case"
    if rosh is not None and rosh.level == "MEDIUM":
        return "medium", "medium RoSH"
    return "low", "low RoSH" if rosh else "RoSH not yet assessed (counted as low)"


def home_visit(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    current = _current(facts)
    if current is None:
        return ()
    _, start = current
    band, why = _home_visit_band(facts)
    timescale = rule.timescales[band]
    visits = sorted(
        c.on
        for c in facts.case.contacts
        if c.on >= start
        and CONTACT_TYPES.get(c.contact_type) is not None
        and CONTACT_TYPES[c.contact_type].home_visit
        and attended(c)
    )
    found = []
    due_on = timescale.due(start)
    first = next((d for d in visits), None)
    if first is not None:
        found.append(
            _done(rule.kind, due_on, first, f"Home visit on {words(first)}{_late(first, due_on)}")
        )
    else:
        found.append(
            _due(
                rule.kind,
                due_on,
                f"Supervision began on {words(start)}; for {why} a home visit is due "
                f"within {timescale.length}, by {words(due_on)}",
            )
        )
    changes = [(d, f"a new address from {words(d)}") for d in facts.addresses_from if d > start]
    changes += [
        (
            c.start_date,
            f"accommodation changed to {ACCOMMODATION_WORDS.get(c.status, c.status.lower())} "
            f"on {words(c.start_date)}",
        )
        for c in facts.case.circumstances
        if c.kind == ACCOMMODATION and c.start_date > start
    ]
    changes += [
        (day, f"RoSH raised to {ROSH_LEVEL_LABELS[level].lower()} on {words(day)}")
        for day, level in rosh_raises(facts.case.registrations)
        if day > start
    ]
    if changes:
        day, change = max(changes)
        again = timescale.due(day)
        subject = f"change {day.isoformat()}"
        after = next((d for d in visits if d >= day), None)
        if after is not None:
            found.append(
                _done(
                    rule.kind, again, after, f"Home visit on {words(after)} after {change}", subject
                )
            )
        else:
            found.append(
                _due(
                    rule.kind,
                    again,
                    f"Concerns are new or escalating ({change}): a home visit is due "
                    f"within {timescale.length} for {why}, by {words(again)}",
                    subject,
                )
            )
    return tuple(found)


def registration_review(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    found = []
    for r in facts.case.active_registrations():
        reviews = [d for d in r.reviewed_on if d <= facts.as_at]
        last = max(reviews, default=None)
        due_on = review_due(r.registered_on, last, r.register)
        if due_on is None:
            continue
        months = REGISTERS[r.register].review_months
        since = (
            f"last reviewed on {words(last)}" if last else f"registered on {words(r.registered_on)}"
        )
        found.append(
            _due(
                rule.kind,
                due_on,
                f"{_label(r.register)}: {since}; reviewed every {months} "
                f"month{'s' if months != 1 else ''}, next by {words(due_on)}",
                _subject(r),
                done_on=last,
            )
        )
    return tuple(found)


def _violent(sentence: SentenceFacts) -> bool:
    offence = lookup_offence(sentence.offence_code)
    return offence is not None and offence.actuarial_category in VIOLENT_CATEGORIES


def mappa_level(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    active = facts.case.active_registrations()
    mappa = [r for r in active if r.register == MAPPA]
    levelled = [r for r in mappa if r.level]
    timescale = rule.timescales["eligible"]
    if levelled:
        r = max(levelled, key=lambda r: r.registered_on)
        return (
            _done(
                rule.kind,
                None,
                r.registered_on,
                f"MAPPA category {r.category.removeprefix('M')}, level "
                f"{r.level.removeprefix('M')} recorded on {words(r.registered_on)}",
            ),
        )
    triggers = [
        (r.registered_on, f"a registered sex offender since {words(r.registered_on)}")
        for r in active
        if r.register == SEX_OFFENDER
    ]
    triggers += [
        (r.registered_on, f"a MAPPA registration on {words(r.registered_on)} has no level")
        for r in mappa
    ]
    sentence = facts.case.current_sentence()
    length = facts.sentence_lengths.get(sentence.event_number) if sentence else None
    if (
        sentence is not None
        and sentence.sentence_type == LICENCE
        and sentence.release_date is not None
        and sentence.release_date <= facts.as_at
        and length is not None
        and (length.months or 0) >= 12
        and _violent(sentence)
    ):
        triggers.append(
            (
                sentence.release_date,
                f"released on {words(sentence.release_date)} from a sentence of 12 months or more "
                "for a violent offence",
            )
        )
    if not triggers:
        return ()
    day, why = min(triggers)
    due_on = timescale.due(day)
    return (
        _due(
            rule.kind, due_on, f"Eligible for MAPPA ({why}): set the MAPPA level by {words(due_on)}"
        ),
    )


def management_oversight(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    if _current(facts) is None:
        return ()
    held = [a for a in facts.allocations if a.end_date is None or a.end_date > facts.as_at]
    if not held:
        return ()
    allocated = max(a.start_date for a in held)
    entries = sorted(
        (o for o in (facts.plans.oversight if facts.plans else ()) if o.recorded_on >= allocated),
        key=lambda o: o.recorded_on,
    )
    last = entries[-1] if entries else None
    if last is None:
        first = rule.timescales["allocation"]
        candidates = [
            (
                first.due(allocated),
                f"Allocated on {words(allocated)}, with no management oversight since",
            )
        ]
        since = allocated
    else:
        every = rule.timescales["regular"]
        candidates = [
            (
                every.due(last.recorded_on),
                f"Management oversight by {last.by_name} on {words(last.recorded_on)}, "
                f"due again within {every.length}",
            )
        ]
        since = last.recorded_on
    event = rule.timescales["event"]
    for r in facts.case.registrations:
        if r.registered_on <= since:
            continue
        if r.register == MAPPA:
            candidates.append(
                (
                    event.due(r.registered_on),
                    f"A new MAPPA registration on {words(r.registered_on)}",
                )
            )
        elif r.register in ("RHRH", "RVHR"):
            level = "very high" if r.register == "RVHR" else "high"
            candidates.append(
                (event.due(r.registered_on), f"RoSH {level} from {words(r.registered_on)}")
            )
    for step in facts.enforcement_steps:
        if step.clock_starts > since:
            candidates.append(
                (event.due(step.clock_starts), f"Enforcement on {words(step.clock_starts)}")
            )
    due_on, why = min(candidates)
    return (
        _due(
            rule.kind,
            due_on,
            f"{why}: record oversight by {words(due_on)}",
            done_on=last.recorded_on if last else None,
        ),
    )


def supervision_appointment(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    current = _current(facts)
    if current is None:
        return ()
    _, start = current
    attended_days = attended_appointments(facts, start)
    if not attended_days:
        return ()
    last = attended_days[-1]
    plans = sorted(
        (facts.plans.sentence_plans if facts.plans else ()), key=lambda p: p.completed_on
    )
    if plans:
        every = plans[-1].contact_every_days
        agreed = f"the sentence plan agrees contact every {every} days"
    else:
        every = rule.timescales["default"].amount
        agreed = f"no sentence plan yet, so contact every {every} days (a local default)"
    due_on = last.fromordinal(last.toordinal() + every)
    coming = sorted(
        (
            a
            for a in arranged(facts)
            if national_standard(a.contact_type) and a.on > last and a.on >= facts.as_at
        ),
        key=lambda a: a.on,
    )
    reason = f"Last attended appointment on {words(last)}; {agreed}"
    if coming and coming[0].on <= due_on:
        return (
            _done(
                rule.kind,
                due_on,
                coming[0].arranged_on,
                f"Next appointment arranged for {words(coming[0].on)}. {reason}",
            ),
        )
    if coming:
        reason += f"; the next arranged, on {words(coming[0].on)}, is later than that"
    return (
        _due(
            rule.kind,
            due_on,
            f"{reason}: the next is due by {words(due_on)}",
            done_on=last,
        ),
    )


def reset_follow_up(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    reset = probation_reset(facts)
    if reset is None or not reset.licence or not reset.ended_supervision(facts.as_at):
        return ()
    due_on = reset.follow_up_on
    held = attended_appointments(facts, reset.point)
    booked = sorted(
        a.on
        for a in arranged(facts)
        if national_standard(a.contact_type) and reset.point <= a.on < reset.end
    )
    if held:
        return (
            _done(
                rule.kind, due_on, held[0], f"Follow-up appointment attended on {words(held[0])}"
            ),
        )
    if booked:
        return (
            _done(
                rule.kind,
                due_on,
                booked[0],
                f"Follow-up appointment arranged for {words(booked[0])}",
            ),
        )
    return (
        _due(
            rule.kind,
            due_on,
            f"Probation Reset: active supervision ended at the two-thirds point on "
            f"{words(reset.point)}; one follow-up appointment is due midway through the final "
            f"third, around {words(due_on)}",
        ),
    )


def sentence_end(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    sentence = facts.case.current_sentence()
    if sentence is None:
        return ()
    length = facts.sentence_lengths.get(sentence.event_number)
    end = length.expected_end if length else None
    if end is None or facts.as_at < end:
        return ()
    return (
        _due(
            rule.kind,
            end,
            f"{SENTENCE_WORDS[sentence.sentence_type]} was expected to end on {words(end)} "
            "and its end has not been recorded",
        ),
    )


def enforcement(rule: EssentialRule, facts: EssentialFacts) -> tuple[Essential, ...]:
    """The enforcement steps of this kind (`caseload.enforcement.domain.enforcement_steps`),
    each due by the rule's timescale from the step's clock."""
    timescale = rule.timescales["step"]
    found = []
    for step in facts.enforcement_steps:
        if step.kind != rule.kind:
            continue
        due_on = timescale.due(step.clock_starts)
        if step.done_on is not None:
            found.append(_done(rule.kind, due_on, step.done_on, step.done_by, step.subject))
        else:
            found.append(
                _due(rule.kind, due_on, f"{step.reason}. Due by {words(due_on)}", step.subject)
            )
    return tuple(found)
