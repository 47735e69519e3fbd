"""The Personal details section in the API's whole-case JSON, read from its panels' contexts.
A panel withheld from the viewer (personal contacts, disabilities) is null, as on the page."""

from typing import Any


def _address(a: Any, with_notes: bool) -> dict[str, Any]:
    return {
        "id": a.pk,
        "version": a.version,
        "kind": a.kind,
        "kind_label": a.get_kind_display(),
        "line_1": a.line_1,
        "line_2": a.line_2,
        "town": a.town,
        "postcode": a.postcode,
        "start_date": a.start_date,
        "end_date": a.end_date,
        "verified": a.verified,
        "notes": a.notes if with_notes else None,
    }


def serialise_personal_details(record: dict[str, Any]) -> dict[str, Any]:
    person, withheld = record["person"], record["withheld"]
    details = record["phone_and_email"]
    notes = record["viewer"].sees_sensitive
    return {
        "addresses": [_address(a, notes) for a in record["addresses"]],
        "phone_and_email": {
            "version": details.version if details else None,
            "mobile": details.mobile if details else "",
            "phone": details.phone if details else "",
            "email": details.email if details else "",
        },
        "language": {
            "preferred_language": person.preferred_language,
            "interpreter_required": person.interpreter_required,
        },
        "personal_contacts": None
        if "personal_contacts" in withheld
        else [
            {
                "id": c.pk,
                "version": c.version,
                "kind": c.kind,
                "kind_label": c.get_kind_display(),
                "name": c.name,
                "relationship": c.relationship,
                "phone": c.phone,
                "address": c.address,
                "notes": c.notes,
            }
            for c in record["personal_contacts"]
        ],
        "disabilities": None
        if "disabilities" in withheld
        else [
            {
                "id": d.pk,
                "version": d.version,
                "kind": d.kind,
                "kind_label": d.get_kind_display(),
                "start_date": d.start_date,
                "end_date": d.end_date,
                "adjustments": [
                    {"need": j.need, "label": j.get_need_display()} for j in d.adjustments.all()
                ],
                "notes": d.notes,
            }
            for d in [*record["disabilities"], *record["ended_disabilities"]]
        ],
    }
