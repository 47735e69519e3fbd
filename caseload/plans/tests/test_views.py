"""The plan and oversight pages: each recorded through a form and shown on its section, notes
withheld from viewers who may not see them, oversight for managers only."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.plans.models import ManagementOversight, SentencePlan
from caseload.testing.factories import (
    ManagementOversightFactory,
    RiskManagementPlanFactory,
    SentencePlanFactory,
)


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_a_sentence_plan_is_shown_on_the_sentence_section(client, practitioner, case):
    client.force_login(practitioner.user)
    assert (
        reverse("record_sentence_plan", args=[case.crn])
        in client.get(reverse("case_sentence", args=[case.crn])).content.decode()
    )
    response = client.post(
        reverse("record_sentence_plan", args=[case.crn]),
        {
            "contact_every_days": "14",
            "notes": "Find work; keep away from the town centre",
            **date_fields("completed_on", timezone.localdate() - timedelta(days=1)),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_sentence", args=[case.crn])
    assert "Sentence plan recorded" in page and "Fortnightly" in page
    assert SentencePlan.objects.get().contact_every_days == 14


def test_a_sentence_plan_without_a_frequency_or_date_names_both(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(reverse("record_sentence_plan", args=[case.crn]), {"notes": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_completed_on"' in page and 'href="#id_contact_every_days"' in page
    assert "Select the agreed contact frequency" in page


def test_a_frequency_not_offered_is_refused(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("record_sentence_plan", args=[case.crn]),
        {"contact_every_days": "10", **date_fields("completed_on", timezone.localdate())},
    )
    assert response.status_code == 400
    assert not SentencePlan.objects.exists()


def test_a_risk_management_plan_is_shown_on_the_risk_section(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(
        reverse("record_risk_management_plan", args=[case.crn]),
        {"notes": "Curfew checks weekly", **date_fields("completed_on", timezone.localdate())},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_risk", args=[case.crn])
    assert "Risk management plan recorded" in page and "Curfew checks weekly" in page


def test_a_manager_records_oversight_and_is_named_on_it(client, manager, case):
    manager.user.first_name, manager.user.last_name = "Sam", "Patel"
    manager.user.save()
    client.force_login(manager.user)
    overview = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert reverse("record_management_oversight", args=[case.crn]) in overview
    response = client.post(
        reverse("record_management_oversight", args=[case.crn]),
        {
            "notes": "Reviewed the enquiries; agreed a home visit this week",
            **date_fields("recorded_on", timezone.localdate()),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_detail", args=[case.crn])
    assert "agreed a home visit" in page and "By Sam Patel" in page
    assert ManagementOversight.objects.get().staff == manager


def test_oversight_needs_what_was_reviewed(client, manager, case):
    client.force_login(manager.user)
    response = client.post(
        reverse("record_management_oversight", args=[case.crn]),
        date_fields("recorded_on", timezone.localdate()),
    )
    assert response.status_code == 400
    assert "Enter what you reviewed and what you decided" in response.content.decode()


def test_a_practitioner_may_not_record_oversight_nor_is_offered_it(client, practitioner, case):
    client.force_login(practitioner.user)
    overview = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert reverse("record_management_oversight", args=[case.crn]) not in overview
    response = client.get(reverse("record_management_oversight", args=[case.crn]))
    assert response.status_code == 403


def test_oversight_is_shown_latest_first(client, practitioner, case):
    today = timezone.localdate()
    ManagementOversightFactory(person=case, recorded_on=today - timedelta(days=40), notes="Old")
    ManagementOversightFactory(person=case, recorded_on=today - timedelta(days=2), notes="New")
    client.force_login(practitioner.user)
    page = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert page.index("New") < page.index("Old")


def test_plan_notes_are_withheld_from_an_analyst(client, analyst, case):
    SentencePlanFactory(person=case, notes="Sees his daughter on Saturdays")
    RiskManagementPlanFactory(person=case, notes="Victim lives on Elm Road")
    ManagementOversightFactory(person=case, notes="Discussed the victim's safety plan")
    client.force_login(analyst.user)
    pages = "".join(
        client.get(reverse(name, args=[case.crn])).content.decode()
        for name in ("case_detail", "case_sentence", "case_risk")
    )
    assert "Fortnightly" in pages
    for note in ("daughter", "Elm Road", "safety plan"):
        assert note not in pages
