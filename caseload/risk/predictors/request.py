"""The typed request shared by every predictor, and its parser from JSON.

One request can score every predictor, as in the anchor, so there is one input type. Each
attribute is the snake_case form of the camelCase JSON name in the anchor's request (plus the two
category overrides and `ogrs3TwoYear` for OGP). Absent and JSON `null` are both `None`.

Parsing follows our contract (the anchor answers HTTP 400 instead): unknown properties are
ignored; a value of the wrong JSON type or an unknown enum name is reported as `INVALID_INPUT`
naming the field (in request order) and is then treated as absent. Booleans must be JSON
booleans and integers JSON integers (no coercion).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any, Final

from caseload.risk.predictors.enums import (
    ActuarialCategory,
    Gender,
    MotivationLevel,
    Ogrs3Category,
    PreviousConviction,
    ProblemLevel,
    RelationshipStatus,
    StaticOrDynamic,
    SupervisionStatus,
    Version,
    YesSometimesNo,
)


@dataclass(frozen=True)
class PredictorRequest:
    """Every input any predictor reads. See `caseload.risk.predictors.fields` for who needs what."""

    version: Version | None = None
    gender: Gender | None = None
    assessment_date: date | None = None
    date_of_birth: date | None = None
    date_of_current_conviction: date | None = None
    date_at_start_of_followup: date | None = None
    total_number_of_sanctions_for_all_offences: int | None = None
    age_at_first_sanction: int | None = None
    current_offence_code: str | None = None
    actuarial_category: ActuarialCategory | None = None
    ogrs3_category: Ogrs3Category | None = None
    total_number_of_violent_sanctions: int | None = None
    suitability_of_accommodation: ProblemLevel | None = None
    is_unemployed: bool | None = None
    current_relationship_with_partner: ProblemLevel | None = None
    evidence_of_domestic_abuse: bool | None = None
    current_relationship_status: RelationshipStatus | None = None
    regular_offending_activities: ProblemLevel | None = None
    motivation_to_tackle_drug_misuse: MotivationLevel | None = None
    current_alcohol_use_problems: ProblemLevel | None = None
    excessive_alcohol_use: ProblemLevel | None = None
    impulsivity_problems: ProblemLevel | None = None
    pro_criminal_attitudes: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None
    has_heroin_usage: bool | None = None
    has_methadone_usage: bool | None = None
    has_other_opiate_usage: bool | None = None
    has_crack_cocaine_usage: bool | None = None
    has_powder_cocaine_usage: bool | None = None
    has_misused_prescription_drug_usage: bool | None = None
    has_benzodiazepines_usage: bool | None = None
    has_cannabis_usage: bool | None = None
    has_steroids_usage: bool | None = None
    has_other_drugs_usage: bool | None = None
    has_ketamine_usage: bool | None = None
    has_spice_usage: bool | None = None
    has_hallucinogens_usage: bool | None = None
    has_solvents_usage: bool | None = None
    did_offence_involve_carrying_or_using_weapon: bool | None = None
    previous_convictions: tuple[PreviousConviction, ...] | None = None
    has_ever_committed_sexual_offence: bool | None = None
    total_contact_adult_sexual_sanctions: int | None = None
    total_contact_child_sexual_sanctions: int | None = None
    total_indecent_image_sanctions: int | None = None
    total_non_contact_sexual_offences: int | None = None
    date_of_most_recent_sexual_offence: date | None = None
    is_current_offence_against_victim_stranger: bool | None = None
    supervision_status: SupervisionStatus | None = None
    most_recent_offence_date: date | None = None
    is_current_offence_sexually_motivated: bool | None = None
    is_currently_of_no_fixed_abode_or_transient_accommodation: bool | None = None
    current_drug_misuse: ProblemLevel | None = None
    problem_solving_skills: ProblemLevel | None = None
    awareness_of_consequences: YesSometimesNo | None = None
    understands_other_peoples_views: ProblemLevel | None = None
    does_recognise_impact_of_offending_on_others: bool | None = None
    has_current_psychiatric_treatment: bool | None = None
    domestic_abuse_against_partner: bool | None = None
    snsv_static_or_dynamic: StaticOrDynamic | None = None
    ogrs3_two_year: int | None = None

    def get(self, json_name: str) -> object:
        """The value of a field by its JSON (camelCase) name."""
        value: object = getattr(self, ATTRIBUTE[json_name])
        return value


def json_name(attribute: str) -> str:
    head, *rest = attribute.split("_")
    return head + "".join(part.capitalize() for part in rest)


ATTRIBUTE: Final[dict[str, str]] = {json_name(f.name): f.name for f in fields(PredictorRequest)}
"""JSON (camelCase) field name → attribute name."""

Converter = Callable[[Any], object]
_FROM_ISO = date.fromisoformat


def _date(value: str) -> date | None:
    """A `YYYY-MM-DD` date (ASCII digits), or None.

    Python 3.11's `date.fromisoformat` also accepts other ISO forms (`20260101`, `2026-W01-1`),
    so it is only called on strings of exactly that shape: ten ASCII characters with dashes at
    positions 4 and 7. For such a string fromisoformat parses the remaining eight characters as
    the digits of year, month and day, rejecting any non-digit, so this accepts exactly what
    `[0-9]{4}-[0-9]{2}-[0-9]{2}` plus a successful fromisoformat accepted (tested against that
    definition in test_predictor_properties.py).
    """
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:
            return _FROM_ISO(value)
        except ValueError:
            return None
    return None


def _convictions(value: list[object]) -> tuple[PreviousConviction, ...] | None:
    members = _CONVICTIONS
    parsed = tuple(members.get(item) if type(item) is str else None for item in value)
    return None if None in parsed else parsed  # type: ignore[return-value]  # None excluded


_CONVICTIONS: Final[dict[str, PreviousConviction]] = {m.value: m for m in PreviousConviction}
_KINDS: Final[dict[object, tuple[type, Converter | None]]] = {
    "date | None": (str, _date),
    "int | None": (int, None),
    "bool | None": (bool, None),
    "str | None": (str, None),
    "tuple[PreviousConviction, ...] | None": (list, _convictions),
}
_ENUMS: Final[tuple[type[StrEnum], ...]] = (
    Version,
    Gender,
    ActuarialCategory,
    Ogrs3Category,
    ProblemLevel,
    RelationshipStatus,
    MotivationLevel,
    SupervisionStatus,
    YesSometimesNo,
    StaticOrDynamic,
)
for _kind in _ENUMS:
    _KINDS[f"{_kind.__name__} | None"] = (str, {m.value: m for m in _kind}.get)

Spec = tuple[str, type, Converter | None]
"""(attribute, the exact JSON type the value must have, converter or None for as-is). A
converter returns None for a value it rejects (an unknown enum name, an impossible date)."""

SPECS: Final[dict[str, Spec]] = {
    json_name(f.name): (f.name, *_KINDS[f.type]) for f in fields(PredictorRequest)
}
"""JSON name → parsing spec for every field of the contract."""
_SPECS_FOR: dict[frozenset[str] | None, dict[str, Spec]] = {None: SPECS}


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    request: PredictorRequest
    invalid_fields: tuple[str, ...]


def specs_for(only: frozenset[str] | None) -> dict[str, Spec]:
    """The specs of the fields in `only` (all fields for None), memoised."""
    specs = _SPECS_FOR.get(only)
    if specs is None:
        assert only is not None
        specs = _SPECS_FOR[only] = {k: v for k, v in SPECS.items() if k in only}
    return specs


def parse_request(
    payload: Mapping[str, object] | Mapping[object, object], only: frozenset[str] | None = None
) -> ParsedRequest:
    """Build the typed request from a decoded JSON object, collecting `INVALID_INPUT` fields.

    With `only`, fields outside that set are ignored like unknown ones: a predictor judges only
    the fields it reads, so a request may carry other predictors' fields (ours).
    """
    return ParsedRequest(*parse_with(payload, specs_for(only)))


def parse_with(
    payload: Mapping[str, object] | Mapping[object, object], specs: Mapping[str, Spec]
) -> tuple[PredictorRequest, tuple[str, ...]]:
    """`parse_request` with the field specs already chosen (see `specs_for`): the hot path.

    The request is built without the generated frozen `__init__` (which sets all 62 attributes
    one by one): parsed values go straight into the new instance's `__dict__`, and absent fields
    fall back to the class defaults, which are all None.
    """
    request = _new(PredictorRequest)
    values: dict[str, object] = request.__dict__
    invalid: list[str] = []
    # Only str keys name fields (a dict's keys are hashable; other mappings' may not be).
    items: Iterable[tuple[Any, object]] = (
        payload.items() if type(payload) is dict else _str_items(payload)
    )
    spec_for = specs.get
    for key, raw in items:
        spec = spec_for(key)
        if spec is None or raw is None or type(key) is not str:
            continue
        attribute, kind, convert = spec
        if type(raw) is kind:
            if convert is None:
                values[attribute] = raw
                continue
            value = convert(raw)
            if value is not None:
                values[attribute] = value
                continue
        invalid.append(key)
    return request, tuple(invalid)


_new = object.__new__


def _str_items(payload: Mapping[Any, object]) -> list[tuple[str, object]]:
    return [(key, raw) for key, raw in payload.items() if type(key) is str]
