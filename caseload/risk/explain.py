"""Predictor scores in the practitioners' words: what each score predicts, shown as OASys shows
it, and each factor as a sentence with its value and what it added.

The predictors store their `terms` as the models compute them: the anchor's feature name
(`ageGenderScore`), the input value as text and the exact weight (log-odds for the logistic
models, points for the point scales). Here each becomes "Age (with sex): 23 years. Lowers the
likelihood (weight −2.06)." Scores are shown as OASys gives them (predictors reference §3.5):
whole percentages for OGRS3, OGP and OVP, two decimal places for the OGRS4-era predictors;
weights here to two decimal places. The exact weights are kept for "Show the calculation".
Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from caseload.risk.assessment import FREQUENCY, MOTIVATION, PROBLEM, RELATIONSHIP_STATUS
from caseload.risk.predictors.offences import offence_table

PREDICTORS: Mapping[str, tuple[str, str]] = {
    "ogrs3": ("Offender Group Reconviction Scale (OGRS3)", "proven reoffending"),
    "ogp": ("OASys General reoffending Predictor (OGP)", "proven non-violent reoffending"),
    "ovp": ("OASys Violence Predictor (OVP)", "proven violent reoffending"),
    "arp": ("All Reoffending Predictor (ARP)", "any proven reoffending within 2 years"),
    "vrp": ("Violent Reoffending Predictor (VRP)", "proven violent reoffending within 2 years"),
    "svrp": (
        "Serious Violent Reoffending Predictor (SVRP)",
        "proven serious violent reoffending within 2 years",
    ),
    "dc-srp": (
        "Direct Contact Sexual Reoffending Predictor (DC-SRP)",
        "proven contact sexual reoffending",
    ),
    "iic-srp": (
        "Images and Indirect Contact Sexual Reoffending Predictor (IIC-SRP)",
        "proven image or indirect contact sexual reoffending",
    ),
    "csrp": (
        "Combined Serious Reoffending Predictor (CSRP)",
        "proven serious reoffending (serious violence and sexual), also called RSR",
    ),
}

#: The unit each predictor's term weights are in.
POINT_SCALES = frozenset({"ogp", "ovp", "dc-srp"})
PERCENT_TERMS = frozenset({"csrp", "iic-srp"})

BANDS = {
    "LOW": "Low",
    "MEDIUM": "Medium",
    "HIGH": "High",
    "VERY_HIGH": "Very high",
    "NOT_APPLICABLE": "Not applicable",
}
SCORE_TYPES = {
    "STATIC": "Static: from the criminal record only",
    "DYNAMIC": "Dynamic: with the assessment",
}
ERRORS = {
    "MISSING_MANDATORY_INPUT": "facts it needs are not recorded",
    "MISSING_DYNAMIC_INPUT": "the assessment is not complete, so the static score is given",
    "COMPONENT_VALIDATION_ERROR": "one of the scores it adds up could not be calculated",
    "TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE": (
        "the number of sexual sanctions is outside the model's range"
    ),
}

ANSWERS: Mapping[str, str] = {
    str(code): label for code, label in (*PROBLEM, *MOTIVATION, *RELATIONSHIP_STATUS, *FREQUENCY)
} | {"MALE": "Male", "FEMALE": "Female", "True": "Yes", "False": "No", **BANDS}
ANSWERS = {**ANSWERS, **{k: v[: v.index(":")] for k, v in SCORE_TYPES.items()}}

#: Offence groups (OGRS4-era and OGRS3) where the words are not just the name in lower case.
OFFENCE_GROUPS = {
    "VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS": "Violence against the person (ABH or more serious)",
    "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH": "Violence against the person (less serious than ABH)",
    "PUBLIC_ORDER_AND_HARRASSMENT": "Public order and harassment",
    "WEAPONS_NON_FIREARM": "Weapons (not firearms)",
    "FIREARMS_MOST_SERIOUS": "Firearms (most serious)",
    "DRUG_IMPORT_EXPORT_OR_PRODUCTION": "Drug import, export or production",
    "THEFT_NON_MOTOR": "Theft (not of or from vehicles)",
    "ACQUISITIVE_VIOLENCE": "Acquisitive violence (for example robbery)",
    "SEXUAL_NOT_AGAINST_CHILD": "Sexual (not against a child)",
    "ABSCONDING_OR_BAIL": "Absconding or bail offences",
    "UNKNOWN": "Not known",
}

_TUPLE = re.compile(r"-?\d+")


def _words(code: str) -> str:
    return code.replace("_", " ").lower()


def answer(value: str) -> str:
    """A stored input value in words: "SOME_PROBLEMS" is "Some problems", "True" is "Yes"."""
    if value in ANSWERS:
        return ANSWERS[value]
    if value in OFFENCE_GROUPS:
        return OFFENCE_GROUPS[value]
    if re.fullmatch(r"[A-Z][A-Z0-9_]+", value):
        return _words(value).capitalize()
    return value


def _years(value: str) -> str:
    return f"{value} years"


def _count(unit: str) -> Callable[[str], str]:
    def shown(value: str) -> str:
        return f"{value} {unit}{'' if value == '1' else 's'}"

    return shown


def _months(value: str) -> str:
    return _count("month")(value)


def _percent(value: str) -> str:
    return f"{value}%"


def _none(value: str) -> str:
    return "–"


def _offence(value: str) -> str:
    """An offence code as its Home Office description; an offence group in words."""
    offence = offence_table().get(value)
    if offence is not None:
        return offence.description
    return answer(value)


def _copas(value: str) -> str:
    sanctions, current, first = (_TUPLE.findall(value) + ["?", "?", "?"])[:3]
    return f"{_count('sanction')(sanctions)}, aged {first} at the first and {current} at this one"


def _images(value: str) -> str:
    images, adult, child, non_contact = (_TUPLE.findall(value) + ["0"] * 4)[:4]
    return (
        f"{images} indecent image, {adult} contact adult, {child} contact child and "
        f"{non_contact} non-contact sexual sanctions"
    )


def _twelve_months(value: str) -> str:
    return "Yes" if value == "True" else "No"


Shown = Callable[[str], str]

#: Each term: what it is, in words, and how its value reads.
FACTORS: Mapping[str, tuple[str, Shown]] = {
    "twoYearInterceptWeight": ("Starting point of the model", _none),
    "ageGenderPolynomialWeight": ("Age at the start of supervision, for their sex", _years),
    "ageGenderScore": ("Age at the start of supervision, for their sex", _years),
    "ageAtStartOfFollowupPoints": ("Age at the start of supervision", _years),
    "ageAtStartOfFollowUpWeight": ("Age at the start of supervision", _years),
    "ageAtLastSanctionForSexualOffenceWeight": ("Age at the last sexual sanction", _years),
    "genderWeight": ("Female", answer),
    "malePoints": ("Sex", answer),
    "offenceGroupWeight": ("Type of current offence", answer),
    "offenceGroupParameter": ("Current offence", _offence),
    "firstSanctionWeight": ("First sanction (all sanctions)", _count("sanction")),
    "secondSanctionWeight": ("Second sanction (all sanctions)", _count("sanction")),
    "totalNumberOfSanctionsForAllOffencesWeight": (
        "Sanctions for all offences",
        _count("sanction"),
    ),
    "convictionStatusScore": ("Sanctions for all offences", _count("sanction")),
    "anySanctionsPoints": ("Sanctions for all offences", _count("sanction")),
    "copasScore": ("Rate of offending over their criminal career", _count("sanction")),
    "copasScoreSquared": ("Rate of offending, squared", _count("sanction")),
    "copasViolentOffencesScore": ("Rate of violent offending", _count("violent sanction")),
    "secondSanctionGapWeight": ("Years from first sanction to this conviction", _years),
    "offenceFreeMonthsWeight": ("Months free of offending before this offence", _months),
    "neverViolentWeight": ("Never violent", _count("violent sanction")),
    "onceViolentWeight": ("Violent once", _count("violent sanction")),
    "totalNumberOfViolentSanctionsWeight": ("Violent sanctions", _count("violent sanction")),
    "violentSanctionsWeight": ("Violent sanctions", _count("violent sanction")),
    "violentSanctionsPoints": ("Violent sanctions", _count("violent sanction")),
    "nonViolentSanctionsPoints": ("Non-violent sanctions", _count("sanction")),
    "violenceRateWeight": ("Rate of violent offending", _count("violent sanction")),
    "suitableAccommodationWeight": ("Suitability of accommodation", answer),
    "noFixedAbodePoints": ("No fixed abode or transient accommodation", answer),
    "unemployedWeight": ("Unemployed", answer),
    "unemployedPoints": ("Unemployed", answer),
    "liveInRelationshipWeight": ("Relationship status", answer),
    "relationshipQualityWeight": ("Relationship with partner", answer),
    "multiplicativeRelationshipWeight": ("Living with a partner, and how that is", answer),
    "domesticViolenceWeight": ("Evidence of domestic abuse", answer),
    "regularOffendingActivitiesWeight": ("Regular activities encourage offending", answer),
    "regularOffendingActivitiesPoints": ("Regular activities encourage offending", answer),
    "drugMotivationWeight": ("Motivation to tackle drug misuse", answer),
    "drugMisusePoints": ("Drug misuse (current misuse and motivation, scored 0 to 4)", str),
    "chronicDrinkingProblemsWeight": ("Current alcohol use is a problem", answer),
    "bingeDrinkingProblemsWeight": ("Binge drinking or excessive alcohol use", answer),
    "alcoholPoints": ("Alcohol misuse (scored 0 to 4)", str),
    "impulsivityProblemsWeight": ("Impulsivity", answer),
    "temperControlWeight": ("Temper control", answer),
    "temperControlPoints": ("Temper control", answer),
    "thinkingAndBehaviourPoints": ("Thinking and behaviour (scored 0 to 6)", str),
    "proCriminalAttitudesWeight": ("Pro-criminal attitudes", answer),
    "proCriminalAttitudesPoints": ("Pro-criminal attitudes", answer),
    "notRecognisingImpactPoints": ("Does not recognise the impact of their offending", answer),
    "psychiatricTreatmentPoints": ("Psychiatric treatment, past or present", answer),
    "ogrs3Points": ("OGRS3 2-year score", _percent),
    "heroinUsageWeight": ("Heroin use", answer),
    "methadoneUsageWeight": ("Misused methadone", answer),
    "otherOpiateUsageWeight": ("Other opiate use", answer),
    "crackCocaineUsageWeight": ("Crack cocaine use", answer),
    "powderCocaineUsageWeight": ("Powder cocaine use", answer),
    "misusedPrescriptionDrugUsageWeight": ("Misused prescribed drugs", answer),
    "benzodiazepinesUsageWeight": ("Benzodiazepine use", answer),
    "cannabisUsageWeight": ("Cannabis use", answer),
    "steroidUsageWeight": ("Steroid use", answer),
    "otherDrugUsageWeight": ("Other drug use", answer),
    "offenceInvolveCarryingOrUsingWeaponsWeight": ("Current offence involved a weapon", answer),
    "pastHomicideOffenceWeight": ("Past homicide", answer),
    "pastWoundingGrievousBodilyHarmOffenceWeight": ("Past wounding or GBH", answer),
    "pastKidnappingOffenceWeight": ("Past kidnapping", answer),
    "pastFirearmsOffenceWeight": ("Past firearms offence", answer),
    "pastRobberyOffenceWeight": ("Past robbery", answer),
    "pastAggravatedBurglaryOffenceWeight": ("Past aggravated burglary", answer),
    "pastNonFirearmWeaponOffenceWeight": ("Past weapon offence (not a firearm)", answer),
    "pastCriminalDamageOffenceWeight": ("Past criminal damage", answer),
    "pastArsonOffenceWeight": ("Past arson", answer),
    "totalContactAdultSexualSanctionsWeight": (
        "Contact sexual sanctions against adults",
        _count("sanction"),
    ),
    "totalContactChildSexualSanctionsWeight": (
        "Contact sexual sanctions against children",
        _count("sanction"),
    ),
    "totalNonContactSexualOffencesWeight": ("Non-contact sexual offences", _count("offence")),
    "currentOffenceAgainstVictimStrangerWeight": ("Current offence against a stranger", answer),
    "imagesAndIndirectContactWeight": ("Sexual sanctions", _images),
    "seriousViolentPredictorScore": ("Serious violent reoffending score (SVRP)", answer),
    "directContactSexualPredictorScore": ("Direct contact sexual score (DC-SRP)", answer),
    "indirectContactSexualPredictorScore": ("Image and indirect contact score (IIC-SRP)", answer),
    "femaleWithSexualHistoryWeight": ("A woman with a history of sexual offending", answer),
}
#: OGRS3 reads the career differently from the others: (sanctions, age now, age at first).
TUPLE_FACTORS: Mapping[str, Shown] = {"copasScore": _copas}


@dataclass(frozen=True)
class Factor:
    label: str
    value: str
    effect: str
    counts: bool

    @property
    def sentence(self) -> str:
        if self.value == "–":
            return f"{self.label}. {self.effect}."
        return f"{self.label}: {self.value}. {self.effect}."


@dataclass(frozen=True)
class CalculationRow:
    label: str
    value: str
    weight: str


@dataclass(frozen=True)
class PredictorExplanation:
    key: str
    name: str
    predicts: str
    score: str
    band: str
    score_type: str
    factors: tuple[Factor, ...]
    unchanged: tuple[str, ...]
    calculation: tuple[CalculationRow, ...]
    unit: str
    problems: tuple[str, ...]

    @property
    def score_kind(self) -> str:
        """ "Static" or "Dynamic", for the score's cell (the whole sentence is in "Why")."""
        return self.score_type.partition(":")[0]

    @property
    def short_name(self) -> str:
        """ "All Reoffending Predictor (ARP)" is "ARP", as practitioners call it."""
        match = re.search(r"\(([^)]+)\)$", self.name)
        return match[1] if match else self.name


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def two_places(number: Decimal) -> str:
    """A weight as shown: two decimal places, with a real minus sign."""
    shown = f"{abs(number):.2f}"
    return f"−{shown}" if number < 0 else f"+{shown}"


