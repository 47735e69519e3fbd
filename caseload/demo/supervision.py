"""Synthetic supervision: contact histories with realistic attendance, and assessments (pure)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from caseload.demo.choice import date_between, pick

LONDON = ZoneInfo("Europe/London")
ATTENDANCE = {
    "ATTC": 84,
    "AFTA": 4,
    "UAAB": 2,
    "AFTC": 1,
    "AAME": 4,
    "AAEM": 2,
    "AAFC": 1,
    "RSOF": 2,
}


def contact_history(
    rng: random.Random, start: date, today: date, high_risk: bool
) -> list[dict[str, object]]:
    contacts: list[dict[str, object]] = []
    every = 7 if high_risk else rng.choice((7, 14, 14, 28))
    day = start + timedelta(days=rng.randint(1, 4))
    first = True
    while day < today:
        kind = "COAI" if first else pick(rng, {"COAP": 70, "CHVS": 8, "COVC": 10, "COPT": 12})
        outcome = "ATTC" if first else pick(rng, ATTENDANCE)
        at = datetime.combine(
            day,
            time(rng.choice((9, 10, 11, 13, 14, 15, 16)), rng.choice((0, 15, 30, 45))),
            tzinfo=LONDON,
        )
        enforcement = enforcement_decision(rng, outcome)
        contacts.append(
            {
                "contact_type": kind,
                "happened_at": at,
                "outcome": outcome,
                "enforcement_action": enforcement,
                "notes": note_for(rng, outcome),
            }
        )
        if rng.random() < 0.25:
            reminder = {
                "contact_type": pick(rng, {"CTOA": 3, "CMOA": 3, "CT3A": 2, "CLOA": 1}),
                "happened_at": at + timedelta(days=1, hours=1),
                "outcome": "",
                "enforcement_action": "",
                "notes": "Reminder of next appointment.",
            }
            if day + timedelta(days=1) < today:  # a reminder due today is not yet recorded
                contacts.append(reminder)
        first = False
        day += timedelta(days=every)
    return contacts


def enforcement_decision(rng: random.Random, outcome: str) -> str:
    """Every failure to comply has its decision: a first warning for most absences, otherwise no
    further action (the random draws are those the seed has always made, so figures stay)."""
    if outcome in ("AFTA", "UAAB"):
        return "EA02" if rng.random() < 0.6 else "NFA"
    return "NFA" if outcome == "AFTC" else ""


NOTES = {
    "ATTC": (
        "Discussed progress on the sentence plan.",
        "Reviewed accommodation and work search.",
        "Talked through triggers and the relapse-prevention plan.",
        "Good engagement today.",
    ),
    "AFTA": ("Did not attend; no contact made.",),
    "UAAB": ("Absence not accepted: no evidence provided.",),
    "AFTC": ("Attended but left before the session ended.",),
}


def note_for(rng: random.Random, outcome: str) -> str:
    return rng.choice(NOTES.get(outcome, ("",)))


PROBLEM_LEVELS = {"NO_PROBLEMS": 5, "SOME_PROBLEMS": 4, "SIGNIFICANT_PROBLEMS": 2}


def assessment(rng: random.Random, today: date, start: date) -> dict[str, object]:
    problem = {
        k: pick(rng, PROBLEM_LEVELS)
        for k in (
            "suitabilityOfAccommodation",
            "permanenceOfAccommodation",
            "locationOfAccommodation",
            "employmentHistory",
            "workRelatedSkills",
            "attitudeToEmployment",
            "currentRelationshipWithPartner",
            "relCloseFamily",
            "experienceOfChildhood",
            "prevCloseRelationships",
            "regularOffendingActivities",
            "easilyInfluenced",
            "recklessness",
            "currentDrugMisuse",
            "drugsMajorActivity",
            "currentAlcoholUseProblems",
            "excessiveAlcoholUse",
            "frequencyAndLevel",
            "alcoholTackleMotivation",
            "recogniseProblems",
            "impulsivityProblems",
            "temperControl",
            "problemSolvingSkills",
            "understandsOtherPeoplesViews",
            "proCriminalAttitudes",
            "attitudesTowardsSupervision",
            "attitudesTowardsCommunitySociety",
            "motivationToAddressBehaviour",
        )
    }
    answers: dict[str, object] = {
        **problem,
        "currentRelationshipStatus": pick(
            rng,
            {
                "NOT_IN_RELATIONSHIP": 5,
                "IN_RELATIONSHIP_LIVING_TOGETHER": 3,
                "IN_RELATIONSHIP_NOT_LIVING_TOGETHER": 2,
            },
        ),
        "evidenceOfDomesticAbuse": rng.random() < 0.25,
        "parentalResponsibilities": rng.random() < 0.3,
        "everInjectedDrugs": pick(rng, {"NEVER": 8, "PREVIOUS": 1, "CURRENTLY": 1}),
        "motivationToTackleDrugMisuse": pick(
            rng, {"FULL_MOTIVATION": 4, "PARTIAL_MOTIVATION": 3, "NO_MOTIVATION": 2}
        ),
        "awarenessOfConsequences": pick(rng, {"YES": 4, "SOMETIMES": 4, "NO": 2}),
        "hasHeroinUsage": rng.random() < 0.1,
        "hasCrackCocaineUsage": rng.random() < 0.12,
        "hasCannabisUsage": rng.random() < 0.3,
        "hasPowderCocaineUsage": rng.random() < 0.15,
        "hasMethadoneUsage": rng.random() < 0.05,
        "doesRecogniseImpactOfOffendingOnOthers": rng.random() < 0.6,
        "didOffenceInvolveCarryingOrUsingWeapon": rng.random() < 0.1,
        "isCurrentOffenceAgainstVictimStranger": rng.random() < 0.3,
        "hasCurrentPsychiatricTreatment": rng.random() < 0.08,
        "previousConvictions": sorted(
            rng.sample(
                ("WOUNDING_GBH", "ROBBERY", "WEAPON", "CRIMINAL_DAMAGE", "ARSON", "FIREARMS"),
                rng.choice((0, 0, 0, 1, 1, 2)),
            )
        ),
    }
    return {"completed_on": date_between(rng, start, today), "answers": answers}
