"""The allocation pages, as a manager uses them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.allocation.models import Absence
from caseload.contacts.models import Contact
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import AllocationFactory, StaffFactory


def _date(prefix, day):  # type: ignore[no-untyped-def]
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_the_team_page_lists_new_cases_and_the_cases_of_someone_away(
    client, manager, practitioner, new_case, held
):
    Absence.objects.create(
        staff=practitioner,
        kind="SICKNESS",
        start_date=timezone.localdate(),
        recorded_by=manager.user,
    )
    client.force_login(manager.user)
    page = client.get(reverse("team_allocations")).content.decode()
    assert "Nia New" in page and "Hal Held" in page
    assert "Off sick from" in page
    assert reverse("reallocate_practitioner", args=["alice"]) in page


def test_a_practitioner_may_not_see_the_team_page(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get(reverse("team_allocations")).status_code == 403


def test_the_team_workload_page_links_to_the_allocations(client, manager):
    client.force_login(manager.user)
    assert reverse("team_allocations") in client.get(reverse("team_workload")).content.decode()


def test_the_choose_page_orders_by_grade_and_shows_who_cannot_take_it(
    client, manager, practitioner, colleague, pso, new_case
):
    client.force_login(manager.user)
    page = client.get(reverse("allocate_case", args=[new_case.crn])).content.decode()
    alice, bella, pat = (page.index(name) for name in ("Alice", "Bella Brown", "Pat Singh"))
    assert max(alice, bella) < pat  # probation officers before the PSO
    assert "No: A Probation Services Officer is not given a tier A or B case" in page
    assert f'name="staff" type="radio" value="{pso.pk}"' not in page
    assert "0.0% to" in page


def test_allocating_from_the_page_records_the_note_and_goes_back_to_the_case(
    client, manager, colleague, new_case
):
    client.force_login(manager.user)
    url = reverse("allocate_case", args=[new_case.crn])
    shown = client.get(url)
    replacing = shown.context["form"].initial["replacing"].token()
    response = client.post(
        url,
        {
            "staff": colleague.pk,
            "note": "Bella has room",
            "replacing": replacing,
            **_date("start_date", timezone.localdate()),
        },
    )
    assert response.status_code == 302
    assert new_case.allocations.latest_open().get().staff == colleague
    assert Contact.objects.get(person=new_case, contact_type="CAAL").notes == "Bella has room"


def test_the_choose_page_names_each_missing_answer(client, manager, colleague, new_case):
    client.force_login(manager.user)
    response = client.post(reverse("allocate_case", args=[new_case.crn]), {})
    assert response.status_code == 400
    page = response.content.decode()
    for message in ("Select a practitioner", "Enter the date the allocation starts",
                    "Enter a note about the allocation"):  # fmt: skip
        assert message in page
    assert "govuk-error-summary" in page


def test_an_absence_is_recorded_from_its_page(client, manager, practitioner):
    client.force_login(manager.user)
    today = timezone.localdate()
    response = client.post(
        reverse("new_absence"),
        {"practitioner": "alice", "kind": "LEAVE", **_date("start_date", today),
         **_date("end_date", today + timedelta(days=7))},
    )  # fmt: skip
    assert response.status_code == 302
    assert Absence.objects.get().staff == practitioner


def test_the_absence_page_refuses_an_end_before_the_start(client, manager, practitioner):
    client.force_login(manager.user)
    today = timezone.localdate()
    response = client.post(
        reverse("new_absence"),
        {"practitioner": "alice", "kind": "LEAVE", **_date("start_date", today),
         **_date("end_date", today)},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Back on must be after the first day away" in response.content.decode()


def test_the_reallocation_page_proposes_and_confirms_a_spread(
    client, manager, practitioner, colleague, pso, held
):
    client.force_login(manager.user)
    url = reverse("reallocate_practitioner", args=["alice"])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Capacity before and after" in text and "Hal Held" in text
    proposed = page.context["form"].initial[f"case_{held.crn}"]
    assert proposed in {"bella", "pat"}
    response = client.post(
        url,
        {f"case_{held.crn}": "bella", "note": "Alice is leaving",
         **_date("start_date", timezone.localdate())},
    )  # fmt: skip
    assert response.status_code == 302
    assert held.allocations.latest_open().get().staff == colleague


def test_the_reallocation_page_refuses_an_unsuitable_choice(
    client, manager, practitioner, pso, new_case
):
    """A tier B case held by Alice: Pat (a PSO) is not among its choices."""
    new_case.allocations.update(staff=practitioner)
    client.force_login(manager.user)
    response = client.post(
        reverse("reallocate_practitioner", args=["alice"]),
        {f"case_{new_case.crn}": "pat", "note": "x", **_date("start_date", timezone.localdate())},
    )
    assert response.status_code == 400
    assert f"Select a practitioner who may take {new_case.crn}" in response.content.decode()


def test_the_reallocation_page_of_someone_outside_the_team_is_not_found(client, manager, outsider):
    client.force_login(manager.user)
    assert client.get(reverse("reallocate_practitioner", args=["oscar"])).status_code == 404


def test_the_case_allocated_contact_cannot_be_recorded_by_hand(client, practitioner, held):
    client.force_login(practitioner.user)
    page = client.get(reverse("new_contact", args=[held.crn])).content.decode()
    assert 'value="CAAL"' not in page


def test_a_head_of_unit_sees_the_proposal_but_cannot_confirm_it(client, practitioner, held):
    head = StaffFactory(team=practitioner.team, role=Role.HEAD_OF_PDU, grade=Grade.OTHER)
    client.force_login(head.user)
    url = reverse("reallocate_practitioner", args=["alice"])
    page = client.get(url).content.decode()
    assert "Only a manager of the team can reallocate these cases" in page
    assert client.post(url, {f"case_{held.crn}": "bella"}).status_code == 403


def test_a_case_already_due_to_move_is_left_out_of_the_proposal(
    client, manager, practitioner, colleague, held
):
    current = held.allocations.get()
    current.end_date = timezone.localdate() + timedelta(days=7)
    current.save()
    AllocationFactory(person=held, staff=colleague, start_date=current.end_date)
    client.force_login(manager.user)
    page = client.get(reverse("reallocate_practitioner", args=["alice"])).content.decode()
    assert "holds no cases you can see" in page
