"""Why an essential is needed, in words, from its row in the rules table: which cases the rule
applies to, its timescale and how it is counted, and how certain its source is."""

from dataclasses import dataclass
from typing import Any

from caseload.essentials.domain.rules import CERTAINTY_WORDS, RULES
from caseload.essentials.domain.timescales import Unit

WORKING_DAYS = "Working days leave out weekends and England and Wales bank holidays."


@dataclass(frozen=True)
class Why:
    rule: str
    timescale: str
    certainty: str


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def why(essential: Any) -> Why:
    """`essential` is an `EssentialView` (or anything with its `kind`)."""
    rule = RULES[essential.kind]
    timescales = list(rule.timescales.items())
    if len(timescales) == 1:
        words = [_capitalised(timescales[0][1].words())]
    else:
        words = [f"{_capitalised(name)}: {t.words()}" for name, t in timescales]
    if any(t.unit is Unit.WORKING_DAYS for _, t in timescales):
        words.append(WORKING_DAYS)
    certainty = CERTAINTY_WORDS.get(rule.certainty, rule.certainty)
    if rule.uncertain_note:
        certainty = f"{certainty}. {rule.uncertain_note}"
    return Why(
        rule=rule.applies_to,
        timescale=". ".join(w.rstrip(".") for w in words) + ".",
        certainty=certainty,
    )
