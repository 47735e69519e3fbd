"""Calendar files (`.ics`, RFC 5545) of appointments, written with the icalendar library.

What leaves the system for a phone's calendar is kept to what a practitioner needs to turn up:
the CRN, the type of appointment, its time and place. No name and no notes. Each appointment
keeps one UID for its whole life, and its SEQUENCE counts its reschedules, so a calendar moves
the same event rather than adding another.
"""

from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event

from caseload.diary.models import Appointment

PRODUCT = "-//caseload//diary//EN"


def uid(appointment: Appointment) -> str:
    return f"appointment-{appointment.pk}@caseload"


def event(appointment: Appointment, *, sequence: int) -> Event:
    entry = Event()
    entry.add("uid", uid(appointment))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", appointment.starts_at)
    entry.add("dtend", appointment.ends_at)
    entry.add("summary", f"{appointment.get_contact_type_display()} – {appointment.person.crn}")
    entry.add("location", appointment.location)
    entry.add("sequence", sequence)
    entry.add("status", "CANCELLED" if appointment.cancelled else "CONFIRMED")
    return entry


def calendar(appointments: Iterable[Appointment], *, name: str) -> bytes:
    """`appointments` with `reschedule_count` annotated or their reschedules prefetched."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for appointment in appointments:
        count = getattr(appointment, "reschedule_count", None)
        if count is None:
            count = appointment.reschedules.count()
        cal.add_component(event(appointment, sequence=count))
    return cal.to_ical()
