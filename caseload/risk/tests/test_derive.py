"""From a person's recorded facts to predictor requests and scores (pure: hand-built facts, no
database). Each test is one decision of docs/NOTES.md ("Record once", "Predictor dates from the
record") or of `caseload.risk.derive`."""

from dataclasses import replace
from datetime import date

import pytest

from caseload.derived.facts import (
    AssessmentFacts,
    CircumstanceFacts,
    SentenceFacts,
)
from caseload.risk.assessment import ASSESSMENT_FIELDS
from caseload.risk.derive import FACT_LABELS, derive_scores, derive_terms, full_request
from caseload.risk.predictors import PREDICTOR_NAMES
from caseload.testing.assessments import arp_dynamic_answers
from caseload.testing.facts import AS_AT, COMMUNITY_ORDER, EMPLOYED, HISTORY, SETTLED, facts

WORDS = set(FACT_LABELS.values()) | set(ASSESSMENT_FIELDS.values())


def licence(**changes: object) -> SentenceFacts:
    """Burglary, 18 months' custody: released on licence on 3 March 2025 unless changed."""
    parts: dict[str, object] = {
        "offence_code": "03000",
        "sentence_type": "LIC",
        "sentence_date": date(2024, 9, 2),
        "release_date": date(2025, 3, 3),
        "requirements": (),
    }
    return replace(COMMUNITY_ORDER, **{**parts, **changes})  # type: ignore[arg-type]


# Follow-up date, conviction and offence: from the current sentence.


def test_the_follow_up_of_a_community_sentence_starts_on_the_sentence_date():
    assert full_request(facts())["dateAtStartOfFollowup"] == "2025-02-03"


def test_the_follow_up_after_custody_starts_on_the_release_date():
    request = full_request(facts(sentences=[licence()]))
    assert request["dateAtStartOfFollowup"] == "2025-03-03"
    assert request["supervisionStatus"] == "COMMUNITY"


@pytest.mark.parametrize("release_date", [None, date(2025, 8, 1)], ids=["no date", "later"])
def test_a_licence_not_yet_released_is_supervised_in_custody(release_date):
    request = full_request(facts(sentences=[licence(release_date=release_date)]))
    assert request["supervisionStatus"] == "CUSTODY"


def test_released_on_the_day_is_supervised_in_the_community():
    request = full_request(facts(sentences=[licence(release_date=AS_AT)]))
    assert request["supervisionStatus"] == "COMMUNITY"


def test_a_community_order_is_supervised_in_the_community():
    assert full_request(facts())["supervisionStatus"] == "COMMUNITY"


def test_conviction_and_offence_come_from_the_most_recent_sentence_in_force():
    earlier = replace(
        COMMUNITY_ORDER,
        event_number=1,
        offence_code="05800",
        conviction_date=date(2024, 3, 4),
        sentence_date=date(2024, 3, 4),
    )
    latest = replace(COMMUNITY_ORDER, event_number=2)
    request = full_request(facts(sentences=[latest, earlier]))
    assert request["dateOfCurrentConviction"] == "2025-01-10"
    assert request["currentOffenceCode"] == "10501"
    assert request["dateAtStartOfFollowup"] == "2025-02-03"


def test_an_ended_sentence_is_not_current_even_when_it_is_the_latest():
    in_force = replace(
        COMMUNITY_ORDER,
        offence_code="05800",
        conviction_date=date(2024, 3, 4),
        sentence_date=date(2024, 3, 4),
    )
    ended = replace(COMMUNITY_ORDER, event_number=2, termination_date=date(2025, 5, 1))
    request = full_request(facts(sentences=[in_force, ended]))
    assert request["currentOffenceCode"] == "05800"
    assert request["dateOfCurrentConviction"] == "2024-03-04"


