"""The diary's pages: arranging, rescheduling, cancelling and recording the outcome of an
appointment on a case; the appointment itself, its letter and its calendar file; the
practitioner's diary by day and by week, Today, and their private calendar feed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import case_viewer, get_case_for_user, visible_cases
from caseload.access.pages import action_arguments
from caseload.access.rules import case_page, public, surface
from caseload.core.errors import ActionInvalid
from caseload.diary import actions
from caseload.diary.domain import APPOINTMENT_TYPES, REMOTE_LOCATION, REMOTE_TYPES, week_of
from caseload.diary.feeds import create_feed, feed_for_token, revoke_feed
from caseload.diary.forms import (
    AppointmentOutcomeForm,
    ArrangeAppointmentForm,
    CancelAppointmentForm,
    DiaryDayForm,
    DiaryWeekForm,
    RescheduleAppointmentForm,
)
from caseload.diary.ics import calendar
from caseload.diary.models import Appointment, DiaryFeed
from caseload.diary.today import today_sections
from caseload.diary.wording import duration_in_words
from caseload.organisation.constants import Role
from caseload.organisation.models import Staff
from caseload.people.models import Person

# --- pages that change a case ------------------------------------------------------------


def _add_problems(form: forms.Form, exc: ActionInvalid) -> None:
    """Each problem on the field the form asked for it with; a problem about the appointment
    as a whole (cancelled, already recorded) heads the error summary."""
    fields = getattr(form, "problem_fields", {})
    for problem in exc.problems:
        name = fields.get(problem.field, problem.field)
        form.add_error(name if name in form.fields else None, problem.message)


def _case_appointment(person: Person, appointment_id: int) -> Appointment:
    found = (
        Appointment.objects.filter(pk=appointment_id, person=person)
        .select_related("with_staff__user", "contact", "arranged_by", "cancelled_by", "series")
        .first()
    )
    if found is None:
        raise Http404("No such appointment on this case")
    return found


def _form_page(
    request: HttpRequest,
    person: Person,
    form: forms.Form,
    *,
    action: Callable[..., Any],
    title: str,
    success: str,
    done: Callable[[Any], str],
    template: str,
    extra: dict[str, Any],
    fixed: dict[str, Any] | None = None,
) -> HttpResponse:
    """Parse, call one action, render: as `caseload.access.pages.case_action_page`, and an
    overlap warning shows the overlapping appointments and asks to confirm (200)."""
    status = 200
    overlaps: list[Appointment] = []
    if request.method == "POST":
        if form.is_valid():
            arguments = action_arguments(form)
            try:
                result = action(person.crn, acting_user=request.user, **(fixed or {}), **arguments)
            except ActionInvalid as exc:
                _add_problems(form, exc)
                status = 400
            except actions.Overlaps as warning:
                overlaps = warning.appointments
                confirmed = request.POST.copy()
                confirmed["confirm_overlap"] = "True"
                form = type(form)(confirmed, **getattr(form, "init_kwargs", {}))
                form.is_valid()
            else:
                messages.success(request, success)
                return redirect(done(result))
        else:
            status = 400
    record_audit(
        request.user,
        "VIEW_CASE_FORM",
        crn=person.crn,
        detail={"form": request.resolver_match.url_name if request.resolver_match else ""},
    )
    page = {"person": person, "form": form, "title": title, "overlaps": overlaps, **extra}
    return render(request, template, page, status=status)


def _staff_choices(person: Person, user: Any) -> list[tuple[int, str]]:
    """Practitioners and managers of the team holding the case, the user first."""
    allocation = person.allocations.current().first()
    team_id = allocation.team_id if allocation else None
    staff = Staff.objects.filter(
        team_id=team_id, role__in=[Role.PRACTITIONER, Role.MANAGER]
    ).select_related("user")
    own = getattr(user, "staff", None)
    choices = [(s.pk, f"{s} (you)" if s == own else str(s)) for s in staff]
    return sorted(choices, key=lambda c: (not c[1].endswith("(you)"), c[1]))


@case_page(write=True)
def arrange(request: HttpRequest, crn: str) -> HttpResponse:
    person = get_case_for_user(request.user, crn, write=True)
    kwargs = {"staff_choices": _staff_choices(person, request.user)}
    own = getattr(request.user, "staff", None)
    if request.method == "POST":
        form = ArrangeAppointmentForm(request.POST, **kwargs)
    else:
        form = ArrangeAppointmentForm(initial={"with_staff": own.pk if own else None}, **kwargs)
    form.init_kwargs = kwargs  # type: ignore[attr-defined]

    def done(arranged: list[Appointment]) -> str:
        return reverse("appointment_detail", args=[person.crn, arranged[0].pk])

    return _form_page(
        request,
        person,
        form,
        action=actions.arrange_appointment,
        title="Arrange an appointment",
        success="Appointment arranged",
        done=done,
        template="diary/appointment_form.html",
        extra={"submit": "Arrange appointment"},
    )


def _appointment_form(
    request: HttpRequest,
    crn: str,
    appointment_id: int,
    form_class: type[forms.Form],
    **options: Any,
) -> HttpResponse:
    person = get_case_for_user(request.user, crn, write=True)
    appointment = _case_appointment(person, appointment_id)
    form = form_class(request.POST if request.method == "POST" else None)
    return _form_page(
        request,
        person,
        form,
        fixed={"appointment_id": appointment.pk},
        done=lambda _: reverse("appointment_detail", args=[person.crn, appointment.pk]),
        template="diary/appointment_form.html",
        extra={"appointment": appointment, **options.pop("extra", {})},
        **options,
    )


@case_page(write=True)
def reschedule(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    return _appointment_form(
        request,
        crn,
        appointment_id,
        RescheduleAppointmentForm,
        action=actions.reschedule_appointment,
        title="Reschedule the appointment",
        success="Appointment rescheduled",
        extra={"submit": "Reschedule"},
    )


@case_page(write=True)
def cancel(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    return _appointment_form(
        request,
        crn,
        appointment_id,
        CancelAppointmentForm,
        action=actions.cancel_appointment,
        title="Cancel the appointment",
        success="Appointment cancelled",
        extra={"submit": "Cancel the appointment", "warning": True},
    )


@case_page(write=True)
def record_outcome(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    return _appointment_form(
        request,
        crn,
        appointment_id,
        AppointmentOutcomeForm,
        action=actions.record_appointment_outcome,
        title="Record the outcome",
        success="Outcome recorded",
        extra={"submit": "Save the outcome", "outcome_page": True},
    )


# --- reading one appointment -------------------------------------------------------------


@case_page
def appointment_detail(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    person = get_case_for_user(request.user, crn)
    viewer = case_viewer(request.user, person)
    appointment = _case_appointment(person, appointment_id)
    page = {
        "person": person,
        "appointment": appointment,
        "reschedules": appointment.reschedules.select_related("rescheduled_by"),
        "viewer": viewer,
    }
    return render(request, "diary/appointment_detail.html", page)


@case_page
def appointment_letter(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    person = get_case_for_user(request.user, crn)
    appointment = _case_appointment(person, appointment_id)
    kind = APPOINTMENT_TYPES[appointment.contact_type]
    remote = appointment.contact_type in REMOTE_TYPES
    where = appointment.location
    if remote and where == REMOTE_LOCATION:
        where = LETTER_WAYS.get(appointment.contact_type, where)
    page = {
        "person": person,
        "appointment": appointment,
        "duration": duration_in_words(appointment.duration_minutes),
        "remote": remote,
        "home_visit": kind.home_visit,
        "where": where,
        "on_licence": person.events.filter(sentence__licence_expiry_date__isnull=False).exists(),
    }
    return render(request, "diary/letter.html", page)


#: How a remote appointment is held, in the letter's words.
LETTER_WAYS = {
    "COVC": "By video call. We will send you the link.",
    "COVI": "By video call. We will send you the link.",
    "COPT": "By phone. We will call you on the number we have for you.",
}


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@case_page
def appointment_ics(request: HttpRequest, crn: str, appointment_id: int) -> HttpResponse:
    person = get_case_for_user(request.user, crn)
    appointment = _case_appointment(person, appointment_id)
    body = calendar([appointment], name=f"Appointment – {person.crn}")
    return _ics_response(body, f"appointment-{person.crn}-{appointment.pk}.ics")


# --- the practitioner's diary ------------------------------------------------------------


def diary_of(user: Any) -> Any:
    """The user's own appointments, on the cases they may see (the access function)."""
    staff = getattr(user, "staff", None)
    return (
        Appointment.objects.filter(with_staff=staff, person__in=visible_cases(user))
        .select_related("person", "contact")
        .order_by("starts_at", "pk")
    )


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    return start, end


