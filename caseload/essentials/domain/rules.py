"""The essentials rules, one row per kind, in one table an organisation can read and change.

Each row says what is due and for which cases, what its clock counts from, its timescales and
how each is counted (working days with England and Wales bank holidays, calendar days, weeks,
months, hours), its public source, and how certain that source is, as the sources allow:
"S" sourced, "I" our inference from a source, "U" uncertain (the source is old, or the current
figure was not found), with a note in plain words wherever it is not "S". The row names the
function (`kinds.py`) that applies it and the page that records the fact that clears it.
`docs/essentials.md` is generated from this table (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from caseload.essentials.domain import kinds
from caseload.essentials.domain.kinds import Derive
from caseload.essentials.domain.timescales import Timescale, Unit

CERTAINTY_WORDS = {
    "S": "Sourced: the timescale is in the public source named",
    "I": "Inferred: our reading of the source, which does not give the figure itself",
    "U": "Uncertain: the source is not the current framework",
}


@dataclass(frozen=True)
class EssentialRule:
    kind: str
    title: str
    #: Which cases it applies to, in words.
    applies_to: str
    #: Named timescales (e.g. "community" and "licence"), each with what it counts from.
    timescales: Mapping[str, Timescale]
    source: str
    certainty: str
    #: Why it is not "S", in words ("" when sourced).
    uncertain_note: str
    #: The page that records the fact that clears it: its link text and URL name.
    clears_with_label: str
    clears_with: str
    derive: Derive = field(repr=False, compare=False)
    #: Past the Probation Reset point (and not exempt) this is not required.
    ends_at_reset: bool = False


def _t(amount: int, unit: Unit, counted_from: str) -> Timescale:
    return Timescale(amount, unit, counted_from)


WD, DAYS, WEEKS, MONTHS, HOURS = (
    Unit.WORKING_DAYS,
    Unit.DAYS,
    Unit.WEEKS,
    Unit.MONTHS,
    Unit.HOURS,
)
ARRANGE = ("Arrange an appointment", "arrange_appointment")
ENFORCEMENT = ("Go to compliance and enforcement", "case_compliance")

_RULES = (
    EssentialRule(
        "first_appointment",
        "First appointment",
        "Every community sentence, and every licence once the person is released",
        {
            "community": _t(5, WD, "the sentence date"),
            "licence": _t(1, WD, "the day of release (the day itself or the next working day)"),
        },
        "Performance measure SL004 (community); Criminal Justice Hub guide and standard "
        "licence conditions (licence)",
        "S",
        "",
        *ARRANGE,
        derive=kinds.first_appointment,
    ),
    EssentialRule(
        "initial_sentence_plan",
        "Initial sentence plan",
        "Every sentence, once the first appointment has been attended",
        {"first": _t(15, WD, "the first attended appointment")},
        "Performance measure SL006",
        "S",
        "",
        "Record the sentence plan",
        "record_sentence_plan",
        derive=kinds.initial_sentence_plan,
    ),
    EssentialRule(
        "police_da_enquiry",
        "Police domestic abuse enquiry",
        "Every case at the start of supervision, and again when a domestic abuse registration "
        "(ADVP, ADVV, IMAR, REG30) is added",
        {
            "start": _t(5, WD, "the sentence date or release"),
            "concern": _t(5, WD, "the new registration"),
        },
        "HM Inspectorate of Probation, dynamic inspection of public protection: case "
        "assessment rules (CARaG v1.1, October 2025); HMPPS, mandatory domestic abuse and "
        "safeguarding checks",
        "I",
        "The inspectorate asks for the enquiry at the start and on a new concern but gives no "
        "number of days: 5 working days is ours",
        "Request an enquiry",
        "request_enquiry",
        derive=kinds.police_da_enquiry,
    ),
    EssentialRule(
        "safeguarding_enquiry",
        "Children's services safeguarding enquiry",
        "Every case at the start of supervision, and again when a child concern registration "
        "(RCCO, RCPR, RCHD) is added",
        {
            "start": _t(5, WD, "the sentence date or release"),
            "concern": _t(5, WD, "the new registration"),
        },
        "HM Inspectorate of Probation, dynamic inspection of public protection: case "
        "assessment rules (CARaG v1.1, October 2025); HMPPS, mandatory domestic abuse and "
        "safeguarding checks",
        "I",
        "The inspectorate asks for the enquiry at the start and on a new concern but gives no "
        "number of days: 5 working days is ours",
        "Request an enquiry",
        "request_enquiry",
        derive=kinds.safeguarding_enquiry,
    ),
    EssentialRule(
        "rosh_assessment",
        "RoSH assessment",
        "Every case under supervision: a first assessment, then kept current",
        {
            "first": _t(15, WD, "the first attended appointment"),
            "review": _t(12, MONTHS, "the last assessment"),
            "change": _t(15, WD, "a significant change (accommodation, a higher RoSH level)"),
        },
        "HM Inspectorate of Probation, case assessment rules (CARaG v1.1, October 2025): "
        "assessment of risk of harm; OASys review on significant change",
        "U",
        "The first assessment's 15 working days is our reading (one up to 6 months before "
        "the start, pre-sentence or before release, counts); the OASys review cycle was not "
        "found, so 12 months is a placeholder",
        "Record a RoSH assessment",
        "new_rosh_summary",
        derive=kinds.rosh_assessment,
    ),
    EssentialRule(
        "risk_management_plan",
        "Risk management plan",
        "Cases whose RoSH is medium, high or very high",
        {"rosh": _t(15, WD, "the RoSH registration")},
        "HM Inspectorate of Probation, case assessment rules (CARaG v1.1, October 2025): "
        "planning to keep other people safe",
        "I",
        "The inspectorate asks for a plan where RoSH is medium or above but gives no number of "
        "days: 15 working days is ours",
        "Record the risk management plan",
        "record_risk_management_plan",
        derive=kinds.risk_management_plan,
    ),
    EssentialRule(
        "home_visit",
        "Home visit",
        "Every case under supervision; again when concerns are new or escalating (a higher "
        "RoSH level, a new address or accommodation status)",
        {
            "high": _t(15, DAYS, "the start of supervision (high or very high RoSH, ARSO, CSEP)"),
            "medium": _t(6, WEEKS, "the start of supervision (medium RoSH)"),
            "low": _t(12, WEEKS, "the start of supervision (low RoSH)"),
        },
        "HMPPS Home Visits Policy Framework (rolled out by January 2022)",
        "I",
        "The framework says a repeat visit is due at the earliest opportunity when concerns "
        "are new or escalating: we use the same timescale again from the change",
        *ARRANGE,
        derive=kinds.home_visit,
        ends_at_reset=True,
    ),
    EssentialRule(
        "registration_review",
        "Registration review",
        "Every registration in force whose register has a review period",
        {"review": _t(3, MONTHS, "the registration or its last review (the register's period)")},
        "Delius register reference data (ministryofjustice/hmpps-manage-supervisions@408a47d6)",
        "S",
        "",
        "Review the registration",
        "review_registration",
        derive=kinds.registration_review,
    ),
    EssentialRule(
        "mappa_level",
        "MAPPA level set",
        "Cases eligible for MAPPA: a registered sex offender (ARSO), a MAPPA registration "
        "without a level, or a licence for a violent offence of 12 months or more",
        {"eligible": _t(5, WD, "what made the case eligible")},
        "MAPPA statutory guidance (eligibility by offence, sentence and notification); HM "
        "Inspectorate of Probation, case assessment rules (CARaG v1.1, October 2025)",
        "I",
        "Eligibility from the offence and sentence length is our reading, and 5 working days "
        "is ours",
        "Add a MAPPA registration",
        "new_registration",
        derive=kinds.mappa_level,
    ),
    EssentialRule(
        "management_oversight",
        "Management oversight",
        "Every allocated case; again after high or very high RoSH, a new MAPPA registration, "
        "or a breach or recall step",
        {
            "allocation": _t(10, WD, "the allocation"),
            "regular": _t(3, MONTHS, "the last oversight"),
            "event": _t(5, WD, "the event"),
        },
        "HM Inspectorate of Probation, case assessment rules (CARaG v1.1, October 2025); "
        "annual report 2022-23 (oversight sufficient in 28% of cases)",
        "I",
        "The inspectorate asks for oversight but the published guidance gives no "
        "timescale: 10 working days, 3 months and 5 working days are ours",
        "Record management oversight",
        "record_management_oversight",
        derive=kinds.management_oversight,
        ends_at_reset=True,
    ),
    EssentialRule(
        "supervision_appointment",
        "Next supervision appointment",
        "Every case under supervision, after its first attended appointment",
        {"default": _t(7, DAYS, "the last attended appointment, before a sentence plan")},
        "The sentence plan's agreed contact frequency",
        "I",
        "Before a sentence plan agrees a frequency, 7 days is a local default",
        *ARRANGE,
        derive=kinds.supervision_appointment,
        ends_at_reset=True,
    ),
    EssentialRule(
        "reset_follow_up",
        "Probation Reset follow-up appointment",
        "Licences past the two-thirds point that are not exempt (MAPPA, very high RoSH, "
        "child protection)",
        {"follow_up": _t(0, DAYS, "the day midway through the final third of the licence")},
        "HMPPS Probation Reset guidance, 2024 (as summarised by Safeguarding Children "
        "Partnerships)",
        "S",
        "",
        *ARRANGE,
        derive=kinds.reset_follow_up,
    ),
    EssentialRule(
        "sentence_end",
        "Record the end of the sentence",
        "A sentence past its expected end date with no end recorded",
        {"end": _t(0, DAYS, "the expected end date")},
        "Manage People on Probation's expected end date "
        "(ministryofjustice/hmpps-manage-people-on-probation-ui)",
        "S",
        "",
        "Go to the sentence",
        "case_sentence",
        derive=kinds.sentence_end,
    ),
    EssentialRule(
        "warning_letter",
        "Warning letter",
        "A first unacceptable failure to comply",
        {"step": _t(2, WD, "the failure")},
        "MoJ design research (ministryofjustice/manage-supervisions-design-history@301b1165) "
        "and training material; the warning itself: Sentencing Code Sch. 10 para 6",
        "U",
        "From training and design-research sources, not the current framework",
        *ENFORCEMENT,
        derive=kinds.enforcement,
    ),
    EssentialRule(
        "breach_referral",
        "Breach pack to court",
        "A further failure within 12 months of a warning, or an immediate breach",
        {"step": _t(10, WD, "the failure")},
        "MoJ design research 2021 (ministryofjustice/manage-supervisions-design-history); "
        "historically a National Standard; the referral itself: Sentencing Code Sch. 10 para 7",
        "U",
        "From 2021 design research and an old National Standard, not the current framework",
        *ENFORCEMENT,
        derive=kinds.enforcement,
    ),
    EssentialRule(
        "recall_decision",
        "Recall decision",
        "A licence case where a recall is being considered",
        {"step": _t(0, WD, "the day the recall was considered")},
        "Criminal Justice Act 2003 s.254; the recall recommendation and manager's decision of "
        "ministryofjustice/make-recall-decision-api",
        "I",
        "The guidance says a manager decides but gives no timescale: the same working day is ours",
        *ENFORCEMENT,
        derive=kinds.enforcement,
    ),
    EssentialRule(
        "recall_part_a",
        "Part A to the Public Protection Casework Section",
        "A decision to recall",
        {"step": _t(24, HOURS, "the decision to recall")},
        "PSI 30/2014, Recall, review and re-release of recalled prisoners",
        "U",
        "From the older PSI 30/2014 wording",
        *ENFORCEMENT,
        derive=kinds.enforcement,
    ),
)

RULES: Mapping[str, EssentialRule] = MappingProxyType({rule.kind: rule for rule in _RULES})


def step_deadline(kind: str, clock_starts: date) -> tuple[date, str]:
    """The day an enforcement step is due by and its timescale in words, from the step's row
    in `RULES`: the enforcement panel and API read the same table as the essentials."""
    timescale = RULES[kind].timescales["step"]
    return timescale.due(clock_starts), timescale.words()
