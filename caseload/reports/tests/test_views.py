"""The report pages: recorded through a form on the Sentence section, problems in the GOV.UK
error summary, outstanding reports listed soonest first with the overdue ones marked."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.reports.models import Report
from caseload.testing.factories import ReportFactory


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_requesting_a_report_lists_it_to_write(client, practitioner, case):
    client.force_login(practitioner.user)
    today = timezone.localdate()
    response = client.post(
        reverse("request_report", args=[case.crn]),
        {
            "kind": "FAST",
            **date_fields("requested_on", today - timedelta(days=1)),
            **date_fields("due_on", today + timedelta(days=3)),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("case_sentence", args=[case.crn])
    assert "Report recorded" in page and "To write" in page
    assert "Pre-sentence report, fast delivery" in page and "Record as completed" in page


def test_the_sentence_section_offers_the_report_as_a_task(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("case_sentence", args=[case.crn])).content.decode()
    assert reverse("request_report", args=[case.crn]) in page
    assert "No reports requested." in page


def test_an_empty_request_names_every_missing_answer(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.post(reverse("request_report", args=[case.crn]), {})
    page = response.content.decode()
    assert response.status_code == 400
    for field in ("kind", "requested_on", "due_on"):
        assert f'href="#id_{field}"' in page
    assert "<title>Error: Record a report requested" in page
    assert not Report.objects.exists()


def test_an_overdue_report_is_marked_and_completing_it_moves_it_to_completed(
    client, practitioner, case
):
    report = ReportFactory(person=case, due_on=timezone.localdate() - timedelta(days=2))
    client.force_login(practitioner.user)
    page = client.get(reverse("case_sentence", args=[case.crn])).content.decode()
    assert "Overdue" in page
    url = reverse("complete_report", args=[case.crn, report.pk])
    form = client.get(url).content.decode()
    assert "Record the pre-sentence report, standard delivery as completed" in form
    response = client.post(
        url,
        {"expected_version": report.version, **date_fields("completed_on", timezone.localdate())},
        follow=True,
    )
    page = response.content.decode()
    assert "Report recorded as completed" in page and "Completed" in page
    assert "Overdue" not in page
    assert client.get(url).status_code == 404