def _bad_filter(request: HttpRequest, form: forms.Form, title: str) -> HttpResponse:
    return render(request, "diary/bad_filter.html", {"form": form, "title": title}, status=400)


@surface(Capability.HOLD_CASES)
def diary_day(request: HttpRequest) -> HttpResponse:
    form = DiaryDayForm(request.GET)
    if not form.is_valid():
        return _bad_filter(request, form, "Diary")
    today = timezone.localdate()
    day = form.cleaned_data["day"] or today
    appointments = list(diary_of(request.user).between(*_day_bounds(day)))
    record_audit(request.user, "VIEW_DIARY", detail={"day": day.isoformat()})
    page = {
        "day": day,
        "today": today,
        "appointments": appointments,
        "previous": day - timedelta(days=1),
        "next": day + timedelta(days=1),
        "week": week_of(day),
    }
    return render(request, "diary/day.html", page)


@surface(Capability.HOLD_CASES)
def diary_week(request: HttpRequest) -> HttpResponse:
    form = DiaryWeekForm(request.GET)
    if not form.is_valid():
        return _bad_filter(request, form, "Diary week")
    today = timezone.localdate()
    monday = week_of(form.cleaned_data["week"] or today)
    start, _ = _day_bounds(monday)
    _, end = _day_bounds(monday + timedelta(days=6))
    appointments = list(diary_of(request.user).between(start, end))
    days = [
        (
            monday + timedelta(days=n),
            [
                a
                for a in appointments
                if timezone.localdate(a.starts_at) == monday + timedelta(days=n)
            ],
        )
        for n in range(7)
    ]
    record_audit(request.user, "VIEW_DIARY", detail={"week": monday.isoformat()})
    page = {
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "today": today,
        "days": days,
        "count": len(appointments),
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7),
    }
    return render(request, "diary/week.html", page)