def test_a_sentence_ending_today_is_no_longer_current():
    request = full_request(facts(sentences=[replace(COMMUNITY_ORDER, termination_date=AS_AT)]))
    for field in (
        "dateOfCurrentConviction",
        "dateAtStartOfFollowup",
        "currentOffenceCode",
        "supervisionStatus",
    ):
        assert field not in request


def test_a_sentence_ending_tomorrow_is_still_current():
    ends = date(2025, 6, 3)
    request = full_request(facts(sentences=[replace(COMMUNITY_ORDER, termination_date=ends)]))
    assert request["currentOffenceCode"] == "10501"


def test_the_most_recent_offence_date_reads_every_sentence_including_ended_ones():
    ended = replace(
        COMMUNITY_ORDER, event_number=2, offence_date=date(2025, 3, 1), termination_date=AS_AT
    )
    request = full_request(facts(sentences=[COMMUNITY_ORDER, ended]))
    assert request["mostRecentOffenceDate"] == "2025-03-01"


# Assessment date.


def test_the_assessment_date_is_the_latest_assessment_s_date():
    older = AssessmentFacts(date(2025, 2, 20), {"temperControl": "SIGNIFICANT_PROBLEMS"})
    latest = AssessmentFacts(date(2025, 5, 12), {"temperControl": "SOME_PROBLEMS"})
    request = full_request(facts(assessments=[older, latest]))
    assert request["assessmentDate"] == "2025-05-12"
    assert request["temperControl"] == "SOME_PROBLEMS"


def test_without_an_assessment_the_assessment_date_is_the_day_of_the_facts():
    assert full_request(facts())["assessmentDate"] == "2025-06-02"


def test_an_assessment_completed_after_the_day_of_the_facts_is_not_read():
    later = AssessmentFacts(date(2025, 6, 10), {"temperControl": "SOME_PROBLEMS"})
    request = full_request(facts(assessments=[later]))
    assert request["assessmentDate"] == "2025-06-02"
    assert "temperControl" not in request


# Age at first sanction: whole years from date of birth (17 May 1990).


@pytest.mark.parametrize(
    ("first_sanction", "age"),
    [
        (date(2006, 5, 16), 15),  # the day before his 16th birthday
        (date(2006, 5, 17), 16),  # his 16th birthday
        (date(2007, 5, 16), 16),
        (date(2006, 3, 1), 15),
    ],
)
def test_age_at_first_sanction_is_whole_years_from_the_date_of_birth(first_sanction, age):
    history = replace(HISTORY, first_sanction_date=first_sanction)
    assert full_request(facts(criminal_history=history))["ageAtFirstSanction"] == age


def test_age_at_first_sanction_of_someone_born_on_29_february():
    history = replace(HISTORY, first_sanction_date=date(2006, 2, 28))
    request = full_request(facts(date_of_birth=date(1988, 2, 29), criminal_history=history))
    assert request["ageAtFirstSanction"] == 17  # 18 on 1 March 2006


# Unemployment and no fixed abode: recorded once, as circumstances.


@pytest.mark.parametrize(
    ("status", "unemployed"),
    [
        ("UNEMPLOYED", True),
        ("EMPLOYED_FT", False),
        ("EMPLOYED_PT", False),
        ("SELF_EMPLOYED", False),
        ("EDUCATION_TRAINING", False),
        ("NOT_AVAILABLE", False),
    ],
)
def test_unemployment_comes_from_the_current_employment_circumstance(status, unemployed):
    employment = CircumstanceFacts("EMPLOYMENT", status, date(2025, 1, 6), None)
    request = full_request(facts(circumstances=[SETTLED, employment]))
    assert request["isUnemployed"] is unemployed


def test_an_ended_spell_of_unemployment_is_not_current():
    was = CircumstanceFacts("EMPLOYMENT", "UNEMPLOYED", date(2024, 6, 1), date(2025, 4, 14))
    now = CircumstanceFacts("EMPLOYMENT", "EMPLOYED_PT", date(2025, 4, 14), None)
    assert full_request(facts(circumstances=[SETTLED, was, now]))["isUnemployed"] is False


