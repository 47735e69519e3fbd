"""The default workload agreement: every timing a local estimate, because none is published.

No per-task minutes are published by HMPPS in any public repository or page. The National
Audit Office ("Efficiency and resilience of the Probation Service", October 2025) reported
that the service had underestimated the staff it needs for sentence management by about 34%
(some 5,400 staff) because task times were significantly underestimated. So these figures are
a starting point for a local agreement, each marked as an estimate, to be tested against the
minutes practitioners record and revised as a new version.
"""

from decimal import Decimal

from caseload.workload.domain.agreement import ANY, Setting, Task, TaskKind, Timing

NAO_2025 = (
    "National Audit Office, Efficiency and resilience of the Probation Service (October 2025): "
    "task times were underestimated; no per-task timings are published"
)
LOCAL = "Local estimate"

DEFAULT_NOTE = (
    "Default agreement. No per-task timings are published; the National Audit Office "
    "(October 2025) found task times had been significantly underestimated. Every timing is a "
    "local estimate, to be tested against the minutes recorded and revised."
)

#: The responsive share: crises, family contact, liaison and adaptations nobody planned.
DEFAULT_RESPONSIVE_SHARE = Decimal(30)
RESPONSIVE_SHARE_SOURCE = (
    "The November 2022 WMT refresh is described by HMPPS as allowing up to 30% for responsive "
    "work, in a description that is not public"
)

_S = Setting
_CONTACTS: tuple[tuple[str, str, Setting, int], ...] = (
    ("COAP", "Office visit", _S.OFFICE, 45),
    ("CHVS", "Home visit", _S.HOME_VISIT, 60),
    ("COVC", "Video call", _S.VIDEO, 40),
    ("COPT", "Phone appointment", _S.PHONE, 30),
    ("CODC", "Planned doorstep visit", _S.HOME_VISIT, 20),
    ("COAI", "Initial appointment in the office", _S.OFFICE, 90),
    ("COHV", "Initial home visit", _S.HOME_VISIT, 90),
    ("COVI", "Initial appointment by video", _S.VIDEO, 75),
    ("UPWS", "Unpaid work session (supervised by unpaid work staff)", _S.OTHER, 0),
    ("CTOA", "Phone call to the person", _S.PHONE, 10),
    ("CTOB", "Phone call from the person", _S.PHONE, 10),
    ("CMOA", "Email or text to the person", _S.WRITTEN, 5),
    ("CMOB", "Email or text from the person", _S.WRITTEN, 5),
    ("CLOA", "Letter to the person", _S.WRITTEN, 15),
    ("CLOB", "Letter from the person", _S.WRITTEN, 5),
    ("CT3A", "Phone call to another agency", _S.PHONE, 15),
    ("CT3B", "Phone call from another agency", _S.PHONE, 15),
    ("C326", "Internal communication", _S.OTHER, 5),
)

#: Report codes are ours; STANDARD and FAST are the points model's two court report types.
_REPORTS: tuple[tuple[str, str, int], ...] = (
    ("STANDARD", "Pre-sentence report, standard delivery", 360),
    ("FAST", "Pre-sentence report, fast delivery", 150),
    ("ORAL", "Oral pre-sentence report", 60),
    ("PAROLE", "Parole report (PAROM 1)", 480),
)

#: The work of each essential beyond any appointment that clears it: an appointment's own
#: minutes are its contact type's, so they are not counted twice.
_ESSENTIALS: tuple[tuple[str, str, int], ...] = (
    ("first_appointment", "First appointment: reading the court papers and preparing", 30),
    ("initial_sentence_plan", "Initial sentence plan", 120),
    ("police_da_enquiry", "Police domestic abuse enquiry", 20),
    ("safeguarding_enquiry", "Children's services safeguarding enquiry", 20),
    ("rosh_assessment", "RoSH assessment", 180),
    ("risk_management_plan", "Risk management plan", 90),
    ("home_visit", "Home visit: planning and risk checks", 15),
    ("registration_review", "Registration review", 30),
    ("mappa_level", "MAPPA level set", 30),
    ("management_oversight", "Management oversight (the manager's time)", 30),
    ("supervision_appointment", "Next supervision appointment: booking it", 10),
    ("reset_follow_up", "Probation Reset follow-up appointment: booking it", 10),
    ("sentence_end", "Recording the end of the sentence", 30),
    ("warning_letter", "Warning letter", 20),
    ("breach_referral", "Breach pack to court", 120),
    ("recall_decision", "Recall decision", 60),
    ("recall_part_a", "Part A to the Public Protection Casework Section", 180),
)

DEFAULT_TIMINGS: tuple[Timing, ...] = (
    *(
        Timing(Task(TaskKind.CONTACT, code), minutes, label, setting, LOCAL)
        for code, label, setting, minutes in _CONTACTS
    ),
    *(
        Timing(Task(TaskKind.REPORT, code), minutes, label, None, LOCAL)
        for code, label, minutes in _REPORTS
    ),
    *(
        Timing(Task(TaskKind.ESSENTIAL, code), minutes, label, None, LOCAL)
        for code, label, minutes in _ESSENTIALS
    ),
    Timing(Task(TaskKind.RECORDING, ANY), 15, "Recording after each contact", None, LOCAL),
    Timing(Task(TaskKind.TRAVEL, ANY), 40, "Travel for a home visit, there and back", None, LOCAL),
)