@surface(Capability.HOLD_CASES)
def today(request: HttpRequest) -> HttpResponse:
    """The practitioner's home page: who they are seeing today, and what is left to record."""
    now = timezone.now()
    mine = diary_of(request.user)
    sections = [(section, section.context(request.user)) for section in today_sections()]
    page = {
        "now": now,
        "today": timezone.localdate(now),
        "appointments": list(mine.arranged().between(*_day_bounds(timezone.localdate(now)))),
        "awaiting": list(mine.awaiting_outcome(now)),
        "notices": [(section, context) for section, context in sections if section.order < 0],
        "sections": [(section, context) for section, context in sections if section.order >= 0],
    }
    record_audit(request.user, "VIEW_DIARY", detail={"today": page["today"].isoformat()})
    return render(request, "diary/today.html", page)


# --- the private calendar feed -----------------------------------------------------------


@surface(Capability.HOLD_CASES)
def calendar_feed_settings(request: HttpRequest) -> HttpResponse:
    """Make or revoke a private feed. A new feed's address is shown once, on this page."""
    new_token = None
    if request.method == "POST":
        if request.POST.get("feed") == "new":
            new_token = create_feed(request.user)
        elif (feed_id := request.POST.get("revoke", "")).isdigit() and len(feed_id) < 19:
            if revoke_feed(request.user, int(feed_id)):
                messages.success(request, "Calendar feed stopped")
            return redirect("calendar_feed_settings")
    feeds = DiaryFeed.objects.filter(user=request.user, revoked_at__isnull=True)
    new_url = (
        request.build_absolute_uri(reverse("diary_feed", args=[new_token])) if new_token else None
    )
    return render(request, "diary/feed_settings.html", {"feeds": feeds, "new_url": new_url})


FEED_DAYS_BACK = 28
FEED_DAYS_AHEAD = 366


@public
def diary_feed(request: HttpRequest, feed_token: str) -> HttpResponse:
    """The signed-in practitioner's diary for a calendar app: the token authorises (no
    session), every read is audited, and the feed holds no names and no notes."""
    feed = feed_for_token(feed_token)
    if feed is None:
        raise Http404("No such calendar feed")
    now = timezone.now()
    appointments = (
        diary_of(feed.user)
        .arranged()
        .between(now - timedelta(days=FEED_DAYS_BACK), now + timedelta(days=FEED_DAYS_AHEAD))
        .annotate(reschedule_count=Count("reschedules"))
    )
    DiaryFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    record_audit(feed.user, "READ_DIARY_FEED", detail={"feed_id": feed.pk})
    return _ics_response(calendar(appointments, name="caseload diary"), "diary.ics")
