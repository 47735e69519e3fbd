"""`caseload forecast`: before and after by grade, with the assumptions; bad options are a
message and a non-zero exit."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.testing.factories import ReportFactory, case_held_by
from caseload.tiering.models import CaseTier

pytestmark = pytest.mark.django_db


@pytest.fixture
def licence_and_community(practitioner):
    today = timezone.localdate()
    community = case_held_by(practitioner)
    licence = case_held_by(practitioner)
    licence_sentence = licence.events.get().sentence
    licence_sentence.sentence_type = "LIC"
    licence_sentence.release_date = today - timedelta(days=30)
    licence_sentence.save()
    for person in (community, licence):
        CaseTier.objects.create(person=person, v2_tier="B2", calculated_at=timezone.now())
    return community, licence


def forecast(*args):
    out = StringIO()
    call_command("forecast", *args, stdout=out)
    return out.getvalue()


def test_it_prints_points_hours_and_staff_needed_by_grade_before_and_after(
    manager, licence_and_community
):
    printed = forecast("--as", "mona", "--licence-change", "100")
    assert "1 practitioners holding 2 cases" in printed
    assert "Change: 100% more people on licence." in printed
    po = printed[printed.index("Probation Officer (PO)") :]
    # B2: 115 community points, 132 licence: 247 before, 379 with twice the licence cases.
    assert "Points a week" in po and "247 → 379" in po
    assert "Staff needed by points" in po and "FTE" in po
    assert "Reports being written count at their agreed minutes" in printed
    assert AuditEvent.objects.filter(action="VIEW_WORKLOAD", user=manager.user).exists()


def test_a_0_percent_change_prints_the_same_figures_before_and_after_as_json(
    manager, licence_and_community
):
    body = json.loads(forecast("--as", "mona", "--community-change", "0", "--json"))
    assert body["change"] == ["no change"]
    (po,) = [g for g in body["grades"] if g["grade"] == "PO"]
    assert po["before"] == po["after"]
    assert po["before"]["points"] == 247.0
    assert po["in_post"] == 1.0
    assert any("Reports being written count" in said for said in body["assumptions"])


def test_a_changed_timing_is_named_with_its_minutes_before_and_after(
    manager, licence_and_community
):
    printed = forecast("--as", "mona", "--timing", "COAP=60")
    assert "Office visit (COAP) takes 60 minutes instead of 45" in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--licence-change", "ten"], "--licence-change: 'ten' is not a percent change"),
        (["--community-change", "-150"], "--community-change: '-150' is not a percent change"),
        (["--custody-change", "NaN"], "--custody-change: 'NaN' is not a percent change"),
        (["--timing", "COAP"], "--timing: 'COAP' is not CODE=MINUTES"),
        (["--timing", "COAP=-5"], "--timing: 'COAP=-5' is not CODE=MINUTES"),
        (["--timing", "NOPE=5"], "--timing: 'NOPE' is not a contact type, report or essential"),
        (["--timing", "COAP=99999"], "at most 1440 minutes"),
        (["--unit", "NOWHERE"], "--unit: no delivery unit with the code 'NOWHERE'"),
    ],
)
def test_it_refuses_a_bad_option_with_a_message(manager, licence_and_community, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")) as refused:
        forecast("--as", "mona", *args)
    assert refused.value.returncode != 0


def test_it_refuses_a_user_who_may_not_see_cases_and_a_unit_without_cases(
    manager, rep, licence_and_community
):
    with pytest.raises(CommandError, match="who may see case records"):
        forecast("--as", rep.user.username)
    from caseload.testing.factories import DeliveryUnitFactory

    empty = DeliveryUnitFactory()
    with pytest.raises(CommandError, match="no cases you may see are held in"):
        forecast("--as", "mona", "--unit", empty.code)


def test_a_report_being_written_counts_and_its_timing_can_change(manager, licence_and_community):
    community, _ = licence_and_community
    ReportFactory(person=community, kind="STANDARD", due_on=timezone.localdate())
    body = json.loads(forecast("--as", "mona", "--timing", "STANDARD=480", "--json"))
    (po,) = [g for g in body["grades"] if g["grade"] == "PO"]
    # 247 case points and the standard report's 138; its 360 agreed minutes become 480.
    assert po["before"]["points"] == po["after"]["points"] == 247 + 138
    assert po["after"]["hours"] - po["before"]["hours"] == pytest.approx(120 * 1.3 / 60, abs=0.1)
