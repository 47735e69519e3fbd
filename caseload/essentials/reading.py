"""Reading essentials, as every surface (Today, the Overview, the case's essentials page, the
team view, the API) shows them: the cache as at `today`, with the overrides in force.

The cache stores DUE, DONE and NOT_REQUIRED. Here, as read, a due essential whose due date has
passed is OVERDUE, and one with an override in force is SNOOZED (a snooze) or NOT_REQUIRED (a
practitioner's "not applicable", with their reason): both are decided from the day, never
stored, so they are never out of date. The caller has already chosen the cases through the
access function (`get_case_for_user`, `visible_cases`); nothing here widens them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.db.models import QuerySet
from django.urls import NoReverseMatch, get_urlconf, reverse

from caseload.core.memo import remembered
from caseload.core.versions import day_in_words
from caseload.essentials.domain.essential import STATE_LABELS, State
from caseload.essentials.domain.rules import CERTAINTY_WORDS, RULES
from caseload.essentials.models import EssentialDue, EssentialOverride, OverrideKind
from caseload.people.models import Person
from caseload.risk.constants import ROSH_CODES
from caseload.risk.domain import ROSH_LEVEL_OF_REGISTER, ROSH_LEVELS
from caseload.risk.models import Registration
from caseload.tiering.models import CaseTier

OPEN_STATES: frozenset[State] = frozenset({State.DUE, State.OVERDUE})
ALL_STATES: frozenset[State] = frozenset(State)


@dataclass(frozen=True)
class OverrideView:
    """A snooze or a "not applicable" on one essential, as recorded."""

    id: int
    version: int
    crn: str
    person_id: int
    person_name: str
    kind: str
    subject: str
    title: str
    override: str
    override_label: str
    reason: str
    until: date
    by_name: str
    at: datetime

    @property
    def snooze(self) -> bool:
        return self.override == OverrideKind.SNOOZE


@dataclass(frozen=True)
class EssentialView:
    """One essential as a page or the API shows it, as at `today`."""

    crn: str
    person_id: int
    kind: str
    subject: str
    title: str
    state: State
    due_on: date | None
    reason: str
    source: str
    certainty: str
    uncertain_note: str
    clears_with_label: str
    clears_with_url: str
    override: OverrideView | None
    person_name: str = ""
    done_on: date | None = None
    #: Every timescale of the rule in words, e.g. "within 5 working days of the sentence date".
    timescale: str = ""
    #: The RoSH level (LOW ... VERY_HIGH) and primary tier, for ordering and for lists.
    rosh: str = ""
    tier: str = ""

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def certainty_words(self) -> str:
        return CERTAINTY_WORDS.get(self.certainty, "")


def _name(user: object) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", ""))


def _override_view(row: EssentialOverride, person: Person) -> OverrideView:
    rule = RULES.get(row.kind)
    return OverrideView(
        id=row.pk,
        version=row.version,
        crn=person.crn,
        person_id=person.pk,
        person_name=person.full_name,
        kind=row.kind,
        subject=row.subject,
        title=rule.title if rule else row.kind,
        override=row.override,
        override_label=row.get_override_display(),
        reason=row.reason,
        until=row.until,
        by_name=_name(row.by),
        at=row.at,
    )


def clears_with_url(kind: str, subject: str, crn: str) -> str:
    """The page that records the fact that clears it; "" where that page is not installed."""
    rule = RULES.get(kind)
    if rule is None or not rule.clears_with:
        return ""
    registration_id = None
    if kind == "registration_review" and subject.startswith("registration "):
        registration_id = int(subject.removeprefix("registration "))
    urls = get_urlconf() or settings.ROOT_URLCONF
    return _url_pattern(rule.clears_with, registration_id, urls).replace(_ANY_CRN, crn)


#: Stands for the CRN in a reversed URL, so that a list of many cases' essentials reverses each
#: page once rather than once a row.
_ANY_CRN = "CRNCRNCRN"


@lru_cache(maxsize=512)
def _url_pattern(url_name: str, registration_id: int | None, urlconf: str) -> str:
    kwargs: dict[str, object] = {"crn": _ANY_CRN}
    if registration_id is not None:
        kwargs["registration_id"] = registration_id
    try:
        return reverse(url_name, kwargs=kwargs, urlconf=urlconf)
    except NoReverseMatch:
        return ""


@lru_cache(maxsize=128)
def _timescale_words(kind: str) -> str:
    rule = RULES.get(kind)
    return "; ".join(t.words() for t in rule.timescales.values()) if rule else ""


def _read_state(row: EssentialDue, override: EssentialOverride | None, today: date) -> State:
    stored = State(row.state)
    if stored is not State.DUE:
        return stored
    if override is not None:
        return State.SNOOZED if override.override == OverrideKind.SNOOZE else State.NOT_REQUIRED
    if row.due_on is not None and row.due_on < today:
        return State.OVERDUE
    return State.DUE


def _view(
    row: EssentialDue,
    person: Person,
    override: EssentialOverride | None,
    today: date,
    *,
    rosh: str = "",
    tier: str = "",
) -> EssentialView:
    rule = RULES.get(row.kind)
    state = _read_state(row, override, today)
    shown = _override_view(override, person) if override and row.state == State.DUE else None
    reason = row.reason
    if shown is not None:
        reason = (
            f"{shown.override_label} by {shown.by_name} until {day_in_words(shown.until)}: "
            f"{shown.reason}. {row.reason}"
        )
    return EssentialView(
        crn=person.crn,
        person_id=person.pk,
        kind=row.kind,
        subject=row.subject,
        title=rule.title if rule else row.kind,
        state=state,
        due_on=row.due_on,
        reason=reason,
        source=rule.source if rule else "",
        certainty=rule.certainty if rule else "",
        uncertain_note=rule.uncertain_note if rule else "",
        clears_with_label=rule.clears_with_label if rule else "",
        clears_with_url=clears_with_url(row.kind, row.subject, person.crn),
        override=shown,
        person_name=person.full_name,
        done_on=row.done_on,
        timescale=_timescale_words(row.kind),
        rosh=rosh,
        tier=tier,
    )


def _overrides(
    person_ids: Iterable[int], today: date
) -> dict[tuple[int, str, str], EssentialOverride]:
    found: dict[tuple[int, str, str], EssentialOverride] = {}
    rows = (
        EssentialOverride.objects.in_force(today)
        .filter(person_id__in=list(person_ids))
        .select_related("by")
        .order_by("at", "pk")
    )
    for row in rows:  # the latest in force wins
        found[(row.person_id, row.kind, row.subject)] = row
    return found


def _order(view: EssentialView) -> tuple[object, ...]:
    """Overdue first, then RoSH (very high first), tier (highest first), due date."""
    rosh = -ROSH_LEVELS.index(view.rosh) if view.rosh in ROSH_LEVELS else 1
    letter = view.tier[:1] or "Z"
    number = -int(view.tier[1:]) if view.tier[1:].isdigit() else 0
    return (
        view.state is not State.OVERDUE,
        rosh,
        letter,
        number,
        view.due_on or date.max,
        view.crn,
        view.kind,
        view.subject,
    )


def essentials_for_case(person: Person, *, today: date) -> list[EssentialView]:
    """Every essential on one case (every state), overdue first then by due date; read once
    for a case page (`caseload.core.memo`: the identity bar's flag and the overview's panel)."""
    return remembered(("essentials", person.pk, today), lambda: _essentials_for_case(person, today))


def _essentials_for_case(person: Person, today: date) -> list[EssentialView]:
    overrides = _overrides([person.pk], today)
    rows = EssentialDue.objects.filter(person=person)
    views = [
        _view(row, person, overrides.get((person.pk, row.kind, row.subject)), today) for row in rows
    ]
    return sorted(views, key=_order)


def _rosh_by_person(person_ids: list[int], today: date) -> dict[int, str]:
    found: dict[int, tuple[date, str]] = {}
    rows = (
        Registration.objects.active_on(today)
        .filter(person_id__in=person_ids, register__in=ROSH_CODES)
        .values_list("person_id", "registered_on", "register")
    )
    for person_id, registered_on, register in rows:
        if person_id not in found or registered_on > found[person_id][0]:
            found[person_id] = (registered_on, ROSH_LEVEL_OF_REGISTER[register])
    return {person_id: level for person_id, (_, level) in found.items()}


def _tier_by_person(person_ids: list[int]) -> dict[int, str]:
    field = "v3_tier" if settings.PRIMARY_TIER_FRAMEWORK == "v3" else "v2_tier"
    return dict(CaseTier.objects.filter(person_id__in=person_ids).values_list("person_id", field))


#: What a stored state may read as: only a due essential turns overdue (by the date), snoozed or
#: not required (by an override in force) when read.
READS_AS = {
    State.DUE: {State.DUE, State.OVERDUE, State.SNOOZED, State.NOT_REQUIRED},
    State.DONE: {State.DONE},
    State.NOT_REQUIRED: {State.NOT_REQUIRED},
}


def _stored_states(wanted: set[State]) -> list[str]:
    """The stored states that may read as one of `wanted`, so that a list of open work never
    loads the done ones."""
    return [stored.value for stored, read in READS_AS.items() if read & wanted]


def essentials_for_cases(
    people: QuerySet[Person], *, today: date, states: Collection[State] = OPEN_STATES
) -> list[EssentialView]:
    """The essentials on many cases (chosen by the caller through the access function) whose
    state as read is in `states`, in priority order: overdue first, then by RoSH (very high
    first), tier and due date. Four queries, whatever the number of cases."""
    wanted = set(states)
    rows = list(
        EssentialDue.objects.filter(person__in=people, state__in=_stored_states(wanted))
        .select_related("person")
        .order_by("person_id", "kind", "subject")
    )
    person_ids = sorted({row.person_id for row in rows})
    overrides = _overrides(person_ids, today)
    rosh = _rosh_by_person(person_ids, today)
    tiers = _tier_by_person(person_ids)
    views = []
    for row in rows:
        override = overrides.get((row.person_id, row.kind, row.subject))
        if _read_state(row, override, today) not in wanted:
            continue
        views.append(
            _view(
                row,
                row.person,
                override,
                today,
                rosh=rosh.get(row.person_id, ""),
                tier=tiers.get(row.person_id, ""),
            )
        )
    return sorted(views, key=_order)


def overrides_on(people: QuerySet[Person], *, today: date) -> list[OverrideView]:
    """Every override in force on these cases, soonest to end first. Pass cases chosen by the
    access function (a manager's `visible_cases` in their team), so a case the reader is kept
    out of never shows."""
    rows = (
        EssentialOverride.objects.in_force(today)
        .filter(person__in=people)
        .select_related("person", "by")
        .order_by("until", "pk")
    )
    return [_override_view(row, row.person) for row in rows]


def override_in_force(
    person: Person, kind: str, subject: str, *, today: date
) -> OverrideView | None:
    row = (
        EssentialOverride.objects.in_force(today)
        .filter(person=person, kind=kind, subject=subject)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )
    return _override_view(row, person) if row else None
