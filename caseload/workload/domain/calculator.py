"""The calculator behind `caseload workload calculate`: one function per kind of calculation.

Each line is `{"kind": ..., "inputs": {...}}`; the answer holds the outputs named as the
national tools' own tests name them. Inputs are checked strictly, and a bad one is refused with
the field and the rule it breaks (`BadInput`), never guessed at. Numbers are read as exact
decimals (`json.loads(..., parse_float=Decimal)`); the batch kinds (`wmt_...`) then compute in
floats, as the JavaScript they reproduce does.
"""

import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from caseload.workload.domain import capacity, grades, points, reductions
from caseload.workload.domain.case_points import ALL_TIERS, SEED_CASE_POINTS, CaseType
from caseload.workload.domain.case_points import points_for_case as table_points

Inputs = Mapping[str, Any]
Outputs = dict[str, Any]

#: No workload figure comes near this; larger numbers are refused rather than rounded.
LARGEST = Decimal(10) ** 12


class BadInput(ValueError):
    """An input that breaks a rule: `field` (dotted, e.g. `inputs.new_case.tier`), `rule` (a
    short name such as `missing`, `number`, `one_of`) and a sentence saying what is wrong."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        super().__init__(f"{field}: {message} ({rule})")
        self.field, self.rule, self.message = field, rule, message


# --- reading inputs --------------------------------------------------------------------------


def _present(inputs: Inputs, name: str, where: str) -> Any:
    if name not in inputs:
        raise BadInput(f"{where}.{name}", "missing", "is required")
    return inputs[name]


def _decimal(value: Any, field: str, *, strings: bool = False) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        raise BadInput(field, "number", "must be a number")
    if isinstance(value, str) and not strings:
        raise BadInput(field, "number", "must be a number, not text")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise BadInput(field, "number", "must be a number") from None
    if not number.is_finite() or abs(number) > LARGEST:
        raise BadInput(field, "range", f"must be a finite number no larger than {LARGEST:,}")
    return number


def number(inputs: Inputs, name: str, where: str = "inputs") -> Decimal:
    return _decimal(_present(inputs, name, where), f"{where}.{name}")


def optional_number(inputs: Inputs, name: str, where: str = "inputs") -> Decimal | None:
    value = inputs.get(name)
    return None if value is None else _decimal(value, f"{where}.{name}")


def whole(inputs: Inputs, name: str, where: str = "inputs") -> int:
    value = number(inputs, name, where)
    if value != value.to_integral_value():
        raise BadInput(f"{where}.{name}", "integer", "must be a whole number")
    return int(value)


def optional_whole(inputs: Inputs, name: str, where: str = "inputs") -> int | None:
    return None if inputs.get(name) is None else whole(inputs, name, where)


def boolean(
    inputs: Inputs, name: str, where: str = "inputs", *, default: bool | None = None
) -> bool:
    if name not in inputs and default is not None:
        return default
    value = _present(inputs, name, where)
    if not isinstance(value, bool):
        raise BadInput(f"{where}.{name}", "boolean", "must be true or false")
    return value


def obj(inputs: Inputs, name: str, where: str = "inputs", *, required: bool = True) -> Inputs:
    if not required and inputs.get(name) is None:
        return {}
    value = _present(inputs, name, where)
    if not isinstance(value, dict):
        raise BadInput(f"{where}.{name}", "object", "must be a JSON object")
    return value


def string(inputs: Inputs, name: str, where: str = "inputs") -> str:
    value = _present(inputs, name, where)
    if not isinstance(value, str):
        raise BadInput(f"{where}.{name}", "string", "must be text")
    return value


def counts(inputs: Inputs, name: str) -> dict[str, int]:
    """`{code: count}`, each count a whole number."""
    found = obj(inputs, name, required=False)
    return {code: whole(found, code, f"inputs.{name}") for code in found}


def type_id(inputs: Inputs) -> int | None:
    """The offender-manager type id: the integer in parentheses (`"PSO(3)"`) or a bare integer
    (`"1"`); any other text is "other" (None), which the batch treats as a PO."""
    text = string(inputs, "offender_manager_type", "inputs")
    found = re.search(r"\((\d+)\)\s*$", text) or re.fullmatch(r"\s*(\d+)\s*", text)
    return int(found.group(1)) if found else None


def band_hours(inputs: Inputs, name: str) -> grades.BandHours:
    hours = obj(inputs, name)
    where = f"inputs.{name}"
    return grades.BandHours(
        pso=float(number(hours, "pso", where)),
        po=float(number(hours, "po", where)),
        spo=float(number(hours, "spo", where)),
    )


def plain(value: Decimal | float | int) -> int | float:
    """A JSON number: whole numbers as integers, others as floats."""
    if isinstance(value, int):
        return value
    if value == int(value):
        return int(value)
    return float(value)


# --- the kinds -------------------------------------------------------------------------------


def available_points(inputs: Inputs) -> Outputs:
    hours = optional_number(inputs, "available_hours")
    if hours is None:
        hours = number(inputs, "contracted_hours") - number(inputs, "reduction_hours")
    result = capacity.available_points(
        int(number(inputs, "points_for_grade")),
        hours,
        number(inputs, "default_contracted_hours_for_grade"),
    )
    return {"available_points": result}


def capacity_kind(inputs: Inputs) -> Outputs:
    total, available = whole(inputs, "total_points"), whole(inputs, "available_points")
    return {"capacity_percent": str(capacity.capacity_percent(total, available))}


def _new_case_points(inputs: Inputs) -> int:
    for name in ("new_case_points", "new_case_points_from_seed_table"):
        if inputs.get(name) is not None:
            return whole(inputs, name)
    case = obj(inputs, "new_case")
    tier = string(case, "tier", "inputs.new_case")
    if tier not in ALL_TIERS:
        raise BadInput("inputs.new_case.tier", "one_of", "must be a v2 tier such as B3 or C2S")
    case_type = string(case, "type", "inputs.new_case")
    if case_type not in tuple(CaseType):
        raise BadInput(
            "inputs.new_case.type", "one_of", "must be one of COMMUNITY, LICENSE, CUSTODY"
        )
    t2a = boolean(case, "t2a", "inputs.new_case", default=False)
    return table_points(SEED_CASE_POINTS, tier, case_type, t2a=t2a)


def _available_for_potential(inputs: Inputs) -> int:
    """The practitioner's available points, or the grade's default target when they have no
    workload record yet (the field's name varies between the source's tests)."""
    for name in ("available_points", "available_points_default_PO", "available_points_default"):
        if inputs.get(name) is not None:
            return whole(inputs, name)
    raise BadInput("inputs.available_points", "missing", "is required")


def potential_capacity(inputs: Inputs) -> Outputs:
    total = whole(inputs, "total_points")
    available = _available_for_potential(inputs)
    case_points = _new_case_points(inputs)
    held = optional_whole(inputs, "case_already_on_caseload_points")
    if held is None:
        held = case_points if boolean(inputs, "already_on_caseload", default=False) else 0
    return {
        "capacity_percent": str(capacity.capacity_percent(total, available)),
        "potential_capacity_percent": str(
            capacity.potential_capacity_percent(
                total, available, case_points, already_held_points=held
            )
        ),
    }


def workload_points(inputs: Inputs) -> Outputs:
    cases_given = inputs.get("cases") or []
    if not isinstance(cases_given, list):
        raise BadInput("inputs.cases", "list", "must be a list of cases")
    cases = []
    for index, case in enumerate(cases_given):
        where = f"inputs.cases[{index}]"
        if not isinstance(case, dict):
            raise BadInput(where, "object", "must be a JSON object")
        cases.append(
            points.CaseCount(whole(case, "count", where), whole(case, "points_each", where))
        )
    weights = obj(inputs, "weights", required=False)
    report_weightings = points.ReportWeightings(
        standard=whole(weights, "STANDARD(sdr)", "inputs.weights") if weights else 0,
        fast=whole(weights, "FAST(sdr_conversion)", "inputs.weights") if weights else 0,
    )
    reports = counts(inputs, "court_reports")
    if reports and not weights:
        raise BadInput("inputs.weights", "missing", "is required with court_reports")
    contact_weights = counts(inputs, "contact_weights")
    total = points.workload_points(
        cases=cases,
        reports=reports,
        report_weightings=report_weightings,
        contacts_outside_caseload=counts(inputs, "contacts_performed_outside_caseload"),
        contacts_by_others=counts(inputs, "contacts_on_own_caseload_performed_by_others"),
        contact_weightings=contact_weights,
    )
    return {"workload_points": total}


def wmt_available_points(inputs: Inputs) -> Outputs:
    hours = optional_number(inputs, "contracted_hours_per_week")
    result = capacity.wmt_available_points(
        float(number(inputs, "nominal_target")),
        type_id(inputs),
        None if hours is None else float(hours),
        float(number(inputs, "reduction_hours")),
        band_hours(inputs, "default_contracted_hours"),
    )
    return {"available_points": result}


def wmt_contracted_hours(inputs: Inputs) -> Outputs:
    hours = optional_number(inputs, "contracted_hours_per_week")
    result = grades.wmt_contracted_hours(
        type_id(inputs), None if hours is None else float(hours), band_hours(inputs, "defaults")
    )
    if result is None:
        return {"result": None}
    base, band_default = result
    return {"base_hours": plain(base), "default_hours_for_band": plain(band_default)}


def wmt_nominal_target(inputs: Inputs) -> Outputs:
    targets = obj(inputs, "targets")
    result = grades.wmt_nominal_target(
        type_id(inputs),
        pso_target=whole(targets, "pso", "inputs.targets"),
        po_target=whole(targets, "po", "inputs.targets"),
    )
    return {"nominal_target": result}


SUBTRACT_INACTIVE = "subtract_inactive (T2A only in current code)"


def wmt_points_for_tier(inputs: Inputs) -> Outputs:
    weighting = obj(inputs, "weighting_percent")
    where = "inputs.weighting_percent"
    subtract = inputs.get(SUBTRACT_INACTIVE, inputs.get("subtract_inactive", False))
    if not isinstance(subtract, bool):
        raise BadInput(f"inputs.{SUBTRACT_INACTIVE}", "boolean", "must be true or false")
    result = points.wmt_points_for_tier(
        whole(inputs, "tier_count_total"),
        points.InactiveCounts(
            warrants=whole(inputs, "warrants"),
            unpaid_work=whole(inputs, "unpaid_work"),
            overdue_termination=whole(inputs, "overdue_termination"),
        ),
        float(number(inputs, "points_per_case")),
        points.InactiveWeightings(
            warrants=float(number(weighting, "warrants", where)),
            unpaid_work=float(number(weighting, "unpaid_work", where)),
            overdue_termination=float(number(weighting, "overdue_termination", where)),
        ),
        subtract_inactive=subtract,
    )
    return {"points": plain(result)}


def wmt_arms_points(inputs: Inputs) -> Outputs:
    result = points.wmt_arms_points(
        whole(inputs, "arms_licence_cases"),
        whole(inputs, "arms_community_cases"),
        float(number(inputs, "licence_weighting")),
        float(number(inputs, "community_weighting")),
    )
    return {"points": plain(result)}


def wmt_parom_points(inputs: Inputs) -> Outputs:
    result = points.wmt_parom_points(
        whole(inputs, "paroms_completed_last_30_days"),
        float(number(inputs, "parom_weighting")),
        enabled=boolean(inputs, "paroms_enabled"),
    )
    return {"points": plain(result)}


def wmt_report_points(inputs: Inputs) -> Outputs:
    result = points.wmt_report_points(whole(inputs, "reports"), float(number(inputs, "weighting")))
    return {"points": plain(result)}


def reduction_allowance_hours(inputs: Inputs) -> Outputs:
    contracted = number(inputs, "contracted_hours")
    return {
        "allowance_hours": plain(
            reductions.allowance_hours(contracted, optional_number(inputs, "allowance_percentage"))
        ),
        "max_allowance_hours": plain(
            reductions.allowance_hours(
                contracted, optional_number(inputs, "max_allowance_percentage")
            )
        ),
    }


def capacity_percentage_display(inputs: Inputs) -> Outputs:
    result = capacity.capacity_percentage_display(
        float(number(inputs, "value")), float(number(inputs, "total"))
    )
    return {"percent": plain(result)}


def display_rounding(inputs: Inputs) -> Outputs:
    value = _decimal(_present(inputs, "value", "inputs"), "inputs.value", strings=True)
    return {"rounded": capacity.custom_round(float(value))}


#: Each kind by name. Two kinds carry a parenthetical in their name (legacy terms); a kind is
#: matched on its whole name or on the name before the parenthesis.
KINDS: Mapping[str, Callable[[Inputs], Outputs]] = {
    "available_points": available_points,
    "capacity": capacity_kind,
    "potential_capacity": potential_capacity,
    "workload_points": workload_points,
    "wmt_available_points": wmt_available_points,
    "wmt_contracted_hours": wmt_contracted_hours,
    "wmt_nominal_target": wmt_nominal_target,
    "wmt_points_for_tier": wmt_points_for_tier,
    "wmt_arms_points": wmt_arms_points,
    "wmt_parom_points": wmt_parom_points,
    "wmt_report_points": wmt_report_points,
    "reduction_allowance_hours": reduction_allowance_hours,
    "capacity_percentage_display": capacity_percentage_display,
    "display_rounding": display_rounding,
}


def calculate(request: Any) -> Outputs:
    """One request (already parsed): its kind's outputs, or `BadInput`."""
    if not isinstance(request, dict):
        raise BadInput("line", "object", 'must be one JSON object {"kind": ..., "inputs": {...}}')
    kind = request.get("kind")
    if not isinstance(kind, str):
        raise BadInput("kind", "missing" if kind is None else "string", "must name the calculation")
    function = KINDS.get(kind) or KINDS.get(kind.split("(")[0].strip())
    if function is None:
        raise BadInput("kind", "one_of", f"must be one of {', '.join(KINDS)}")
    inputs = request.get("inputs")
    if not isinstance(inputs, dict):
        raise BadInput("inputs", "object", "must be a JSON object")
    return function(inputs)


def calculate_line(line: str) -> Outputs:
    """One JSON Lines line: parsed with exact decimals, then calculated."""
    try:
        request = json.loads(line, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise BadInput("line", "json", f"is not JSON ({_reason(error)})") from None
    return calculate(request)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return error.msg if isinstance(error, json.JSONDecodeError) else str(error)