def exact(text: str) -> str:
    """An exact weight without exponent notation or trailing zeros ("0E-53" is "0")."""
    number = _decimal(text)
    if number is None:
        return text
    if number == 0:
        return "0"
    shown = f"{number:f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def _effect(key: str, weight: Decimal) -> str:
    if key in POINT_SCALES:
        points = int(weight)
        if points == 0:
            return "Adds no points"
        return f"Adds {points} point{'' if points == 1 else 's'}"
    if key in PERCENT_TERMS:
        return "Adds nothing" if weight == 0 else f"Adds {weight:.2f}%"
    if weight == 0 or round(weight, 2) == 0:
        return "Makes almost no difference" if weight else "Makes no difference"
    direction = "Raises" if weight > 0 else "Lowers"
    return f"{direction} the likelihood (weight {two_places(weight)})"


def _factor(key: str, term: Sequence[object]) -> tuple[Factor, CalculationRow]:
    name, value = str(term[0]), str(term[1])
    weight_text = str(term[2]) if len(term) > 2 else "0"
    label, shown = FACTORS.get(
        name, (_words(re.sub(r"([A-Z])", r" \1", name)).capitalize(), answer)
    )
    if key == "ogrs3" and name in TUPLE_FACTORS:
        shown = TUPLE_FACTORS[name]
    value_words = shown(value)
    weight = _decimal(weight_text) or Decimal(0)
    factor = Factor(label, value_words, _effect(key, weight), counts=weight != 0)
    return factor, CalculationRow(label, value_words, exact(weight_text))


