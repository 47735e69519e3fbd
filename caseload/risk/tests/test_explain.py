"""Predictor scores in words: every factor a sentence with its value and what it added, scores
as OASys shows them, the exact weights only behind "Show the calculation"."""

import re
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from caseload.access.cases import case_viewer
from caseload.people.actions import record_circumstance_change
from caseload.people.record import SECTIONS
from caseload.risk.actions import record_assessment, register_flag
from caseload.risk.assessment import QUESTIONS
from caseload.risk.constants import REGISTERS
from caseload.risk.explain import FACTORS, answer, exact, two_places
from caseload.risk.models import PredictorScore
from caseload.risk.panels import predictors
from caseload.risk.reading import case_score_terms, explained_scores
from caseload.testing.assessments import middle_answer
from caseload.testing.factories import case_held_by
from caseload.tiering.panels import tier


@pytest.fixture
def assessed_case(practitioner):  # type: ignore[no-untyped-def]
    """A case scored by every predictor it can be: an assessment, circumstances, a MAPPA
    registration and a RoSH level."""
    case = case_held_by(practitioner)
    today = timezone.localdate()
    for kind, status in (("EMPLOYMENT", "UNEMPLOYED"), ("ACCOMMODATION", "SETTLED")):
        record_circumstance_change(
            case.crn,
            acting_user=practitioner.user,
            kind=kind,
            status=status,
            start_date=today,
            replacing=None,
        )
    answers = {question.key: middle_answer(question) for question in QUESTIONS}
    record_assessment(case.crn, acting_user=practitioner.user, completed_on=today, answers=answers)
    for register, category, level in (("MAPP", "M2", "M2"), ("RHRH", "", ""), ("RCCO", "", "")):
        register_flag(
            case.crn,
            acting_user=practitioner.user,
            register=register,
            category=category,
            level=level,
            registered_on=today - timedelta(days=3),
        )
    return case


def scores(case) -> QuerySet[PredictorScore]:  # type: ignore[no-untyped-def]
    return PredictorScore.objects.filter(person=case)


def test_every_term_a_predictor_gives_has_words(assessed_case):
    terms = case_score_terms(assessed_case)
    names = {term[0] for score in scores(assessed_case) for term in terms[score.predictor]}
    assert names and not names - set(FACTORS)


def test_each_factor_that_counts_is_a_sentence_with_its_value_and_contribution(assessed_case):
    arp = scores(assessed_case).get(predictor="arp")
    explained = explained_scores(assessed_case, [arp])[0]
    assert explained.score == f"{arp.score:.2f}%"
    assert explained.score_type == "Dynamic: with the assessment"
    sentences = [f.sentence for f in explained.factors]
    assert any(
        re.fullmatch(r"Unemployed: Yes\. Raises the likelihood \(weight \+\d\.\d\d\)\.", s)
        for s in sentences
    ), sentences
    assert all(
        re.search(r"(Raises|Lowers) the likelihood \(weight [+−]\d+\.\d\d\)", s)
        or "almost no difference" in s
        for s in sentences
    )


def test_a_point_scale_says_how_many_points_each_factor_adds(assessed_case):
    ovp = scores(assessed_case).get(predictor="ovp")
    explained = explained_scores(assessed_case, [ovp])[0]
    assert (
        explained.score
        == f"{ovp.one_year}% in 1 year, {ovp.two_year}% in 2 years ({ovp.points} points)"
    )
    assert all(re.search(r"Adds \d+ points?\.$", f.sentence) for f in explained.factors)
    total = sum(int(row.weight) for row in explained.calculation)
    assert total == ovp.points


def test_the_calculation_keeps_the_exact_weights(assessed_case):
    arp = scores(assessed_case).get(predictor="arp")
    explained = explained_scores(assessed_case, [arp])[0]
    assert [Decimal(row.weight) for row in explained.calculation] == [
        Decimal(term[2]) for term in case_score_terms(assessed_case)["arp"]
    ]


def test_answers_are_in_words_not_codes():
    assert answer("SOME_PROBLEMS") == "Some problems"
    assert answer("IN_RELATIONSHIP_LIVING_TOGETHER") == "In a relationship, living together"
    assert answer("VIOLENCE_AGAINST_THE_PERSON_SUB_ABH") == (
        "Violence against the person (less serious than ABH)"
    )
    assert answer("True") == "Yes" and answer("False") == "No"


def test_an_offence_code_is_shown_as_its_description():
    label, shown = FACTORS["offenceGroupParameter"]
    assert shown("10436") != "10436" and not shown("10436").isdigit()


@given(st.decimals(min_value=-100, max_value=100, allow_nan=False, places=60))
def test_weights_are_shown_to_two_places_and_exactly(weight):
    shown = two_places(weight)
    assert re.fullmatch(r"[+−]\d+\.\d\d", shown)
    assert Decimal(exact(str(weight))) == weight
    assert "E" not in exact(str(weight))


def test_an_exponent_zero_is_just_zero():
    assert exact("0E-53") == "0"


class VisibleText(HTMLParser):
    """The page's text, and separately the text outside "Show the calculation"."""

    def __init__(self) -> None:
        super().__init__()
        self.everything: list[str] = []
        self.outside: list[str] = []
        self.depth = 0  # elements open inside a calculation
        self.skipping = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in {"script", "style", "svg"}:
            self.skipping += 1
        opens = self.depth or any(name == "data-calculation" for name, _ in attrs)
        if opens and tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self.depth += 1

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in {"script", "style", "svg"}:
            self.skipping -= 1
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.skipping:
            return
        self.everything.append(data)
        if not self.depth:
            self.outside.append(data)


CAMEL_CASE = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*\b")
SNAKE_CODE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
LONG_DECIMAL = re.compile(r"\d\.\d{3,}")
REGISTER_CODE = re.compile(r"\b(" + "|".join(sorted(REGISTERS, key=len, reverse=True)) + r")\b")


def test_the_risk_panels_speak_the_practitioners_language(client, practitioner, assessed_case):
    """No internal field names, raw codes or numbers with more than 2 decimals on the case's
    pages, except the exact weights behind "Show the calculation"."""
    client.force_login(practitioner.user)
    pages = [reverse("case_detail", args=[assessed_case.crn])] + [
        reverse(f"case_{key}", args=[assessed_case.crn]) for key, _, slug in SECTIONS if slug
    ]
    text = VisibleText()
    for url in pages:
        text.feed(client.get(url).content.decode())
    everything, outside = " ".join(text.everything), " ".join(text.outside)
    assert "Why this tier" in everything and "Show the calculation" in everything
    assert not CAMEL_CASE.findall(everything)
    assert not SNAKE_CODE.findall(everything)
    assert not LONG_DECIMAL.findall(outside)
    assert LONG_DECIMAL.findall(everything), "the exact weights are behind the disclosure"


def test_the_predictor_and_tier_panels_show_no_register_codes(practitioner, assessed_case):
    viewer = case_viewer(practitioner.user, assessed_case)
    html = render_to_string("risk/predictor_panel.html", predictors(assessed_case, viewer))
    html += render_to_string("tiering/tier_panel.html", tier(assessed_case, viewer))
    text = VisibleText()
    text.feed(html)
    shown = " ".join(text.everything)
    assert "MAPPA" in shown and "Child concerns" in shown
    assert not REGISTER_CODE.findall(shown)
    assert not SNAKE_CODE.findall(shown) and not CAMEL_CASE.findall(shown)
