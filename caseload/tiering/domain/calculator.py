"""The tier calculator: one JSON input object in, one JSON result object out.

The input format is the research vector format of `caseload/tiering/tests/data/
tiering_examples.json`; the output and error contract are the tiering issue's, our own convention,
not the anchor's. Every model of that format is supported: `v2`, `v3`, `v3_provisional_only`,
`v2_womens_factor_points` and `need_severity`. Inputs are checked first, field by field; any problem
gives `{"errors": [...]}` and nothing is computed. `calculate_tier` never raises.
"""

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from caseload.tiering.domain.errors import ErrorType, FieldError, UnsupportedCombinationError
from caseload.tiering.domain.inputs import NeedSection, OasysAnswer
from caseload.tiering.domain.needs import SCORED_SECTIONS, parse_answer, section_need
from caseload.tiering.domain.parse_v2 import read_v2, read_womens_answers
from caseload.tiering.domain.parse_v3 import read_provisional_only, read_v3
from caseload.tiering.domain.protect import womens_factor_points
from caseload.tiering.domain.provisional import provisional
from caseload.tiering.domain.reader import ObjectReader, Problems
from caseload.tiering.domain.reasons import total_points
from caseload.tiering.domain.v2 import tier_v2
from caseload.tiering.domain.v3 import tier_v3

#: "Today" for the lifer/IPP rule is the calendar date in England (our convention).
CALCULATION_TIME_ZONE = ZoneInfo("Europe/London")

Result = dict[str, object]

#: The result fields every model prints, in this order; null where the model has none.
RESULT_FIELDS = ("tier", "protect", "change", "protect_points", "change_points", "provisional")


def london_today() -> date:
    return datetime.now(CALCULATION_TIME_ZONE).date()


def calculate_tier(obj: Mapping[str, object], *, today: date | None = None) -> Result:
    """Calculate one input object of the vector format; `today` defaults to today in London.

    Returns the result fields of `RESULT_FIELDS` (plus `womens_points`, or `score` and
    `severity`, for those models), or `{"errors": [{"type", "field", "fields", "message"}]}`.
    """
    if not isinstance(obj, Mapping):
        return errors_result([FieldError(ErrorType.INVALID_INPUT, (), "must be a JSON object")])
    problems = Problems()
    reader = ObjectReader(obj, "", problems)
    model = obj.get("model")
    if model is None:
        problems.missing("model")
        return errors_result(problems.errors)
    calculate = _MODELS.get(model) if isinstance(model, str) else None
    if calculate is None:
        problems.invalid("model", f"must be one of {', '.join(_MODELS)}")
        return errors_result(problems.errors)
    try:
        return calculate(reader, london_today() if today is None else today)
    except UnsupportedCombinationError as error:
        return errors_result([*problems.errors, error.error])


def calculate_tier_text(text: bytes | str, *, today: date | None = None) -> Result:
    """`calculate_tier` for one JSON text (a JSON Lines line or an HTTP body).

    Numbers are parsed as exact decimals (the format's rule); NaN and Infinity are refused.
    Text that is not UTF-8, not JSON or not one object gives an `INVALID_INPUT` error with no field.
    """
    try:
        decoded = text.decode("utf-8") if isinstance(text, bytes) else text
        obj = json.loads(decoded, parse_float=Decimal, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        return _text_error("the input is not UTF-8 text")
    except ValueError as error:
        return _text_error(f"the input is not valid JSON: {error}")
    except RecursionError:
        return _text_error("the input is nested too deeply")
    if not isinstance(obj, dict):
        return _text_error("the input must be one JSON object")
    return calculate_tier(obj, today=today)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def _text_error(message: str) -> Result:
    return errors_result([FieldError(ErrorType.INVALID_INPUT, (), message)])


def errors_result(errors: list[FieldError]) -> Result:
    return {"errors": [error.as_json() for error in errors]}


def _empty_result(**fields: object) -> Result:
    result: Result = dict.fromkeys(RESULT_FIELDS)
    result.update(fields)
    return result


def _v2(reader: ObjectReader, today: date) -> Result:
    inputs = read_v2(reader)
    if reader.problems.errors:
        return errors_result(reader.problems.errors)
    result = tier_v2(inputs)
    return _empty_result(
        tier=result.tier,
        protect=result.protect.level.value,
        change=result.change.level,
        protect_points=result.protect.points,
        change_points=result.change.points,
    )


def _v3(reader: ObjectReader, today: date) -> Result:
    inputs = read_v3(reader, today=today)
    if reader.problems.errors:
        return errors_result(reader.problems.errors)
    result = tier_v3(inputs, today=today)
    return _empty_result(tier=result.tier.value, provisional=result.provisional)


def _v3_provisional_only(reader: ObjectReader, today: date) -> Result:
    inputs = read_provisional_only(reader)
    if reader.problems.errors:
        return errors_result(reader.problems.errors)
    finding = provisional(
        inputs.steps,
        rosh=inputs.rosh,
        mappa_category=inputs.mappa_category,
        arp=inputs.arp,
        csrp=inputs.csrp,
    )
    return _empty_result(provisional=finding.provisional)


def _womens_factor_points(reader: ObjectReader, today: date) -> Result:
    female = reader.boolean("female")
    answers_reader = reader.child("assessment_answers")
    answers = None if answers_reader is None else read_womens_answers(answers_reader)
    breach_or_recall = reader.boolean("previous_enforcement_activity")
    if reader.problems.errors:
        return errors_result(reader.problems.errors)
    points = total_points(tuple(womens_factor_points(answers, breach_or_recall))) if female else 0
    return _empty_result(womens_points=points)


def _need_severity(reader: ObjectReader, today: date) -> Result:
    section = reader.enum("section", NeedSection, mandatory=True)
    if section is not None and section not in SCORED_SECTIONS:
        reader.problems.invalid(
            reader.path_of("section"),
            f"must be one of {', '.join(SCORED_SECTIONS)}: the other sections are not scored",
        )
    answers_reader = reader.child("answers", mandatory=True)
    answers: dict[str, OasysAnswer | None] = {}
    if answers_reader is not None:
        for key, value in answers_reader.data.items():
            answers[str(key)] = _answer(value, answers_reader.path_of(str(key)), reader.problems)
    san_indicator = reader.boolean("sanIndicator")
    if reader.problems.errors or section is None:
        return errors_result(reader.problems.errors)
    need = section_need(section, answers, san_indicator=san_indicator)
    return _empty_result(
        score=need.score, severity=None if need.severity is None else need.severity.value
    )


def _answer(value: object, path: str, problems: Problems) -> OasysAnswer | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return parse_answer(value)
        except ValueError:
            pass
    problems.invalid(path, "must be an OASys answer such as None, Some, Significant, Yes or No")
    return None


_MODELS: dict[str, Callable[[ObjectReader, date], Result]] = {
    "v2": _v2,
    "v3": _v3,
    "v3_provisional_only": _v3_provisional_only,
    "v2_womens_factor_points": _womens_factor_points,
    "need_severity": _need_severity,
}

#: The `model` values the calculator reads, for documents and messages.
MODEL_NAMES: tuple[str, ...] = tuple(_MODELS)
