"""Structured-assessment answers for tests, built from the questions themselves so no test
retypes the list of question names (or goes stale when a predictor's inputs change)."""

from __future__ import annotations

from caseload.risk.assessment import QUESTIONS_BY_KEY, Question
from caseload.risk.predictors import predictor_fields


def middle_answer(question: Question) -> object:
    """The middle answer of a question's list (SOME_PROBLEMS for a problem level, No for a
    yes/no); for a many-answer question, a list holding that one answer."""
    value, _label = question.answers[len(question.answers) // 2]
    return [value] if question.many else value


def dynamic_answers(predictor: str) -> dict[str, object]:
    """A middle answer to every assessment question among `predictor`'s dynamic inputs.

    Dynamic inputs that are not assessment questions (unemployment, which the current
    circumstances hold) are left out: record those as circumstances.
    """
    return {
        key: middle_answer(QUESTIONS_BY_KEY[key])
        for key in predictor_fields(predictor).dynamic
        if key in QUESTIONS_BY_KEY
    }


def arp_dynamic_answers() -> dict[str, object]:
    """A complete set of the assessment answers ARP's dynamic model needs."""
    return dynamic_answers("arp")
