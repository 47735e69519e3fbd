"""The Personal details section's panels: addresses with the accommodation status beside them,
phone and email, language needs, personal contacts and disabilities (both sensitive)."""

from typing import Any

from django.utils import timezone

from caseload.core.dates import in_force
from caseload.people.constants import AddressKind, CircumstanceKind
from caseload.people.models import Person, PhoneAndEmail
from caseload.people.reading import case_circumstances
from caseload.people.record import CasePanel, CaseViewer, register_panel, shows_the_person_only

_KIND_ORDER = {kind: n for n, kind in enumerate(AddressKind.values)}


def addresses(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """Current addresses, main first, and every earlier one; the accommodation status is the
    current accommodation circumstance, shown with the main address rather than keyed again."""
    today = timezone.localdate()
    rows = list(person.addresses.all())
    current = [a for a in rows if in_force(a.start_date, a.end_date, today)]
    return {
        "addresses": rows,
        "current_addresses": sorted(current, key=lambda a: _KIND_ORDER.get(a.kind, 99)),
        "previous_addresses": [a for a in rows if a not in current],
        "accommodation_status": next(
            (
                c
                for c in case_circumstances(person)
                if c.kind == CircumstanceKind.ACCOMMODATION
                and in_force(c.start_date, c.end_date, today)
            ),
            None,
        ),
    }


def phone_and_email(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {"phone_and_email": PhoneAndEmail.objects.filter(person=person).first()}


def personal_contacts(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {"personal_contacts": list(person.personal_contacts.current())}


def disabilities(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    today = timezone.localdate()
    rows = list(person.disabilities.prefetch_related("adjustments"))
    return {
        "disabilities": [d for d in rows if in_force(d.start_date, d.end_date, today)],
        "ended_disabilities": [d for d in rows if not in_force(d.start_date, d.end_date, today)],
    }


def _panel(key: str, order: int, context: Any, **options: Any) -> CasePanel:
    return CasePanel(
        key, order, f"people/personal/{key}.html", context, section="personal", **options
    )


register_panel(_panel("addresses", 20, addresses))
register_panel(_panel("phone_and_email", 30, phone_and_email, width="one-half"))
register_panel(_panel("language", 40, shows_the_person_only, width="one-half"))
register_panel(_panel("personal_contacts", 50, personal_contacts, sensitive=True))
register_panel(_panel("disabilities", 60, disabilities, sensitive=True))
