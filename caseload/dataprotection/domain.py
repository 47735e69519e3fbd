"""Data-protection rules: what a reviewer must check before a subject-access export is released,
and when a closed case is due for deletion. Pure: no Django.

**Subject access** (UK GDPR Article 15, Data Protection Act 2018 s.45 for law-enforcement
processing): the person is entitled to their own data, but not to other people's. Before release
a reviewer checks every value that may identify or describe someone else: the names of staff,
anything written in words (a note may name a victim, a partner, a child), and any short text
field nobody has yet said is safe. Values are marked, never removed: the decision to redact is
the reviewer's, not the program's.

**Retention**: a case is *closed* once none of its sentences is in force and none of its
allocations is open; it is due for deletion when it has been closed for the configured number of
years. The HMPPS "Records, Information Management and Retention Policy" (PSI 04/2018, PI 02/2018,
published on gov.uk) governs probation case records; its retention schedule is not reproduced in
any public source we could read, so the default of seven years after the end of supervision is
the figure commonly cited for probation case records, not a quotation. It is a setting
(`RETENTION_YEARS_AFTER_CLOSURE`) with a hard minimum below which no configuration may go.
Public-protection cases (MAPPA, ViSOR, sex offender and terrorism registrations, life and IPP
sentences) and limited-access cases are held for a person to decide, not deleted by a schedule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# --- Subject access: what to check before release -------------------------------------------


class FieldKind(StrEnum):
    """What kind of value a field holds, as far as third-party data is concerned."""

    STAFF = "a member of staff or a user"
    FREE_TEXT = "free text"
    SHORT_TEXT = "short text without a fixed list of values"
    CODED = "a code, number, date or flag"


STAFF_NAME = "third party: staff name"
FREE_TEXT = "free text: may mention other people (victims, family, others)"
SENSITIVE_TEXT = "sensitive contact: may mention other people; may need to be withheld"
UNCLASSIFIED = "unclassified text: may mention other people"
THIRD_PARTY = "third party: a personal contact (next of kin, family, GP) and their details"

#: Short text fields that hold only the subject's own details or codes: nothing to check.
PLAIN_TEXT: frozenset[tuple[str, str]] = frozenset(
    {
        ("people.person", "crn"),
        ("enforcement.failuredecision", "previous_action"),
        ("enforcement.failuredecision", "action"),
        ("people.person", "first_name"),
        ("people.person", "last_name"),
        ("people.person", "preferred_name"),
        ("people.person", "pnc_number"),
        ("people.person", "nationality"),
        ("people.person", "preferred_language"),
        ("people.event", "offence_code"),
        ("people.event", "offence_description"),
        ("people.event", "court"),
        ("people.circumstance", "status"),
        ("people.address", "line_1"),
        ("people.address", "line_2"),
        ("people.address", "town"),
        ("people.address", "postcode"),
        ("people.phoneandemail", "mobile"),
        ("people.phoneandemail", "phone"),
        ("people.phoneandemail", "email"),
        ("risk.registration", "category"),
        ("risk.registration", "level"),
        ("risk.predictorscore", "predictor"),
        ("risk.predictorscore", "band"),
        ("risk.predictorscore", "score_type"),
        ("risk.predictorscorechange", "predictor"),
        ("risk.predictorscorechange", "band"),
        ("risk.predictorscorechange", "score_type"),
        ("risk.predictorscorechange", "cause"),
        ("tiering.casetier", "v2_tier"),
        ("tiering.casetier", "v2_protect"),
        ("tiering.casetier", "v3_tier"),
        ("tiering.tierchange", "framework"),
        ("tiering.tierchange", "previous_tier"),
        ("tiering.tierchange", "new_tier"),
        ("tiering.tierchange", "cause"),
        ("essentials.essentialdue", "kind"),
        ("essentials.essentialdue", "subject"),
        ("essentials.essentialoverride", "kind"),
        ("essentials.essentialoverride", "subject"),
    }
)

#: Short text fields written in words by a person: checked like notes.
DESCRIPTIVE_TEXT: frozenset[tuple[str, str]] = frozenset(
    {
        ("people.sentence", "termination_reason"),
        ("people.requirement", "termination_reason"),
        ("people.licencecondition", "description"),
        ("access.limitedaccess", "reason"),
        ("diary.appointment", "location"),
    }
)

#: Fields that name or describe a third party in the person's life: always checked.
THIRD_PARTY_TEXT: frozenset[tuple[str, str]] = frozenset(
    {
        ("people.personalcontact", "name"),
        ("people.personalcontact", "relationship"),
        ("people.personalcontact", "phone"),
        ("people.personalcontact", "address"),
    }
)

#: Fields every history row has (django-simple-history) that are written in words.
DESCRIPTIVE_ON_EVERY_MODEL = frozenset({"history_change_reason"})

#: A record flagged with this field (a contact's "sensitive" flag) has its text checked harder.
SENSITIVE_FLAG = "sensitive"

#: Said once above a whole section, for data whose disclosure is itself a decision.
SECTION_NOTES: Mapping[str, str] = {
    "access.limitedaccess": (
        "Who may or may not see this case, and why. Check whether telling the person this "
        "would put anyone at risk before release."
    ),
    "safeguarding.enquiry": (
        "What the police, children's services or adult services shared about the person. "
        "It may identify victims, children or other people: ask the agency that shared it "
        "before release."
    ),
}


def is_classified(model: str, field: str) -> bool:
    """Whether someone has decided if a short text field needs checking."""
    pair = (model, field)
    return (
        pair in PLAIN_TEXT
        or pair in DESCRIPTIVE_TEXT
        or pair in THIRD_PARTY_TEXT
        or field in DESCRIPTIVE_ON_EVERY_MODEL
    )


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def review_reason(
    model: str, field: str, kind: FieldKind, value: object, *, sensitive: bool = False
) -> str | None:
    """Why a reviewer must check this value before release, or None when nothing to check.

    `model` is the record's model label ("contacts.contact"), the same for its history rows.
    """
    if _is_empty(value):
        return None
    if kind is FieldKind.STAFF:
        return STAFF_NAME
    if (model, field) in THIRD_PARTY_TEXT:
        return THIRD_PARTY
    words = kind is FieldKind.FREE_TEXT or (
        kind is FieldKind.SHORT_TEXT
        and ((model, field) in DESCRIPTIVE_TEXT or field in DESCRIPTIVE_ON_EVERY_MODEL)
    )
    if words:
        return SENSITIVE_TEXT if sensitive else FREE_TEXT
    if kind is FieldKind.SHORT_TEXT and (model, field) not in PLAIN_TEXT:
        return UNCLASSIFIED
    return None


def review_reasons(model: str, record: Mapping[str, tuple[FieldKind, object]]) -> dict[str, str]:
    """Every value of one record that needs checking, with why: field name → reason."""
    _, flag = record.get(SENSITIVE_FLAG, (FieldKind.CODED, False))
    sensitive = flag is True
    reasons = {
        name: review_reason(model, name, kind, value, sensitive=sensitive)
        for name, (kind, value) in record.items()
    }
    return {name: reason for name, reason in reasons.items() if reason is not None}


# --- Retention: when a closed case is due for deletion --------------------------------------

#: No configuration may keep a closed case for less than this many years.
MINIMUM_RETENTION_YEARS = 6
DEFAULT_RETENTION_YEARS = 7

#: Registers whose registration, while in force, keeps a case from deletion: public protection.
HOLDING_REGISTERS: Mapping[str, str] = {
    "MAPP": "MAPPA registration",
    "AVIS": "ViSOR registration",
    "ARSO": "sex offender registration",
    "RTAO": "Terrorism Act offender registration",
    "INLL": "life or IPP sentence registration",
}


class RetentionTooShort(ValueError):
    pass


def retention_years(configured: int) -> int:
    """The configured retention period, refused when below the hard minimum."""
    if configured < MINIMUM_RETENTION_YEARS:
        raise RetentionTooShort(
            f"RETENTION_YEARS_AFTER_CLOSURE is {configured}; closed cases must be kept for at "
            f"least {MINIMUM_RETENTION_YEARS} years"
        )
    return configured


@dataclass(frozen=True)
class Period:
    """A sentence (sentence date to termination) or an allocation (start to end)."""

    start: date
    end: date | None


def closed_since(periods: Iterable[Period], *, day: date, recorded_on: date) -> date | None:
    """The day the case closed, as seen on `day`: the latest end of its sentences and
    allocations once every one has ended; None while any is in force or open.

    A record with no sentence and no allocation at all has been closed since it was recorded.
    """
    ends: list[date] = []
    for period in periods:
        if period.end is None or period.end > day:
            return None
        ends.append(period.end)
    return max(ends) if ends else recorded_on


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def held_reasons(
    registers_in_force: Iterable[str], limited_access_in_force: Iterable[str]
) -> tuple[str, ...]:
    """Why a case due for deletion is kept: each holding registration or limited-access list
    in force ("exclusion", "restriction")."""
    registers = sorted({code for code in registers_in_force if code in HOLDING_REGISTERS})
    lists = sorted(set(limited_access_in_force))
    return tuple(
        [f"{HOLDING_REGISTERS[code]} in force" for code in registers]
        + [f"{kind} list in force" for kind in lists]
    )


@dataclass(frozen=True)
class RetentionDecision:
    crn: str
    closed_since: date
    due_on: date
    held: tuple[str, ...]

    @property
    def to_delete(self) -> bool:
        return not self.held


def retention_decision(
    crn: str,
    periods: Iterable[Period],
    *,
    recorded_on: date,
    day: date,
    years: int,
    registers_in_force: Iterable[str] = (),
    limited_access_in_force: Iterable[str] = (),
) -> RetentionDecision | None:
    """What retention does with one case on `day`: None when it is open or not yet due."""
    closed = closed_since(periods, day=day, recorded_on=recorded_on)
    if closed is None:
        return None
    due = add_years(closed, retention_years(years))
    if due > day:
        return None
    return RetentionDecision(
        crn, closed, due, held_reasons(registers_in_force, limited_access_in_force)
    )
