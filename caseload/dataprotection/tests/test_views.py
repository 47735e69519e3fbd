"""The printable page and the JSON download, and who may use them."""

import json

from django.urls import reverse

from caseload.access.capabilities import Capability
from caseload.access.models import AuditEvent
from caseload.access.rules import Kind, declared_rule
from caseload.dataprotection import views
from caseload.testing.factories import StaffFactory


def test_both_views_declare_their_access_rule():
    for view in (views.subject_access, views.subject_access_json):
        rule = declared_rule(view)
        assert rule is not None and rule.kind is Kind.CASE_TASK
        assert rule.capability is Capability.EXPORT_SUBJECT_ACCESS


def test_the_page_shows_everything_with_values_to_check_tagged(client, head, full_case):
    client.force_login(head.user)
    response = client.get(reverse("subject_access", args=[full_case.crn]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Subject access export: {full_case.full_name}" in page
    assert "Talked about his sister Jane, who he is not to contact." in page
    assert "Check before release" in page
    assert "Third party: staff name" in page
    assert "History of contacts" in page
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.get(action="SUBJECT_ACCESS_EXPORT").detail["format"] == "html"


def test_the_page_leaves_its_buttons_out_of_print(client, head, full_case):
    client.force_login(head.user)
    page = client.get(reverse("subject_access", args=[full_case.crn])).content.decode()
    assert 'class="govuk-button-group govuk-!-display-none-print"' in page


def test_the_json_is_a_download(client, head, full_case):
    client.force_login(head.user)
    response = client.get(reverse("subject_access_json", args=[full_case.crn]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and full_case.crn in disposition
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["subject"]["crn"] == full_case.crn


def test_a_user_without_the_capability_gets_the_no_access_page(client, practitioner, full_case):
    client.force_login(practitioner.user)
    for name in ("subject_access", "subject_access_json"):
        response = client.get(reverse(name, args=[full_case.crn]))
        assert response.status_code == 403
        assert "You do not have access to this page" in response.content.decode()


def test_a_case_the_user_may_not_see_is_not_found(client, full_case):
    elsewhere = StaffFactory(role="head", grade="OTHER")
    client.force_login(elsewhere.user)
    for name in ("subject_access", "subject_access_json"):
        assert client.get(reverse(name, args=[full_case.crn])).status_code == 404
    assert not AuditEvent.objects.filter(action="SUBJECT_ACCESS_EXPORT", outcome="SUCCESS")


def test_someone_signed_out_is_sent_to_sign_in(client, full_case):
    response = client.get(reverse("subject_access", args=[full_case.crn]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_case_page_links_to_the_export_only_for_those_who_may_make_it(client, head, full_case):
    link = reverse("subject_access", args=[full_case.crn])
    client.force_login(head.user)
    assert link in client.get(reverse("case_detail", args=[full_case.crn])).content.decode()
    holder = full_case.allocations.current().get().staff
    client.force_login(holder.user)
    assert link not in client.get(reverse("case_detail", args=[full_case.crn])).content.decode()
