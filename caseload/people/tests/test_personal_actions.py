"""The personal-details actions: each written once with its history and audit entry, a new
main address ending the last, stale edits refused, nothing half-saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.people.models import Address, Adjustment, PersonalContact, PhoneAndEmail
from caseload.people.personal_actions import (
    add_personal_contact,
    change_language_needs,
    change_phone_and_email,
    end_address,
    end_disability,
    end_personal_contact,
    record_address,
    record_disability,
)


def days_ago(n: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() - timedelta(days=n)


def main_address(case, user, start, *, replacing=None, line_1="1 Example Street"):  # type: ignore[no-untyped-def]
    return record_address(
        case.crn,
        acting_user=user,
        kind="MAIN",
        line_1=line_1,
        town="Sheffield",
        postcode="s12ab",
        start_date=start,
        replacing=replacing,
    )


def test_a_new_main_address_ends_the_current_one_the_day_it_begins(case, practitioner):
    user = practitioner.user
    first = main_address(case, user, days_ago(300))
    second = main_address(case, user, days_ago(10), replacing=first.seen, line_1="9 New Road")
    first.refresh_from_db()
    assert first.end_date == days_ago(10) and first.version == 2
    assert second.postcode == "S1 2AB" and second.end_date is None
    assert first.history.count() == 2
    assert first.history.first().history_user == user
    audit = AuditEvent.objects.filter(action="RECORD_ADDRESS").order_by("pk").last()
    assert audit.crn == case.crn and audit.detail["address_id"] == second.pk


def test_a_new_main_address_made_from_an_older_view_is_refused_and_nothing_is_written(
    case, practitioner
):
    user = practitioner.user
    main_address(case, user, days_ago(300))
    with pytest.raises(StaleEdit):
        main_address(case, user, days_ago(10), replacing=None)
    assert Address.objects.count() == 1 and Address.objects.get().end_date is None


def test_a_secondary_address_leaves_the_main_one_alone(case, practitioner):
    user = practitioner.user
    main = main_address(case, user, days_ago(300))
    record_address(
        case.crn,
        acting_user=user,
        kind="SECONDARY",
        line_1="Flat 2",
        town="Leeds",
        postcode="LS1 1AA",
        start_date=days_ago(5),
    )
    main.refresh_from_db()
    assert main.end_date is None and main.version == 1


def test_it_refuses_an_invalid_address_naming_every_field(case, practitioner):
    with pytest.raises(ActionInvalid) as refused:
        record_address(
            case.crn,
            acting_user=practitioner.user,
            kind="MAIN",
            line_1="",
            town="",
            postcode="XYZ",
            start_date=timezone.localdate() + timedelta(days=1),
        )
    assert [p.field for p in refused.value.problems] == ["line_1", "town", "postcode", "start_date"]
    assert not Address.objects.exists()
    assert not AuditEvent.objects.filter(action="RECORD_ADDRESS").exists()


def test_ending_an_address_takes_the_version_seen_and_a_date_after_it_began(case, practitioner):
    user = practitioner.user
    address = main_address(case, user, days_ago(30))
    with pytest.raises(StaleEdit):
        end_address(
            case.crn, address.pk, acting_user=user, expected_version=7, end_date=days_ago(1)
        )
    with pytest.raises(ActionInvalid):
        end_address(
            case.crn, address.pk, acting_user=user, expected_version=1, end_date=days_ago(40)
        )
    end_address(case.crn, address.pk, acting_user=user, expected_version=1, end_date=days_ago(1))
    with pytest.raises(ActionInvalid, match="ended"):
        end_address(
            case.crn, address.pk, acting_user=user, expected_version=2, end_date=days_ago(1)
        )


def test_it_refuses_to_end_another_cases_address(case, practitioner):
    from caseload.testing.factories import case_held_by

    other = case_held_by(practitioner)
    address = main_address(other, practitioner.user, days_ago(30))
    with pytest.raises(ActionInvalid):
        end_address(
            case.crn,
            address.pk,
            acting_user=practitioner.user,
            expected_version=1,
            end_date=days_ago(1),
        )


def test_phone_and_email_are_stored_normalised_and_replaced_as_a_whole(case, practitioner):
    user = practitioner.user
    first = change_phone_and_email(
        case.crn,
        acting_user=user,
        mobile="+44 (0)7700 900 123",
        email=" d@example.com ",
        replacing=None,
    )
    assert (first.mobile, first.email) == ("07700900123", "d@example.com")
    with pytest.raises(StaleEdit):
        change_phone_and_email(case.crn, acting_user=user, mobile="", replacing=None)
    change_phone_and_email(case.crn, acting_user=user, phone="0114 496 0000", replacing=first.seen)
    details = PhoneAndEmail.objects.get()
    assert (details.mobile, details.phone, details.version) == ("", "01144960000", 2)


def test_a_personal_contact_is_added_and_removed_with_its_history_kept(case, practitioner):
    user = practitioner.user
    contact = add_personal_contact(
        case.crn, acting_user=user, kind="NEXT_OF_KIN", name="Mary Walker", relationship="Mother"
    )
    end_personal_contact(case.crn, contact.pk, acting_user=user, expected_version=1)
    assert not PersonalContact.objects.current().exists()
    assert PersonalContact.history.count() == 2


def test_a_disability_is_recorded_with_its_adjustments_once_each(case, practitioner):
    user = practitioner.user
    disability = record_disability(
        case.crn,
        acting_user=user,
        kind="VISUAL",
        start_date=days_ago(100),
        adjustments=["LARGE_PRINT", "LARGE_PRINT", "REMINDER"],
    )
    assert [a.need for a in Adjustment.objects.all()] == ["LARGE_PRINT", "REMINDER"]
    with pytest.raises(ActionInvalid):
        record_disability(
            case.crn, acting_user=user, kind="VISUAL", start_date=None, adjustments=["X"]
        )
    assert Adjustment.objects.count() == 2
    end_disability(
        case.crn, disability.pk, acting_user=user, expected_version=1, end_date=days_ago(1)
    )
    disability.refresh_from_db()
    assert disability.end_date == days_ago(1)


def test_language_needs_are_changed_on_the_person_with_history(case, practitioner):
    change_language_needs(
        case.crn,
        acting_user=practitioner.user,
        preferred_language="Polish",
        interpreter_required=True,
    )
    case.refresh_from_db()
    assert (case.preferred_language, case.interpreter_required) == ("Polish", True)
    assert case.history.first().history_user == practitioner.user
    with pytest.raises(ActionInvalid):
        change_language_needs(
            case.crn,
            acting_user=practitioner.user,
            preferred_language=" ",
            interpreter_required=False,
        )


def test_it_refuses_a_practitioner_from_another_unit(case, outsider):
    from django.http import Http404

    with pytest.raises(Http404):
        change_language_needs(
            case.crn,
            acting_user=outsider.user,
            preferred_language="Welsh",
            interpreter_required=False,
        )
