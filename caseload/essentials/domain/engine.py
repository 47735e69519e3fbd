"""What is due on one case: every rule of `RULES` applied to its facts as at a day."""

from __future__ import annotations

from caseload.essentials.domain import kinds
from caseload.essentials.domain.case import probation_reset, words
from caseload.essentials.domain.essential import Essential, State
from caseload.essentials.domain.facts import EssentialFacts
from caseload.essentials.domain.rules import RULES

#: Still due on a sentence past its expected end: recording its end, and enforcement under way.
_AFTER_THE_END = frozenset(
    {"sentence_end", "warning_letter", "breach_referral", "recall_decision", "recall_part_a"}
)


def essentials_due(facts: EssentialFacts) -> tuple[Essential, ...]:
    """Each rule's essentials on the case as at `facts.as_at`.

    A case with no sentence in force has nothing due. A sentence past its expected end with
    no end recorded has only "record the end of the sentence" (and any enforcement under
    way). Past the Probation Reset point, and not exempt, the rules that end at the Reset are
    not required, and say why."""
    if facts.case.current_sentence() is None:
        return ()
    past_the_end = bool(kinds.sentence_end(RULES["sentence_end"], facts))
    reset = probation_reset(facts)
    found: list[Essential] = []
    for rule in RULES.values():
        if past_the_end and rule.kind not in _AFTER_THE_END:
            continue
        if rule.ends_at_reset and reset is not None and reset.ended_supervision(facts.as_at):
            found.append(
                Essential(
                    rule.kind,
                    "",
                    State.NOT_REQUIRED,
                    None,
                    "Probation Reset: active supervision ended at the two-thirds point on "
                    f"{words(reset.point)}",
                )
            )
            continue
        found.extend(rule.derive(rule, facts))
    return tuple(found)