def score_text(key: str, stored: Mapping[str, object]) -> str:
    """The score as OASys shows it: "56.07%", or "38% in 1 year, 55% in 2 years"."""
    score, one, two = stored.get("score"), stored.get("one_year"), stored.get("two_year")
    if score is not None:
        number = _decimal(str(score))
        return f"{number:.2f}%" if number is not None else f"{score}%"
    if two is not None:
        return f"{one}% in 1 year, {two}% in 2 years"
    return "Not scored"


def explain_score(key: str, stored: Mapping[str, object]) -> PredictorExplanation:
    """`stored`: one predictor score's values (`score`, `one_year`, `two_year`, `points`,
    `band`, `score_type`, `terms`, `errors`)."""
    name, predicts = PREDICTORS.get(key, (key.upper(), "reoffending"))
    terms = stored.get("terms")
    rows = (
        [_factor(key, t) for t in terms if isinstance(t, Sequence)]
        if isinstance(terms, list)
        else []
    )
    errors = stored.get("errors")
    problems = tuple(
        ERRORS.get(str(e), _words(str(e))) for e in (errors if isinstance(errors, list) else [])
    )
    points = stored.get("points")
    unit = (
        "points"
        if key in POINT_SCALES
        else "percentage points"
        if key in PERCENT_TERMS
        else "log-odds: the model adds these up and turns the total into a percentage"
    )
    score = score_text(key, stored)
    if points is not None:
        score = f"{score} ({points} points)"
    return PredictorExplanation(
        key=key,
        name=name,
        predicts=predicts,
        score=score,
        band=BANDS.get(str(stored.get("band") or ""), "No band"),
        score_type=SCORE_TYPES.get(str(stored.get("score_type") or ""), ""),
        factors=tuple(f for f, _ in rows if f.counts),
        unchanged=tuple(f.label for f, _ in rows if not f.counts),
        calculation=tuple(c for _, c in rows),
        unit=unit,
        problems=problems,
    )
