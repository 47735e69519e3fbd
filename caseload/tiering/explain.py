"""A tier's reasons in the practitioners' words: each rule as "MAPPA level 2 → 150 protect
points" or "MAPPA category 2 and RoSH high → tier A", with no register codes or step names.

The tier rules (`caseload.tiering.domain`) write one `Reason(fact, points, explanation)` per
fact they read, in a small fixed set of shapes; they are stored as they are, and the page reads
them through `explain_v2` and `explain_v3`. The rules' own wording stays available behind "Show
the calculation" (`calculation`). Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseload.core.versions import day_in_words

FRAMEWORK_NAMES = {"v2": "A–D × 0–3", "v3": "A–G"}

#: v3 results that are not a letter.
TIER_STATUSES = {"MISSING": "Not known", "NOT_SUPERVISED": "Not supervised"}

_CODES = re.compile(r" \((?:[A-Z][A-Z0-9]{1,5})(?: or [A-Z][A-Z0-9]{1,5})*\)")
_STEP = re.compile(r"^the ([A-Z_]+) step gives ([A-G])$")
_NUMBER = r"(-?\d+(?:\.\d+)?|None)"

PREDICTOR_WORDS = {
    "ARP": "all reoffending predictor (ARP)",
    "CSRP": "combined serious reoffending predictor (CSRP)",
    "DC-SRP": "direct contact sexual reoffending predictor (DC-SRP)",
}
STEP_NAMES = {"MAPPA_ROSH": "MAPPA and RoSH", "LIFER_IPP": "life or IPP sentence"}
CHANGE_FACTS = re.compile(r"need: |^OGRS |^No OGRS|^Integrated Offender Management")


@dataclass(frozen=True)
class Rule:
    """One rule that applied: the fact, in words, and what it gave."""

    fact: str
    gives: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "fact", self.fact[:1].upper() + self.fact[1:])

    def __str__(self) -> str:
        return f"{self.fact} → {self.gives}"


@dataclass(frozen=True)
class TierExplanation:
    framework: str
    name: str
    tier: str
    summary: str
    rules: tuple[Rule, ...]
    calculation: tuple[tuple[str, str, str], ...]


def tier_words(tier: str | None) -> str:
    """A stored tier as shown: "B2", "C", or "Not known" for the v3 statuses."""
    if not tier:
        return "Not calculated"
    return TIER_STATUSES.get(tier, tier)


def _points(points: int, axis: str) -> str:
    if points == 0:
        return f"no {axis} points"
    unit = "point" if abs(points) == 1 else "points"
    return f"minus {-points} {axis} {unit}" if points < 0 else f"{points} {axis} {unit}"


def _percent(value: str) -> str:
    """A score as the predictors show it: two decimal places ("36.4" is "36.40%")."""
    if value == "None":
        return "no score"
    return f"{Decimal(value):.2f}%" if "." in value else f"{value}%"


def _v2_fact(fact: str) -> str:
    if match := re.fullmatch(rf"RSR {_NUMBER}", fact):
        return f"Combined serious reoffending score (RSR) {_percent(match[1])}"
    if fact == "No RSR score":
        return "No combined serious reoffending score (RSR)"
    if match := re.fullmatch(r"RoSH (.+)", fact):
        return f"Risk of serious harm (RoSH) {match[1]}"
    if fact == "RSR and RoSH overlap":
        return "RSR and RoSH both score, and only the larger counts"
    if match := re.fullmatch(rf"OGRS {_NUMBER}", fact):
        return f"OGRS3 reoffending score {_percent(match[1])}"
    if fact == "No OGRS score":
        return "No OGRS3 reoffending score"
    if fact == "No mandate for change":
        return "No custodial sentence, and no requirement that gives a mandate for change"
    if fact.startswith("Probation Reset two-thirds point"):
        return "Probation Reset: two-thirds of the sentence served"
    return _CODES.sub("", fact)


def _v2_rule(reason: Mapping[str, object]) -> Rule:
    fact = str(reason.get("fact", ""))
    points = reason.get("points")
    words = _v2_fact(fact)
    if fact == "No mandate for change":
        return Rule(words, "change level 0")
    if fact == "No OASys assessment":
        return Rule(words, "change level 2")
    if fact.startswith("Probation Reset two-thirds point"):
        return Rule(words, "unsupervised: the tier ends in S")
    if fact.startswith("MAPPA level"):
        words = f"{fact} registration"
    elif fact.endswith(")") and _CODES.search(fact):
        words = f"{words} registration"
    axis = "change" if CHANGE_FACTS.search(fact) else "protect"
    return Rule(words, _points(points if isinstance(points, int) else 0, axis))


def explain_v2(stored: Mapping[str, object]) -> TierExplanation:
    """`stored`: the tier cache's values (`v2_tier`, `v2_protect`, `v2_change`,
    `v2_protect_points`, `v2_change_points`, `reasons`)."""
    reasons = _reasons(stored, "v2")
    rules = [_v2_rule(r) for r in reasons]
    protect, change = stored.get("v2_protect"), stored.get("v2_change")
    protect_points, change_points = stored.get("v2_protect_points"), stored.get("v2_change_points")
    if protect and isinstance(protect_points, int):
        rules.append(
            Rule(f"{_points(protect_points, 'protect')} in all", f"protect level {protect}")
        )
    assessed = not any(
        str(r.get("fact")) in {"No mandate for change", "No OASys assessment"} for r in reasons
    )
    if change is not None and assessed and isinstance(change_points, int):
        rules.append(Rule(f"{_points(change_points, 'change')} in all", f"change level {change}"))
    tier = tier_words(_text(stored.get("v2_tier")))
    summary = (
        f"Tier {tier}: protect level {protect} (how much harm the person could cause) and "
        f"change level {change} (how much probation work could change)"
        if protect and change is not None
        else f"Tier {tier}"
    )
    return TierExplanation("v2", FRAMEWORK_NAMES["v2"], tier, summary, tuple(rules), _calc(reasons))


def _v3_fact(step: str, fact: str) -> str:
    if step == "REOFFENDING" and (match := re.fullmatch(rf"ARP {_NUMBER}, CSRP {_NUMBER}", fact)):
        return (
            f"All reoffending predictor (ARP) {_percent(match[1])} and combined serious "
            f"reoffending predictor (CSRP) {_percent(match[2])}"
        )
    if step == "SEXUAL_REOFFENDING" and (
        match := re.fullmatch(rf"DC-SRP {_NUMBER} \((\w+)\)", fact)
    ):
        band = "" if match[2] == "None" else f", {_words(match[2])}"
        return f"Direct contact sexual reoffending predictor (DC-SRP) {_percent(match[1])}{band}"
    if step == "MAPPA_ROSH" and (match := re.fullmatch(r"(.+), (.+)", fact)):
        mappa, rosh = match[1], match[2]
        mappa_words = (
            f"MAPPA category {mappa.removeprefix('MAPPA category M')}"
            if mappa.startswith("MAPPA category")
            else "No MAPPA"
        )
        rosh_words = (
            f"RoSH {_words(rosh.removeprefix('RoSH '))}" if rosh.startswith("RoSH") else "no RoSH"
        )
        return f"{mappa_words} and {rosh_words}"
    if step == "LIFER_IPP" and (match := re.fullmatch(r".*last released (.+)", fact)):
        released = _iso_date(match[1])
        return "Life or IPP sentence" + (f", last released {released}" if released else "")
    return _CODES.sub("", fact)


def _v3_rule(reason: Mapping[str, object]) -> Rule:
    fact, explanation = str(reason.get("fact", "")), str(reason.get("explanation", ""))
    if match := _STEP.match(explanation):
        return Rule(_v3_fact(match[1], fact), f"tier {match[2]}")
    if fact == "No active event":
        return Rule("Not under supervision", "no tier")
    if fact == "No usable OGRS4 predictors":
        return Rule("No ARP or CSRP score yet", "tier not known")
    if fact in {"Provisional", "Not provisional"}:
        return Rule(explanation[:1].upper() + explanation[1:], fact.lower())
    return Rule(_CODES.sub("", fact), explanation)


def explain_v3(stored: Mapping[str, object]) -> TierExplanation:
    """`stored`: the tier cache's values (`v3_tier`, `v3_provisional`, `reasons`). The tier is
    the highest letter any rule gives."""
    reasons = _reasons(stored, "v3")
    tier = tier_words(_text(stored.get("v3_tier")))
    provisional = " (provisional)" if stored.get("v3_provisional") else ""
    summary = f"Tier {tier}{provisional}: the highest tier any rule below gives"
    rules = tuple(_v3_rule(r) for r in reasons)
    return TierExplanation("v3", FRAMEWORK_NAMES["v3"], tier, summary, rules, _calc(reasons))


def _reasons(stored: Mapping[str, object], framework: str) -> Sequence[Mapping[str, object]]:
    reasons = stored.get("reasons")
    found = reasons.get(framework) if isinstance(reasons, Mapping) else None
    return [r for r in found if isinstance(r, Mapping)] if isinstance(found, list) else []


def _calc(reasons: Sequence[Mapping[str, object]]) -> tuple[tuple[str, str, str], ...]:
    """The rules' own words, for "Show the calculation"; codes dropped, the steps named."""
    rows = []
    for r in reasons:
        points = r.get("points")
        explanation = str(r.get("explanation", ""))
        if match := _STEP.match(explanation):
            step = STEP_NAMES.get(match[1], _words(match[1]))
            explanation = f"the {step} rule gives {match[2]}"
        rows.append(
            (
                _tidy(str(r.get("fact", ""))),
                "–" if points is None else str(points),
                _tidy(explanation),
            )
        )
    return tuple(rows)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _words(code: str) -> str:
    return code.replace("_", " ").lower()


def _iso_date(text: str) -> str | None:
    """ "2020-01-31" as GOV.UK writes dates: "31 January 2020"."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day_in_words(day)


_BANDS = re.compile(r"\b(VERY_HIGH|HIGH|MEDIUM|LOW|NOT_APPLICABLE|STATIC|DYNAMIC)\b")
_SNAKE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def _tidy(text: str) -> str:
    """Codes out of the rules' own words: bands and step names in lower case, and register
    codes in brackets dropped ("Child concerns (RCCO)" is "Child concerns")."""
    text = _BANDS.sub(lambda m: _words(m[0]), text)
    text = re.sub(r"MAPPA category M(\d)", r"MAPPA category \1", text)
    text = _CODES.sub("", text)
    return _SNAKE.sub(lambda m: _words(m[0]), text)
