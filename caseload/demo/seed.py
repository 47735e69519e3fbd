"""Writes a synthetic delivery unit into the database (bulk, with history rows)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.contacts.models import Contact
from caseload.demo.actual_minutes import add_actual_minutes
from caseload.demo.bulk import create_rows_with_history, create_with_history, fast_sqlite_writes
from caseload.demo.diary import PlannedAppointment, plan_diary
from caseload.demo.enforcement import PlannedBreach, consistent_enforcement
from caseload.demo.generator import SyntheticPerson, synthetic_person
from caseload.demo.personal_details import personal_details
from caseload.demo.plans_and_enquiries import demo_gaps
from caseload.demo.plans_seed import DemoGaps, write_plans_and_enquiries
from caseload.demo.reports import demo_practitioners_reports, others_reports, report_problems
from caseload.demo.showcase import enforcement_showcase
from caseload.demo.upkeep import demo_lapses
from caseload.demo.upkeep_seed import DemoLapses, plan_upkeep, write_upkeep
from caseload.demo.validate import problems_in
from caseload.diary.domain import (
    APPOINTMENT_TYPES,
    NewAppointment,
    location_for,
    validate_appointment,
)
from caseload.diary.models import Appointment, AppointmentSeries
from caseload.enforcement.models import Breach
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation, DeliveryUnit, Region, Staff, Team
from caseload.people.models import (
    Address,
    Adjustment,
    Circumstance,
    CriminalHistory,
    Disability,
    Event,
    LicenceCondition,
    Person,
    PersonalContact,
    PhoneAndEmail,
    Requirement,
    Sentence,
)
from caseload.reports.models import Report
from caseload.risk.models import Assessment, Registration
from caseload.workload.aggregate import ESTABLISHMENT_GRADES
from caseload.workload.models import EstablishmentPosts

DEMO_ROLES = (
    ("practitioner", Role.PRACTITIONER, Grade.PO),
    ("manager", Role.MANAGER, Grade.SPO),
    ("head", Role.HEAD_OF_PDU, Grade.OTHER),
    ("analyst", Role.ANALYST, Grade.OTHER),
    ("rep", Role.STAFF_REP, Grade.OTHER),
    ("admin", Role.ADMIN, Grade.OTHER),
)
CASE_WEIGHT = {Grade.PO: 1.0, Grade.PSO: 0.85, Grade.TRAINEE: 0.5}
HOURS = (
    Decimal("37"),
    Decimal("37"),
    Decimal("37"),
    Decimal("30"),
    Decimal("22.5"),
    Decimal("18.5"),
)
STAFF_FIRST = (
    "Priya",
    "Tom",
    "Grace",
    "Sam",
    "Olu",
    "Hannah",
    "Ben",
    "Zara",
    "Matt",
    "Ffion",
    "Niall",
    "Ruth",
)


class SeedError(Exception):
    pass


@dataclass
class SeedSummary:
    delivery_unit: str
    people: int
    staff: int
    contacts: int
    users: list[dict[str, str]]


def _user(username: str, first: str, last: str, password: str | None, *, superuser: bool = False):  # type: ignore[no-untyped-def]
    User = get_user_model()
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        is_staff=superuser,
        is_superuser=superuser,
        email=f"{username}@example.justice.gov.uk",
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def _organisation(
    rng: random.Random, seed: int, n_staff: int, password: str | None, demo_users: bool
):  # type: ignore[no-untyped-def]
    region, _ = Region.objects.get_or_create(code="LON", defaults={"name": "London"})
    pdu_code = f"PDU{seed:03d}"
    if DeliveryUnit.objects.filter(code=pdu_code).exists():
        raise SeedError(
            f"--seed {seed}: delivery unit {pdu_code} already exists; choose another seed"
        )
    pdu = DeliveryUnit.objects.create(region=region, code=pdu_code, name=f"Northbridge {seed} PDU")
    teams = [
        Team.objects.create(
            delivery_unit=pdu, code=f"T{seed}-{i + 1:02d}", name=f"Northbridge {seed} team {i + 1}"
        )
        for i in range(max(1, round(n_staff / 8)))
    ]
    staff: list[Staff] = []
    users: list[dict[str, str]] = []
    if demo_users:
        for username, role, grade in DEMO_ROLES:
            user = _user(
                username, username.capitalize(), "Demo", password, superuser=role == Role.ADMIN
            )
            staff.append(
                Staff.objects.create(
                    user=user,
                    officer_code=f"DEMO{len(staff):03d}",
                    grade=grade,
                    role=role,
                    team=teams[0],
                    contracted_hours=Decimal("37"),
                )
            )
            users.append({"username": username, "role": str(role)})
    for i in range(n_staff):
        team = teams[i % len(teams)]
        manager = not Staff.objects.filter(team=team, role=Role.MANAGER).exists()
        grade = (
            Grade.SPO
            if manager
            else Grade(rng.choices([Grade.PO, Grade.PSO, Grade.TRAINEE], [5, 4, 1])[0])
        )
        user = _user(f"s{seed:03d}{i:03d}", rng.choice(STAFF_FIRST), f"Officer{i}", None)
        staff.append(
            Staff.objects.create(
                user=user,
                officer_code=f"N{seed}-{i:03d}",
                grade=grade,
                role=Role.MANAGER if manager else Role.PRACTITIONER,
                team=team,
                contracted_hours=Decimal("37") if manager else rng.choice(HOURS),
            )
        )
    return pdu, staff, users


def _allocation_targets(rng: random.Random, staff: list[Staff], people: int) -> list[Staff]:
    """One staff member per person, in proportion to grade and contracted hours."""
    holders = [s for s in staff if s.grade in CASE_WEIGHT and s.role == Role.PRACTITIONER]
    weights = [CASE_WEIGHT[Grade(s.grade)] * float(s.contracted_hours) for s in holders]
    total = sum(weights)
    targets: list[Staff] = []
    for s, w in zip(holders, weights, strict=True):
        targets += [s] * round(people * w / total)
    while len(targets) < people:
        targets.append(rng.choice(holders))
    rng.shuffle(targets)
    return targets[:people]


def _write_people(batch: list[SyntheticPerson], targets: list[Staff]) -> int:
    create_with_history(
        [
            Person(
                crn=p.crn,
                first_name=p.first_name,
                last_name=p.last_name,
                sex=p.sex,
                date_of_birth=p.date_of_birth,
                nationality="British",
                **p.equality,
            )
            for p in batch
        ],
        Person,
    )
    by_crn = {p.crn: p for p in Person.objects.filter(crn__in=[p.crn for p in batch])}
    rows: dict[type, list[Any]] = {
        m: []
        for m in (
            CriminalHistory,
            Event,
            Registration,
            Circumstance,
            Allocation,
            Assessment,
            Contact,
            Address,
            PhoneAndEmail,
            PersonalContact,
            Disability,
        )
    }
    for p, staff in zip(batch, targets, strict=True):
        person = by_crn[p.crn]
        rows[CriminalHistory].append({"person": person, **p.history})
        rows[Event].append({"person": person, **p.event})
        rows[Registration] += [{"person": person, **r} for r in p.registrations]
        rows[Circumstance] += [{"person": person, **c} for c in p.circumstances]
        # Allocated at the start of supervision, so the oversight since then counts.
        supervision = p.sentence["release_date"] or p.sentence["sentence_date"]
        rows[Allocation].append(
            {"person": person, "staff": staff, "team_id": staff.team_id, "start_date": supervision}
        )
        if p.assessment:
            rows[Assessment].append({"person": person, **p.assessment})
        rows[Contact] += [{"person": person, "staff": staff, **c} for c in p.contacts]
    disabilities = _personal_details(batch, by_crn, rows)
    for model, objs in rows.items():
        if model is Disability:
            create_with_history(objs, model, batch_size=2000)  # the adjustments need their keys
        else:
            create_rows_with_history(model, objs, batch_size=2000)
    create_with_history(
        [Adjustment(disability=d, need=need) for d, needs in disabilities for need in needs],
        Adjustment,
        batch_size=2000,
    )
    events = {
        e.person.crn: e
        for e in Event.objects.filter(person__crn__in=by_crn).select_related("person")
    }
    create_with_history([Sentence(event=events[p.crn], **p.sentence) for p in batch], Sentence)
    by_event = {
        s.event.person.crn: s
        for s in Sentence.objects.filter(event__person__crn__in=by_crn).select_related(
            "event__person"
        )
    }
    create_with_history(
        [Requirement(sentence=by_event[p.crn], **r) for p in batch for r in p.requirements],
        Requirement,
    )
    create_with_history(
        [
            LicenceCondition(sentence=by_event[p.crn], **c)
            for p in batch
            for c in p.licence_conditions
        ],
        LicenceCondition,
    )
    return sum(len(p.contacts) for p in batch)


def _write_breaches(planned: dict[str, list[PlannedBreach]]) -> None:
    """The planned breaches, each started by its failure's contact (one query for the batch)."""
    crns = [crn for crn, breaches in planned.items() if breaches]
    if not crns:
        return
    failures = {
        (c.person.crn, c.happened_at): c
        for c in Contact.objects.filter(
            person__crn__in=crns, enforcement_action="IBR"
        ).select_related("person")
    }
    sentences = {
        s.event.person.crn: s
        for s in Sentence.objects.filter(event__person__crn__in=crns).select_related(
            "event__person"
        )
    }
    create_with_history(
        [
            Breach(
                person=sentences[crn].event.person,
                sentence=sentences[crn],
                started_by=failures[(crn, b.happened_at)],
                started_on=b.started_on,
                pack_sent_on=b.pack_sent_on,
                outcome=b.outcome,
                outcome_on=b.outcome_on,
            )
            for crn in crns
            for b in planned[crn]
        ],
        Breach,
    )


