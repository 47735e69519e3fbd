"""The diary on the case record: the next and last appointments on the overview, and every
future appointment in the activity log (beside the contacts, which are what happened)."""

from typing import Any

from django.utils import timezone

from caseload.diary.models import Appointment
from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)


def next_and_last(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    now = timezone.now()
    arranged = (
        Appointment.objects.filter(person=person)
        .arranged()
        .select_related("with_staff__user", "contact")
    )
    return {
        "next_appointment": arranged.filter(starts_at__gt=now).order_by("starts_at").first(),
        "last_appointment": arranged.filter(starts_at__lte=now).order_by("-starts_at").first(),
        "appointments_awaiting_outcome": arranged.awaiting_outcome(now).count(),
    }


def future_appointments(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    upcoming = (
        Appointment.objects.filter(person=person)
        .upcoming()
        .select_related("with_staff__user", "series")
    )
    return {"future_appointments": list(upcoming[:50])}


register_panel(
    CasePanel(
        "appointments",
        24,
        "diary/panels/appointments.html",
        next_and_last,
        width="one-half",
        section="overview",
    )
)
register_panel(
    CasePanel(
        "future_appointments",
        70,
        "diary/panels/future_appointments.html",
        future_appointments,
        section="activity",
    )
)
register_case_action(
    CaseAction(
        "Arrange an appointment",
        "arrange_appointment",
        sections=("overview", "activity"),
        order=2,
    )
)
