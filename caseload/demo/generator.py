"""Deterministic synthetic people on probation (pure; no Django).

Everything is drawn from one `random.Random(seed)`, so the same seed gives the same delivery unit.
Proportions are plausible, not statistics: about 85% men, RoSH mostly low/medium, a sentence mix
of community orders, suspended sentences and licences, and attendance around 85%.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from caseload.demo.choice import pick
from caseload.demo.offences import OFFENCE_MIX, SEXUAL_CATEGORIES, codes_by_category
from caseload.demo.supervision import assessment, contact_history

FIRST_MALE = (
    "James",
    "Mohammed",
    "Daniel",
    "Liam",
    "Connor",
    "Ryan",
    "Kyle",
    "Jamal",
    "Tomasz",
    "Lee",
    "Craig",
    "Dean",
    "Aaron",
    "Jordan",
    "Callum",
    "Marcus",
    "Ali",
    "Darren",
    "Gareth",
    "Rhys",
)
FIRST_FEMALE = (
    "Sarah",
    "Emma",
    "Chloe",
    "Amy",
    "Jade",
    "Kelly",
    "Leanne",
    "Aisha",
    "Gemma",
    "Natalie",
)
LAST = (
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Khan",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Scott",
    "Cooper",
    "Morris",
    "Ward",
    "Moore",
    "King",
    "Watson",
    "Baker",
    "Harrison",
    "Morgan",
    "Patel",
    "Young",
    "Allen",
    "Mitchell",
    "James",
    "Anderson",
    "Phillips",
    "Lee",
    "Bell",
    "Parker",
    "Nowak",
    "Okafor",
    "Begum",
    "Hussain",
    "Campbell",
    "Kelly",
    "Murphy",
    "Price",
    "Bennett",
    "Griffiths",
)
COURTS = (
    "Highbury Corner Magistrates' Court",
    "Snaresbrook Crown Court",
    "Thames Magistrates' Court",
    "Wood Green Crown Court",
    "Westminster Magistrates' Court",
)


@dataclass
class SyntheticPerson:
    crn: str
    first_name: str
    last_name: str
    sex: str
    date_of_birth: date
    equality: dict[str, str]
    history: dict[str, object]
    event: dict[str, object]
    sentence: dict[str, object]
    requirements: list[dict[str, object]]
    licence_conditions: list[dict[str, object]]
    registrations: list[dict[str, object]]
    circumstances: list[dict[str, object]]
    contacts: list[dict[str, object]] = field(default_factory=list)
    assessment: dict[str, object] | None = None


def _equality(rng: random.Random) -> dict[str, str]:
    return {
        "ethnicity": pick(
            rng,
            {
                "WHITE": 70,
                "BLACK": 10,
                "ASIAN": 8,
                "MIXED": 5,
                "OTHER": 2,
                "PREFER_NOT_TO_SAY": 3,
                "NOT_RECORDED": 2,
            },
        ),
        "religion": pick(
            rng,
            {
                "NONE": 45,
                "CHRISTIAN": 30,
                "MUSLIM": 10,
                "OTHER": 3,
                "PREFER_NOT_TO_SAY": 7,
                "NOT_RECORDED": 5,
            },
        ),
        "sexual_orientation": pick(
            rng,
            {
                "HETEROSEXUAL": 82,
                "GAY_LESBIAN": 3,
                "BISEXUAL": 2,
                "PREFER_NOT_TO_SAY": 8,
                "NOT_RECORDED": 5,
            },
        ),
        "disability": pick(rng, {"NO": 60, "YES": 25, "PREFER_NOT_TO_SAY": 5, "NOT_RECORDED": 10}),
        "gender_identity": pick(
            rng, {"SAME_AS_SEX": 88, "DIFFERENT": 1, "PREFER_NOT_TO_SAY": 4, "NOT_RECORDED": 7}
        ),
    }


def _history(rng: random.Random, dob: date, conviction: date, sexual: bool) -> dict[str, object]:
    total = 1 + min(int(rng.expovariate(1 / 9)), 80)
    age_at_conviction = (conviction - dob).days // 365
    first_age = rng.randint(min(12, age_at_conviction), min(age_at_conviction, 12 + total + 10))
    first = min(conviction, dob + timedelta(days=first_age * 365 + rng.randint(0, 300)))
    child = rng.random() < 0.4
    return {
        "total_sanctions": total,
        "violent_sanctions": rng.randint(0, total // 2),
        "first_sanction_date": first,
        "contact_adult_sexual_sanctions": 1 if sexual and child is False else 0,
        "contact_child_sexual_sanctions": 1 if sexual and child is True else 0,
        "indecent_image_sanctions": 1 if sexual and rng.random() < 0.3 else 0,
        "non_contact_sexual_offences": 0,
        "most_recent_sexual_offence_date": conviction - timedelta(days=rng.randint(30, 200))
        if sexual
        else None,
    }


def _sentence(
    rng: random.Random, today: date, supervised_for: int
) -> tuple[dict[str, object], list[dict[str, object]], list[dict[str, object]]]:
    kind = pick(rng, {"CO": 45, "SSO": 20, "LIC": 30, "PSS": 5})
    start = today - timedelta(days=rng.randint(7, supervised_for))
    sentence: dict[str, object] = {
        "sentence_type": kind,
        "sentence_date": start,
        "release_date": None,
        "licence_expiry_date": None,
    }
    requirements: list[dict[str, object]] = []
    conditions: list[dict[str, object]] = []
    if kind in ("CO", "SSO"):
        sentence.update(length=rng.choice((12, 18, 24)), length_unit="MONTHS")
        if rng.random() < 0.55:
            requirements.append(
                {
                    "category": "W",
                    "length": rng.choice((40, 60, 80, 100, 150, 200, 250)),
                    "length_unit": "HOURS",
                    "start_date": start,
                }
            )
        if rng.random() < 0.6:
            requirements.append(
                {
                    "category": "F",
                    "length": rng.choice((10, 15, 20, 30, 40)),
                    "length_unit": "DAYS",
                    "start_date": start,
                }
            )
        if rng.random() < 0.15:
            requirements.append(
                {
                    "category": "CUR",
                    "length": rng.choice((2, 3, 4, 6)),
                    "length_unit": "MONTHS",
                    "electronic_monitoring": True,
                    "start_date": start,
                }
            )
        if rng.random() < 0.12:
            requirements.append(
                {
                    "category": pick(rng, {"PROG": 3, "DRR": 2, "ATR": 2, "MHTR": 1}),
                    "length": 6,
                    "length_unit": "MONTHS",
                    "start_date": start,
                }
            )
    else:
        months = rng.choice((12, 18, 24, 36, 48, 60))
        release = (
            start
            if kind == "PSS"
            else today - timedelta(days=rng.randint(3, supervised_for * 40 // 54))
        )
        sentence.update(
            length=months,
            length_unit="MONTHS",
            release_date=release,
            licence_expiry_date=release + timedelta(days=30 * months // 2 + 365 * (kind == "PSS")),
        )
        sentence["sentence_date"] = release - timedelta(
            days=30 * months // 2 if kind == "LIC" else 0
        )
        if kind == "LIC":
            for category in rng.sample(
                ("RESIDENCE", "NON_CONTACT", "EXCLUSION_ZONE", "CURFEW", "DRUG_TESTING"),
                rng.randint(0, 3),
            ):
                conditions.append({"category": category, "start_date": release})
    return sentence, requirements, conditions


def _registrations(
    rng: random.Random, today: date, sexual: bool, sex: str
) -> list[dict[str, object]]:
    regs: list[dict[str, object]] = []

    def add(code: str, **extra: object) -> None:
        regs.append(
            {
                "register": code,
                "registered_on": today - timedelta(days=rng.randint(1, 400)),
                "category": "",
                "level": "",
                **extra,
            }
        )

    if rng.random() < 0.9:
        add(pick(rng, {"RLRH": 32, "RMRH": 48, "RHRH": 18, "RVHR": 2}))
    if sexual:
        add("MAPP", category="M1", level=pick(rng, {"M1": 8, "M2": 2}))
        add("ARSO")
    elif rng.random() < 0.05:
        add("MAPP", category="M2", level=pick(rng, {"M1": 6, "M2": 3, "M3": 1}))
    for code, chance in (
        ("ADVP", 0.22),
        ("RCCO", 0.08),
        ("RCPR", 0.04),
        ("ALSH", 0.08),
        ("AMHL", 0.12),
        ("RVLN", 0.05),
        ("IIOM", 0.06),
        ("WEAP", 0.04),
        ("SPO", 0.02),
        ("STRG", 0.02),
    ):
        if rng.random() < chance:
            add(code)
    if sex == "FEMALE" and rng.random() < 0.1:
        add("ADVV")
    return regs


def _circumstances(rng: random.Random, start: date) -> list[dict[str, object]]:
    return [
        {
            "kind": "ACCOMMODATION",
            "start_date": start,
            "status": pick(rng, {"SETTLED": 68, "TEMPORARY": 18, "NFA": 6, "APPROVED_PREMISES": 8}),
        },
        {
            "kind": "EMPLOYMENT",
            "start_date": start,
            "status": pick(
                rng,
                {
                    "EMPLOYED_FT": 22,
                    "EMPLOYED_PT": 10,
                    "SELF_EMPLOYED": 3,
                    "EDUCATION_TRAINING": 5,
                    "UNEMPLOYED": 45,
                    "NOT_AVAILABLE": 15,
                },
            ),
        },
    ]


def synthetic_person(
    rng: random.Random,
    crn: str,
    today: date,
    *,
    supervised_for: int = 540,
    with_contacts: bool = True,
) -> SyntheticPerson:
    """One person's record. Supervision began up to `supervised_for` days before `today` (a
    licence's release up to 40/54 of that); `with_contacts=False` leaves the contacts to the
    caller (the national data set draws its own, `demo/national/contacts.py`)."""
    sex = "FEMALE" if rng.random() < 0.15 else "MALE"
    first = rng.choice(FIRST_FEMALE if sex == "FEMALE" else FIRST_MALE)
    dob = today - timedelta(
        days=int(365.25 * rng.choice((21, 22, 23, 25, 27, 29, 32, 35, 38, 42, 47, 53, 61)))
        + rng.randint(0, 364)
    )
    category = pick(rng, OFFENCE_MIX)
    code, description = rng.choice(codes_by_category()[category])
    sentence, requirements, conditions = _sentence(rng, today, supervised_for)
    sentence_date = sentence["sentence_date"]
    assert isinstance(sentence_date, date)
    conviction = sentence_date - timedelta(days=rng.randint(0, 28))
    sexual = category in SEXUAL_CATEGORIES
    registrations = _registrations(rng, today, sexual, sex)
    high = any(r["register"] in ("RHRH", "RVHR") for r in registrations)
    supervision_start = sentence["release_date"] or sentence["sentence_date"]
    in_community = supervision_start <= today  # type: ignore[operator]
    return SyntheticPerson(
        crn=crn,
        first_name=first,
        last_name=rng.choice(LAST),
        sex=sex,
        date_of_birth=dob,
        equality=_equality(rng),
        history=_history(rng, dob, conviction, sexual),
        event={
            "number": 1,
            "offence_code": code,
            "offence_description": description,
            "offence_date": conviction - timedelta(days=rng.randint(20, 200)),
            "conviction_date": conviction,
            "court": rng.choice(COURTS),
        },
        sentence=sentence,
        requirements=requirements,
        licence_conditions=conditions,
        registrations=registrations,
        circumstances=_circumstances(rng, supervision_start),  # type: ignore[arg-type]
        contacts=contact_history(rng, supervision_start, today, high)  # type: ignore[arg-type]
        if in_community and with_contacts
        else [],
        assessment=assessment(rng, today, supervision_start) if rng.random() < 0.75 else None,  # type: ignore[arg-type]
    )