def test_a_change_of_employment_starting_later_is_not_known_yet():
    starts = CircumstanceFacts("EMPLOYMENT", "UNEMPLOYED", date(2025, 6, 9), None)
    assert full_request(facts(circumstances=[SETTLED, EMPLOYED, starts]))["isUnemployed"] is False


@pytest.mark.parametrize(
    ("status", "unsettled"),
    [
        ("NFA", True),
        ("TEMPORARY", True),
        ("SETTLED", False),
        ("APPROVED_PREMISES", False),
        ("CUSTODY", False),
    ],
)
def test_no_fixed_abode_comes_from_the_current_accommodation_circumstance(status, unsettled):
    accommodation = CircumstanceFacts("ACCOMMODATION", status, date(2025, 3, 17), None)
    request = full_request(facts(circumstances=[accommodation, EMPLOYED]))
    assert request["isCurrentlyOfNoFixedAbodeOrTransientAccommodation"] is unsettled


def test_unemployment_and_no_fixed_abode_are_not_read_from_assessment_answers():
    answers = {
        "isUnemployed": True,
        "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": True,
        "temperControl": "SOME_PROBLEMS",
    }
    assessment = AssessmentFacts(date(2025, 5, 12), answers)
    request = full_request(facts(assessments=[assessment]))
    assert request["isUnemployed"] is False
    assert request["isCurrentlyOfNoFixedAbodeOrTransientAccommodation"] is False


def test_without_circumstances_unemployment_and_no_fixed_abode_are_left_out():
    answers = {"isUnemployed": True, "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": True}
    assessment = AssessmentFacts(date(2025, 5, 12), answers)
    request = full_request(facts(circumstances=[], assessments=[assessment]))
    assert "isUnemployed" not in request
    assert "isCurrentlyOfNoFixedAbodeOrTransientAccommodation" not in request


# Absent facts are left out, not guessed.


def test_without_a_criminal_history_no_sanction_field_is_guessed():
    request = full_request(facts(criminal_history=None))
    for field in (
        "totalNumberOfSanctionsForAllOffences",
        "totalNumberOfViolentSanctions",
        "ageAtFirstSanction",
        "hasEverCommittedSexualOffence",
        "totalContactAdultSexualSanctions",
        "totalContactChildSexualSanctions",
        "totalIndecentImageSanctions",
        "totalNonContactSexualOffences",
        "dateOfMostRecentSexualOffence",
    ):
        assert field not in request, field


def test_without_a_sentence_no_sentence_field_is_guessed():
    request = full_request(facts(sentences=[]))
    for field in (
        "dateOfCurrentConviction",
        "dateAtStartOfFollowup",
        "currentOffenceCode",
        "supervisionStatus",
        "mostRecentOffenceDate",
    ):
        assert field not in request, field


def test_a_sex_not_recorded_is_left_out():
    assert "gender" not in full_request(facts(sex="NOT_RECORDED"))


def test_a_sexual_offence_history_is_sent_with_its_latest_date():
    history = replace(
        HISTORY,
        contact_adult_sexual_sanctions=1,
        most_recent_sexual_offence_date=date(2019, 7, 22),
    )
    request = full_request(facts(criminal_history=history))
    assert request["hasEverCommittedSexualOffence"] is True
    assert request["totalContactAdultSexualSanctions"] == 1
    assert request["dateOfMostRecentSexualOffence"] == "2019-07-22"


def test_unanswered_and_unknown_assessment_items_are_left_out():
    answers = {"temperControl": None, "shoeSize": "NINE", "proCriminalAttitudes": "NO_PROBLEMS"}
    request = full_request(facts(assessments=[AssessmentFacts(date(2025, 5, 12), answers)]))
    assert "temperControl" not in request and "shoeSize" not in request
    assert request["proCriminalAttitudes"] == "NO_PROBLEMS"


