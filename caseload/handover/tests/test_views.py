"""The handover summary page: the facts that matter first, from the record, audited; and the
reallocation that flags it to the new practitioner until they read it."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from caseload.access.actions import add_to_limited_access
from caseload.access.models import AuditEvent
from caseload.organisation.actions import allocate_case
from caseload.organisation.models import Handover
from caseload.testing.factories import AppointmentFactory, StaffFactory
from caseload.testing.rich_case import rich_case


def handover_page(client, user, case):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.get(reverse("case_handover", args=[case.crn]))


def test_the_summary_holds_identity_risk_sentence_and_what_needs_doing(client, practitioner, case):
    rich = rich_case(practitioner, first_name="Craig", last_name="Begum")
    response = handover_page(client, practitioner.user, rich)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Handover summary – Craig Begum – caseload</title>" in page
    assert "Very high risk of serious harm" in page
    assert "MAPPA, category 2 level 2" in page
    assert "Unpaid work: 150 hours" in page and "Curfew: 4 months" in page
    assert "Approved premises" in page
    assert "Overdue" in page  # the child concerns review (3 months) is past due
    assert "Review the child concerns registration" in page
    assert "First warning letter sent after failed to attend" in page
    assert "No appointments arranged" in page
    assert page.count('<tr class="govuk-table__row">') == 1 + 7 + 1 + 5  # heads and rows


def test_sensitive_notes_are_withheld_from_those_who_may_not_see_them(
    client, practitioner, analyst, case
):
    rich = rich_case(practitioner)
    assert "Discussed progress" in handover_page(client, practitioner.user, rich).content.decode()
    page = handover_page(client, analyst.user, rich).content.decode()
    assert "Discussed progress" not in page
    assert "Withheld" in page


def test_a_contact_marked_sensitive_never_shows_its_notes_here(client, practitioner, case):
    rich = rich_case(practitioner)
    page = handover_page(client, practitioner.user, rich).content.decode()
    assert "Sensitive: see the case record" in page


def test_opening_the_summary_is_audited_as_a_view(client, practitioner, case):
    handover_page(client, practitioner.user, case)
    entry = AuditEvent.objects.filter(action="VIEW_HANDOVER").get()
    assert (entry.crn, entry.outcome) == (case.crn, "SUCCESS")


def test_a_case_the_user_may_not_see_is_not_found_and_the_refusal_audited(client, outsider, case):
    assert handover_page(client, outsider.user, case).status_code == 404
    entry = AuditEvent.objects.filter(action="VIEW_HANDOVER").get()
    assert entry.outcome == "FAIL"


def _reallocate(case, to, by):  # type: ignore[no-untyped-def]
    current = case.allocations.latest_open().get()
    return allocate_case(
        case.crn,
        acting_user=by.user,
        staff_id=to.pk,
        start_date=timezone.localdate(),
        replacing=current.seen,
    )


def test_reallocating_a_case_records_a_handover_and_no_copy_of_the_facts(
    practitioner, manager, case
):
    colleague = StaffFactory(team=practitioner.team, user__username="bella")
    allocation = _reallocate(case, colleague, manager)
    handover = Handover.objects.get()
    assert handover.allocation == allocation
    assert handover.handed_over_from.staff == practitioner
    assert handover.read_at is None
    assert {f.name for f in Handover._meta.get_fields()} == {
        "id",
        "allocation",
        "handed_over_from",
        "recorded_at",
        "read_at",
    }


def test_allocating_a_case_again_to_its_own_practitioner_is_not_a_handover(
    practitioner, manager, case
):
    _reallocate(case, practitioner, manager)
    assert not Handover.objects.exists()


def test_the_new_practitioner_is_flagged_until_they_open_the_summary(
    client, practitioner, manager, case
):
    colleague = StaffFactory(team=practitioner.team, user__username="bella")
    _reallocate(case, colleague, manager)
    client.force_login(colleague.user)
    flag = "Handed over to you on"
    case_page = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert flag in case_page and "Read the handover summary" in case_page
    my_cases = client.get(reverse("my_cases")).content.decode()
    assert "A case has been handed over to you" in my_cases
    assert reverse("case_handover", args=[case.crn]) in my_cases

    handover_page(client, manager.user, case)  # someone else reading it changes nothing
    assert Handover.objects.get().read_at is None

    handover_page(client, colleague.user, case)
    assert Handover.objects.get().read_at is not None
    assert AuditEvent.objects.filter(action="READ_HANDOVER", crn=case.crn).count() == 1
    assert flag not in client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert "handed over to you" not in client.get(reverse("my_cases")).content.decode()
    handover_page(client, colleague.user, case)
    assert AuditEvent.objects.filter(action="READ_HANDOVER").count() == 1


def test_a_handover_dated_later_is_not_flagged_yet(client, practitioner, manager, case):
    colleague = StaffFactory(team=practitioner.team, user__username="bella")
    current = case.allocations.latest_open().get()
    allocate_case(
        case.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=timezone.localdate() + timedelta(days=7),
        replacing=current.seen,
    )
    client.force_login(colleague.user)
    assert Handover.objects.exists()
    assert "handed over to you" not in client.get(reverse("my_cases")).content.decode()


def test_today_tells_the_new_practitioner_before_their_appointments(
    client, practitioner, manager, case
):
    colleague = StaffFactory(team=practitioner.team, user__username="bella")
    _reallocate(case, colleague, manager)
    client.force_login(colleague.user)
    today = client.get(reverse("today")).content.decode()
    assert "A case has been handed over to you" in today
    assert today.index("handed over to you") < today.index("Appointments today")


def test_a_case_the_new_holder_is_kept_out_of_is_not_named_to_them(
    client, practitioner, manager, case
):
    colleague = StaffFactory(team=practitioner.team, user__username="bella")
    _reallocate(case, colleague, manager)
    add_to_limited_access(
        case.crn, acting_user=manager.user, kind="exclusion", username="bella", reason="Known"
    )
    client.force_login(colleague.user)
    assert case.crn not in client.get(reverse("today")).content.decode()


def test_the_summary_lists_the_next_appointments_and_not_the_cancelled_ones(
    client, practitioner, case
):
    now = timezone.now()
    AppointmentFactory(person=case, with_staff=practitioner, starts_at=now + timedelta(days=3))
    AppointmentFactory(
        person=case,
        with_staff=practitioner,
        starts_at=now + timedelta(days=1),
        location="Probation office, Room 4",
        cancelled_at=now,
        cancellation_reason="Court date",
    )
    page = handover_page(client, practitioner.user, case).content.decode()
    assert "No appointments arranged" not in page
    assert "Room 4" not in page