def _personal_details(
    batch: list[SyntheticPerson], by_crn: dict[str, Person], rows: dict[type, list[Any]]
) -> list[tuple[Disability, tuple[str, ...]]]:
    """Adds each person's addresses, phone and email, contacts and disabilities to `rows`;
    returns the disabilities with the adjustments to write once they have keys."""
    disabilities = []
    for p in batch:
        person = by_crn[p.crn]
        accommodation = next(c for c in p.circumstances if c["kind"] == "ACCOMMODATION")
        details = personal_details(
            p.crn,
            first_name=p.first_name,
            last_name=p.last_name,
            accommodation=str(accommodation["status"]),
            since=accommodation["start_date"],  # type: ignore[arg-type]
            disabled=p.equality.get("disability", ""),
        )
        rows[Address] += [{"person": person, **a} for a in details.addresses]
        rows[PhoneAndEmail].append({"person": person, **details.phone_and_email})
        rows[PersonalContact] += [{"person": person, **c} for c in details.personal_contacts]
        for d in details.disabilities:
            fields = {k: v for k, v in d.items() if k != "adjustments"}
            disability = Disability(person=person, **fields)
            rows[Disability].append(disability)
            disabilities.append((disability, tuple(d["adjustments"])))  # type: ignore[arg-type]
    return disabilities


