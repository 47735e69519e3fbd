"""People, sentences and circumstances as the pure rules see them, with the behaviour of their
codes and the validation of a change of circumstances (no Django).

The codes are the ones in `caseload.people.constants` (Django choices with their labels); this
module says what each code *means* for the rules, and a test keeps the two lists in step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from caseload.core.dates import add_months, in_force, past_date_problems
from caseload.core.errors import FieldProblem
from caseload.core.versions import day_in_words

#: Sentence types and the Delius custodial type each counts as for tiering (hmpps-tier reads
#: `NC` non-custodial and `SC` custodial): custody with licence and post-sentence supervision
#: follow a custodial sentence. Our mapping: Delius's own sentence list is not public.
DELIUS_SENTENCE_TYPE = {"CO": "CO", "SSO": "SSO", "LIC": "SC", "PSS": "SC"}
LICENCE = "LIC"

#: Requirements that restrict rather than rehabilitate, so carry no mandate for change (tiering).
RESTRICTIVE_REQUIREMENTS = frozenset({"CUR", "EXC", "PROH", "FTP", "AAMR"})

ACCOMMODATION = "ACCOMMODATION"
EMPLOYMENT = "EMPLOYMENT"
#: Accommodation statuses that count as no fixed abode or transient (predictors and tier needs).
UNSETTLED_ACCOMMODATION = frozenset({"TEMPORARY", "NFA"})
UNEMPLOYED = "UNEMPLOYED"
CIRCUMSTANCE_STATUSES: dict[str, frozenset[str]] = {
    ACCOMMODATION: frozenset({"SETTLED", "APPROVED_PREMISES", "TEMPORARY", "NFA", "CUSTODY"}),
    EMPLOYMENT: frozenset(
        {
            "EMPLOYED_FT",
            "EMPLOYED_PT",
            "SELF_EMPLOYED",
            "EDUCATION_TRAINING",
            UNEMPLOYED,
            "NOT_AVAILABLE",
        }
    ),
}


def has_sexual_offence_history(
    contact_adult: int, contact_child: int, indecent_images: int, non_contact: int
) -> bool:
    """Any sexual sanction of any kind (the predictors' `hasEverCommittedSexualOffence`)."""
    return contact_adult + contact_child + indecent_images + non_contact > 0


@dataclass(frozen=True)
class CriminalHistoryFacts:
    total_sanctions: int
    violent_sanctions: int
    first_sanction_date: date
    contact_adult_sexual_sanctions: int
    contact_child_sexual_sanctions: int
    indecent_image_sanctions: int
    non_contact_sexual_offences: int
    most_recent_sexual_offence_date: date | None

    @property
    def sexual_offence_history(self) -> bool:
        return has_sexual_offence_history(
            self.contact_adult_sexual_sanctions,
            self.contact_child_sexual_sanctions,
            self.indecent_image_sanctions,
            self.non_contact_sexual_offences,
        )


@dataclass(frozen=True)
class RequirementFacts:
    category: str
    length: int | None
    length_unit: str
    electronic_monitoring: bool
    start_date: date
    end_date: date | None

    def active_on(self, day: date) -> bool:
        return in_force(self.start_date, self.end_date, day)

    @property
    def restrictive(self) -> bool:
        return self.category in RESTRICTIVE_REQUIREMENTS


@dataclass(frozen=True)
class SentenceFacts:
    event_number: int
    offence_code: str
    offence_date: date
    conviction_date: date
    sentence_type: str
    sentence_date: date
    release_date: date | None
    termination_date: date | None
    requirements: tuple[RequirementFacts, ...] = ()

    def active_on(self, day: date) -> bool:
        return in_force(self.sentence_date, self.termination_date, day)

    @property
    def follow_up_date(self) -> date:
        """Start of the community sentence, or release from custody: the predictors' start of
        follow-up (hmpps-arns-risk-actuarial-api, `dateAtStartOfFollowup`)."""
        return self.release_date or self.sentence_date

    def in_custody_on(self, day: date) -> bool:
        """A licence whose release has not happened yet."""
        return self.sentence_type == LICENCE and (
            self.release_date is None or self.release_date > day
        )

    @property
    def delius_type(self) -> str:
        return DELIUS_SENTENCE_TYPE.get(self.sentence_type, self.sentence_type)


@dataclass(frozen=True)
class CircumstanceFacts:
    kind: str
    status: str
    start_date: date
    end_date: date | None

    def active_on(self, day: date) -> bool:
        return in_force(self.start_date, self.end_date, day)

    @property
    def unsettled_accommodation(self) -> bool:
        return self.kind == ACCOMMODATION and self.status in UNSETTLED_ACCOMMODATION

    @property
    def unemployed(self) -> bool:
        return self.kind == EMPLOYMENT and self.status == UNEMPLOYED


@dataclass(frozen=True)
class CircumstanceChange:
    """A new accommodation or employment status, before it is written."""

    kind: str | None
    status: str | None
    start_date: date | None
    #: The start of the status it replaces, if one is current.
    current_since: date | None = None


def validate_circumstance(change: CircumstanceChange, *, today: date) -> list[FieldProblem]:
    """Every rule a change of circumstances must meet; all problems at once, in form order."""
    problems = []
    if change.kind not in CIRCUMSTANCE_STATUSES:
        problems.append(FieldProblem("kind", "unknown_code", "Select accommodation or employment"))
    elif change.status not in CIRCUMSTANCE_STATUSES[change.kind]:
        problems.append(FieldProblem("status", "unknown_code", "Select a status from the list"))
    problems += past_date_problems(
        "start_date",
        change.start_date,
        now=today,
        required="Enter the date the change happened",
        label="Date of the change",
    )
    if (
        change.kind in CIRCUMSTANCE_STATUSES
        and not any(p.field == "start_date" for p in problems)
        and change.current_since is not None
        and change.start_date is not None
        and change.start_date < change.current_since
    ):
        problems.append(
            FieldProblem(
                "start_date",
                "after_current",
                f"Date of the change must be on or after {change.current_since:%d %B %Y}, "
                "when the current status began",
            )
        )
    return problems


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on `day`."""
    had_birthday = (day.month, day.day) >= (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - (0 if had_birthday else 1)


def notional_end(start: date, length: int, unit: str) -> date:
    """The end of a period of `length` months or days from `start` (exclusive, like every
    period). Hours (unpaid work) have no calendar end."""
    if unit == "MONTHS":
        return add_months(start, length)
    if unit == "DAYS":
        return start + timedelta(days=length)
    raise ValueError(f"A length in {unit!r} has no end date")


def expected_end_date(
    sentence_type: str,
    sentence_date: date,
    length: int,
    length_unit: str,
    licence_expiry_date: date | None,
) -> date | None:
    """A licence ends at its licence expiry date; any other sentence at its notional end, from
    the sentence date and length (MPoP's expected end date: the entered end date, otherwise
    sentence date + length, hmpps-manage-people-on-probation-ui)."""
    if sentence_type == LICENCE:
        return licence_expiry_date
    if length_unit in ("MONTHS", "DAYS"):
        return notional_end(sentence_date, length, length_unit)
    return None


def two_thirds_point(start: date, end: date) -> date:
    """Two thirds of the way from `start` to `end`, to the day (rounded down): the Probation
    Reset point of a licence or a community order (HMPPS Probation Reset guidance, 2024)."""
    return start + timedelta(days=(end - start).days * 2 // 3)


def probation_reset_exemption(
    *, mappa: bool, very_high_rosh: bool, child_protection: bool
) -> str | None:
    """Why a case keeps active supervision past the two-thirds point, or None if it does not.

    Exempt (HMPPS Probation Reset guidance, June 2024): MAPPA cases of any category and level,
    very high RoSH and active child protection. National Security Division and intensive
    supervision court cases are exempt too, but neither is recorded here."""
    if mappa:
        return "a MAPPA case"
    if very_high_rosh:
        return "very high risk of serious harm"
    if child_protection:
        return "active child protection"
    return None


@dataclass(frozen=True)
class Progress:
    """Ordered, done and left of a requirement, in its own unit (minutes, days)."""

    ordered: int
    done: int

    @property
    def remaining(self) -> int:
        return max(self.ordered - self.done, 0)

    @property
    def percent_done(self) -> int:
        """Whole per cent of the order done, at most 100 (credit beyond the order is kept in
        `done` but not shown as more than complete)."""
        if self.ordered <= 0:
            return 100
        return min(self.done * 100 // self.ordered, 100)


def unpaid_work_progress(ordered_hours: int, minutes_credited: Iterable[int]) -> Progress:
    """Unpaid work in minutes, as Delius counts it (minutes ordered, minutes credited): the
    hours ordered against the minutes credited at each session."""
    return Progress(ordered=ordered_hours * 60, done=sum(minutes_credited))


def rar_progress(ordered_days: int, activity_days: Iterable[date]) -> Progress:
    """Rehabilitation activity days: a RAR's days are counted once each, however many RAR
    activities happened on one day (Delius counts RAR-flagged contacts by day)."""
    return Progress(ordered=ordered_days, done=len(set(activity_days)))


def hours_and_minutes(minutes: int) -> str:
    """ "12 hours 30 minutes", "1 hour", "45 minutes", "0 hours" for a count of minutes."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours or not rest:
        parts.append(f"{hours} hour{'' if hours == 1 else 's'}")
    if rest:
        parts.append(f"{rest} minute{'' if rest == 1 else 's'}")
    return " ".join(parts)


# --- Personal details: addresses, phone and email, personal contacts, disabilities ----------

MAIN_ADDRESS = "MAIN"
PREVIOUS_ADDRESS = "PREVIOUS"
ADDRESS_KINDS = frozenset({MAIN_ADDRESS, "SECONDARY", "APPROVED_PREMISES", PREVIOUS_ADDRESS})
PERSONAL_CONTACT_KINDS = frozenset({"NEXT_OF_KIN", "GP", "FAMILY", "EMERGENCY", "OTHER"})
DISABILITY_KINDS = frozenset(
    {
        "LEARNING_DISABILITY",
        "LEARNING_DIFFICULTY",
        "MENTAL_HEALTH",
        "MOBILITY",
        "HEARING",
        "VISUAL",
        "SPEECH",
        "DEXTERITY",
        "AUTISM",
        "PROGRESSIVE",
        "OTHER",
    }
)
ADJUSTMENT_NEEDS = frozenset(
    {
        "GROUND_FLOOR",
        "WHEELCHAIR",
        "LARGE_PRINT",
        "EASY_READ",
        "HEARING_LOOP",
        "BSL_INTERPRETER",
        "LONGER_APPOINTMENT",
        "REMINDER",
        "QUIET_ROOM",
        "OTHER",
    }
)

#: A UK postcode: outward code (area, district, optional sub-district) and inward code (sector
#: digit and two unit letters), as Royal Mail formats them; "GIR 0AA" is the one exception.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
#: Characters people write inside a phone number that carry no digit.
_PHONE_PUNCTUATION = re.compile(r"[\s\-().]")
#: The local part and domain of an email address: what GOV.UK Notify accepts, near enough.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@([A-Za-z0-9\-]+\.)+[A-Za-z]{2,}$")
MAX_EMAIL = 254
MAX_SHORT_TEXT = 100
MAX_NOTES = 10_000


def normalise_postcode(text: str) -> str | None:
    """The postcode in capitals with one space before the inward code ("SW1A 1AA"), or None
    if `text` is not a UK postcode. Spaces anywhere and lower case are forgiven."""
    compact = re.sub(r"\s+", "", text).upper()
    if compact == "GIR0AA":
        return "GIR 0AA"
    found = _POSTCODE.match(compact)
    return f"{found.group(1)} {found.group(2)}" if found else None


def normalise_phone(text: str) -> str | None:
    """A UK phone number as digits from its leading 0 ("07700900123"), or an international
    one as "+" and its digits; None if `text` is neither.

    UK numbers have 10 digits after the 0 (a few old area codes 9): "+44" and "(0)" are read as
    the 0. Any other "+" number is kept if it has 7 to 15 digits (ITU-T E.164). We check the
    form only, not that a number is allocated: Ofcom's drama numbers are valid here.
    """
    compact = _PHONE_PUNCTUATION.sub("", text.replace("(0)", ""))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+44"):
        compact = "0" + compact[3:]
    if compact.startswith("+"):
        digits = compact[1:]
        if digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 15:
            return compact
        return None
    if compact.isascii() and compact.isdigit() and compact[:1] == "0" and len(compact) in (10, 11):
        return compact
    return None


def is_uk_mobile(number: str) -> bool:
    """A normalised UK number in the 07 range that Ofcom allocates to mobiles (not 070,
    personal numbering, nor 076, pagers)."""
    return len(number) == 11 and number.startswith("07") and number[2] not in "06"


def is_email_address(text: str) -> bool:
    return len(text) <= MAX_EMAIL and ".." not in text and _EMAIL.match(text) is not None


def _text_problems(
    field: str, value: str, label: str, *, required: str = "", limit: int = MAX_SHORT_TEXT
) -> list[FieldProblem]:
    if not value.strip():
        return [FieldProblem(field, "required", required)] if required else []
    if len(value) > limit:
        return [FieldProblem(field, "max_length", f"{label} must be {limit:,} characters or fewer")]
    return []


def _code_problems(
    field: str, value: str | None, codes: frozenset[str], what: str
) -> list[FieldProblem]:
    if not value:
        return [FieldProblem(field, "required", f"Select {what}")]
    if value not in codes:
        return [FieldProblem(field, "unknown_code", f"Select {what} from the list")]
    return []


@dataclass(frozen=True)
class AddressInput:
    """An address as entered, before it is written."""

    kind: str | None
    line_1: str
    line_2: str
    town: str
    postcode: str
    start_date: date | None
    end_date: date | None = None
    #: When the current main address began, if a new main address would end it.
    current_main_since: date | None = None


def validate_address(address: AddressInput, *, today: date) -> list[FieldProblem]:
    """Every rule an address must meet, in form order. A main address has no "to" date (a
    later main address ends it); a previous address must have one."""
    problems = _code_problems("kind", address.kind, ADDRESS_KINDS, "the type of address")
    problems += _text_problems(
        "line_1", address.line_1, "Address line 1", required="Enter address line 1"
    )
    problems += _text_problems("line_2", address.line_2, "Address line 2")
    problems += _text_problems(
        "town", address.town, "Town or city", required="Enter the town or city"
    )
    if not address.postcode.strip():
        problems.append(FieldProblem("postcode", "required", "Enter the postcode"))
    elif normalise_postcode(address.postcode) is None:
        problems.append(FieldProblem("postcode", "invalid", "Enter a real postcode, like SW1A 1AA"))
    problems += past_date_problems(
        "start_date",
        address.start_date,
        now=today,
        required="Enter the date they started living there",
        label="From date",
    )
    start_ok = not any(p.field == "start_date" for p in problems)
    if (
        address.kind == MAIN_ADDRESS
        and start_ok
        and address.current_main_since is not None
        and address.start_date is not None
        and address.start_date <= address.current_main_since
    ):
        since = day_in_words(address.current_main_since)
        problems.append(
            FieldProblem(
                "start_date",
                "after_current",
                f"From date must be after {since}, when the current main address began",
            )
        )
    if address.kind == MAIN_ADDRESS and address.end_date is not None:
        problems.append(
            FieldProblem(
                "end_date",
                "not_allowed",
                "A main address has no to date: record the new main address instead",
            )
        )
    elif address.kind == PREVIOUS_ADDRESS and address.end_date is None:
        problems.append(FieldProblem("end_date", "required", "Enter the date they left"))
    elif address.end_date is not None:
        problems += end_date_problems(
            address.start_date if start_ok else None, address.end_date, today=today
        )
    return problems


def end_date_problems(
    start: date | None, end: date | None, *, today: date, field: str = "end_date"
) -> list[FieldProblem]:
    """An end ("to") date: given, not in the future, and after the start (periods end
    exclusive, so a period ending on its start day never ran)."""
    problems = past_date_problems(
        field, end, now=today, required="Enter the to date", label="To date"
    )
    if not problems and start is not None and end is not None and end <= start:
        problems.append(FieldProblem(field, "after_start", "To date must be after the from date"))
    return problems


@dataclass(frozen=True)
class PhoneAndEmail:
    mobile: str
    phone: str
    email: str


def validate_phone_and_email(details: PhoneAndEmail) -> list[FieldProblem]:
    """Each may be left blank (not everyone has one); what is given must look right."""
    problems = []
    if details.mobile.strip():
        number = normalise_phone(details.mobile)
        if number is None or (number.startswith("0") and not is_uk_mobile(number)):
            problems.append(
                FieldProblem(
                    "mobile",
                    "invalid",
                    "Enter a mobile number, like 07700 900 982 or +44 7700 900 982",
                )
            )
    if details.phone.strip() and normalise_phone(details.phone) is None:
        problems.append(
            FieldProblem(
                "phone", "invalid", "Enter a phone number, like 01632 960 001 or +44 808 157 0192"
            )
        )
    if details.email.strip() and not is_email_address(details.email.strip()):
        problems.append(
            FieldProblem(
                "email",
                "invalid",
                "Enter an email address in the correct format, like name@example.com",
            )
        )
    return problems


@dataclass(frozen=True)
class PersonalContactInput:
    kind: str | None
    name: str
    relationship: str
    phone: str
    address: str
    notes: str


def validate_personal_contact(contact: PersonalContactInput) -> list[FieldProblem]:
    problems = _code_problems("kind", contact.kind, PERSONAL_CONTACT_KINDS, "the type of contact")
    problems += _text_problems("name", contact.name, "Name", required="Enter their name")
    problems += _text_problems(
        "relationship",
        contact.relationship,
        "Relationship",
        required="Enter their relationship to the person, for example mother or GP",
    )
    if contact.phone.strip() and normalise_phone(contact.phone) is None:
        problems.append(
            FieldProblem(
                "phone", "invalid", "Enter a phone number, like 01632 960 001 or 07700 900 982"
            )
        )
    problems += _text_problems("address", contact.address, "Address", limit=500)
    problems += _text_problems("notes", contact.notes, "Notes", limit=MAX_NOTES)
    return problems


@dataclass(frozen=True)
class DisabilityInput:
    kind: str | None
    start_date: date | None
    adjustments: tuple[str, ...]
    notes: str


def validate_disability(disability: DisabilityInput, *, today: date) -> list[FieldProblem]:
    problems = _code_problems("kind", disability.kind, DISABILITY_KINDS, "the type of disability")
    problems += past_date_problems(
        "start_date",
        disability.start_date,
        now=today,
        required="Enter the date it was recorded or began",
        label="From date",
    )
    if any(need not in ADJUSTMENT_NEEDS for need in disability.adjustments):
        problems.append(
            FieldProblem("adjustments", "unknown_code", "Select adjustments from the list")
        )
    problems += _text_problems("notes", disability.notes, "Notes", limit=MAX_NOTES)
    return problems


def validate_language(language: str) -> list[FieldProblem]:
    return _text_problems(
        "preferred_language",
        language,
        "Preferred language",
        required="Enter their preferred language, for example English",
        limit=60,
    )


def phone_in_words(number: str) -> str:
    """A stored number grouped as people read it: "07700 900 123", "020 7946 0000",
    "01632 960 001"; an international one as stored."""
    if number.startswith("02") and len(number) == 11:
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if number.startswith("0") and len(number) == 11:
        return f"{number[:5]} {number[5:8]} {number[8:]}"
    return number


# The record's own facts as a migration brings them (`caseload import`): no page records a
# person, a conviction or a sentence (they come from the courts and the source system), so
# these rules are the ones the import holds every row to. Codes as in `people.constants`
# (a test keeps the lists in step).

SEXES = frozenset({"MALE", "FEMALE", "NOT_RECORDED"})
_ANSWERED = ("PREFER_NOT_TO_SAY", "NOT_RECORDED")
EQUALITY_CODES: dict[str, frozenset[str]] = {
    "gender_identity": frozenset({"SAME_AS_SEX", "DIFFERENT", *_ANSWERED}),
    "ethnicity": frozenset({"ASIAN", "BLACK", "MIXED", "WHITE", "OTHER", *_ANSWERED}),
    "religion": frozenset(
        {"NONE", "CHRISTIAN", "MUSLIM", "HINDU", "SIKH", "JEWISH", "BUDDHIST", "OTHER", *_ANSWERED}
    ),
    "sexual_orientation": frozenset(
        {"HETEROSEXUAL", "GAY_LESBIAN", "BISEXUAL", "OTHER", *_ANSWERED}
    ),
    "disability": frozenset({"YES", "NO", *_ANSWERED}),
}
SENTENCE_TYPES = frozenset(DELIUS_SENTENCE_TYPE)
CUSTODIAL_SENTENCE_TYPES = frozenset({LICENCE, "PSS"})
SENTENCE_LENGTH_UNITS = frozenset({"MONTHS", "DAYS"})
LENGTH_UNITS = frozenset({"HOURS", *SENTENCE_LENGTH_UNITS})
REQUIREMENT_CATEGORIES = frozenset(
    {"W", "F", "CUR", "PROG", "DRR", "ATR", "MHTR", "RES", "EXC", "PROH", "AAMR", "FTP"}
)
LICENCE_CONDITION_CATEGORIES = frozenset(
    {
        "RESIDENCE",
        "CURFEW",
        "NON_CONTACT",
        "EXCLUSION_ZONE",
        "PROGRAMME",
        "DRUG_TESTING",
        "POLYGRAPH",
        "OTHER",
    }
)
_CRN = re.compile(r"^[A-Z][0-9]{6}$")
_OFFENCE_CODE = re.compile(r"^[0-9]{5}$")
#: The youngest and oldest a person on probation can be: the age of criminal responsibility in
#: England and Wales is 10 (Children and Young Persons Act 1933 s.50).
YOUNGEST, OLDEST = 10, 120


def _on_or_after(
    field: str, later: date | None, earlier: date | None, *, rule: str, message: str
) -> list[FieldProblem]:
    """`later` may fall on `earlier`'s day but not before it; either may be missing."""
    if later is not None and earlier is not None and later < earlier:
        return [FieldProblem(field, rule, message)]
    return []


def period_problems(
    start: date | None, end: date | None, *, field: str = "end_date"
) -> list[FieldProblem]:
    """A period ends after it starts (the end date is exclusive, like every period's)."""
    if start is not None and end is not None and end <= start:
        return [FieldProblem(field, "after_start", "The end date must be after the start date")]
    return []


@dataclass(frozen=True)
class NewPerson:
    crn: str
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: date | None
    pnc_number: str
    sex: str | None
    #: gender_identity, ethnicity, religion, sexual_orientation and disability.
    equality: dict[str, str]
    nationality: str
    preferred_language: str


def validate_person(person: NewPerson, *, today: date) -> list[FieldProblem]:
    problems = []
    if not _CRN.match(person.crn):
        problems.append(
            FieldProblem("crn", "crn_format", "A CRN is one capital letter and six digits")
        )
    problems += _text_problems(
        "first_name", person.first_name, "First name", required="Enter the first name"
    )
    problems += _text_problems(
        "last_name", person.last_name, "Last name", required="Enter the last name"
    )
    problems += _text_problems("preferred_name", person.preferred_name, "Preferred name")
    problems += past_date_problems(
        "date_of_birth",
        person.date_of_birth,
        now=today,
        required="Enter the date of birth",
        label="Date of birth",
    )
    if (
        person.date_of_birth is not None
        and not problems_for(problems, "date_of_birth")
        and not YOUNGEST <= age_on(person.date_of_birth, today) <= OLDEST
    ):
        message = f"The person must be between {YOUNGEST} and {OLDEST} years old"
        problems.append(FieldProblem("date_of_birth", "age", message))
    problems += _text_problems("pnc_number", person.pnc_number, "PNC number", limit=20)
    problems += _code_problems("sex", person.sex, SEXES, "the sex registered at birth")
    for field, code in person.equality.items():
        if field not in EQUALITY_CODES or code not in EQUALITY_CODES[field]:
            problems.append(FieldProblem(field, "unknown_code", "Select an answer from the list"))
    problems += _text_problems("nationality", person.nationality, "Nationality", limit=60)
    problems += _text_problems(
        "preferred_language", person.preferred_language, "Preferred language", limit=60
    )
    return problems


def problems_for(problems: Iterable[FieldProblem], field: str) -> bool:
    return any(p.field == field for p in problems)


@dataclass(frozen=True)
class CriminalHistoryInput:
    total_sanctions: int
    violent_sanctions: int
    first_sanction_date: date | None
    contact_adult_sexual_sanctions: int
    contact_child_sexual_sanctions: int
    indecent_image_sanctions: int
    non_contact_sexual_offences: int
    most_recent_sexual_offence_date: date | None


def validate_criminal_history(
    history: CriminalHistoryInput, *, date_of_birth: date | None, today: date
) -> list[FieldProblem]:
    """The PNC facts the predictors need: the current sanction counts, so at least one."""
    problems = []
    if history.total_sanctions < 1:
        message = "Total sanctions must be at least 1: the current one counts"
        problems.append(FieldProblem("total_sanctions", "out_of_range", message))
    counts = (
        "violent_sanctions",
        "contact_adult_sexual_sanctions",
        "contact_child_sexual_sanctions",
        "indecent_image_sanctions",
        "non_contact_sexual_offences",
    )
    for field in counts:
        value = getattr(history, field)
        if value < 0 or value > history.total_sanctions:
            message = "Must be between 0 and the total number of sanctions"
            problems.append(FieldProblem(field, "out_of_range", message))
    problems += past_date_problems(
        "first_sanction_date",
        history.first_sanction_date,
        now=today,
        required="Enter the date of the first sanction",
        label="Date of the first sanction",
    )
    if (
        history.first_sanction_date is not None
        and date_of_birth is not None
        and history.first_sanction_date < date_of_birth
    ):
        message = "The first sanction must be on or after the date of birth"
        problems.append(FieldProblem("first_sanction_date", "before_birth", message))
    if history.most_recent_sexual_offence_date is not None:
        problems += past_date_problems(
            "most_recent_sexual_offence_date",
            history.most_recent_sexual_offence_date,
            now=today,
            required="",
            label="Date of the most recent sexual offence",
        )
    return problems


@dataclass(frozen=True)
class NewEvent:
    number: int
    offence_code: str
    offence_description: str
    offence_date: date | None
    conviction_date: date | None
    court: str


def validate_event(event: NewEvent, *, today: date) -> list[FieldProblem]:
    problems = []
    if event.number < 1:
        problems.append(FieldProblem("number", "out_of_range", "An event number is 1 or more"))
    if not _OFFENCE_CODE.match(event.offence_code):
        message = "A Home Office offence code is exactly five digits"
        problems.append(FieldProblem("offence_code", "offence_code_format", message))
    problems += _text_problems(
        "offence_description", event.offence_description, "Offence description", limit=200
    )
    problems += past_date_problems(
        "offence_date",
        event.offence_date,
        now=today,
        required="Enter the date of the offence",
        label="Date of the offence",
    )
    problems += past_date_problems(
        "conviction_date",
        event.conviction_date,
        now=today,
        required="Enter the date of conviction",
        label="Date of conviction",
    )
    problems += _on_or_after(
        "conviction_date",
        event.conviction_date,
        event.offence_date,
        rule="before_offence",
        message="The date of conviction must be on or after the date of the offence",
    )
    problems += _text_problems("court", event.court, "Court")
    return problems


@dataclass(frozen=True)
class NewSentence:
    sentence_type: str | None
    sentence_date: date | None
    length: int
    length_unit: str | None
    release_date: date | None
    automatic_release_date: date | None
    licence_expiry_date: date | None
    termination_date: date | None
    termination_reason: str
    #: The date of conviction of the event sentenced.
    conviction_date: date | None = None


def validate_sentence(sentence: NewSentence, *, today: date) -> list[FieldProblem]:
    problems = _code_problems(
        "sentence_type", sentence.sentence_type, SENTENCE_TYPES, "the type of sentence"
    )
    problems += past_date_problems(
        "sentence_date",
        sentence.sentence_date,
        now=today,
        required="Enter the date of sentence",
        label="Date of sentence",
    )
    problems += _on_or_after(
        "sentence_date",
        sentence.sentence_date,
        sentence.conviction_date,
        rule="before_conviction",
        message="The date of sentence must be on or after the date of conviction",
    )
    if sentence.length < 1:
        problems.append(FieldProblem("length", "out_of_range", "The length must be 1 or more"))
    problems += _code_problems(
        "length_unit", sentence.length_unit, SENTENCE_LENGTH_UNITS, "months or days"
    )
    custodial = sentence.sentence_type in CUSTODIAL_SENTENCE_TYPES
    for field in ("release_date", "automatic_release_date", "licence_expiry_date"):
        if getattr(sentence, field) is not None and not custodial:
            message = "Only a custodial sentence has release dates"
            problems.append(FieldProblem(field, "custody_only", message))
    # The day of sentence itself is allowed: time served on remand can mean release that day.
    problems += _on_or_after(
        "release_date",
        sentence.release_date,
        sentence.sentence_date,
        rule="before_sentence",
        message="The release date must be on or after the date of sentence",
    )
    problems += period_problems(
        sentence.sentence_date, sentence.termination_date, field="termination_date"
    )
    problems += _text_problems(
        "termination_reason", sentence.termination_reason, "Termination reason"
    )
    return problems


@dataclass(frozen=True)
class NewRequirement:
    category: str | None
    length: int | None
    length_unit: str
    start_date: date | None
    end_date: date | None
    termination_reason: str


def validate_requirement(requirement: NewRequirement) -> list[FieldProblem]:
    problems = _code_problems(
        "category", requirement.category, REQUIREMENT_CATEGORIES, "the requirement"
    )
    if (requirement.length is None) != (not requirement.length_unit):
        message = "Give the length and its unit together, or neither"
        problems.append(FieldProblem("length_unit", "together", message))
    elif requirement.length_unit and requirement.length_unit not in LENGTH_UNITS:
        message = "Select hours, days or months"
        problems.append(FieldProblem("length_unit", "unknown_code", message))
    elif requirement.length is not None and requirement.length < 1:
        problems.append(FieldProblem("length", "out_of_range", "The length must be 1 or more"))
    if requirement.start_date is None:
        problems.append(FieldProblem("start_date", "required", "Enter the start date"))
    problems += period_problems(requirement.start_date, requirement.end_date)
    problems += _text_problems(
        "termination_reason", requirement.termination_reason, "Termination reason"
    )
    return problems


@dataclass(frozen=True)
class NewLicenceCondition:
    category: str | None
    description: str
    start_date: date | None
    end_date: date | None


def validate_licence_condition(condition: NewLicenceCondition) -> list[FieldProblem]:
    problems = _code_problems(
        "category", condition.category, LICENCE_CONDITION_CATEGORIES, "the licence condition"
    )
    problems += _text_problems("description", condition.description, "Description", limit=300)
    if condition.start_date is None:
        problems.append(FieldProblem("start_date", "required", "Enter the start date"))
    problems += period_problems(condition.start_date, condition.end_date)
    return problems
