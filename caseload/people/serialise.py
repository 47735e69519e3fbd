"""The whole case record as JSON for the API (the same facts the case page shows)."""

from typing import Any

from caseload.people.personal_serialise import serialise_personal_details


def _sentence(event: Any) -> dict[str, Any] | None:
    s = getattr(event, "sentence", None)
    if s is None:
        return None
    return {
        "type": s.sentence_type,
        "type_label": s.get_sentence_type_display(),
        "sentence_date": s.sentence_date,
        "length": s.length,
        "length_unit": s.length_unit,
        "release_date": s.release_date,
        "licence_expiry_date": s.licence_expiry_date,
        "termination_date": s.termination_date,
        "requirements": [
            {
                "category": r.category,
                "label": r.get_category_display(),
                "length": r.length,
                "length_unit": r.length_unit,
                "electronic_monitoring": r.electronic_monitoring,
                "start_date": r.start_date,
                "end_date": r.end_date,
            }
            for r in s.requirements.all()
        ],
        "licence_conditions": [
            {
                "category": c.category,
                "label": c.get_category_display(),
                "description": c.description,
                "start_date": c.start_date,
                "end_date": c.end_date,
            }
            for c in s.licence_conditions.all()
        ],
    }


def _registration(r: Any, with_notes: bool) -> dict[str, Any]:
    return {
        "id": r.pk,
        "register": r.register,
        "label": r.get_register_display(),
        "category": r.category,
        "level": r.level,
        "registered_on": r.registered_on,
        "deregistered_on": r.deregistered_on,
        "notes": r.notes if with_notes else None,
    }


def serialise_record(record: dict[str, Any], *, primary_tier: str) -> dict[str, Any]:
    p = record["person"]
    history = record["criminal_history"]
    tier = record["tier"]
    allocation = record["allocation"]
    notes = record["viewer"].sees_sensitive
    return {
        "crn": p.crn,
        "first_name": p.first_name,
        "last_name": p.last_name,
        "preferred_name": p.preferred_name,
        "date_of_birth": p.date_of_birth,
        "sex": p.sex,
        "withheld": [*record["withheld"], *([] if notes else ["notes"])],
        "equality": None
        if "equality" in record["withheld"]
        else {
            "gender_identity": p.gender_identity,
            "ethnicity": p.ethnicity,
            "religion": p.religion,
            "sexual_orientation": p.sexual_orientation,
            "disability": p.disability,
            "nationality": p.nationality,
            "preferred_language": p.preferred_language,
            "interpreter_required": p.interpreter_required,
        },
        "personal_details": serialise_personal_details(record),
        "criminal_history": None
        if history is None
        else {
            "total_sanctions": history.total_sanctions,
            "violent_sanctions": history.violent_sanctions,
            "first_sanction_date": history.first_sanction_date,
            "sexual_offence_history": history.sexual_offence_history,
        },
        "allocation": None
        if allocation is None
        else {
            "staff": str(allocation.staff),
            "officer_code": allocation.staff.officer_code,
            "team": allocation.team.name,
            "start_date": allocation.start_date,
        },
        "events": [
            {
                "number": e.number,
                "offence_code": e.offence_code,
                "offence_description": e.offence_description,
                "offence_date": e.offence_date,
                "conviction_date": e.conviction_date,
                "court": e.court,
                "sentence": _sentence(e),
            }
            for e in record["events"]
        ],
        "registrations": [_registration(r, notes) for r in record["active_registrations"]],
        "ended_registrations": [_registration(r, notes) for r in record["ended_registrations"]],
        "circumstances": [
            {
                "kind": c.kind,
                "status": c.status,
                "label": c.get_status_display(),
                "start_date": c.start_date,
                "end_date": c.end_date,
                "verified": c.verified,
            }
            for c in record["circumstances"]
        ],
        "contacts": [
            {
                "id": c.pk,
                "type": c.contact_type,
                "type_label": c.get_contact_type_display(),
                "happened_at": c.happened_at,
                "outcome": c.outcome or None,
                "enforcement_action": c.enforcement_action or None,
                "notes": c.notes if notes and not c.sensitive else None,
                "sensitive": c.sensitive,
            }
            for c in record["contacts"]
        ],
        "predictors": {
            name: {
                "score": None if s.score is None else float(s.score),
                "one_year": s.one_year,
                "two_year": s.two_year,
                "points": s.points,
                "band": s.band or None,
                "type": s.score_type or None,
                "missing": s.missing,
                "facts_as_at": s.facts_as_at,
            }
            for name, s in record["scores"].items()
        },
        "tier": None
        if tier is None
        else {
            "primary_framework": primary_tier,
            "v2": tier.v2_tier or None,
            "v2_protect_points": tier.v2_protect_points,
            "v2_change_points": tier.v2_change_points,
            "v3": tier.v3_tier or None,
            "v3_provisional": tier.v3_provisional,
            "reasons": tier.reasons,
            "calculated_at": tier.calculated_at,
        },
    }
