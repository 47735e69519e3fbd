"""The demo diary: realistic, and the same every time for a given day."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import timezone

from caseload.demo.diary import UK, plan_diary
from caseload.demo.seed import seed_delivery_unit
from caseload.diary.models import Appointment
from caseload.organisation.models import Staff

MONDAY = date(2026, 11, 23)


def test_the_plan_is_the_same_for_the_same_seed():
    one = plan_diary(random.Random(1), 45, today=MONDAY)
    two = plan_diary(random.Random(1), 45, today=MONDAY)
    assert one == two


@pytest.mark.parametrize("today", [MONDAY + timedelta(days=n) for n in range(7)])
def test_a_full_caseload_books_four_to_seven_a_working_day_and_some_today(today):
    plan = plan_diary(random.Random(2026), 45, today=today)
    days = Counter(a.starts_at.date() for a in plan.appointments if a.starts_at.date() > today)
    working = [n for day, n in days.items() if day.weekday() < 5]
    assert 3 <= sum(working) / len(working) <= 7
    assert max(days.values()) <= 8
    assert sum(1 for a in plan.appointments if a.starts_at.date() == today) == 5
    assert plan.series
    assert all(a.starts_at.tzinfo is UK for a in plan.appointments)


def test_a_series_keeps_its_uk_time_across_the_clocks_going_back():
    plan = plan_diary(random.Random(5), 45, today=date(2026, 10, 19))
    weekly = [a for a in plan.appointments if a.series is not None]
    by_series = {}
    for a in weekly:
        by_series.setdefault(a.series, set()).add(a.starts_at.time())
    assert all(len(times) == 1 for times in by_series.values())


@pytest.mark.django_db
def test_the_demo_practitioner_has_a_diary_with_outcomes_to_record():
    seed_delivery_unit(people=300, seed=11, password="a demo password", demo_users=True)
    practitioner = Staff.objects.get(user__username="practitioner")
    mine = Appointment.objects.filter(with_staff=practitioner)
    now = timezone.now()
    today = timezone.localdate()
    assert mine.filter(starts_at__date__gte=today + timedelta(days=1)).exists()
    assert mine.filter(contact__isnull=False).exists()
    assert mine.awaiting_outcome(now).count() >= 3
    todays = [a for a in mine if timezone.localdate(a.starts_at) == today]
    assert len(todays) >= 5
    assert all(a.contact.person_id == a.person_id for a in mine.filter(contact__isnull=False))
    assert Appointment.objects.exclude(with_staff=practitioner).exists()
