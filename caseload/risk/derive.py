"""From a person's recorded facts to predictor requests and results (pure; no Django).

Each request field of the predictors (the request of ministryofjustice/hmpps-arns-risk-actuarial-api
@016919c) comes from one recorded fact: dates and sex from
the person, sanctions from the criminal history, the offence and follow-up date from the current
sentence, unemployment and no-fixed-abode from the current circumstances, and the dynamic items
from the latest structured assessment. A predictor that cannot be scored lists the missing facts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from caseload.derived.facts import CaseFacts
from caseload.people.domain import ACCOMMODATION, EMPLOYMENT
from caseload.risk.assessment import ASSESSMENT_FIELDS
from caseload.risk.predictors import PREDICTOR_NAMES, calculate, parse_request, predictor_fields
from caseload.risk.predictors.request import SPECS, PredictorRequest, parse_with
from caseload.risk.predictors.results import PredictorResult, Term
from caseload.risk.predictors.service import PREDICTORS, to_output


@dataclass(frozen=True)
class ScoreOutcome:
    predictor: str
    score: float | None
    one_year: int | None
    two_year: int | None
    points: int | None
    band: str | None
    score_type: str | None
    missing: tuple[str, ...]
    errors: tuple[str, ...]


FACT_LABELS: Mapping[str, str] = {
    "gender": "Sex (male or female)",
    "dateOfBirth": "Date of birth",
    "dateOfCurrentConviction": "A current sentence with its conviction date",
    "dateAtStartOfFollowup": "A current sentence (its start or release date)",
    "totalNumberOfSanctionsForAllOffences": "Criminal history: total sanctions",
    "ageAtFirstSanction": "Criminal history: date of first sanction",
    "currentOffenceCode": "A current sentence with its offence code",
    "totalNumberOfViolentSanctions": "Criminal history: violent sanctions",
    "isUnemployed": "Current employment, education or training status",
    "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": "Current accommodation status",
    "hasEverCommittedSexualOffence": "Criminal history",
    "supervisionStatus": "A current sentence",
    "dateOfMostRecentSexualOffence": "Criminal history: date of most recent sexual offence",
    "totalContactAdultSexualSanctions": "Criminal history: contact sexual sanctions against adults",
    "totalContactChildSexualSanctions": "Criminal history: contact sexual sanctions on children",
    "totalIndecentImageSanctions": "Criminal history: indecent image sanctions",
    "totalNonContactSexualOffences": "Criminal history: non-contact sexual offences",
    "ogrs3TwoYear": "An OGRS3 score (needs the criminal history and a current sentence)",
    "DIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR": "A DC-SRP score (see its own missing facts)",
    "IMAGES_AND_INDIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR": (
        "An IIC-SRP score (see its own missing facts)"
    ),
    "SERIOUS_VIOLENT_REOFFENDING_PREDICTOR": "An SVRP score (see its own missing facts)",
}


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _age_at(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def full_request(facts: CaseFacts) -> dict[str, object]:
    """Every request field the record can supply; absent facts are left out (not guessed)."""
    r: dict[str, object] = {"dateOfBirth": _iso(facts.date_of_birth)}
    if facts.sex in ("MALE", "FEMALE"):
        r["gender"] = facts.sex
    sentence = facts.current_sentence()
    assessed_on = facts.assessment.completed_on if facts.assessment else facts.as_at
    r["assessmentDate"] = _iso(assessed_on)
    if sentence is not None:
        r["dateOfCurrentConviction"] = _iso(sentence.conviction_date)
        r["dateAtStartOfFollowup"] = _iso(sentence.follow_up_date)
        r["currentOffenceCode"] = sentence.offence_code
        in_custody = sentence.in_custody_on(facts.as_at)
        r["supervisionStatus"] = "CUSTODY" if in_custody else "COMMUNITY"
    offence_dates = [s.offence_date for s in facts.sentences]
    if offence_dates:
        r["mostRecentOffenceDate"] = _iso(max(offence_dates))
    history = facts.criminal_history
    if history is not None:
        r["totalNumberOfSanctionsForAllOffences"] = history.total_sanctions
        r["totalNumberOfViolentSanctions"] = history.violent_sanctions
        r["ageAtFirstSanction"] = _age_at(facts.date_of_birth, history.first_sanction_date)
        r["hasEverCommittedSexualOffence"] = history.sexual_offence_history
        r["totalContactAdultSexualSanctions"] = history.contact_adult_sexual_sanctions
        r["totalContactChildSexualSanctions"] = history.contact_child_sexual_sanctions
        r["totalIndecentImageSanctions"] = history.indecent_image_sanctions
        r["totalNonContactSexualOffences"] = history.non_contact_sexual_offences
        if history.most_recent_sexual_offence_date:
            r["dateOfMostRecentSexualOffence"] = _iso(history.most_recent_sexual_offence_date)
    employment = facts.current_circumstance(EMPLOYMENT)
    if employment is not None:
        r["isUnemployed"] = employment.unemployed
    accommodation = facts.current_circumstance(ACCOMMODATION)
    if accommodation is not None:
        r["isCurrentlyOfNoFixedAbodeOrTransientAccommodation"] = (
            accommodation.unsettled_accommodation
        )
    if facts.assessment is not None:
        for key, value in facts.assessment.answers.items():
            if key in ASSESSMENT_FIELDS and value is not None:
                r[key] = value
    return r


def _missing(errors: list[Mapping[str, object]]) -> tuple[str, ...]:
    labels: list[str] = []
    for error in errors:
        fields = error.get("fields")
        for f in fields if isinstance(fields, list) else []:
            label = FACT_LABELS.get(str(f)) or ASSESSMENT_FIELDS.get(str(f)) or str(f)
            if label not in labels:
                labels.append(label)
    return tuple(labels)


#: One term of a score as it is shown: the feature's name, its input value and its weight.
ShownTerm = tuple[str, str, str]
#: A predictor's typed result, or None when its request had an invalid field.
Scored = PredictorResult | None


def score_one(name: str, request: Mapping[str, object]) -> tuple[dict[str, object], Scored]:
    """The predictor's JSON output and the result it came from (None when a field is invalid:
    `calculate` reports it, and there is nothing to explain)."""
    parsed = parse_request(request)
    if parsed.invalid_fields:
        return calculate(name, request), None
    return _scored(name, parsed.request)


def _scored(name: str, request: PredictorRequest) -> tuple[dict[str, object], Scored]:
    result = PREDICTORS[name](request)
    return to_output(name, result), result


#: Predictor → (the JSON fields it accepts, the request attributes they fill).
_ACCEPTED: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    name: (
        frozenset(predictor_fields(name).all),
        tuple(SPECS[f][0] for f in predictor_fields(name).all if f in SPECS),
    )
    for name in PREDICTOR_NAMES
}


def _only(request: PredictorRequest, attributes: tuple[str, ...]) -> PredictorRequest:
    """The request with only these attributes kept (the others None): what parsing just the
    predictor's own fields gives, without parsing again."""
    kept = object.__new__(PredictorRequest)
    given = request.__dict__
    kept.__dict__.update({a: given[a] for a in attributes if a in given})
    return kept