def seed_delivery_unit(
    *,
    people: int,
    seed: int,
    password: str | None = None,
    demo_users: bool = False,
    progress: Callable[[int], None] = lambda n: None,
    batch_size: int = 500,
    now: datetime | None = None,
) -> SeedSummary:
    """`now` (aware; the current time unless given) fixes every date the unit is drawn around,
    so that a given seed and `now` always write the same rows."""
    rng = random.Random(seed)
    #: Its own generator: the enforcement decisions leave every other draw as it was.
    enforcement_rng = random.Random(f"enforcement-{seed}")
    #: Its own generator too: the minutes actually spent change no other figure.
    actual_rng = random.Random(f"actual-{seed}")
    now = now or timezone.now()
    today = timezone.localdate(now)
    letter = chr(ord("A") + seed % 26)
    with fast_sqlite_writes(), transaction.atomic():
        pdu, staff, users = _organisation(
            rng, seed, max(6, round(people / 37)), password, demo_users
        )
        if demo_users:
            # The demo practitioner holds a full caseload of 45 (fewer in a tiny unit).
            practitioner = next(s for s in staff if s.user.username == "practitioner")
            quota = min(45, max(1, people // 30))
            others = _allocation_targets(
                rng, [s for s in staff if s is not practitioner], people - quota
            )
            targets = [practitioner] * quota + others
            rng.shuffle(targets)
        else:
            targets = _allocation_targets(rng, staff, people)
        contacts = 0
        base = (seed // 26) * 100_000
        crns = [f"{letter}{(base + i + 1) % 1_000_000:06d}" for i in range(people)]
        gaps = DemoGaps()
        lapses = DemoLapses()
        if demo_users:
            caseload = [crn for crn, t in zip(crns, targets, strict=True) if t is practitioner]
            gaps.by_crn = demo_gaps(random.Random(f"plans-{seed}"), caseload)
            lapses.by_crn = demo_lapses(random.Random(f"upkeep-{seed}"), caseload)
        for offset in range(0, people, batch_size):
            count = min(batch_size, people - offset)
            batch = [synthetic_person(rng, crns[offset + i], today) for i in range(count)]
            for p in batch:
                add_actual_minutes(actual_rng, p.contacts, today)
            holders = targets[offset : offset + count]
            upkeep, invalid = plan_upkeep(
                batch, holders, seed=seed, now=now, today=today, lapses=lapses
            )
            if invalid:
                raise SeedError("generated upkeep breaks the rules: " + "; ".join(invalid[:5]))
            breaches = {
                p.crn: consistent_enforcement(
                    enforcement_rng, p.contacts, str(p.sentence["sentence_type"]), today
                )
                for p in batch
            }
            if Person.objects.filter(crn__in=[p.crn for p in batch]).exists():
                raise SeedError(f"--seed {seed} would reuse existing CRNs; choose another seed")
            invalid = [line for p in batch for line in problems_in(p, now=now, today=today)]
            if invalid:
                raise SeedError("generated facts break the rules: " + "; ".join(invalid[:5]))
            contacts += _write_people(batch, holders)
            _write_breaches(breaches)
            write_upkeep(upkeep, {p.crn: h for p, h in zip(batch, holders, strict=True)})
            invalid = write_plans_and_enquiries(batch, holders, today=today, gaps=gaps)
            if invalid:
                raise SeedError("generated plans break the rules: " + "; ".join(invalid[:5]))
            progress(count)
        _refresh_planner_statistics()
        if demo_users:
            _limited_access_cases(practitioner, today.replace(day=1))
            _diaries(seed, practitioner, today, now)
            _reports(seed, practitioner, today)
            enforcement_showcase(practitioner, today, now)
            _establishment(staff, today)
    return SeedSummary(pdu.name, people, len(staff), contacts, users)


def _refresh_planner_statistics() -> None:
    """Both databases plan queries from their table statistics, which after a bulk seed
    describe empty (or no) tables. On PostgreSQL a join of sentences, events and people was
    then planned as nested loops and took many minutes; on SQLite, without statistics, the
    inspection self-check read every essential through the (state, due date) index rather than
    the case's own rows (22 s for a delivery unit; 0.01 s after ANALYZE). ANALYZE counts the
    rows this transaction inserted."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _reports(seed: int, practitioner: Staff, today: date) -> None:
    """The unit's reports being written (`demo/reports.py`), each checked by the rules."""
    rng = random.Random(f"reports-{seed}")
    holders = Staff.objects.filter(
        role=Role.PRACTITIONER, team__delivery_unit=practitioner.team.delivery_unit
    ).order_by("pk")
    rows = []
    for staff in holders:
        cases = list(Person.objects.allocated_to(staff.pk, today).order_by("crn"))
        planned = (
            demo_practitioners_reports(len(cases), today)
            if staff.pk == practitioner.pk
            else others_reports(rng, len(cases), today)
        )
        for report in planned:
            invalid = report_problems(report, today)
            if invalid:
                raise SeedError("generated reports break the rules: " + "; ".join(invalid))
            rows.append(
                Report(
                    person=cases[report.case],
                    kind=report.kind,
                    requested_on=report.requested_on,
                    due_on=report.due_on,
                    completed_on=report.completed_on,
                    requested_by=staff.user,
                )
            )
    create_with_history(rows, Report)


def _diaries(seed: int, practitioner: Staff, today: date, now: datetime) -> None:
    """The demo practitioner's diary: the last four weeks' appointments (the contacts already
    seeded, now with the appointment they recorded), today's, a few still waiting for their
    outcome, and the next four weeks booked. Every other practitioner gets this week only."""
    rng = random.Random(f"diary-{seed}")
    holders = Staff.objects.filter(
        role=Role.PRACTITIONER, team__delivery_unit=practitioner.team.delivery_unit
    ).order_by("pk")
    series_rows: list[AppointmentSeries] = []
    planned: list[tuple[Staff, Person, PlannedAppointment, int | None]] = []
    for staff in holders:
        cases = list(Person.objects.allocated_to(staff.pk, today).order_by("crn"))
        demo = staff.pk == practitioner.pk
        plan = plan_diary(
            rng,
            len(cases),
            today=today,
            weeks=4 if demo else 1,
            todays=5 if demo else 2,
            awaiting=3 if demo else 1,
        )
        offset = len(series_rows)
        series_rows += [
            AppointmentSeries(
                person=cases[s.case],
                every=s.every,
                first_starts_at=s.first,
                until=s.until,
                arranged_by=practitioner.user if demo else staff.user,
            )
            for s in plan.series
        ]
        planned += [
            (staff, cases[a.case], a, None if a.series is None else offset + a.series)
            for a in plan.appointments
        ]
    invalid = [
        f"{person.crn} {p.field}: {p.message}"
        for _, person, a, _ in planned
        if a.starts_at > now
        for p in validate_appointment(
            NewAppointment(a.contact_type, a.starts_at, a.duration_minutes, a.location), now=now
        )
    ]
    if invalid:
        raise SeedError("generated appointments break the rules: " + "; ".join(invalid[:5]))
    create_with_history(series_rows, AppointmentSeries)
    saved = list(AppointmentSeries.objects.filter(person__in={s.person for s in series_rows}))
    by_key = {(s.person_id, s.first_starts_at): s for s in saved}
    rows = [
        Appointment(
            person=person,
            series=None
            if index is None
            else by_key[(person.pk, series_rows[index].first_starts_at)],
            contact_type=a.contact_type,
            starts_at=a.starts_at,
            duration_minutes=a.duration_minutes,
            location=a.location,
            with_staff=staff,
            arranged_by=staff.user,
        )
        for staff, person, a, index in planned
    ]
    rows += _appointments_of_past_contacts(practitioner, today)
    create_with_history(rows, Appointment, batch_size=2000)


def _appointments_of_past_contacts(practitioner: Staff, today: date) -> list[Appointment]:
    """The demo practitioner's appointments of the last four weeks, each linked to the contact
    (already seeded) that recorded its outcome."""
    since = timezone.make_aware(datetime.combine(today - timedelta(weeks=4), time.min))
    contacts = Contact.objects.filter(
        staff=practitioner,
        happened_at__gte=since,
        contact_type__in=list(APPOINTMENT_TYPES),
    ).select_related("person")
    return [
        Appointment(
            person=c.person,
            contact=c,
            contact_type=c.contact_type,
            starts_at=c.happened_at,
            duration_minutes=60 if c.contact_type in ("CHVS", "COHV") else 45,
            location=location_for(c.contact_type, "")
            or "Northbridge probation office, interview room 2",
            with_staff=practitioner,
            arranged_by=practitioner.user,
        )
        for c in contacts
    ]


def _limited_access_cases(practitioner: Staff, start: date) -> None:
    """One case in the demo practitioner's team that they are excluded from, and one restricted
    to its practitioner and the demo manager: both held by colleagues in the same team."""
    held = (
        Allocation.objects.filter(team_id=practitioner.team_id)
        .exclude(staff=practitioner)
        .select_related("staff__user", "person")
        .order_by("person__crn")
    )
    excluded = held.first()
    restricted = held.exclude(staff=excluded.staff).first() if excluded else None
    if excluded is None or restricted is None:
        return
    manager = Staff.objects.get(user__username="manager")
    rows = [
        (excluded.person, LimitedAccessKind.EXCLUSION, practitioner.user, "Known to the person"),
        (restricted.person, LimitedAccessKind.RESTRICTION, restricted.staff.user, "Holds the case"),
        (restricted.person, LimitedAccessKind.RESTRICTION, manager.user, "Team manager"),
    ]
    create_with_history(
        [
            LimitedAccess(person=p, kind=kind, user=user, start_date=start, reason=reason)
            for p, kind, user, reason in rows
        ],
        LimitedAccess,
    )


def demo_limited_access() -> list[dict[str, object]]:
    """The demo's limited-access cases as `caseload demo --info` lists them: for an exclusion
    the users kept out, for a restriction the users allowed."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in LimitedAccess.objects.current().select_related("person", "user").order_by("pk"):
        found.setdefault((row.person.crn, row.kind), []).append(row.user.get_username())
    return [{"crn": crn, "kind": kind, "users": users} for (crn, kind), users in found.items()]


def set_demo_passwords(password: str) -> None:
    """CASELOAD_DEMO_PASSWORD also applies to an existing demo, so the README's logins work."""
    User = get_user_model()
    for user in User.objects.filter(username__in=[u for u, _, _ in DEMO_ROLES]):
        user.set_password(password)
        user.save(update_fields=["password"])


#: The demo's vacancies: posts funded but not filled, by grade, in each team.
DEMO_VACANCIES = {Grade.PO: 2, Grade.PSO: 1}


def _establishment(staff: list[Staff], today: date) -> None:
    """The demo's establishment: a year ago each team's posts were the staff it has; from the
    first of this month each team is funded for `DEMO_VACANCIES` more, so there are vacancies
    and each figure has a history. Recorded by the demo administrator."""
    admin = next(s.user for s in staff if s.role == Role.ADMIN)
    in_post: dict[tuple[int, str], int] = {}
    for member in staff:
        if member.team_id is not None and member.grade in ESTABLISHMENT_GRADES:
            key = (member.team_id, member.grade)
            in_post[key] = in_post.get(key, 0) + 1
    teams = sorted({team_id for team_id, _ in in_post})
    rows = []
    for team_id in teams:
        for grade in ESTABLISHMENT_GRADES:
            filled = in_post.get((team_id, grade), 0)
            for posts, start in (
                (filled, today - timedelta(days=365)),
                (filled + DEMO_VACANCIES.get(grade, 0), today.replace(day=1)),
            ):
                rows.append(
                    {
                        "team_id": team_id,
                        "grade": grade,
                        "posts": posts,
                        "effective_from": start,
                        "recorded_by": admin,
                    }
                )
    create_rows_with_history(EstablishmentPosts, rows)
