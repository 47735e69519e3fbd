"""Deterministic personal details for a synthetic person (pure; no Django): addresses, phone
and email, personal contacts, disabilities with adjustments.

Drawn from a generator seeded by the CRN alone, so adding them leaves the delivery unit's main
random sequence, and so every derived figure, exactly as it was. Phone numbers are Ofcom's
numbers for drama (mobiles 07700 900000 to 900999, Sheffield 0114 496 0000 to 0999), so none
rings a real person; streets are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from caseload.demo.choice import pick

STREETS = (
    "Albion Street", "Beech Grove", "Canal Side", "Dale Road", "Elm Terrace", "Foundry Lane",
    "Granville Road", "Hollis Croft", "Ivy Close", "Joiner Street", "Kelham Way", "Lime Walk",
    "Mill Race", "Norfolk Row", "Orchard Place", "Parkside", "Queen's Road", "Rutland Way",
)  # fmt: skip
TOWNS = (("Sheffield", "S"), ("Rotherham", "S"), ("Barnsley", "S"), ("Doncaster", "DN"))
APPROVED_PREMISES = ("Cedar House Approved Premises", "12 Wharncliffe Road", "Sheffield", "S10 2DA")
KIN = (("Mother", "Susan"), ("Father", "Peter"), ("Partner", "Jo"), ("Sister", "Kelly"),
       ("Brother", "Mark"), ("Aunt", "Denise"))  # fmt: skip
GPS = ("Dr Amir Shah", "Dr Helen Price", "Dr Kwame Mensah", "Dr Ruth Evans")
SURGERIES = ("Porter Brook Medical Centre", "Crookes Valley Surgery", "Manor Park Health Centre")
#: Disabilities, with the adjustments that usually go with them.
DISABILITIES = {
    "LEARNING_DIFFICULTY": (("EASY_READ", "REMINDER"), "Dyslexia: finds long letters hard."),
    "MENTAL_HEALTH": (("QUIET_ROOM", "LONGER_APPOINTMENT"), "Anxiety in busy waiting rooms."),
    "MOBILITY": (("GROUND_FLOOR", "WHEELCHAIR"), "Uses a wheelchair."),
    "HEARING": (("HEARING_LOOP",), "Hard of hearing in the left ear."),
    "VISUAL": (("LARGE_PRINT",), "Partially sighted."),
    "AUTISM": (("QUIET_ROOM", "REMINDER"), "Prefers the same room and officer."),
}


@dataclass(frozen=True)
class PersonalDetails:
    addresses: list[dict[str, object]] = field(default_factory=list)
    phone_and_email: dict[str, str] = field(default_factory=dict)
    personal_contacts: list[dict[str, object]] = field(default_factory=list)
    #: Each with its "adjustments": a tuple of needs.
    disabilities: list[dict[str, object]] = field(default_factory=list)


def _postcode(rng: random.Random, area: str) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"  # the inward code never uses C, I, K, M, O or V
    inward = f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return f"{area}{rng.randint(1, 35)} {inward}"


def _address(rng: random.Random) -> dict[str, object]:
    town, area = rng.choice(TOWNS)
    flat = rng.random() < 0.3
    return {
        "line_1": f"Flat {rng.randint(1, 12)}"
        if flat
        else f"{rng.randint(1, 180)} {rng.choice(STREETS)}",
        "line_2": f"{rng.randint(1, 90)} {rng.choice(STREETS)}" if flat else "",
        "town": town,
        "postcode": _postcode(rng, area),
    }


def _mobile(rng: random.Random) -> str:
    return f"07700{rng.randint(900000, 900999)}"


def personal_details(
    crn: str, *, first_name: str, last_name: str, accommodation: str, since: date, disabled: str
) -> PersonalDetails:
    """`accommodation` is the person's accommodation status from `since`; `disabled` their
    equality answer (a recorded disability is likelier, not certain, when they said yes)."""
    rng = random.Random(f"personal details {crn}")
    addresses: list[dict[str, object]] = []
    if accommodation != "NFA":
        if rng.random() < 0.5:
            moved_in = since - timedelta(days=rng.randint(400, 2000))
            addresses.append(
                {**_address(rng), "kind": "PREVIOUS", "start_date": moved_in, "end_date": since}
            )
        if accommodation == "APPROVED_PREMISES":
            line_1, line_2, town, postcode = APPROVED_PREMISES
            current: dict[str, object] = {
                "line_1": line_1,
                "line_2": line_2,
                "town": town,
                "postcode": postcode,
            }
            kind = "APPROVED_PREMISES"
        else:
            current, kind = _address(rng), "MAIN"
        addresses.append(
            {**current, "kind": kind, "start_date": since, "verified": rng.random() < 0.7}
        )
    phone_and_email = {
        "mobile": _mobile(rng) if rng.random() < 0.85 else "",
        "phone": f"0114496{rng.randint(0, 999):04d}" if rng.random() < 0.2 else "",
        "email": f"{first_name}.{last_name}{rng.randint(1, 99)}@example.com".lower()
        if rng.random() < 0.4
        else "",
    }
    relationship, kin_name = rng.choice(KIN)
    contacts: list[dict[str, object]] = [
        {
            "kind": "NEXT_OF_KIN",
            "name": f"{kin_name} {last_name}"
            if relationship != "Partner"
            else f"{kin_name} {rng.choice(('Hall', 'Khan', 'Ward'))}",
            "relationship": relationship,
            "phone": _mobile(rng),
            "address": "",
            "notes": "",
            "start_date": since,
        }
    ]
    if rng.random() < 0.7:
        contacts.append(
            {
                "kind": "GP",
                "name": rng.choice(GPS),
                "relationship": "GP",
                "phone": f"0114496{rng.randint(0, 999):04d}",
                "address": f"{rng.choice(SURGERIES)}, Sheffield",
                "notes": "",
                "start_date": since,
            }
        )
    disabilities: list[dict[str, object]] = []
    if rng.random() < {"YES": 0.7}.get(disabled, 0.05):
        kind = pick(rng, dict.fromkeys(DISABILITIES, 1))
        needs, notes = DISABILITIES[kind]
        disabilities.append(
            {"kind": kind, "start_date": since, "notes": notes, "adjustments": needs}
        )
    return PersonalDetails(addresses, phone_and_email, contacts, disabilities)