def _results(facts: CaseFacts) -> Iterator[tuple[str, dict[str, object], Scored]]:
    """Each predictor's output for one person: the request is built and parsed once, and each
    predictor given the fields it reads (one with an invalid field is scored on its own, to
    report it as `calculate` does)."""
    everything = full_request(facts)
    parsed, invalid = parse_with(everything, SPECS)
    for name in PREDICTOR_NAMES:
        accepted, attributes = _ACCEPTED[name]
        if accepted.isdisjoint(invalid):
            result, scored = _scored(name, _only(parsed, attributes))
        else:
            result, scored = score_one(name, {k: v for k, v in everything.items() if k in accepted})
        yield name, result, scored


def derive_scores(facts: CaseFacts) -> dict[str, ScoreOutcome]:
    """Every predictor's values for one person, as the cache holds them. No terms are built:
    the explanation is computed when it is shown (`derive_terms`)."""
    outcomes: dict[str, ScoreOutcome] = {}
    for name, result, _ in _results(facts):
        errors = [e for e in result.get("errors") or [] if isinstance(e, Mapping)]  # type: ignore[attr-defined]
        score = result.get("score")
        outcomes[name] = ScoreOutcome(
            predictor=name,
            score=None if score is None else float(score),  # type: ignore[arg-type]
            one_year=result.get("oneYear"),  # type: ignore[arg-type]
            two_year=result.get("twoYear"),  # type: ignore[arg-type]
            points=result.get("points"),  # type: ignore[arg-type]
            band=result.get("band"),  # type: ignore[arg-type]
            score_type=result.get("type"),  # type: ignore[arg-type]
            missing=_missing(errors),
            errors=tuple(str(e.get("type")) for e in errors),
        )
    return outcomes


def _shown(term: Term) -> ShownTerm:
    weight = term.weight
    shown = f"{weight:.4f}" if isinstance(weight, float) else str(weight)
    return (term.name, str(term.value), shown)


def derive_terms(facts: CaseFacts) -> dict[str, tuple[ShownTerm, ...]]:
    """The terms each predictor's score was made of, for the same facts and by the same
    calculation as `derive_scores` (empty for a predictor that could not be scored): what
    "Show the calculation" and the reasons in words explain, computed when they are shown."""
    terms: dict[str, tuple[ShownTerm, ...]] = {}
    for name, result, scored in _results(facts):
        given = scored is not None and (
            result.get("score") is not None or result.get("twoYear") is not None
        )
        terms[name] = tuple(_shown(t) for t in scored.terms) if given else ()  # type: ignore[union-attr]
    return terms
