"""One realistic case's facts for the pure tests: Daniel Walker, as at 2 June 2025."""

from datetime import date

from caseload.derived.facts import (
    CaseFacts,
    CircumstanceFacts,
    CriminalHistoryFacts,
    RequirementFacts,
    SentenceFacts,
    case_facts,
)

AS_AT = date(2025, 6, 2)
BORN = date(1990, 5, 17)

RAR = RequirementFacts("F", 20, "DAYS", False, date(2025, 2, 3), None)
#: Common assault, convicted in January, a 12-month community order with a RAR from February.
COMMUNITY_ORDER = SentenceFacts(
    event_number=1,
    offence_code="10501",
    offence_date=date(2024, 10, 5),
    conviction_date=date(2025, 1, 10),
    sentence_type="CO",
    sentence_date=date(2025, 2, 3),
    release_date=None,
    termination_date=None,
    requirements=(RAR,),
)
HISTORY = CriminalHistoryFacts(
    total_sanctions=6,
    violent_sanctions=1,
    first_sanction_date=date(2006, 3, 1),
    contact_adult_sexual_sanctions=0,
    contact_child_sexual_sanctions=0,
    indecent_image_sanctions=0,
    non_contact_sexual_offences=0,
    most_recent_sexual_offence_date=None,
)
SETTLED = CircumstanceFacts("ACCOMMODATION", "SETTLED", date(2021, 8, 1), None)
EMPLOYED = CircumstanceFacts("EMPLOYMENT", "EMPLOYED_FT", date(2023, 4, 1), None)


def facts(**changes: object) -> CaseFacts:
    """Daniel Walker's record as at 2 June 2025, with `changes` to its parts."""
    parts: dict[str, object] = {
        "crn": "X123456",
        "date_of_birth": BORN,
        "sex": "MALE",
        "as_at": AS_AT,
        "criminal_history": HISTORY,
        "sentences": [COMMUNITY_ORDER],
        "circumstances": [SETTLED, EMPLOYED],
    }
    return case_facts(**{**parts, **changes})  # type: ignore[arg-type]