def test_the_whole_request_for_a_static_record():
    assert full_request(facts()) == {
        "dateOfBirth": "1990-05-17",
        "gender": "MALE",
        "assessmentDate": "2025-06-02",
        "dateOfCurrentConviction": "2025-01-10",
        "dateAtStartOfFollowup": "2025-02-03",
        "currentOffenceCode": "10501",
        "supervisionStatus": "COMMUNITY",
        "mostRecentOffenceDate": "2024-10-05",
        "totalNumberOfSanctionsForAllOffences": 6,
        "totalNumberOfViolentSanctions": 1,
        "ageAtFirstSanction": 15,
        "hasEverCommittedSexualOffence": False,
        "totalContactAdultSexualSanctions": 0,
        "totalContactChildSexualSanctions": 0,
        "totalIndecentImageSanctions": 0,
        "totalNonContactSexualOffences": 0,
        "isUnemployed": False,
        "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": False,
    }


# Scores, and what is missing, in words.


def test_every_predictor_is_derived():
    assert set(derive_scores(facts())) == set(PREDICTOR_NAMES)


def test_a_complete_record_scores_ogrs3_with_nothing_missing():
    ogrs3 = derive_scores(facts())["ogrs3"]
    assert ogrs3.two_year is not None and ogrs3.one_year is not None
    assert ogrs3.missing == () and ogrs3.errors == ()
    assert derive_terms(facts())["ogrs3"]


def test_without_an_assessment_arp_is_static_and_lists_the_questions_to_ask():
    arp = derive_scores(facts())["arp"]
    assert arp.score is not None and arp.score_type == "STATIC"
    assert arp.errors == ("MISSING_DYNAMIC_INPUT",)
    assert set(arp.missing) == {ASSESSMENT_FIELDS[key] for key in arp_dynamic_answers()}


def test_an_assessment_and_the_circumstances_make_arp_dynamic():
    assessment = AssessmentFacts(date(2025, 5, 12), arp_dynamic_answers())
    arp = derive_scores(facts(assessments=[assessment]))["arp"]
    assert arp.score_type == "DYNAMIC"
    assert arp.missing == () and arp.errors == ()


def test_without_the_employment_circumstance_arp_asks_for_it_in_words():
    assessment = AssessmentFacts(date(2025, 5, 12), arp_dynamic_answers())
    arp = derive_scores(facts(circumstances=[SETTLED], assessments=[assessment]))["arp"]
    assert arp.score_type == "STATIC"
    assert arp.missing == ("Current employment, education or training status",)


def test_without_a_current_sentence_ogrs3_lists_the_sentence_facts_in_words():
    ogrs3 = derive_scores(facts(sentences=[]))["ogrs3"]
    assert ogrs3.two_year is None and ogrs3.score is None
    assert derive_terms(facts(sentences=[]))["ogrs3"] == ()
    assert set(ogrs3.missing) == {
        "A current sentence with its conviction date",
        "A current sentence (its start or release date)",
        "A current sentence with its offence code",
    }


def test_without_circumstances_ogp_lists_them_in_words():
    missing = derive_scores(facts(circumstances=[]))["ogp"].missing
    assert "Current accommodation status" in missing
    assert "Current employment, education or training status" in missing


def test_without_a_criminal_history_ogrs3_lists_it_in_words():
    missing = derive_scores(facts(criminal_history=None))["ogrs3"].missing
    assert set(missing) == {
        "Criminal history: total sanctions",
        "Criminal history: date of first sanction",
    }


@pytest.mark.parametrize("predictor", ["dc-srp", "iic-srp"])
def test_without_a_criminal_history_the_sexual_predictors_list_what_is_missing_in_words(
    predictor,
):
    missing = derive_scores(facts(criminal_history=None))[predictor].missing
    assert missing and set(missing) <= WORDS, missing
