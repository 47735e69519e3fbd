"""Every return opens as a page, answers over the API and exports to CSV and XLSX, for the
users who may see returns and no one else; bad filters are refused on every surface."""

import csv
import io
import json
from datetime import timedelta

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.derived.recompute import recompute_all
from caseload.returns.registry import all_returns
from caseload.risk.models import Registration
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_cases(practitioner):
    """Three community orders: one a domestic abuse perpetrator, one registered as a sex
    offender, so every return has something to count."""
    cases = [case_held_by(practitioner) for _ in range(3)]
    long_ago = timezone.localdate() - timedelta(days=90)
    Registration.objects.create(person=cases[0], register="ADVP", registered_on=long_ago)
    Registration.objects.create(person=cases[1], register="ARSO", registered_on=long_ago)
    recompute_all()
    return cases


def _bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def test_the_returns_page_lists_every_return_for_an_analyst(client, analyst):
    client.force_login(analyst.user)
    page = client.get(reverse("returns")).content.decode()
    for declared in all_returns():
        assert declared.title in page
        assert reverse("return_page", args=[declared.name]) in page


def test_a_practitioner_and_a_staff_representative_are_refused_returns(client, practitioner, rep):
    for staff in (practitioner, rep):
        client.force_login(staff.user)
        assert client.get(reverse("returns")).status_code == 403
        assert client.get("/api/v1/returns", **_bearer(staff.user)).status_code == 403


def test_every_return_opens_answers_and_exports_for_an_analyst(client, analyst, held_cases):
    client.force_login(analyst.user)
    for declared in all_returns():
        page = client.get(reverse("return_page", args=[declared.name]))
        assert page.status_code == 200, declared.name
        assert declared.title in page.content.decode()

        api = client.get(f"/api/v1/returns/{declared.name}", **_bearer(analyst.user)).json()
        assert [c["name"] for c in api["columns"]] == [c.name for c in declared.columns]
        assert api["filters"]["as_at"] == timezone.localdate().isoformat()
        assert api["rows"], f"{declared.name} has no rows over the API"

        url = reverse("return_download_csv", args=[declared.name])
        body = b"".join(client.get(url).streaming_content).decode()
        header, *lines = list(csv.reader(io.StringIO(body)))
        assert header == [c.name for c in declared.columns]
        assert len(lines) == api["total"]

        xlsx = client.get(reverse("return_download_xlsx", args=[declared.name]))
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
        titles = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        assert titles == [c.title for c in declared.columns]
        assert sheet.max_row == api["total"] + 1


def test_an_export_is_audited_with_its_filters_and_row_count(client, analyst, held_cases):
    client.force_login(analyst.user)
    url = reverse("return_download_csv", args=["caseload-by-tier"])
    body = b"".join(client.get(f"{url}?team={analyst.team.code}").streaming_content)
    entry = AuditEvent.objects.filter(action="EXPORT_RETURN").get()
    assert entry.user == analyst.user
    assert entry.detail["filters"]["team"] == analyst.team.code
    assert entry.detail["rows"] == body.decode().count("\n") - 1


def test_a_future_as_at_date_is_refused_on_the_page_the_api_and_the_command_line(
    client, analyst, held_cases, tmp_path
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.force_login(analyst.user)
    page = client.get(
        reverse("return_page", args=["caseload-by-tier"]),
        {"as_at_day": tomorrow.day, "as_at_month": tomorrow.month, "as_at_year": tomorrow.year},
    )
    assert b"govuk-error-summary" in page.content
    assert b"As at must be today or in the past" in page.content

    api = client.get(
        f"/api/v1/returns/caseload-by-tier?as_at={tomorrow.isoformat()}", **_bearer(analyst.user)
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["query", "as_at"]

    out = tmp_path / "tier.csv"
    with pytest.raises(CommandError, match="--as-at: The 'as at' date must be today"):
        call_command(
            "returns", "export", "caseload-by-tier", "--format", "csv", "--out", str(out),
            "--as", analyst.user.username, "--as-at", tomorrow.isoformat(),
        )  # fmt: skip
    assert not out.exists()


def test_a_team_outside_the_users_scope_is_named_as_the_problem(client, analyst, held_cases):
    response = client.get("/api/v1/returns/caseload-by-tier?team=NOWHERE", **_bearer(analyst.user))
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["query", "team"],
            "type": "not_in_scope",
            "msg": "There is no team 'NOWHERE' in your scope",
        }
    ]


def test_the_command_line_lists_and_exports_a_return(analyst, held_cases, tmp_path, capsys):
    call_command("returns", "list")
    listed = capsys.readouterr().out
    assert all(r.name in listed for r in all_returns())
    out = tmp_path / "tier.xlsx"
    call_command(
        "returns", "export", "caseload-by-tier", "--format", "xlsx", "--out", str(out),
        "--as", analyst.user.username, verbosity=0,
    )  # fmt: skip
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value == "Framework"
    assert sum(row[4] for row in sheet.iter_rows(min_row=2, values_only=True)) == 2 * len(
        held_cases
    )


def test_the_api_lists_every_return_with_what_it_reads(client, analyst):
    listed = client.get("/api/v1/returns", **_bearer(analyst.user)).json()
    assert {r["name"] for r in listed} == {r.name for r in all_returns()}
    assert all(r["reads"] for r in listed)
    assert json.dumps(listed)


def test_a_case_moved_to_another_unit_since_is_counted_then_but_not_listed(analyst, held_cases):
    from caseload.organisation.models import Allocation
    from caseload.returns.domain.filters import ReturnFilters
    from caseload.returns.scope import scope_for
    from caseload.testing.factories import StaffFactory

    moved = held_cases[0]
    elsewhere = StaffFactory()
    today = timezone.localdate()
    Allocation.objects.filter(person=moved).update(end_date=today)
    Allocation.objects.create(person=moved, staff=elsewhere, team=elsewhere.team, start_date=today)
    last_week = scope_for(analyst.user, ReturnFilters(as_at=today - timedelta(days=7)), today)
    assert moved in last_week.counted
    assert moved not in last_week.listed
    assert set(last_week.listed) == set(held_cases[1:])
