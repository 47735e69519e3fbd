"""Benchmarks of the predictors: `caseload bench predictors [--n N]`."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from caseload.core.bench import Writer, benchmark
from caseload.risk.predictors import PREDICTOR_NAMES, calculate

_PROBLEMS = ("NO_PROBLEMS", "SOME_PROBLEMS", "SIGNIFICANT_PROBLEMS")
_CODES = ("08300", "13000", "00305", "09385", "03000", "80310", "01900", "11618", "02700", "10400")
_CONVICTIONS = ("HOMICIDE", "WOUNDING_GBH", "ROBBERY", "WEAPON", "ARSON")


def plausible_request(rng: random.Random) -> dict[str, object]:
    """A random but valid-looking request carrying inputs for every predictor."""
    dob = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    age_now = rng.randint(18, 70)
    conviction = dob + timedelta(days=365 * age_now + rng.randrange(0, 360))
    first = rng.randint(10, age_now)
    n = rng.randint(1, 60)
    history = rng.random() < 0.2
    request: dict[str, object] = {
        "assessmentDate": (conviction + timedelta(days=rng.randrange(0, 2000))).isoformat(),
        "gender": rng.choice(("MALE", "FEMALE")),
        "dateOfBirth": dob.isoformat(),
        "dateOfCurrentConviction": conviction.isoformat(),
        "dateAtStartOfFollowup": (conviction + timedelta(days=rng.randrange(0, 900))).isoformat(),
        "totalNumberOfSanctionsForAllOffences": n,
        "totalNumberOfViolentSanctions": rng.randint(0, n),
        "ageAtFirstSanction": first,
        "currentOffenceCode": rng.choice(_CODES),
        "supervisionStatus": rng.choice(("CUSTODY", "COMMUNITY", "REMAND")),
        "hasEverCommittedSexualOffence": history,
        "dateOfMostRecentSexualOffence": (dob + timedelta(days=365 * 20)).isoformat(),
        "isCurrentOffenceAgainstVictimStranger": rng.random() < 0.3,
        "previousConvictions": rng.sample(_CONVICTIONS, rng.randint(0, 2)),
        "didOffenceInvolveCarryingOrUsingWeapon": rng.random() < 0.2,
        "evidenceOfDomesticAbuse": rng.random() < 0.3,
        "currentRelationshipStatus": rng.choice(
            ("NOT_IN_RELATIONSHIP", "IN_RELATIONSHIP_LIVING_TOGETHER")
        ),
        "motivationToTackleDrugMisuse": rng.choice(
            ("FULL_MOTIVATION", "PARTIAL_MOTIVATION", "NO_MOTIVATION")
        ),
        "awarenessOfConsequences": rng.choice(("YES", "SOMETIMES", "NO")),
    }
    for field in (
        "isUnemployed",
        "hasCrackCocaineUsage",
        "hasCannabisUsage",
        "isCurrentlyOfNoFixedAbodeOrTransientAccommodation",
        "doesRecogniseImpactOfOffendingOnOthers",
        "hasCurrentPsychiatricTreatment",
    ):
        request[field] = rng.random() < 0.3
    for field in (
        "suitabilityOfAccommodation",
        "currentRelationshipWithPartner",
        "regularOffendingActivities",
        "currentAlcoholUseProblems",
        "excessiveAlcoholUse",
        "impulsivityProblems",
        "proCriminalAttitudes",
        "temperControl",
        "currentDrugMisuse",
        "problemSolvingSkills",
        "understandsOtherPeoplesViews",
    ):
        request[field] = rng.choice(_PROBLEMS)
    counts = [rng.randint(0, 2) for _ in range(4)] if history else [0, 0, 0, 0]
    if history and not any(counts):
        counts[1] = 1
    for field, count in zip(
        (
            "totalIndecentImageSanctions",
            "totalContactAdultSexualSanctions",
            "totalContactChildSexualSanctions",
            "totalNonContactSexualOffences",
        ),
        counts,
        strict=True,
    ):
        request[field] = count
    request["totalNumberOfSanctionsForAllOffences"] = max(n, sum(counts))
    return request


@benchmark("predictors", "scores N generated requests (default 100000) with each predictor")
def bench_predictors(n: int, write: Writer) -> None:
    rng = random.Random(20240601)
    requests = [plausible_request(rng) for _ in range(n)]
    write(f"predictors: {n} deterministic requests (seed 20240601), end-to-end calculate()")
    for name in PREDICTOR_NAMES:
        calculate(name, requests[0])
        scored = 0
        start = time.perf_counter()
        for request in requests:
            output = calculate(name, request)
            scored += "errors" not in output
        elapsed = time.perf_counter() - start
        write(
            f"  {name:<8} {n / elapsed:>10,.0f} requests/s  "
            f"({scored / elapsed:>10,.0f} error-free scores/s, {elapsed:.2f} s)"
        )
