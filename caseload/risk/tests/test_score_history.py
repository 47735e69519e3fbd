"""The history of predictor scores: a row when a result changes, none when it does not."""

from django.utils import timezone

from caseload.derived.recompute import recompute_all
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import record_assessment
from caseload.testing.assessments import arp_dynamic_answers


def test_a_score_that_changes_is_kept_with_what_changed_it(case, practitioner):
    recompute_all()
    first = set(case.predictor_score_changes.values_list("pk", flat=True))
    assert case.predictor_score_changes.filter(predictor="arp", score_type="STATIC").exists()
    recompute_all()
    assert set(case.predictor_score_changes.values_list("pk", flat=True)) == first

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
    record_assessment(
        case.crn, acting_user=practitioner.user, completed_on=today, answers=arp_dynamic_answers()
    )
    arp = case.predictor_score_changes.exclude(pk__in=first).filter(predictor="arp").first()
    assert arp is not None and arp.score_type == "DYNAMIC"
    assert arp.cause == "assessment completed"
